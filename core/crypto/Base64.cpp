#include "crypto/Base64.h"

#include <QString>

namespace haip::crypto {

namespace {

bool isAlphaNumeric(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

} // namespace

std::optional<QByteArray> decodeStrictBase64(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() % 4 != 0)
        return std::nullopt;
    QByteArray ascii;
    ascii.reserve(trimmed.size());
    for (QChar c : trimmed) {
        const char8_t latin = c.unicode() < 0x80 ? char8_t(c.unicode()) : 0;
        if (!isAlphaNumeric(char(latin)) && latin != '+' && latin != '/' && latin != '=')
            return std::nullopt;
        ascii.append(char(latin));
    }
    auto decoded = QByteArray::fromBase64Encoding(ascii, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != ascii)
        return std::nullopt;
    return decoded.decoded;
}

std::optional<QByteArray> decodeStrictBase64Url(QByteArrayView text)
{
    if (text.size() % 4 == 1)
        return std::nullopt;
    for (char c : text) {
        if (!isAlphaNumeric(c) && c != '-' && c != '_')
            return std::nullopt;
    }
    const auto options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    auto decoded =
        QByteArray::fromBase64Encoding(text.toByteArray(), options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64(options) != text)
        return std::nullopt;
    return decoded.decoded;
}

QByteArray encodeBase64Url(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace haip::crypto
