// Renders a decoded frame for display: modality LUT → VOI (window or VOI LUT table, linear,
// linear-exact or sigmoid) → MONOCHROME1 / user inversion → 8-bit. Grey frames give
// QImage::Format_Grayscale8, RGB and palette frames Format_RGB32. A table over the whole
// stored-value range is built per call, so re-rendering at a new W/L costs one pass.
#pragma once

#include "dicom/DisplayInfo.h"
#include "dicom/Frame.h"

#include <QImage>

namespace haip::dicom {

struct RenderSettings
{
    double center = 40.0; // in modality units (e.g. HU)
    double width = 400.0;
    bool invert = false; // user inversion, on top of MONOCHROME1
    int voiLutIndex = -1; // >= 0: use DisplayInfo::voiLuts[voiLutIndex] instead of the window
};

class WindowLevelRenderer
{
public:
    static QImage render(const Frame &frame, const DisplayInfo &display, const RenderSettings &settings);
    // A default window: the file's first window, else min/max of the frame's modality values.
    static RenderSettings defaultSettings(const Frame &frame, const DisplayInfo &display);
};

} // namespace haip::dicom
