// haip-platform: the reference HAIP platform. Sub-commands (init, serve, otp, worker) are
// added by the server work; until then it only reports its version.
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("haip-platform"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HAIP_VERSION));
    QTextStream(stdout) << "haip-platform " << QCoreApplication::applicationVersion() << '\n';
    return 0;
}
