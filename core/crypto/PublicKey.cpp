#include "crypto/PublicKey.h"

#include "crypto/Base64.h"

#include <QCryptographicHash>

namespace haip::crypto {

Result<PublicKey> PublicKey::fromRaw(QByteArrayView raw)
{
    if (raw.size() != Size)
        return Error(ErrorCode::KeyInvalid,
                     QStringLiteral("an X25519 public key has 32 bytes, not %1").arg(raw.size()));
    return PublicKey(raw.toByteArray());
}

Result<PublicKey> PublicKey::fromBase64(QStringView text)
{
    const std::optional<QByteArray> raw = decodeStrictBase64(text);
    if (!raw)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("not standard base64"));
    return fromRaw(*raw);
}

QString PublicKey::toBase64() const
{
    return QString::fromLatin1(m_raw.toBase64());
}

QByteArray PublicKey::keyId() const
{
    return QCryptographicHash::hash(m_raw, QCryptographicHash::Sha256).left(KeyIdSize);
}

} // namespace haip::crypto
