// SessionKey: the login's session key pair — EC P-256, generated in memory for one session (never
// stored unless a script asks for a session file), certified by the platform after the card
// vouched for it, and presented in every TLS handshake of the session. wipe() drops it at logout:
// our PEM copy is a SecureBuffer (cleansed), and QSslKey::clear() frees Qt's OpenSSL key, whose
// private scalar OpenSSL clears when freeing it.
#pragma once

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QSslKey>

namespace haip::platform {

class SessionKey
{
public:
    SessionKey() = default; // null
    static Result<SessionKey> generate();
    // From an unencrypted PKCS#8 PEM (a session file); only EC P-256 keys are accepted.
    static Result<SessionKey> fromPkcs8Pem(QByteArrayView pem);

    // A moved-from key is null (Qt's moved-from QSslKey must not be used, so it is replaced).
    SessionKey(SessionKey &&other) noexcept;
    SessionKey &operator=(SessionKey &&other) noexcept;
    SessionKey(const SessionKey &) = delete;
    SessionKey &operator=(const SessionKey &) = delete;
    ~SessionKey() { wipe(); }

    bool isNull() const { return m_key.isNull(); }
    // DER SubjectPublicKeyInfo: what the card signs and the platform certifies.
    const QByteArray &publicKeyDer() const { return m_publicKeyDer; }
    // For the TLS stack (QSslConfiguration::setPrivateKey).
    const QSslKey &sslKey() const { return m_key; }
    // For a session file only (0600).
    const crypto::SecureBuffer &pkcs8Pem() const { return m_pem; }

    void wipe();

private:
    static Result<SessionKey> fromPem(crypto::SecureBuffer pem);
    crypto::SecureBuffer m_pem;
    QSslKey m_key;
    QByteArray m_publicKeyDer;
};

} // namespace haip::platform
