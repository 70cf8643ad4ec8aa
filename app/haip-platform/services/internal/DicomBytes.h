// DCMTK data sets to and from memory for the result writers (no paths reach DCMTK, so
// non-ASCII folders work on every platform). Private to services/: no public header includes it.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <dcmtk/dcmdata/dcfilefo.h>

#include <memory>

namespace haip::services::internal {

// Reads a Part 10 file with QFile and parses it (pixel data included).
Result<std::unique_ptr<DcmFileFormat>> readDicomFile(const QString &path);
// Parses Part 10 bytes.
Result<std::unique_ptr<DcmFileFormat>> parseDicom(const QByteArray &bytes, const QString &name);
// Serialises as Part 10, Explicit VR Little Endian, with a fresh meta header.
Result<QByteArray> serialise(DcmFileFormat &file);

// Copies the listed attributes (if present) from `source` into `target`, replacing existing ones.
void copyAttributes(DcmItem &source, DcmItem &target, const DcmTagKey *tags, std::size_t count);

QString text(const OFCondition &condition);

} // namespace haip::services::internal
