// Puts a Segmentation on the images it was made for, or refuses it with a reason a clinician or
// IT can act on. A misplaced AI overlay is worse than none, so every frame must pass:
// - the same Frame of Reference as the series (when the SEG has one);
// - its referenced source image (Derivation Image Sequence) is in the series;
// - the same orientation as the stack (row and column directions within 1°: a flipped or
//   rotated SEG is refused, not re-oriented);
// - its Image Position on a slice: within half the slice spacing along the normal and 0.1 mm in
//   plane; when it names its source image, on that slice (within 10 % of the spacing, ≥ 0.1 mm);
// - the same matrix (rows × columns) and pixel spacing (0.1 %) as the slice.
// Frames without position are placed by their reference alone. The result maps every SEG frame
// to a slice of one stack and measures each segment (voxels, mL).
#pragma once

#include "common/Result.h"
#include "dicom/Segmentation.h"
#include "dicom/Series.h"

#include <QList>
#include <QRect>

#include <memory>
#include <optional>

namespace haip::dicom {

struct SegmentMeasure
{
    int segmentNumber = 0;
    // BINARY: pixels set. FRACTIONAL PROBABILITY: pixels at ≥ 50 % (the usual operating point);
    // OCCUPANCY: the sum of the fractions (partial pixels count partly).
    double voxels = 0.0;
    double volumeMl = 0.0; // voxels × row spacing × column spacing × slice spacing / 1000
    int slices = 0; // slices the segment appears on
};

// Where a segment is biggest: the slice with the most of it and its bounding box there, in
// image pixels — for "show me" (ImageView::showRegion).
struct SegmentRegion
{
    int slice = -1;
    QRect imageRect;
};

struct PlacedSegmentation
{
    std::shared_ptr<const Segmentation> segmentation;
    int stack = 0; // index into Series::stacks
    int sliceCount = 0; // slices in that stack
    QList<int> sliceOfFrame; // per SEG frame: index into Stack::slices
    double sliceSpacing = 0.0; // mm used for volumes (stack spacing, else the SEG's, else thickness)
    double rowSpacing = 0.0;
    double columnSpacing = 0.0;
    QList<SegmentMeasure> measures; // one per segment, in Segment Number order

    // SEG frame indices on `slice` (in file order).
    QList<int> framesOnSlice(int slice) const;
    const SegmentMeasure *measure(int segmentNumber) const;
    std::optional<SegmentRegion> regionOf(int segmentNumber) const;

private:
    friend class SegmentPlacement;
    QList<QList<int>> m_framesOfSlice;
};

class SegmentPlacement
{
public:
    // Errors: SegmentationMismatch with the reason (translated) as detail and the SEG as
    // subject; the reason names the frame and the values that differ.
    static Result<PlacedSegmentation> place(const Series &series, std::shared_ptr<const Segmentation> segmentation);

    static constexpr double OrientationToleranceDegrees = 1.0;
    static constexpr double InPlaneToleranceMm = 0.1;
    static constexpr double SpacingTolerance = 0.001; // relative
};

} // namespace haip::dicom
