// The Image Pixel module (PS3.3 C.7.6.3) of a data set, read and checked once before any frame
// is decoded: every later step (DCMTK codecs, normalisation) trusts these numbers.
#pragma once

#include "common/Result.h"

#include <QString>

class DcmItem;

namespace haip::dicom::internal {

struct PixelModule
{
    int rows = 0;
    int columns = 0;
    int samplesPerPixel = 1;
    int bitsAllocated = 0;
    int bitsStored = 0;
    int highBit = 0;
    int pixelRepresentation = 0;
    int planarConfiguration = 0;
    int numberOfFrames = 1;
    QString photometric; // as stored, e.g. "YBR_FULL_422"

    int bytesPerSample() const { return bitsAllocated <= 8 ? 1 : (bitsAllocated <= 16 ? 2 : 4); }
    qint64 pixelsPerFrame() const { return qint64(rows) * columns; }
    // Bytes of one frame as stored natively (YBR_*_422 keeps two samples per pixel; 1-bit data
    // is counted in bits, see nativeFrameBits()).
    qint64 nativeFrameBytes() const;
    qint64 nativeFrameBits() const;
    bool isSubsampled422() const;
};

// Errors (subject = `name`): MissingAttribute, InvalidAttribute, UnsupportedBitDepth.
Result<PixelModule> readPixelModule(DcmItem &dataset, const QString &name);

} // namespace haip::dicom::internal
