#include "MultipartReader.h"

#include <QByteArrayMatcher>

namespace haip::platform {

namespace {

Error malformed(const QString &why)
{
    return Error(ErrorCode::InvalidArgument, why, QStringLiteral("multipart/related"));
}

struct Field
{
    QByteArray name; // lower case
    QByteArray value; // trimmed
};

// "Name: value" lines, each ending in CRLF (no folding: RFC 9112 obsoleted it, we never write it).
Result<QList<Field>> parseFields(QByteArrayView block)
{
    QList<Field> out;
    qsizetype pos = 0;
    while (pos < block.size()) {
        const qsizetype end = block.indexOf("\r\n", pos);
        if (end < 0)
            return malformed(QStringLiteral("header lines must end in CRLF"));
        const QByteArrayView line = block.sliced(pos, end - pos);
        pos = end + 2;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return malformed(QStringLiteral("a header line without a field name"));
        Field f {line.first(colon).toByteArray().toLower(), line.sliced(colon + 1).trimmed().toByteArray()};
        for (const char c : f.name) {
            if (c <= ' ' || c >= 127)
                return malformed(QStringLiteral("a malformed header field name"));
        }
        for (const char c : f.value) {
            if (c == '\r' || c == '\n' || c == '\0')
                return malformed(QStringLiteral("a control character in a header value"));
        }
        for (const Field &seen : out) {
            if (seen.name == f.name)
                return malformed(QStringLiteral("header field %1 twice").arg(QString::fromLatin1(f.name)));
        }
        out.append(std::move(f));
    }
    return out;
}

Result<MultipartPartHeaders> partHeaders(QByteArrayView block)
{
    Result<QList<Field>> fields = parseFields(block);
    if (!fields)
        return fields.error();
    MultipartPartHeaders h;
    for (const Field &f : *fields) {
        if (f.name == "content-type") {
            h.contentType = f.value;
        } else if (f.name == "content-id") {
            h.contentId = f.value;
        } else if (f.name == "content-location") {
            h.contentLocation = QString::fromUtf8(f.value);
        } else if (f.name == "content-description") {
            h.contentDescription = QString::fromUtf8(f.value);
        } else if (f.name == "content-length") {
            bool ok = false;
            h.contentLength = f.value.toLongLong(&ok);
            if (!ok || h.contentLength < 0 || f.value.startsWith('+'))
                return malformed(QStringLiteral("a malformed Content-Length"));
        } else if (f.name == "content-transfer-encoding") {
            if (f.value.toLower() != "binary")
                return malformed(QStringLiteral("only binary Content-Transfer-Encoding is accepted"));
        } else {
            return malformed(QStringLiteral("header field %1 is not accepted").arg(QString::fromLatin1(f.name)));
        }
    }
    if (h.contentType.isEmpty())
        return malformed(QStringLiteral("a part without Content-Type"));
    return h;
}

} // namespace

Result<QList<MultipartPart>>
MultipartReader::parseBody(QByteArrayView body, QByteArrayView boundary, const MultipartLimits &limits)
{
    if (!multipart::isValidBoundary(boundary))
        return malformed(QStringLiteral("an invalid boundary"));
    if (limits.maxTotalBytes > 0 && body.size() > limits.maxTotalBytes)
        return malformed(QStringLiteral("the body is larger than allowed"));
    const QByteArray delimiter = "\r\n--" + boundary.toByteArray();
    const QByteArrayMatcher matcher(delimiter);

    // The first delimiter may start the body (no preceding CRLF) or follow a short preamble.
    qsizetype pos = 0;
    if (body.startsWith(QByteArrayView(delimiter).sliced(2))) {
        pos = delimiter.size() - 2;
    } else {
        const qsizetype at = matcher.indexIn(body, 0);
        if (at < 0 || at > limits.maxPreambleBytes)
            return malformed(QStringLiteral("no opening boundary"));
        pos = at + delimiter.size();
    }

    QList<MultipartPart> parts;
    for (;;) {
        // After a delimiter: "--" closes, else optional white space then CRLF opens a part.
        if (body.sliced(pos).startsWith("--")) {
            pos += 2;
            break;
        }
        while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t'))
            ++pos;
        if (!body.sliced(pos).startsWith("\r\n"))
            return malformed(QStringLiteral("a boundary line not followed by CRLF"));
        pos += 2;
        if (parts.size() >= limits.maxParts)
            return malformed(QStringLiteral("more than %1 parts").arg(limits.maxParts));

        const qsizetype headerEnd =
            body.sliced(pos).first(qMin(body.size() - pos, limits.maxPartHeaderBytes + 4)).indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return malformed(QStringLiteral("a part header is unterminated or too large"));
        Result<MultipartPartHeaders> headers = partHeaders(body.sliced(pos, headerEnd + 2));
        if (!headers)
            return headers.error();
        pos += headerEnd + 4;
        const qsizetype next = matcher.indexIn(body, pos);
        if (next < 0)
            return malformed(QStringLiteral("a part without a closing boundary (truncated body)"));
        const qsizetype length = next - pos;
        if (length > limits.maxPartBytes)
            return malformed(QStringLiteral("a part larger than allowed"));
        if (headers->contentLength >= 0 && headers->contentLength != length)
            return malformed(QStringLiteral("a part's Content-Length does not match its body"));
        parts.append(MultipartPart {std::move(headers).value(), body.sliced(pos, length).toByteArray()});
        pos = next + delimiter.size();
    }
    // Epilogue: usually just CRLF.
    if (body.size() - pos > limits.maxEpilogueBytes)
        return malformed(QStringLiteral("too many bytes after the closing boundary"));
    return parts;
}

Result<MultipartMessage> MultipartReader::parseEntity(QByteArrayView entity, const MultipartLimits &limits)
{
    const qsizetype headerEnd = entity.first(qMin(entity.size(), limits.maxEntityHeaderBytes + 4)).indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return malformed(QStringLiteral("the entity header is unterminated or too large"));
    Result<QList<Field>> fields = parseFields(entity.first(headerEnd + 2));
    if (!fields)
        return fields.error();
    QByteArray contentType;
    for (const Field &f : *fields) {
        if (f.name == "content-type")
            contentType = f.value;
        else if (f.name != "mime-version" && f.name != "content-description")
            return malformed(QStringLiteral("entity header field %1 is not accepted").arg(QString::fromLatin1(f.name)));
    }
    Result<MultipartContentType> type = MultipartContentType::parse(contentType);
    if (!type)
        return type.error();
    Result<QList<MultipartPart>> parts = parseBody(entity.sliced(headerEnd + 4), type->boundary, limits);
    if (!parts)
        return parts.error();
    return MultipartMessage {std::move(type).value(), std::move(parts).value()};
}

} // namespace haip::platform
