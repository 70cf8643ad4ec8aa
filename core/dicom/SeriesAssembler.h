// Groups instance headers into series and stacks and sorts them (see Series.h): by position
// along the slice normal, falling back to Instance Number (then SOP Instance UID) when
// geometry is missing or degenerate.
//
// The rules, so every caller can predict the result:
// - A series is one Series Instance UID; an instance seen twice (same SOP Instance UID, e.g.
//   through a DICOMDIR and a folder scan) counts once (the copy with the smallest path).
//   Series::instances is ordered by Instance Number, SOP Instance UID, path.
// - Every frame of an instance with pixel data is a Slice (multi-frame: InstanceInfo::
//   planeOfFrame); instances without pixel data (SR, PR, KO) are in no stack.
// - One stack holds slices with the same matrix (rows × columns), the same Frame of Reference
//   and the same orientation (row and column directions within 1°, so normals too): a
//   localiser or a second plane lands in a stack of its own.
// - Slices are sorted by the projection of Image Position (Patient) onto the stack normal
//   (row × column direction, turned to the radiological reading order: axial head → feet,
//   sagittal right → left, coronal anterior → posterior), which also orders gantry-tilted
//   stacks. Stack::normal is that turned normal.
// - Slices at the same position (within 0.01 mm) — echoes, phases, repeats — are told apart by
//   (Acquisition Number, Instance Number, SOP Instance UID, frame): the k-th slice at every
//   position goes to stack k. When every slice of a stack sits at one position (a cine or a
//   repeated single slice), it stays one stack in that order, sortedByGeometry = false.
// - Without usable geometry (no position or orientation, non-finite or parallel direction
//   cosines) slices of the same matrix form one stack in (Instance Number, SOP Instance UID,
//   frame) order, location = 0, 1, 2…, sortedByGeometry = false, spacing 0.
// - spacing is the median gap; uniformSpacing when every gap is within 1 % of it (at least
//   0.01 mm). A single-slice stack has spacing 0 and uniformSpacing true.
// - Stacks of a series: most slices first, then by the earliest (Instance Number, SOP
//   Instance UID, frame) they hold. Series: by Study Date, Study Time, Study Instance UID,
//   then Series Number, then Series Instance UID. The same input in any order gives the
//   same output.
#pragma once

#include "dicom/Series.h"

namespace haip::dicom {

class SeriesAssembler
{
public:
    // Series ordered by study, then Series Number, then UID.
    static QList<Series> assemble(const QList<InstanceInfo> &instances);
    // Splits one series' instances into sorted stacks; Slice::instance indexes `instances`.
    static QList<Stack> buildStacks(const QList<InstanceInfo> &instances);
};

} // namespace haip::dicom
