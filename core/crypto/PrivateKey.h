// An X25519 private key with its public key: the recipient key of an envelope (an AI service's
// key pair, or a sender's key in HPKE auth mode). The 32 raw bytes live in a SecureBuffer;
// the text form is standard base64 like PublicKey's.
#pragma once

#include "common/Result.h"
#include "crypto/PublicKey.h"
#include "crypto/SecureBuffer.h"

namespace haip::crypto {

class PrivateKey
{
public:
    static constexpr qsizetype Size = 32;

    PrivateKey() = default; // null
    // A fresh key from OpenSSL's random generator.
    static Result<PrivateKey> generate();
    // RFC 9180 section 7.1.3 DeriveKeyPair(ikm) for X25519: deterministic, for test vectors and
    // for keys derived from a stored seed.
    static Result<PrivateKey> derive(QByteArrayView ikm);
    static Result<PrivateKey> fromRaw(QByteArrayView raw);
    static Result<PrivateKey> fromBase64(QStringView text);

    bool isNull() const { return m_raw.isEmpty(); }
    const SecureBuffer &raw() const { return m_raw; }
    const PublicKey &publicKey() const { return m_public; }
    // The secret in text form: for key generation output only (a QString cannot be wiped).
    QString toBase64() const;

private:
    PrivateKey(SecureBuffer raw, PublicKey publicKey) : m_raw(std::move(raw)), m_public(std::move(publicKey)) { }
    SecureBuffer m_raw;
    PublicKey m_public;
};

} // namespace haip::crypto
