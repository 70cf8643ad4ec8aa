#include "MultipartWriter.h"

namespace haip::platform {

namespace {

// Header values never contain CR or LF (they would end the field and inject another).
QByteArray fieldValue(QByteArrayView value)
{
    QByteArray out = value.toByteArray();
    out.replace('\r', ' ').replace('\n', ' ');
    return out;
}

} // namespace

MultipartWriter::MultipartWriter(QByteArray rootType, QByteArray boundary)
{
    m_contentType.type = std::move(rootType);
    m_contentType.boundary = multipart::isValidBoundary(boundary) ? std::move(boundary) : multipart::makeBoundary();
}

QByteArray MultipartWriter::entityHeader() const
{
    return QByteArrayLiteral("Content-Type: ") + m_contentType.toHeaderValue() + "\r\n\r\n";
}

QByteArray MultipartWriter::partHead(const MultipartPartHeaders &headers, bool first) const
{
    QByteArray out;
    if (!first)
        out += "\r\n";
    out += "--" + m_contentType.boundary + "\r\n";
    out += "Content-Type: " + fieldValue(headers.contentType) + "\r\n";
    if (!headers.contentId.isEmpty())
        out += "Content-ID: " + fieldValue(headers.contentId) + "\r\n";
    if (!headers.contentLocation.isEmpty())
        out += "Content-Location: " + fieldValue(headers.contentLocation.toUtf8()) + "\r\n";
    if (!headers.contentDescription.isEmpty())
        out += "Content-Description: " + fieldValue(headers.contentDescription.toUtf8()) + "\r\n";
    if (headers.contentLength >= 0)
        out += "Content-Length: " + QByteArray::number(headers.contentLength) + "\r\n";
    out += "\r\n";
    return out;
}

QByteArray MultipartWriter::beginPart(const MultipartPartHeaders &headers)
{
    Q_ASSERT(!m_finished);
    QByteArray out = partHead(headers, m_parts == 0);
    ++m_parts;
    return out;
}

QByteArray MultipartWriter::finish()
{
    Q_ASSERT(!m_finished);
    m_finished = true;
    // With no part at all the close delimiter starts the body (no CRLF to end a part's body).
    return (m_parts == 0 ? QByteArray() : QByteArrayLiteral("\r\n")) + "--" + m_contentType.boundary + "--\r\n";
}

qint64 MultipartWriter::partOverhead(const MultipartPartHeaders &headers, bool first) const
{
    return partHead(headers, first).size();
}

qint64 MultipartWriter::closeSize() const
{
    return 2 + 2 + m_contentType.boundary.size() + 4;
}

QByteArray MultipartWriter::write(const QList<MultipartPart> &parts,
                                  QByteArray rootType,
                                  bool withEntityHeader,
                                  QByteArray boundary)
{
    MultipartWriter writer(std::move(rootType), std::move(boundary));
    QByteArray out;
    if (withEntityHeader)
        out += writer.entityHeader();
    for (const MultipartPart &part : parts) {
        out += writer.beginPart(part.headers);
        out += part.body;
    }
    out += writer.finish();
    return out;
}

} // namespace haip::platform
