// haip-platform otp --state DIR USER [--time UNIX]: prints the user's current TOTP code (demo aid).
#include "ClinicianDirectory.h"
#include "CommandOutput.h"
#include "Commands.h"
#include "PlatformState.h"
#include "crypto/Totp.h"

#include <QCommandLineParser>
#include <QDateTime>

#include <cstdio>

namespace haip::server {

int runOtp(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("state"), QStringLiteral("State folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("time"), QStringLiteral("Unix time instead of now."), QStringLiteral("SECONDS")});
    parser.addPositionalArgument(QStringLiteral("user"), QStringLiteral("Clinician id, e.g. yamada."));
    if (!parser.parse(QStringList {QStringLiteral("otp")} + arguments) || !parser.isSet(QStringLiteral("state")) ||
        parser.positionalArguments().size() != 1)
        return printUsage(QStringLiteral("usage: haip-platform otp --state DIR USER [--time UNIX]"));
    const PlatformState state(parser.value(QStringLiteral("state")));
    Result<ClinicianDirectory> directory = ClinicianDirectory::load(state.clinicianDirectory());
    if (!directory)
        return printError(directory.error());
    const QString user = parser.positionalArguments().front();
    const Clinician *c = directory->byId(user);
    if (!c)
        return printError(Error(ErrorCode::NotFound, QStringLiteral("no such clinician"), user));
    bool ok = true;
    const qint64 when = parser.isSet(QStringLiteral("time")) ? parser.value(QStringLiteral("time")).toLongLong(&ok)
                                                             : QDateTime::currentSecsSinceEpoch();
    if (!ok)
        return printUsage(QStringLiteral("--time takes Unix seconds"));
    const QByteArray code = crypto::Totp(c->totpSecret).codeAt(when).toLatin1() + '\n';
    std::fwrite(code.constData(), 1, size_t(code.size()), stdout);
    return 0;
}

} // namespace haip::server
