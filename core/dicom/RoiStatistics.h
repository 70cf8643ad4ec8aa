// Measurements on a decoded slice, in physical and modality units: the length of a line in
// mm, the statistics of an elliptical region (mean, SD, min, max in modality units such as
// HU, and its area in mm²) and the value of one pixel (the probe). Points are in image pixel
// coordinates: pixel (c, r) covers [c, c+1) × [r, r+1), so its centre is (c + 0.5, r + 0.5).
// Spacing comes from the ImagePlane: rowSpacing between rows (y), columnSpacing between
// columns (x), so non-square pixels measure correctly.
#pragma once

#include "dicom/DisplayInfo.h"
#include "dicom/Frame.h"
#include "dicom/ImagePlane.h"

#include <QList>
#include <QPointF>
#include <QRectF>

#include <optional>

namespace haip::dicom {

struct RegionStatistics
{
    int pixelCount = 0; // pixels whose centre lies inside the region
    double mean = 0.0; // modality units
    double standardDeviation = 0.0; // sample SD (n − 1), modality units; 0 for one pixel
    double min = 0.0;
    double max = 0.0;
    double areaMm2 = 0.0; // geometric area of the ellipse (π·a·b); 0 without pixel spacing
    double areaPixels = 0.0; // the same in pixel units
    bool valid() const { return pixelCount > 0; }
};

class RoiStatistics
{
public:
    // Distance between two points in mm; nullopt when the plane has no pixel spacing.
    static std::optional<double> lengthMm(const ImagePlane &plane, QPointF a, QPointF b);
    // The same in pixel units (for images without spacing).
    static double lengthPixels(QPointF a, QPointF b);
    // Statistics of the ellipse inscribed in `bounds`; invalid (pixelCount 0) for colour
    // frames, empty bounds or an ellipse that covers no pixel centre.
    static RegionStatistics
    ellipse(const Frame &frame, const DisplayInfo &display, const ImagePlane &plane, const QRectF &bounds);
    // Modality value (stored value through the modality LUT) of pixel (column, row) of a grey
    // frame; nullopt outside the frame or for colour frames.
    static std::optional<double> valueAt(const Frame &frame, const DisplayInfo &display, int column, int row);
    // Stored sample values of a pixel: one for grey and palette frames, three for RGB; empty outside.
    static QList<qint64> samplesAt(const Frame &frame, int column, int row);
    // The unit of modality values, e.g. "HU"; empty when the file does not say.
    static QString units(const DisplayInfo &display);
};

} // namespace haip::dicom
