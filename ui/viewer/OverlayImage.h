// DICOM overlay planes (60xx, PS3.3 C.9.2) as transparent images to draw over a slice: set
// bits in the overlay colour, everything else clear, placed at the overlay's origin.
#pragma once

#include "dicom/OverlayPlane.h"

#include <QColor>
#include <QImage>
#include <QPoint>

namespace haip::ui {

struct PlacedOverlay
{
    QImage image; // ARGB32 premultiplied, overlay-sized
    QPoint offset; // top-left in image pixels (Overlay Origin − 1)
};

class OverlayImage
{
public:
    // The overlay frame that goes with image frame `imageFrame` (0-based); a null image
    // when the overlay does not apply to that frame or its data is short.
    static PlacedOverlay build(const dicom::OverlayPlane &overlay, int imageFrame, QColor colour);
};

} // namespace haip::ui
