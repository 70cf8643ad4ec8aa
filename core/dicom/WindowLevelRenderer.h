// Renders a decoded frame for display: modality LUT → VOI (window or VOI LUT table, linear,
// linear-exact or sigmoid) → MONOCHROME1 / user inversion → 8-bit. Grey frames give
// QImage::Format_Grayscale8, RGB and palette frames Format_RGB32. A table over the whole
// stored-value range is built per call, so re-rendering at a new W/L costs one pass (split
// across the global thread pool for regions of a million pixels and more). Thread-safe:
// every call is independent.
#pragma once

#include "dicom/DisplayInfo.h"
#include "dicom/Frame.h"

#include <QImage>
#include <QRect>

namespace haip::dicom {

struct RenderSettings
{
    double center = 40.0; // in modality units (e.g. HU)
    double width = 400.0;
    bool invert = false; // user inversion, on top of MONOCHROME1
    int voiLutIndex = -1; // >= 0: use DisplayInfo::voiLuts[voiLutIndex] instead of the window
    bool operator==(const RenderSettings &) const = default;
};

// The smallest and largest modality value (e.g. HU) present in a frame.
struct ValueRange
{
    double min = 0.0;
    double max = 0.0;
    bool valid = false; // false for empty, colour or invalid frames
};

class WindowLevelRenderer
{
public:
    // A null QImage when the frame is invalid (size and data disagree).
    static QImage render(const Frame &frame, const DisplayInfo &display, const RenderSettings &settings);
    // Renders only `requested` (image pixels, clipped to the frame): what a zoomed-in view shows
    // of a large frame. The result is region-sized; an empty region means the whole frame.
    static QImage
    render(const Frame &frame, const DisplayInfo &display, const RenderSettings &settings, const QRect &requested);
    // A default window: the file's first window, else its first VOI LUT, else min/max of the
    // frame's modality values. Colour frames get the identity window (0..255).
    static RenderSettings defaultSettings(const Frame &frame, const DisplayInfo &display);
    // One pass over the pixels; grey frames only.
    static ValueRange modalityRange(const Frame &frame, const DisplayInfo &display);
    // The VOI output (0..255, before any inversion) of one modality value x, by the formulas
    // of PS3.3 C.11.2.1.2 / C.11.2.1.3 or the VOI LUT table: the single source of truth the
    // lookup tables are built from.
    static int voiOutput(double x, const DisplayInfo &display, const RenderSettings &settings);
};

} // namespace haip::dicom
