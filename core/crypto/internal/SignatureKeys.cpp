#include "crypto/internal/SignatureKeys.h"

#include "crypto/Base64.h"
#include "crypto/internal/OpenSslErrors.h"

#include <openssl/core_names.h>

#include <cstring>

namespace haip::crypto::internal {

namespace {

constexpr int kCoordinateSize = 32; // P-256 field elements and Ed25519 keys

Error invalid(const QString &detail)
{
    return Error(ErrorCode::KeyInvalid, detail);
}

Result<QByteArray> member(const QJsonObject &jwk, const QString &name)
{
    const std::optional<QByteArray> bytes = decodeStrictBase64Url(jwk.value(name).toString().toLatin1());
    if (!bytes || bytes->size() != kCoordinateSize)
        return invalid(QStringLiteral("JWK member \"%1\" is not 32 bytes of base64url").arg(name));
    return *bytes;
}

Result<PKeyPtr> ecKeyFromJwk(const QJsonObject &jwk, bool withPrivate)
{
    Result<QByteArray> x = member(jwk, QStringLiteral("x"));
    Result<QByteArray> y = member(jwk, QStringLiteral("y"));
    if (!x || !y)
        return !x ? x.error() : y.error();
    const QByteArray point = QByteArray(1, '\x04') + *x + *y; // SEC 1 uncompressed point
    Result<QByteArray> d = withPrivate ? member(jwk, QStringLiteral("d")) : Result<QByteArray>(QByteArray());
    if (!d)
        return d.error();
    const ParamBldPtr builder(OSSL_PARAM_BLD_new());
    const BignumPtr privateScalar(
        withPrivate ? BN_bin2bn(reinterpret_cast<const unsigned char *>(d->constData()), int(d->size()), nullptr)
                    : nullptr);
    if (!builder || (withPrivate && !privateScalar) ||
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "P-256", 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(
            builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), size_t(point.size())) != 1 ||
        (withPrivate && OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, privateScalar.get()) != 1))
        return openSslError(QStringLiteral("OSSL_PARAM_BLD (EC JWK)"));
    d->fill('\0');
    const ParamPtr params(OSSL_PARAM_BLD_to_param(builder.get()));
    const PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &raw, withPrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return openSslError(ErrorCode::KeyInvalid, QStringLiteral("EC JWK refused (point not on P-256?)"));
    PKeyPtr key(raw);
    // The point must be on the curve and, for a key pair, belong to the private scalar.
    const PKeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1 || (withPrivate && EVP_PKEY_pairwise_check(check.get()) != 1))
        return openSslError(ErrorCode::KeyInvalid, QStringLiteral("EC JWK fails the key checks"));
    return key;
}

Result<PKeyPtr> okpKeyFromJwk(const QJsonObject &jwk, bool withPrivate)
{
    Result<QByteArray> x = member(jwk, QStringLiteral("x"));
    if (!x)
        return x.error();
    if (!withPrivate) {
        PKeyPtr key(EVP_PKEY_new_raw_public_key(
            EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(x->constData()), size_t(x->size())));
        if (!key)
            return openSslError(ErrorCode::KeyInvalid, QStringLiteral("Ed25519 JWK refused"));
        return key;
    }
    Result<QByteArray> d = member(jwk, QStringLiteral("d"));
    if (!d)
        return d.error();
    PKeyPtr key(EVP_PKEY_new_raw_private_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(d->constData()), size_t(d->size())));
    d->fill('\0');
    if (!key)
        return openSslError(ErrorCode::KeyInvalid, QStringLiteral("Ed25519 JWK refused"));
    QByteArray derived(kCoordinateSize, Qt::Uninitialized);
    size_t length = size_t(derived.size());
    if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(derived.data()), &length) != 1 ||
        derived != *x)
        return invalid(QStringLiteral("Ed25519 JWK: \"x\" is not the public key of \"d\""));
    return key;
}

} // namespace

std::shared_ptr<evp_pkey_st> sharedKey(PKeyPtr key)
{
    return std::shared_ptr<evp_pkey_st>(key.release(), EVP_PKEY_free);
}

Result<SignatureAlgorithm> signatureAlgorithmOf(EVP_PKEY *key)
{
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519)
        return SignatureAlgorithm::EdDsa;
    if (EVP_PKEY_is_a(key, "EC")) {
        char group[64] = {};
        size_t length = 0;
        if (EVP_PKEY_get_group_name(key, group, sizeof group, &length) != 1)
            return openSslError(ErrorCode::KeyInvalid, QStringLiteral("EC key without a named curve"));
        const QByteArray name(group, qsizetype(length));
        if (name == "prime256v1" || name == "P-256")
            return SignatureAlgorithm::Es256;
        return invalid(QStringLiteral("EC curve %1 (only P-256 is accepted)").arg(QString::fromLatin1(name)));
    }
    return invalid(QStringLiteral("key type %1 (ES256 with P-256 or EdDSA with Ed25519 expected)")
                       .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key))));
}

Result<PKeyPtr> keyFromJwk(const QJsonObject &jwk, bool withPrivate)
{
    const QString kty = jwk.value(QStringLiteral("kty")).toString();
    const QString crv = jwk.value(QStringLiteral("crv")).toString();
    if (kty == QLatin1String("EC") && crv == QLatin1String("P-256"))
        return ecKeyFromJwk(jwk, withPrivate);
    if (kty == QLatin1String("OKP") && crv == QLatin1String("Ed25519"))
        return okpKeyFromJwk(jwk, withPrivate);
    return invalid(QStringLiteral("JWK kty \"%1\" crv \"%2\" (EC P-256 or OKP Ed25519 expected)").arg(kty, crv));
}

QJsonObject publicJwk(EVP_PKEY *key, SignatureAlgorithm algorithm)
{
    if (algorithm == SignatureAlgorithm::EdDsa) {
        QByteArray x(kCoordinateSize, Qt::Uninitialized);
        size_t length = size_t(x.size());
        if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(x.data()), &length) != 1)
            return {};
        return {{QStringLiteral("kty"), QStringLiteral("OKP")},
                {QStringLiteral("crv"), QStringLiteral("Ed25519")},
                {QStringLiteral("x"), QString::fromLatin1(encodeBase64Url(x))}};
    }
    unsigned char point[1 + 2 * kCoordinateSize];
    size_t length = 0;
    if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, point, sizeof point, &length) != 1 ||
        length != sizeof point)
        return {};
    const QByteArrayView bytes(point, qsizetype(length));
    return {{QStringLiteral("kty"), QStringLiteral("EC")},
            {QStringLiteral("crv"), QStringLiteral("P-256")},
            {QStringLiteral("x"), QString::fromLatin1(encodeBase64Url(bytes.sliced(1, kCoordinateSize)))},
            {QStringLiteral("y"), QString::fromLatin1(encodeBase64Url(bytes.sliced(1 + kCoordinateSize)))}};
}

Result<QByteArray> ecdsaDerToRaw(QByteArrayView der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.data());
    const EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, long(der.size())));
    if (!sig)
        return openSslError(QStringLiteral("d2i_ECDSA_SIG"));
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray raw(qsizetype {2} * kCoordinateSize, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(r, out, kCoordinateSize) != kCoordinateSize ||
        BN_bn2binpad(s, out + kCoordinateSize, kCoordinateSize) != kCoordinateSize)
        return openSslError(QStringLiteral("BN_bn2binpad"));
    return raw;
}

Result<QByteArray> ecdsaRawToDer(QByteArrayView raw)
{
    if (raw.size() != qsizetype {2} * kCoordinateSize)
        return Error(ErrorCode::SignatureInvalid,
                     QStringLiteral("an ES256 signature has 64 bytes (R || S), not %1").arg(raw.size()));
    const auto *bytes = reinterpret_cast<const unsigned char *>(raw.data());
    BignumPtr r(BN_bin2bn(bytes, kCoordinateSize, nullptr));
    BignumPtr s(BN_bin2bn(bytes + kCoordinateSize, kCoordinateSize, nullptr));
    EcdsaSigPtr sig(ECDSA_SIG_new());
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return openSslError(QStringLiteral("ECDSA_SIG_set0"));
    (void)r.release(); // owned by sig now
    (void)s.release();
    unsigned char *der = nullptr;
    const int length = i2d_ECDSA_SIG(sig.get(), &der);
    if (length <= 0)
        return openSslError(QStringLiteral("i2d_ECDSA_SIG"));
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return out;
}

} // namespace haip::crypto::internal
