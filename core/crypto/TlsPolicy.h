// TlsPolicy: the TLS settings of both ends of the platform API, per the MHLW guideline's
// CRYPTREC "high security" profile: TLS 1.3 preferred, TLS 1.2 minimum, only ECDHE key exchange
// with AES-GCM or ChaCha20-Poly1305; the platform CA pinned by the SHA-256 of its
// SubjectPublicKeyInfo; every certificate error fatal (nothing is ever ignored).
//
// Client side: the trust anchors are only the candidate certificates whose SPKI hash equals the
// pin (the policy ships the pin; the CA certificate comes from a file or from the server's own
// chain — either way only the pin decides). After the handshake checkEstablished() re-checks the
// protocol, the cipher and that the verified chain ends in the pinned CA.
// Server side: the certificate chain and key; a client certificate is requested but not required
// (login happens before there is one) and is verified per request by the platform itself.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>

namespace haip::crypto {

class TlsPolicy
{
public:
    explicit TlsPolicy(QByteArray pinnedCaSpkiSha256);

    // SHA-256 over the DER SubjectPublicKeyInfo of the certificate (32 bytes; empty if unreadable).
    static QByteArray spkiSha256(const QSslCertificate &certificate);
    // A pin as text (SpkiPin::parse): 64 hex digits, or "sha256/<base64>" (the HPKP spelling).
    static Result<QByteArray> parsePin(const QString &text);
    static QString pinToHex(const QByteArray &pin);

    const QByteArray &pin() const { return m_pin; }

    // The allowed suites, preferred first, among those the TLS library offers.
    static QList<QSslCipher> allowedCiphers();
    static bool isAllowedCipher(const QSslCipher &cipher);

    // The candidate whose SPKI matches the pin and that is a CA certificate, or TlsFailure.
    Result<QSslCertificate> pinnedAnchor(const QList<QSslCertificate> &candidates) const;

    // Client configuration trusting only the pinned anchor among the candidates.
    Result<QSslConfiguration> clientConfiguration(const QList<QSslCertificate> &anchorCandidates) const;
    // The same, presenting a client certificate (the session certificate, leaf first) and its key.
    Result<QSslConfiguration> clientConfiguration(const QList<QSslCertificate> &anchorCandidates,
                                                  const QList<QSslCertificate> &localChain,
                                                  const QSslKey &privateKey) const;
    // After the handshake: TLS ≥ 1.2, an allowed cipher, and a peer chain containing the pinned CA.
    Result<void> checkEstablished(const QSslConfiguration &session) const;

    // Server configuration: local chain leaf first (include the CA so clients can pin-check it).
    static QSslConfiguration serverConfiguration(const QList<QSslCertificate> &localChain,
                                                 const QSslKey &privateKey,
                                                 const QList<QSslCertificate> &clientCaCertificates);

private:
    QByteArray m_pin;
};

} // namespace haip::crypto
