// A slice ready for display: its decoded frame and everything needed to render and measure
// it (LUTs, geometry, overlays). Produced by SeriesLoader, shared read-only with the viewer.
#pragma once

#include "dicom/DisplayInfo.h"
#include "dicom/Frame.h"
#include "dicom/ImagePlane.h"
#include "dicom/OverlayPlane.h"

#include <QList>

namespace haip::dicom {

struct DecodedSlice
{
    Frame frame;
    DisplayInfo display;
    ImagePlane plane;
    QList<OverlayPlane> overlays; // only those that apply to this frame
};

} // namespace haip::dicom
