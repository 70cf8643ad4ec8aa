// Parses DICOM bytes held in memory into a DCMTK DcmFileFormat (Part 10 with or without
// preamble, or a bare data set without meta header) and maps every DCMTK failure to a precise
// haip::Error: NotDicom, TruncatedFile, CorruptDataset, … Internal to core/dicom.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <dcmtk/dcmdata/dcxfer.h>

#include <memory>

class DcmFileFormat;

namespace haip::dicom::internal {

// Where native (uncompressed) Pixel Data sits in the file a HeaderOnly parse stopped in front of,
// so frames can be read straight from the file instead of through a second, full parse.
struct NativePixelLocation
{
    qint64 valueOffset = -1; // file offset of the first byte of the Pixel Data value; -1 = unknown
    qint64 length = 0; // value length in bytes
    bool bigEndian = false;

    bool isValid() const { return valueOffset >= 0; }
};

struct ParsedDataset
{
    std::unique_ptr<DcmFileFormat> file;
    // True when Pixel Data follows the parsed part (HeaderOnly stops in front of it).
    bool pixelDataSkipped = false;
    // The syntax the data set is encoded in (for files without meta header: as detected); after a
    // repair, the syntax the meta header declares for the pixel data.
    E_TransferSyntax transferSyntax = EXS_Unknown;
    // Non-empty when a known writer defect was worked around while reading (for logs).
    QString repair;
    // Set by a HeaderOnly parse that stopped at top-level, defined-length, native Pixel Data.
    NativePixelLocation nativePixels;
};

// `headerOnly` stops parsing at Pixel Data (7FE0,0010); its element header is still checked
// against the bytes left, so a file truncated inside Pixel Data fails here too. `bytes` may then
// be only the start of a file of `totalSize` bytes: a parse that ends with the buffer rather than
// at Pixel Data (pixelDataSkipped false) or fails as truncated must be retried with more bytes.
Result<ParsedDataset> parseDataset(const QByteArray &bytes, const QString &name, bool headerOnly, qint64 totalSize = 0);

} // namespace haip::dicom::internal
