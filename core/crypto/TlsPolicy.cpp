// TlsPolicy: the CRYPTREC suite table and pin checks. The SPKI hash is computed with OpenSSL
// because QSslKey does not promise SubjectPublicKeyInfo DER for every key type.
#include "crypto/TlsPolicy.h"

#include "crypto/SpkiPin.h"
#include "crypto/internal/OpenSslPtr.h"

#include <QCryptographicHash>
#include <QSslSocket>

#include <openssl/x509.h>

#include <algorithm>
#include <array>

namespace haip::crypto {

using internal::X509Ptr;

namespace {

// Cipher suites allowed by the CRYPTREC TLS guideline's high-security settings that we accept,
// in order of preference. TLS 1.3 suites first (always ECDHE/AEAD), then TLS 1.2 ECDHE + AEAD.
constexpr std::array<const char *, 9> kAllowedSuites {{
    "TLS_AES_128_GCM_SHA256", // TLS 1.3
    "TLS_AES_256_GCM_SHA384", // TLS 1.3
    "TLS_CHACHA20_POLY1305_SHA256", // TLS 1.3
    "ECDHE-ECDSA-AES128-GCM-SHA256", // TLS 1.2
    "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305",
    "ECDHE-RSA-CHACHA20-POLY1305",
}};

bool isCaCertificate(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    X509Ptr x509(d2i_X509(nullptr, &p, der.size()));
    return x509 && X509_check_ca(x509.get()) > 0;
}

} // namespace

TlsPolicy::TlsPolicy(QByteArray pinnedCaSpkiSha256) : m_pin(std::move(pinnedCaSpkiSha256)) { }

QByteArray TlsPolicy::spkiSha256(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    X509Ptr x509(d2i_X509(nullptr, &p, der.size()));
    if (!x509)
        return {};
    unsigned char *spki = nullptr;
    const int length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x509.get()), &spki);
    if (length <= 0)
        return {};
    QByteArray hash = QCryptographicHash::hash(QByteArrayView(reinterpret_cast<const char *>(spki), length),
                                               QCryptographicHash::Sha256);
    OPENSSL_free(spki);
    return hash;
}

Result<QByteArray> TlsPolicy::parsePin(const QString &text)
{
    Result<SpkiPin> pin = SpkiPin::parse(text);
    if (!pin)
        return pin.error();
    return pin->digest();
}

QString TlsPolicy::pinToHex(const QByteArray &pin)
{
    return QString::fromLatin1(pin.toHex());
}

QList<QSslCipher> TlsPolicy::allowedCiphers()
{
    const QList<QSslCipher> supported = QSslConfiguration::supportedCiphers();
    QList<QSslCipher> out;
    for (const char *name : kAllowedSuites) {
        for (const QSslCipher &c : supported) {
            if (c.name() == QLatin1String(name)) {
                out.append(c);
                break;
            }
        }
    }
    return out;
}

bool TlsPolicy::isAllowedCipher(const QSslCipher &cipher)
{
    for (const char *name : kAllowedSuites) {
        if (cipher.name() == QLatin1String(name))
            return true;
    }
    return false;
}

Result<QSslCertificate> TlsPolicy::pinnedAnchor(const QList<QSslCertificate> &candidates) const
{
    for (const QSslCertificate &c : candidates) {
        if (!c.isNull() && spkiSha256(c) == m_pin && isCaCertificate(c))
            return c;
    }
    return Error(ErrorCode::TlsFailure, QStringLiteral("no CA certificate matches the pinned key"));
}

Result<QSslConfiguration> TlsPolicy::clientConfiguration(const QList<QSslCertificate> &anchorCandidates) const
{
    Result<QSslCertificate> anchor = pinnedAnchor(anchorCandidates);
    if (!anchor)
        return anchor.error();
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setCiphers(allowedCiphers());
    // Only the pinned CA: setting the list also turns off on-demand loading of system roots.
    c.setCaCertificates({*anchor});
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    c.setPeerVerifyDepth(4);
    c.setSslOption(QSsl::SslOptionDisableLegacyRenegotiation, true);
    c.setSslOption(QSsl::SslOptionDisableCompression, true);
    return c;
}

Result<QSslConfiguration> TlsPolicy::clientConfiguration(const QList<QSslCertificate> &anchorCandidates,
                                                         const QList<QSslCertificate> &localChain,
                                                         const QSslKey &privateKey) const
{
    Result<QSslConfiguration> c = clientConfiguration(anchorCandidates);
    if (!c)
        return c;
    if (localChain.isEmpty() || privateKey.isNull())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a client certificate needs a chain and a key"));
    c->setLocalCertificateChain(localChain);
    c->setPrivateKey(privateKey);
    return c;
}

Result<void> TlsPolicy::checkEstablished(const QSslConfiguration &session) const
{
    const QSsl::SslProtocol protocol = session.sessionProtocol();
    if (protocol != QSsl::TlsV1_3 && protocol != QSsl::TlsV1_2)
        return Error(ErrorCode::TlsFailure, QStringLiteral("the server negotiated a TLS version below 1.2"));
    if (!isAllowedCipher(session.sessionCipher()))
        return Error(ErrorCode::TlsFailure,
                     QStringLiteral("the server negotiated a cipher suite outside policy: %1")
                         .arg(session.sessionCipher().name()));
    // Verified against nothing but the pinned CA, or a chain that itself carries the pinned CA.
    const QList<QSslCertificate> anchors = session.caCertificates();
    const bool onlyPinnedAnchors =
        !anchors.isEmpty() && std::all_of(anchors.begin(), anchors.end(), [this](const QSslCertificate &c) {
            return spkiSha256(c) == m_pin;
        });
    if (!onlyPinnedAnchors && !pinnedAnchor(session.peerCertificateChain()))
        return Error(ErrorCode::TlsFailure,
                     QStringLiteral("the server's certificate chain does not contain the pinned CA"));
    return {};
}

QSslConfiguration TlsPolicy::serverConfiguration(const QList<QSslCertificate> &localChain,
                                                 const QSslKey &privateKey,
                                                 const QList<QSslCertificate> &clientCaCertificates)
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setCiphers(allowedCiphers());
    c.setLocalCertificateChain(localChain);
    c.setPrivateKey(privateKey);
    c.setCaCertificates(clientCaCertificates);
    // Request a client certificate without requiring one: the login routes come before there is
    // one; the platform verifies it per request (expired, unknown and revoked → 401).
    c.setPeerVerifyMode(QSslSocket::QueryPeer);
    // No session resumption: a resumed TLS 1.3 session carries no fresh client certificate.
    c.setSslOption(QSsl::SslOptionDisableSessionTickets, true);
    c.setSslOption(QSsl::SslOptionDisableLegacyRenegotiation, true);
    c.setSslOption(QSsl::SslOptionDisableCompression, true);
    c.setAllowedNextProtocols({QByteArray(QSslConfiguration::NextProtocolHttp1_1)});
    return c;
}

} // namespace haip::crypto
