// Image planes (PS3.3 C.7.6.2) and the functional-group lookup of enhanced multi-frame objects
// (PS3.3 C.7.6.16): Plane Position, Plane Orientation and Pixel Measures may sit per frame, in
// the shared group, or — for classic images — at the top level.
#include "dicom/Tag.h"
#include "dicom/internal/DatasetValues.h"
#include "dicom/internal/ImageAttributes.h"

#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <cmath>

namespace haip::dicom::internal {

namespace {

// Functional group sequences and the macros read here (PS3.6).
constexpr Tag kSharedFunctionalGroups {0x5200, 0x9229};
constexpr Tag kPerFrameFunctionalGroups {0x5200, 0x9230};
constexpr Tag kPlanePositionSequence {0x0020, 0x9113};
constexpr Tag kPlaneOrientationSequence {0x0020, 0x9116};
constexpr Tag kPixelMeasuresSequence {0x0028, 0x9110};

bool readVec3(DcmItem &item, Tag tag, int first, Vec3 &out)
{
    const QList<double> v = numberValues(item, tag);
    if (v.size() < first + 3)
        return false;
    out = Vec3 {v[first], v[first + 1], v[first + 2]};
    return std::isfinite(out.x) && std::isfinite(out.y) && std::isfinite(out.z);
}

void readPosition(DcmItem &item, ImagePlane &plane)
{
    Vec3 position;
    if (readVec3(item, tags::ImagePositionPatient, 0, position)) {
        plane.position = position;
        plane.hasPosition = true;
    }
}

void readOrientation(DcmItem &item, ImagePlane &plane)
{
    Vec3 row, column;
    if (readVec3(item, tags::ImageOrientationPatient, 0, row) &&
        readVec3(item, tags::ImageOrientationPatient, 3, column) && row.length() > 1e-6 && column.length() > 1e-6) {
        plane.rowDirection = row.normalized();
        plane.columnDirection = column.normalized();
        plane.hasOrientation = true;
    }
}

void readMeasures(DcmItem &item, ImagePlane &plane)
{
    const QList<double> spacing = numberValues(item, tags::PixelSpacing);
    if (spacing.size() >= 2 && spacing[0] > 0.0 && spacing[1] > 0.0) {
        plane.rowSpacing = spacing[0];
        plane.columnSpacing = spacing[1];
    }
    if (const std::optional<double> thickness = numberValue(item, tags::SliceThickness); thickness && *thickness > 0)
        plane.sliceThickness = *thickness;
}

} // namespace

DcmItem *sequenceItem(DcmItem &item, quint16 group, quint16 element, int index)
{
    DcmSequenceOfItems *sequence = nullptr;
    if (item.findAndGetSequence(DcmTagKey(group, element), sequence, OFFalse).bad() || sequence == nullptr)
        return nullptr;
    if (index < 0 || unsigned(index) >= sequence->card())
        return nullptr;
    return sequence->getItem(unsigned(index));
}

int perFrameGroupCount(DcmItem &dataset)
{
    DcmSequenceOfItems *sequence = nullptr;
    if (dataset.findAndGetSequence(tagKey(kPerFrameFunctionalGroups), sequence, OFFalse).bad() || sequence == nullptr)
        return 0;
    return int(sequence->card());
}

DcmItem *functionalGroup(DcmItem &dataset, int frame, quint16 group, quint16 element)
{
    if (DcmItem *perFrame =
            sequenceItem(dataset, kPerFrameFunctionalGroups.group, kPerFrameFunctionalGroups.element, frame)) {
        if (DcmItem *macro = sequenceItem(*perFrame, group, element))
            return macro;
    }
    if (DcmItem *shared = sequenceItem(dataset, kSharedFunctionalGroups.group, kSharedFunctionalGroups.element))
        return sequenceItem(*shared, group, element);
    return nullptr;
}

ImagePlane readImagePlane(DcmItem &dataset, int frame)
{
    ImagePlane plane;
    readPosition(dataset, plane);
    readOrientation(dataset, plane);
    readMeasures(dataset, plane);
    if (plane.rowSpacing <= 0.0) {
        // Projection radiographs without Pixel Spacing: the detector spacing is better than none.
        const QList<double> imager = numberValues(dataset, tags::ImagerPixelSpacing);
        if (imager.size() >= 2 && imager[0] > 0.0 && imager[1] > 0.0) {
            plane.rowSpacing = imager[0];
            plane.columnSpacing = imager[1];
        }
    }
    if (DcmItem *position =
            functionalGroup(dataset, frame, kPlanePositionSequence.group, kPlanePositionSequence.element))
        readPosition(*position, plane);
    if (DcmItem *orientation =
            functionalGroup(dataset, frame, kPlaneOrientationSequence.group, kPlaneOrientationSequence.element))
        readOrientation(*orientation, plane);
    if (DcmItem *measures =
            functionalGroup(dataset, frame, kPixelMeasuresSequence.group, kPixelMeasuresSequence.element))
        readMeasures(*measures, plane);
    return plane;
}

} // namespace haip::dicom::internal
