// haip-platform emergency-code --state DIR USER [--minutes N]: IT's side of emergency access —
// a one-time code for a clinician whose card cannot be used, valid N minutes (default 30).
// Prints {"user", "code", "expiresAt"}.
#include "ClinicianDirectory.h"
#include "CommandOutput.h"
#include "Commands.h"
#include "EmergencyCodes.h"
#include "PlatformState.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonObject>

namespace haip::server {

int runEmergencyCode(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("state"), QStringLiteral("State folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("minutes"), QStringLiteral("Validity (default 30)."), QStringLiteral("N")});
    parser.addPositionalArgument(QStringLiteral("user"), QStringLiteral("Clinician id, e.g. yamada."));
    if (!parser.parse(QStringList {QStringLiteral("emergency-code")} + arguments) ||
        !parser.isSet(QStringLiteral("state")) || parser.positionalArguments().size() != 1)
        return printUsage(QStringLiteral("usage: haip-platform emergency-code --state DIR USER [--minutes N]"));
    bool ok = true;
    const int minutes =
        parser.isSet(QStringLiteral("minutes")) ? parser.value(QStringLiteral("minutes")).toInt(&ok) : 30;
    if (!ok || minutes < 1 || minutes > 24 * 60)
        return printUsage(QStringLiteral("--minutes takes 1 to 1440"));
    const PlatformState state(parser.value(QStringLiteral("state")));
    Result<ClinicianDirectory> directory = ClinicianDirectory::load(state.clinicianDirectory());
    if (!directory)
        return printError(directory.error());
    const QString user = parser.positionalArguments().front();
    if (!directory->byId(user))
        return printError(Error(ErrorCode::NotFound, QStringLiteral("no such clinician"), user));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<QString> code = EmergencyCodes(state.emergencyCodes()).issue(user, minutes, now);
    if (!code)
        return printError(code.error());
    printJson({{QStringLiteral("user"), user},
               {QStringLiteral("code"), *code},
               {QStringLiteral("expiresAt"), now.addSecs(qint64(minutes) * 60).toString(Qt::ISODate)}});
    return 0;
}

} // namespace haip::server
