// Writes a multipart/related body (or a whole MIME entity: header + body) piece by piece, so a
// series of any size can be streamed into an EnvelopeWriter without holding it: each call
// returns the bytes to append; the caller appends each part's body itself between
// beginPart() calls. The body bytes are not scanned for the boundary — a fresh random boundary
// (multipart::makeBoundary) cannot occur in them by accident.
//
//     MultipartWriter writer(multipart::DicomType);
//     out += writer.entityHeader();
//     for (file : files) { out += writer.beginPart({"application/dicom"}); out += bytes(file); }
//     out += writer.finish();
//
// Sizes are known in advance (partOverhead, closeSize) for Content-Length and sealed sizes.
#pragma once

#include "platform/MultipartRelated.h"

#include <QByteArray>
#include <QList>

namespace haip::platform {

class MultipartWriter
{
public:
    // rootType: the "type" parameter (media type of the parts), e.g. "application/dicom".
    // An empty boundary means a fresh random one; an invalid one is replaced by a fresh one.
    explicit MultipartWriter(QByteArray rootType = multipart::DicomType, QByteArray boundary = {});

    const QByteArray &boundary() const { return m_contentType.boundary; }
    const MultipartContentType &contentType() const { return m_contentType; }
    // "Content-Type: multipart/related; …" CRLF CRLF — the start of a MIME entity.
    QByteArray entityHeader() const;

    // The delimiter and header fields that open the next part (CRLF before the delimiter for
    // every part but the first). The part's body follows; the next beginPart() or finish() ends it.
    QByteArray beginPart(const MultipartPartHeaders &headers);
    // The close delimiter. The writer is done afterwards.
    QByteArray finish();

    int partCount() const { return m_parts; }
    // Bytes beginPart() will produce for these headers (first: no leading CRLF).
    qint64 partOverhead(const MultipartPartHeaders &headers, bool first) const;
    qint64 closeSize() const;

    // In memory: a whole entity (withEntityHeader) or body from parts.
    static QByteArray write(const QList<MultipartPart> &parts,
                            QByteArray rootType = multipart::DicomType,
                            bool withEntityHeader = true,
                            QByteArray boundary = {});

private:
    QByteArray partHead(const MultipartPartHeaders &headers, bool first) const;

    MultipartContentType m_contentType;
    int m_parts = 0;
    bool m_finished = false;
};

} // namespace haip::platform
