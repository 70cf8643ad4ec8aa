// A public key that verifies signatures: ECDSA P-256 (JWS "ES256") or Ed25519 (JWS "EdDSA").
// The platform signs its catalog with one of these; the client verifies with the key it was
// given and checks that key against the SPKI pin of its policy (SpkiPin). Loaded from PEM
// (SubjectPublicKeyInfo), DER or a JWK; other key types and curves are refused.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, kept opaque here

namespace haip::crypto {

enum class SignatureAlgorithm
{
    Es256, // ECDSA with P-256 and SHA-256, signature R || S (RFC 7518 section 3.4)
    EdDsa, // Ed25519 (RFC 8037)
};

// The JWS "alg" value: "ES256" or "EdDSA".
QString jwsAlgorithmName(SignatureAlgorithm algorithm);

class VerifyingKey
{
public:
    VerifyingKey() = default; // null
    static Result<VerifyingKey> fromPem(QByteArrayView pem);
    static Result<VerifyingKey> fromSpkiDer(QByteArrayView der);
    // {"kty":"EC","crv":"P-256","x","y"} or {"kty":"OKP","crv":"Ed25519","x"}; private members
    // ("d") are ignored.
    static Result<VerifyingKey> fromJwk(const QJsonObject &jwk);

    bool isNull() const { return !m_key; }
    SignatureAlgorithm algorithm() const { return m_algorithm; }
    // DER SubjectPublicKeyInfo: what SpkiPin hashes.
    QByteArray spkiDer() const;
    QByteArray toPem() const;
    QJsonObject toJwk() const;

    // SignatureInvalid when `signature` (raw R || S for ES256, 64 bytes either way) does not
    // verify over `message`.
    Result<void> verify(QByteArrayView message, QByteArrayView signature) const;

    bool operator==(const VerifyingKey &other) const;

private:
    VerifyingKey(std::shared_ptr<evp_pkey_st> key, SignatureAlgorithm algorithm);
    std::shared_ptr<evp_pkey_st> m_key;
    SignatureAlgorithm m_algorithm = SignatureAlgorithm::Es256;
};

} // namespace haip::crypto
