#include "crypto/PublicKey.h"

#include <QCryptographicHash>

namespace haip::crypto {

std::optional<QByteArray> decodeStrictBase64(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() % 4 != 0)
        return std::nullopt;
    for (QChar c : trimmed) {
        const bool ok = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'+' ||
            c == u'/' || c == u'=';
        if (!ok)
            return std::nullopt;
    }
    const QByteArray ascii = trimmed.toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(ascii, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    // Re-encoding must give the same text: refuses non-canonical trailing bits and odd padding.
    if (decoded.decoded.toBase64() != ascii)
        return std::nullopt;
    return decoded.decoded;
}

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
