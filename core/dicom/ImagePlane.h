// Where a frame sits in patient space (PS3.3 C.7.6.2): position of the first pixel's centre,
// row and column direction cosines, and pixel spacing, all in mm.
#pragma once

#include "common/Vec3.h"

namespace haip::dicom {

struct ImagePlane
{
    bool hasPosition = false; // Image Position (Patient) present and valid
    bool hasOrientation = false; // Image Orientation (Patient) present and valid
    Vec3 position;
    Vec3 rowDirection {1.0, 0.0, 0.0}; // direction of increasing column index
    Vec3 columnDirection {0.0, 1.0, 0.0}; // direction of increasing row index
    double rowSpacing = 0.0; // mm between row centres (first value of Pixel Spacing); 0 = unknown
    double columnSpacing = 0.0; // mm between column centres (second value)
    double sliceThickness = 0.0;

    Vec3 normal() const { return rowDirection.cross(columnDirection).normalized(); }
    bool hasSpacing() const { return rowSpacing > 0.0 && columnSpacing > 0.0; }
};

} // namespace haip::dicom
