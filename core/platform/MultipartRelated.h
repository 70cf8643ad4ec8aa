// multipart/related (RFC 2387 over RFC 2046) as DICOM PS3.18 uses it for STOW-RS and WADO-RS:
// the pieces shared by MultipartWriter and MultipartReader — the part header fields we use, the
// parser's limits, the multipart Content-Type value (type, boundary, start) and boundaries.
// Inside HAIP envelopes both the request payload (the DICOM instances of a series) and the
// result bundle (SEG, SR, HTML report, findings) are such multiparts, written as a MIME entity:
// "Content-Type: multipart/related; …" CRLF CRLF, then the body (docs/api/README.md, "Jobs").
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace haip::platform {

namespace multipart {
// RFC 2046 section 5.1.1: a boundary is 1 to 70 characters.
constexpr qsizetype MaxBoundaryLength = 70;
// Media types of the parts we exchange.
constexpr const char *DicomType = "application/dicom";
constexpr const char *HtmlType = "text/html; charset=utf-8";
constexpr const char *JsonType = "application/json";

// A fresh boundary: "haip-" + 32 random hex digits. 128 random bits make a collision with
// content (which the writer does not scan) negligible.
QByteArray makeBoundary();
// RFC 2046 bchars, 1–70 characters, not ending in a space.
bool isValidBoundary(QByteArrayView boundary);
} // namespace multipart

// The header fields of one part. Only these are written and accepted (a reader refuses others).
struct MultipartPartHeaders
{
    QByteArray contentType; // required, e.g. "application/dicom"
    QByteArray contentId; // optional, e.g. "<seg@haip>"
    QString contentLocation; // optional, e.g. "seg.dcm" (UTF-8 on the wire)
    QString contentDescription; // optional, informative
    qint64 contentLength = -1; // optional; when present the reader checks the body's length

    bool operator==(const MultipartPartHeaders &other) const = default;
};

struct MultipartPart
{
    MultipartPartHeaders headers;
    QByteArray body;
};

// The Content-Type value of a multipart/related entity.
struct MultipartContentType
{
    QByteArray type; // the "type" parameter: the root part's media type, e.g. "application/dicom"
    QByteArray boundary;
    QByteArray start; // optional "start" parameter (Content-ID of the root part)

    // multipart/related; type="application/dicom"; boundary="…" (parameters always quoted).
    QByteArray toHeaderValue() const;
    // Strict: media type multipart/related, a valid boundary, no duplicate parameters, quoted
    // strings closed; InvalidArgument otherwise.
    static Result<MultipartContentType> parse(QByteArrayView headerValue);
};

// Limits of MultipartReader against hostile input. Defaults suit a series of DICOM instances.
struct MultipartLimits
{
    int maxParts = 10000;
    qsizetype maxEntityHeaderBytes = qsizetype {8} * 1024;
    qsizetype maxPartHeaderBytes = qsizetype {8} * 1024;
    qint64 maxPartBytes = qint64(4) * 1024 * 1024 * 1024;
    qint64 maxTotalBytes = 0; // 0: no limit beyond the parts'
    qsizetype maxPreambleBytes = 1024;
    qsizetype maxEpilogueBytes = 1024;
};

// A parsed multipart held in memory (MultipartReader::parseEntity / parseBody).
struct MultipartMessage
{
    MultipartContentType contentType;
    QList<MultipartPart> parts;
};

} // namespace haip::platform
