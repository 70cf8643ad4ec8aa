// haip-vcard: a virtual PIV smart card for tests and the demo. It plugs into the real pcscd
// through the vsmartcard vpcd driver and plays the card described by a card profile that
// `haip-platform init` wrote. Test keys only: nothing here protects a real identity.
#include "CardControl.h"
#include "CardProfile.h"
#include "PivApplet.h"
#include "VpcdLink.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace haip::vcard;

namespace {

void printJson(const QJsonObject &object)
{
    QTextStream(stdout) << QJsonDocument(object).toJson(QJsonDocument::Compact) << Qt::endl;
}

int usage(const QString &message)
{
    QTextStream(stderr) << "haip-vcard: " << message << '\n';
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"haip-vcard"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(HAIP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"A virtual PIV card for pcscd's vpcd reader (test keys only)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"profile"_s, u"The card profile (card.json) written by haip-platform init."_s, u"file"_s});
    parser.addOption(
        {u"vpcd"_s, u"Where the vpcd driver listens (127.0.0.1:35963)."_s, u"host:port"_s, u"127.0.0.1:35963"_s});
    parser.addOption({u"control"_s, u"A local socket taking insert/remove/status/quit lines."_s, u"path"_s});
    parser.addOption({u"removed"_s, u"Start with the card out of the reader."_s});
    parser.process(app);

    if (!parser.isSet(u"profile"_s))
        return usage(u"--profile is required"_s);
    const QStringList hostPort = parser.value(u"vpcd"_s).split(u':');
    bool portOk = false;
    const quint16 port = hostPort.size() == 2 ? hostPort.at(1).toUShort(&portOk) : 0;
    if (!portOk)
        return usage(u"--vpcd takes host:port"_s);

    haip::Result<CardProfile> profile = CardProfile::load(parser.value(u"profile"_s));
    if (!profile) {
        QTextStream(stderr) << "haip-vcard: " << profile.error().message() << '\n';
        return 1;
    }
    PivApplet applet(*profile);
    VpcdLink link(applet, hostPort.at(0), port);
    CardControl control(link, *profile);
    if (parser.isSet(u"control"_s) && !control.listen(parser.value(u"control"_s)))
        return usage(u"cannot listen on %1: %2"_s.arg(parser.value(u"control"_s), control.errorString()));

    QObject::connect(&link, &VpcdLink::inserted, [] { printJson({{u"event"_s, u"inserted"_s}}); });
    QObject::connect(&link, &VpcdLink::removed, [] { printJson({{u"event"_s, u"removed"_s}}); });
    QObject::connect(&link, &VpcdLink::failed, [](const QString &reason) {
        printJson({{u"event"_s, u"error"_s}, {u"detail"_s, reason}});
    });
    QObject::connect(&control, &CardControl::quitRequested, &app, &QCoreApplication::quit, Qt::QueuedConnection);

    printJson({{u"event"_s, u"ready"_s},
               {u"clinicianId"_s, profile->clinicianId()},
               {u"pivAlgorithmId"_s, profile->pivAlgorithmId()}});
    if (!parser.isSet(u"removed"_s))
        link.insert();
    return app.exec();
}
