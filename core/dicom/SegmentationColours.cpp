#include "dicom/SegmentationColours.h"

#include <dcmtk/dcmiod/cielabutil.h>

#include <algorithm>
#include <iterator>

namespace haip::dicom {
namespace {

// Distinct, saturated colours that stay visible over grey CT/MR images; red and green are not
// neighbours so the first segments differ for red–green colour-blind readers too.
constexpr QRgb kPalette[] = {
    0xFFE69F00, // orange
    0xFF56B4E9, // sky blue
    0xFFF0E442, // yellow
    0xFFCC79A7, // reddish purple
    0xFF009E73, // bluish green
    0xFF0072B2, // blue
    0xFFD55E00, // vermilion
    0xFFFFFFFF, // white
};

} // namespace

QColor SegmentationColours::fromDicomLab(quint16 l, quint16 a, quint16 b)
{
    double red = 0, green = 0, blue = 0;
    IODCIELabUtil::dicomLab2RGB(red, green, blue, l, a, b);
    return QColor::fromRgbF(
        float(std::clamp(red, 0.0, 1.0)), float(std::clamp(green, 0.0, 1.0)), float(std::clamp(blue, 0.0, 1.0)));
}

QColor SegmentationColours::palette(int index)
{
    const int n = int(std::size(kPalette));
    return QColor::fromRgba(kPalette[((index % n) + n) % n]);
}

} // namespace haip::dicom
