// One decoded frame: stored values (no LUT applied), little-endian, samples interleaved
// (planar configuration 0), 1/2/4 bytes per sample by bits allocated, values masked to bits
// stored and sign-extended when signed. YBR_* arrives converted to RGB; PALETTE COLOR as
// indices. This is exactly what `haip-cli pixels` writes.
#pragma once

#include "dicom/PixelFormat.h"

#include <QByteArray>

namespace haip::dicom {

struct Frame
{
    int index = 0; // 0-based frame number within its instance
    PixelFormat format;
    QByteArray data; // format.frameBytes() bytes

    bool isValid() const { return format.rows > 0 && data.size() == format.frameBytes(); }
};

} // namespace haip::dicom
