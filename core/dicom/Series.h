// A series as the viewer shows it: instances grouped by Series Instance UID, split into
// stacks (same orientation and matrix, distinct positions) and sorted along the slice normal.
#pragma once

#include "dicom/InstanceInfo.h"

#include <QList>
#include <QString>

namespace haip::dicom {

// One displayable image: a frame of an instance, with its place in patient space.
struct Slice
{
    int instance = 0; // index into Series::instances
    int frame = 0; // 0-based frame within that instance
    double location = 0.0; // position along the stack normal (mm); instance order when no geometry
};

struct Stack
{
    QList<Slice> slices; // sorted: increasing location (axial head → feet, sagittal R → L, coronal A → P)
    Vec3 normal;
    bool sortedByGeometry = false; // false: fell back to Instance Number / frame order
    double spacing = 0.0; // median distance between neighbouring slices (mm); 0 = unknown
    bool uniformSpacing = true; // every gap within 1 % (or 0.01 mm) of `spacing`
};

struct Series
{
    QString seriesInstanceUid;
    QString studyInstanceUid;
    QString modality;
    QString description;
    int seriesNumber = 0;
    QList<InstanceInfo> instances;
    QList<Stack> stacks; // usually one; several for localisers, multi-echo, mixed orientations

    int sliceCount() const
    {
        int n = 0;
        for (const Stack &s : stacks)
            n += s.slices.size();
        return n;
    }
};

} // namespace haip::dicom
