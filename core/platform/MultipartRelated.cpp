// multipart/related shared pieces: boundaries (RFC 2046 section 5.1.1) and the Content-Type
// value with its parameters (RFC 2045 section 5.1, RFC 2387 section 3).
#include "MultipartRelated.h"

#include <QRandomGenerator>

#include <optional>

namespace haip::platform {

namespace {

bool isBoundaryChar(char c)
{
    // bcharsnospace := DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," / "-" / "." / "/" / ":" / "=" / "?"
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return QByteArrayView("'()+_,-./:=? ").contains(c);
}

// RFC 2045 token: printable US-ASCII without space and tspecials.
bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f && !QByteArrayView("()<>@,;:\\\"/[]?=").contains(c);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

Error invalid(const QString &detail)
{
    return Error(ErrorCode::InvalidArgument, QStringLiteral("multipart Content-Type: ") + detail);
}

QByteArray quoted(const QByteArray &value)
{
    QByteArray out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

// Reads a token or quoted-string at `pos`; advances `pos` past it.
std::optional<QByteArray> readValue(QByteArrayView text, qsizetype &pos)
{
    QByteArray value;
    if (pos < text.size() && text[pos] == '"') {
        ++pos;
        while (pos < text.size()) {
            const char c = text[pos++];
            if (c == '"')
                return value;
            if (c == '\\') {
                if (pos >= text.size())
                    return std::nullopt;
                value += text[pos++];
            } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
                return std::nullopt;
            } else {
                value += c;
            }
        }
        return std::nullopt; // unterminated
    }
    while (pos < text.size() && isTokenChar(text[pos]))
        value += text[pos++];
    if (value.isEmpty())
        return std::nullopt;
    return value;
}

} // namespace

QByteArray multipart::makeBoundary()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QByteArray raw(reinterpret_cast<const char *>(words), sizeof words);
    return QByteArrayLiteral("haip-") + raw.toHex();
}

bool multipart::isValidBoundary(QByteArrayView boundary)
{
    if (boundary.isEmpty() || boundary.size() > MaxBoundaryLength || boundary.back() == ' ')
        return false;
    for (char c : boundary) {
        if (!isBoundaryChar(c))
            return false;
    }
    return true;
}

QByteArray MultipartContentType::toHeaderValue() const
{
    QByteArray out = QByteArrayLiteral("multipart/related");
    if (!type.isEmpty())
        out += "; type=" + quoted(type);
    if (!start.isEmpty())
        out += "; start=" + quoted(start);
    out += "; boundary=" + quoted(boundary);
    return out;
}

Result<MultipartContentType> MultipartContentType::parse(QByteArrayView headerValue)
{
    const QByteArrayView text = headerValue.trimmed();
    const qsizetype semicolon = text.indexOf(';');
    const QByteArrayView mediaType = (semicolon < 0 ? text : text.first(semicolon)).trimmed();
    if (mediaType.compare(QByteArrayView("multipart/related"), Qt::CaseInsensitive) != 0)
        return invalid(QStringLiteral("the media type is not multipart/related"));
    MultipartContentType result;
    bool seenType = false;
    bool seenStart = false;
    bool seenBoundary = false;
    qsizetype pos = semicolon < 0 ? text.size() : semicolon;
    while (pos < text.size()) {
        if (text[pos] != ';')
            return invalid(QStringLiteral("expected ';' at offset %1").arg(pos));
        ++pos;
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
        if (pos == text.size())
            break; // a trailing ';' is tolerated
        QByteArray name;
        while (pos < text.size() && isTokenChar(text[pos]))
            name += text[pos++];
        if (name.isEmpty() || pos >= text.size() || text[pos] != '=')
            return invalid(QStringLiteral("malformed parameter at offset %1").arg(pos));
        ++pos;
        const std::optional<QByteArray> value = readValue(text, pos);
        if (!value)
            return invalid(QStringLiteral("malformed value of parameter '%1'").arg(QString::fromLatin1(name)));
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
        name = name.toLower();
        bool *seen = nullptr;
        QByteArray *into = nullptr;
        if (name == "type") {
            seen = &seenType;
            into = &result.type;
        } else if (name == "start") {
            seen = &seenStart;
            into = &result.start;
        } else if (name == "boundary") {
            seen = &seenBoundary;
            into = &result.boundary;
        }
        if (!seen)
            continue; // other parameters (start-info, charset) carry nothing we use
        if (*seen)
            return invalid(QStringLiteral("parameter '%1' appears twice").arg(QString::fromLatin1(name)));
        *seen = true;
        *into = *value;
    }
    if (!seenBoundary)
        return invalid(QStringLiteral("no boundary parameter"));
    if (!multipart::isValidBoundary(result.boundary))
        return invalid(QStringLiteral("the boundary is not 1-70 RFC 2046 characters"));
    return result;
}

} // namespace haip::platform
