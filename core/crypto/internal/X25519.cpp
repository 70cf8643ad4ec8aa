#include "crypto/internal/X25519.h"

#include "crypto/HpkeSuite.h"
#include "crypto/internal/OpenSslErrors.h"

namespace haip::crypto::internal {

Result<PKeyPtr> x25519PrivateFromRaw(QByteArrayView raw)
{
    if (raw.size() != hpke::X25519KeyLength)
        return Error(ErrorCode::KeyInvalid,
                     QStringLiteral("an X25519 private key has 32 bytes, not %1").arg(raw.size()));
    PKeyPtr key(EVP_PKEY_new_raw_private_key(
        EVP_PKEY_X25519, nullptr, reinterpret_cast<const unsigned char *>(raw.data()), size_t(raw.size())));
    if (!key)
        return openSslError(ErrorCode::KeyInvalid, QStringLiteral("EVP_PKEY_new_raw_private_key"));
    return key;
}

Result<PKeyPtr> x25519PublicFromRaw(QByteArrayView raw)
{
    if (raw.size() != hpke::X25519KeyLength)
        return Error(ErrorCode::KeyInvalid,
                     QStringLiteral("an X25519 public key has 32 bytes, not %1").arg(raw.size()));
    PKeyPtr key(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_X25519, nullptr, reinterpret_cast<const unsigned char *>(raw.data()), size_t(raw.size())));
    if (!key)
        return openSslError(ErrorCode::KeyInvalid, QStringLiteral("EVP_PKEY_new_raw_public_key"));
    return key;
}

Result<PKeyPtr> x25519Generate()
{
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    if (!key)
        return openSslError(QStringLiteral("EVP_PKEY_Q_keygen(X25519)"));
    return key;
}

Result<QByteArray> x25519PublicRaw(EVP_PKEY *key)
{
    QByteArray raw(hpke::X25519KeyLength, Qt::Uninitialized);
    size_t length = size_t(raw.size());
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(raw.data()), &length) != 1 ||
        length != size_t(hpke::X25519KeyLength))
        return openSslError(QStringLiteral("EVP_PKEY_get_raw_public_key"));
    return raw;
}

Result<SecureBuffer> x25519PrivateRaw(EVP_PKEY *key)
{
    SecureBuffer raw(hpke::X25519KeyLength);
    size_t length = size_t(raw.size());
    if (EVP_PKEY_get_raw_private_key(key, raw.data(), &length) != 1 || length != size_t(hpke::X25519KeyLength))
        return openSslError(QStringLiteral("EVP_PKEY_get_raw_private_key"));
    return raw;
}

Result<SecureBuffer> x25519Dh(EVP_PKEY *privateKey, EVP_PKEY *peerPublicKey)
{
    const PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, privateKey, nullptr));
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1)
        return openSslError(QStringLiteral("EVP_PKEY_derive_init(X25519)"));
    if (EVP_PKEY_derive_set_peer(ctx.get(), peerPublicKey) != 1)
        return openSslError(ErrorCode::EnvelopeCorrupt, QStringLiteral("X25519 peer key refused"));
    SecureBuffer secret(hpke::X25519KeyLength);
    size_t length = size_t(secret.size());
    if (EVP_PKEY_derive(ctx.get(), secret.data(), &length) != 1 || length != size_t(hpke::X25519KeyLength))
        return openSslError(ErrorCode::EnvelopeCorrupt,
                            QStringLiteral("X25519 shared secret refused (small-order key)"));
    return secret;
}

} // namespace haip::crypto::internal
