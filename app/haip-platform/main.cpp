// haip-platform: the reference HAIP platform. Sub-commands:
//   init   create the state folder (test CAs, keys, demo clinicians)   server/InitCommand.cpp
//   serve  run the API over TLS                                         server/ServeCommand.cpp
//   otp    print a demo clinician's current one-time password          server/OtpCommand.cpp
//   worker run one AI service's worker (holds its private key)     server/WorkerCommand.cpp
#include "common/Library.h"
#include "common/Translations.h"
#include "server/CommandOutput.h"
#include "server/Commands.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <array>

namespace {

struct Subcommand
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

// Sub-command table.
constexpr std::array<Subcommand, 5> kSubcommands {{
    {"init", "create the platform state: test CAs, keys, demo clinicians", &haip::server::runInit},
    {"serve", "run the platform API over TLS", &haip::server::runServe},
    {"otp", "print a demo clinician's current one-time password", &haip::server::runOtp},
    {"worker", "run one AI service's worker (serve starts them)", &haip::server::runWorker},
    {"emergency-code", "issue a one-time emergency access code for a clinician (IT)", &haip::server::runEmergencyCode},
}};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("haip-platform"));
    QCoreApplication::setOrganizationName(QStringLiteral("HAIP"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HAIP_VERSION));
    haip::LibraryScope library;
    haip::installTranslators(app);

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h")) {
        haip::server::printMessage(QStringLiteral("usage: haip-platform <command> [options]\n\ncommands:"));
        for (const Subcommand &c : kSubcommands)
            haip::server::printMessage(
                QStringLiteral("  %1  %2").arg(QLatin1String(c.name), -6).arg(QLatin1String(c.summary)));
        return args.isEmpty() ? 2 : 0;
    }
    if (args.front() == QLatin1String("--version")) {
        haip::server::printJson({{QStringLiteral("program"), QStringLiteral("haip-platform")},
                                 {QStringLiteral("version"), QStringLiteral(HAIP_VERSION)}});
        return 0;
    }
    const QString name = args.takeFirst();
    for (const Subcommand &c : kSubcommands) {
        if (name == QLatin1String(c.name))
            return c.run(args);
    }
    return haip::server::printUsage(QStringLiteral("unknown command '%1' (see --help)").arg(name));
}
