// Display colours of segments: the Recommended Display CIELab Value of a SEG (PS3.3 C.10.7.1.1,
// scaled 0…65535) turned into sRGB, and a fixed palette of distinct colours for segments that
// carry none (labelmap-style SEGs often omit it).
#pragma once

#include <QColor>

namespace haip::dicom {

class SegmentationColours
{
public:
    static QColor fromDicomLab(quint16 l, quint16 a, quint16 b);
    // Colour `index` (0-based) of the palette, repeating after its end.
    static QColor palette(int index);
};

} // namespace haip::dicom
