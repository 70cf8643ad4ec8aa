// JSON Web Signature (RFC 7515), compact serialisation, for the platform's signed catalog:
// ES256 (ECDSA P-256 with the raw R || S signature of RFC 7518 section 3.4) and EdDSA
// (Ed25519, RFC 8037). Verification is strict: the header's "alg" must be exactly the
// algorithm of the key the caller trusts (no "none", no HMAC, no switching algorithms), the
// key always comes from the caller (never from "jwk"/"x5c"/"jku" in the header), "crit" and
// "b64" are refused, and every part must be canonical base64url without padding. The detached
// form (RFC 7515 Appendix F: an empty payload part) is supported.
#pragma once

#include "common/Result.h"
#include "crypto/SigningKey.h"
#include "crypto/SpkiPin.h"
#include "crypto/VerifyingKey.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace haip::crypto {

struct JwsSignOptions
{
    QString keyId; // "kid", when not empty
    QString type; // "typ", when not empty (e.g. "haip-catalog+jws")
    bool detached = false;
};

struct VerifiedJws
{
    QByteArray payload;
    QJsonObject header;
    QString keyId;
    SignatureAlgorithm algorithm = SignatureAlgorithm::Es256;
};

class Jws
{
public:
    static Result<QByteArray> sign(QByteArrayView payload, const SigningKey &key, const JwsSignOptions &options = {});
    // SignatureInvalid for every refusal (malformed token, other alg, bad signature).
    static Result<VerifiedJws>
    verify(QByteArrayView token, const VerifyingKey &key, std::optional<QByteArrayView> detachedPayload = std::nullopt);
    // The same after checking the key against the pin of policy (KeyPinMismatch first).
    static Result<VerifiedJws> verifyPinned(QByteArrayView token,
                                            const VerifyingKey &key,
                                            const SpkiPin &pin,
                                            std::optional<QByteArrayView> detachedPayload = std::nullopt);

    // Largest token verify() accepts (a catalog with its HTML detail pages stays far below).
    static constexpr qsizetype MaxTokenSize = qsizetype {16} * 1024 * 1024;
};

} // namespace haip::crypto
