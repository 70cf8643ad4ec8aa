#include "crypto/internal/ResponseKeys.h"

#include "crypto/internal/EnvelopeFormat.h"
#include "crypto/internal/Hkdf.h"

namespace haip::crypto::internal {

Result<HpkeContext> responseContext(const ResponseKey &key,
                                    QByteArrayView responsePrefix,
                                    QByteArrayView responseNonce,
                                    HpkeContext::Role role)
{
    const std::optional<AeadInfo> aead = aeadInfo(key.aead());
    if (key.isNull() || !aead)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("no response key"));
    const QByteArray salt = key.enc() + responseNonce.toByteArray();
    Result<SecureBuffer> prk = hkdfExtract(salt, key.secret().view());
    if (!prk)
        return prk.error();
    Result<SecureBuffer> aeadKey =
        hkdfExpand(prk->view(), QByteArrayLiteral("key") + responsePrefix.toByteArray(), aead->keyLength);
    Result<SecureBuffer> nonce =
        hkdfExpand(prk->view(), QByteArrayLiteral("nonce") + responsePrefix.toByteArray(), aead->nonceLength);
    if (!aeadKey || !nonce)
        return !aeadKey ? aeadKey.error() : nonce.error();
    return HpkeContext::fromKeys(key.aead(), role, aeadKey->view(), nonce->view(), {});
}

Result<ResponseKey> responseKeyFrom(const HpkeContext &requestContext, const QByteArray &enc)
{
    Result<SecureBuffer> secret = requestContext.exportSecret(envelope::ResponseLabel, envelope::ResponseSecretSize);
    if (!secret)
        return secret.error();
    return ResponseKey(requestContext.aead(), enc, std::move(*secret));
}

} // namespace haip::crypto::internal
