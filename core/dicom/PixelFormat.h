// What a decoded frame's samples mean: size, bit depth, sign and colour model. Frames reach
// callers already normalised (see Frame.h), so only three colour models remain.
#pragma once

#include <QString>

namespace haip::dicom {

enum class Photometric
{
    Monochrome1, // minimum value is white
    Monochrome2, // minimum value is black
    Rgb, // RGB and every YBR_* after conversion
    PaletteColor // indices into DisplayInfo::palette
};

struct PixelFormat
{
    int rows = 0;
    int columns = 0;
    int samplesPerPixel = 1;
    int bitsAllocated = 16; // 8, 16 or 32 after decoding (1-bit data is unpacked to 8)
    int bitsStored = 16;
    int highBit = 15;
    bool isSigned = false;
    Photometric photometric = Photometric::Monochrome2;
    // The Photometric Interpretation as stored in the file (e.g. "YBR_FULL_422"), for display.
    QString storedPhotometric;

    int bytesPerSample() const { return bitsAllocated <= 8 ? 1 : (bitsAllocated <= 16 ? 2 : 4); }
    qsizetype frameBytes() const { return qsizetype(rows) * columns * samplesPerPixel * bytesPerSample(); }
    bool isColor() const { return photometric == Photometric::Rgb; }
    bool operator==(const PixelFormat &) const = default;
};

} // namespace haip::dicom
