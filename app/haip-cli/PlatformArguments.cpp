#include "PlatformArguments.h"

#include <QCoreApplication>

namespace haip::cli {

Result<PlatformConnection> connectWithSession(const QString &sessionPath)
{
    Result<platform::SessionFile> session = platform::SessionFile::load(sessionPath);
    if (!session)
        return session.error();
    PlatformConnection c;
    c.session = std::move(session).value();
    c.api = std::make_unique<platform::ApiClient>(platform::PlatformEndpoint {c.session.platform, c.session.caPin, {}});
    c.api->setClientCertificate(c.session.chain, c.session.key.sslKey());
    return c;
}

Result<crypto::SpkiPin> pinArgument(const QString &text)
{
    Result<crypto::SpkiPin> pin = crypto::SpkiPin::parse(text);
    if (!pin)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a pin is 64 hex digits or sha256/<base64>"), text);
    return pin;
}

int runUntilFinished()
{
    return QCoreApplication::exec();
}

void finish(int exitCode)
{
    QCoreApplication::exit(exitCode);
}

} // namespace haip::cli
