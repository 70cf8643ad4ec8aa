#include "TlsServerConfig.h"

#include "crypto/TlsPolicy.h"

namespace haip::server {

Result<TlsServerConfig> TlsServerConfig::load(const PlatformState &state)
{
    Result<QByteArray> chainPem = PlatformState::readFile(state.serverCertificate());
    Result<QByteArray> keyPem = PlatformState::readFile(state.serverKey());
    Result<QByteArray> caPem = PlatformState::readFile(state.tlsCaCertificate());
    for (const Result<QByteArray> *r : {&chainPem, &keyPem, &caPem}) {
        if (!*r)
            return r->error().code() == ErrorCode::FileNotFound
                ? Error(ErrorCode::FileNotFound,
                        QStringLiteral("run 'haip-platform init --state %1' first").arg(state.root()),
                        r->error().subject())
                : r->error();
    }
    TlsServerConfig c;
    c.chain = QSslCertificate::fromData(*chainPem, QSsl::Pem);
    c.key = QSslKey(*keyPem, QSsl::Ec, QSsl::Pem);
    const QList<QSslCertificate> ca = QSslCertificate::fromData(*caPem, QSsl::Pem);
    if (c.chain.isEmpty() || c.key.isNull() || ca.size() != 1)
        return Error(
            ErrorCode::InvalidAttribute, QStringLiteral("unreadable server certificate, key or CA"), state.root());
    c.caSpkiSha256 = crypto::TlsPolicy::spkiSha256(ca.front());
    return c;
}

QSslConfiguration TlsServerConfig::configuration(const CertificateAuthority &sessionCa) const
{
    return crypto::TlsPolicy::serverConfiguration(chain, key, {sessionCa.certificate()});
}

} // namespace haip::server
