// MultipartReader: parses a multipart/related body (RFC 2387 / RFC 2046, as DICOM PS3.18 uses it)
// or a whole MIME entity (Content-Type header, blank line, body) held in memory — the payload a
// service worker opened from a request envelope, the result bundle a workstation opened from a
// response. Strict against hostile input: only the header fields MultipartPartHeaders names,
// Content-Transfer-Encoding only "binary", bounded header sizes, part count, preamble and
// epilogue (MultipartLimits), a Content-Length that must match. Errors are InvalidArgument.
#pragma once

#include "platform/MultipartRelated.h"

#include <QByteArrayView>

namespace haip::platform {

class MultipartReader
{
public:
    static Result<MultipartMessage> parseEntity(QByteArrayView entity, const MultipartLimits &limits = {});
    static Result<QList<MultipartPart>>
    parseBody(QByteArrayView body, QByteArrayView boundary, const MultipartLimits &limits = {});
};

} // namespace haip::platform
