// Orientation letters for the edges of an image (PS3.3 C.7.6.1.1.1 Patient Orientation): a
// direction in the patient coordinate system (LPS: +x to the patient's left, +y posterior,
// +z head) becomes letters L/R, P/A, H/F, strongest component first, so an axial image
// reads A at the top, R on the left; an oblique edge gets two or three letters.
#pragma once

#include "common/Vec3.h"
#include "dicom/ImagePlane.h"
#include "viewer/ViewTransform.h"

#include <QString>

namespace haip::ui {

struct EdgeLetters
{
    QString left;
    QString right;
    QString top;
    QString bottom;
};

class PatientOrientation
{
public:
    // Letters for one direction; components below `threshold` (of the unit vector) are
    // left out, so a few degrees of tilt do not add a letter.
    static QString letters(const Vec3 &direction, double threshold = 0.25);
    // The letters of the four screen edges of an image shown through `view` (rotation and
    // flips included); all empty when the plane has no orientation.
    static EdgeLetters edges(const dicom::ImagePlane &plane, const ViewTransform &view);
};

} // namespace haip::ui
