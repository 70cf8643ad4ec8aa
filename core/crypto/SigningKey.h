// A private key that signs: ECDSA P-256 (JWS "ES256") or Ed25519 (JWS "EdDSA"). The reference
// platform's catalog signing key is one of these; it is generated once and stored as PKCS#8 PEM.
#pragma once

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "crypto/VerifyingKey.h"

#include <QByteArray>
#include <QJsonObject>

#include <memory>

namespace haip::crypto {

class SigningKey
{
public:
    SigningKey() = default; // null
    static Result<SigningKey> generate(SignatureAlgorithm algorithm);
    // PKCS#8 "PRIVATE KEY" PEM (or the SEC 1 "EC PRIVATE KEY" form OpenSSL also reads).
    static Result<SigningKey> fromPem(QByteArrayView pem);
    // A JWK with its private member "d".
    static Result<SigningKey> fromJwk(const QJsonObject &jwk);

    bool isNull() const { return !m_key; }
    SignatureAlgorithm algorithm() const { return m_public.algorithm(); }
    const VerifyingKey &verifyingKey() const { return m_public; }
    // Unencrypted PKCS#8 PEM: store it with file permissions 0600 or better.
    SecureBuffer toPem() const;

    // ES256: raw R || S (64 bytes); EdDSA: the 64-byte Ed25519 signature.
    Result<QByteArray> sign(QByteArrayView message) const;

private:
    SigningKey(std::shared_ptr<evp_pkey_st> key, VerifyingKey publicKey);
    // Checks the key type and pairs the private key with its public half.
    static Result<SigningKey> fromPrivateKey(std::shared_ptr<evp_pkey_st> key);
    std::shared_ptr<evp_pkey_st> m_key;
    VerifyingKey m_public;
};

} // namespace haip::crypto
