#include "crypto/PrivateKey.h"

#include "crypto/Base64.h"
#include "crypto/internal/HpkeLabels.h"
#include "crypto/internal/X25519.h"

namespace haip::crypto {

Result<PrivateKey> PrivateKey::fromRaw(QByteArrayView raw)
{
    Result<internal::PKeyPtr> key = internal::x25519PrivateFromRaw(raw);
    if (!key)
        return key.error();
    Result<QByteArray> publicRaw = internal::x25519PublicRaw(key->get());
    if (!publicRaw)
        return publicRaw.error();
    Result<PublicKey> publicKey = PublicKey::fromRaw(*publicRaw);
    if (!publicKey)
        return publicKey.error();
    return PrivateKey(SecureBuffer::fromBytes(raw), std::move(*publicKey));
}

Result<PrivateKey> PrivateKey::generate()
{
    Result<internal::PKeyPtr> key = internal::x25519Generate();
    if (!key)
        return key.error();
    Result<SecureBuffer> raw = internal::x25519PrivateRaw(key->get());
    if (!raw)
        return raw.error();
    return fromRaw(raw->view());
}

Result<PrivateKey> PrivateKey::derive(QByteArrayView ikm)
{
    // dkp_prk = LabeledExtract("", "dkp_prk", ikm); sk = LabeledExpand(dkp_prk, "sk", "", Nsk).
    // X25519 clamps the scalar when it is used, so every 32-byte string is a valid key.
    const QByteArray suite = internal::kemSuiteId();
    Result<SecureBuffer> prk = internal::labeledExtract(suite, {}, "dkp_prk", ikm);
    if (!prk)
        return prk.error();
    Result<SecureBuffer> sk = internal::labeledExpand(suite, prk->view(), "sk", {}, Size);
    if (!sk)
        return sk.error();
    return fromRaw(sk->view());
}

Result<PrivateKey> PrivateKey::fromBase64(QStringView text)
{
    std::optional<QByteArray> raw = decodeStrictBase64(text);
    if (!raw)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("not standard base64"));
    Result<PrivateKey> key = fromRaw(*raw);
    // The decoded bytes are a plain, unshared QByteArray: wipe them before they are released.
    raw->fill('\0');
    return key;
}

QString PrivateKey::toBase64() const
{
    return QString::fromLatin1(m_raw.toByteArray().toBase64());
}

} // namespace haip::crypto
