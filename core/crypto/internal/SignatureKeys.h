// OpenSSL plumbing shared by VerifyingKey and SigningKey: which JWS algorithm an EVP_PKEY is
// for, keys from JWK members, and the ECDSA signature forms (raw R || S for JWS, DER for
// OpenSSL).
#pragma once

#include "common/Result.h"
#include "crypto/VerifyingKey.h"
#include "crypto/internal/OpenSslPtr.h"

#include <QByteArray>

#include <memory>

namespace haip::crypto::internal {

std::shared_ptr<evp_pkey_st> sharedKey(PKeyPtr key);
// ES256 for P-256 EC keys, EdDSA for Ed25519; KeyInvalid for anything else.
Result<SignatureAlgorithm> signatureAlgorithmOf(EVP_PKEY *key);
// From JWK members: EC P-256 (x, y[, d]) or OKP Ed25519 (x[, d]).
Result<PKeyPtr> keyFromJwk(const QJsonObject &jwk, bool withPrivate);
// Public JWK members of a key.
QJsonObject publicJwk(EVP_PKEY *key, SignatureAlgorithm algorithm);
Result<QByteArray> ecdsaDerToRaw(QByteArrayView der);
Result<QByteArray> ecdsaRawToDer(QByteArrayView raw);

} // namespace haip::crypto::internal
