// haip-platform init --state DIR: creates the demo/test state (PlatformInit); idempotent.
#include "ClinicianDirectory.h"
#include "CommandOutput.h"
#include "Commands.h"
#include "PlatformInit.h"
#include "PlatformState.h"
#include "crypto/Totp.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace haip::server {

int runInit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Create the platform state: test CAs, keys, demo clinicians."));
    parser.addOption({QStringLiteral("state"), QStringLiteral("State folder."), QStringLiteral("DIR")});
    parser.addHelpOption();
    if (!parser.parse(QStringList {QStringLiteral("init")} + arguments) || !parser.isSet(QStringLiteral("state")))
        return printUsage(QStringLiteral("usage: haip-platform init --state DIR"));

    const PlatformState state(parser.value(QStringLiteral("state")));
    PlatformInit init(state);
    Result<InitReport> report = init.run();
    if (!report)
        return printError(report.error());
    printJson({{QStringLiteral("state"), state.root()},
               {QStringLiteral("changed"), report->changed()},
               {QStringLiteral("created"), QJsonArray::fromStringList(report->created)}});
    printMessage(
        report->changed()
            ? QStringLiteral("Initialised %1 (%2 files created).").arg(state.root()).arg(report->created.size())
            : QStringLiteral("%1 is already initialised; nothing changed.").arg(state.root()));

    // The demo clinicians and their TOTP secrets (demo aid: scan the URI into an authenticator).
    Result<ClinicianDirectory> directory = ClinicianDirectory::load(state.clinicianDirectory());
    if (!directory)
        return printError(directory.error());
    for (const Clinician &c : directory->clinicians()) {
        const crypto::Totp totp(c.totpSecret);
        printJson({{QStringLiteral("clinician"), c.id},
                   {QStringLiteral("name"), c.nameJa},
                   {QStringLiteral("card"), c.cardKeyType},
                   {QStringLiteral("cardRevoked"), c.cardRevoked},
                   {QStringLiteral("cardProfile"), state.cardProfile(c.id)},
                   {QStringLiteral("otpauth"), totp.otpauthUri(QStringLiteral("HAIP Demo"), c.id)}});
    }
    return 0;
}

} // namespace haip::server
