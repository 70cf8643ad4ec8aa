#include "crypto/SpkiPin.h"

#include "crypto/Base64.h"
#include "crypto/SecureBuffer.h"

#include <QCryptographicHash>

namespace haip::crypto {

namespace {
constexpr qsizetype kDigestSize = 32;
const QLatin1String kBase64Prefix("sha256/");
} // namespace

Result<SpkiPin> SpkiPin::parse(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.startsWith(kBase64Prefix)) {
        const std::optional<QByteArray> digest = decodeStrictBase64(trimmed.sliced(kBase64Prefix.size()));
        if (!digest || digest->size() != kDigestSize)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("a sha256/ pin needs the base64 of 32 bytes"));
        return SpkiPin(*digest);
    }
    QString hex = trimmed.toString();
    hex.remove(QLatin1Char(':'));
    bool hexDigits = hex.size() == 2 * kDigestSize;
    for (QChar c : hex)
        hexDigits = hexDigits && ((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'));
    if (!hexDigits)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("a key pin is 64 hex digits or sha256/<base64> (SHA-256 of the DER "
                                    "SubjectPublicKeyInfo)"));
    return SpkiPin(QByteArray::fromHex(hex.toLatin1()));
}

SpkiPin SpkiPin::ofSpkiDer(QByteArrayView der)
{
    return SpkiPin(QCryptographicHash::hash(der, QCryptographicHash::Sha256));
}

SpkiPin SpkiPin::of(const VerifyingKey &key)
{
    return key.isNull() ? SpkiPin() : ofSpkiDer(key.spkiDer());
}

QString SpkiPin::toHex() const
{
    return QString::fromLatin1(m_digest.toHex());
}

QString SpkiPin::toBase64() const
{
    return kBase64Prefix + QString::fromLatin1(m_digest.toBase64());
}

bool SpkiPin::matchesSpki(QByteArrayView der) const
{
    if (isNull() || der.isEmpty())
        return false;
    return constantTimeEquals(m_digest, QCryptographicHash::hash(der, QCryptographicHash::Sha256));
}

bool SpkiPin::matches(const VerifyingKey &key) const
{
    return !key.isNull() && matchesSpki(key.spkiDer());
}

} // namespace haip::crypto
