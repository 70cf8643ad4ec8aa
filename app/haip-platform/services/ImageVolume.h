// One analysed series as the reference services see it: modality values (HU for CT) on a
// regular voxel grid, the geometry that maps voxel indices to patient mm, and which source
// instance (and frame) each slice came from, so results can reference their sources exactly.
// Voxel (c, r, k): column c, row r, slice k; slices are sorted along the slice normal.
#pragma once

#include "common/Vec3.h"

#include <QList>
#include <QString>

#include <cstddef>
#include <vector>

namespace haip::services {

// Where one slice of the volume came from.
struct SourceSlice
{
    QString sopClassUid;
    QString sopInstanceUid;
    int frameNumber = 0; // 1-based frame of a multi-frame instance; 0 for a single-frame instance
    Vec3 position; // Image Position (Patient) of the slice's first pixel centre
    QString path; // the file it was read from (a presentation state references its dataset)
};

// Identity of the analysed series and what the results must carry over from it.
struct SourceSeries
{
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString frameOfReferenceUid; // empty for projection images without one
    QString modality;
    QString bodyPartExamined;
    QString seriesDescription;
    QString headerPath; // one source file: patient and study attributes are copied from it
};

struct VolumeGeometry
{
    int columns = 0;
    int rows = 0;
    int slices = 0;
    double columnSpacing = 1.0; // mm between column centres (x)
    double rowSpacing = 1.0; // mm between row centres (y)
    double sliceSpacing = 1.0; // mm between slice centres; 1 for a single image
    double sliceThickness = 0.0;
    bool hasPatientGeometry = false; // positions and orientation are known (CT), not for a radiograph
    Vec3 rowDirection {1.0, 0.0, 0.0}; // direction of increasing column index
    Vec3 columnDirection {0.0, 1.0, 0.0}; // direction of increasing row index
    Vec3 normal {0.0, 0.0, 1.0}; // direction of increasing slice index

    std::size_t voxelCount() const { return std::size_t(columns) * std::size_t(rows) * std::size_t(slices); }
    std::size_t sliceSize() const { return std::size_t(columns) * std::size_t(rows); }
    std::size_t index(int c, int r, int k) const
    {
        return (std::size_t(k) * std::size_t(rows) + std::size_t(r)) * std::size_t(columns) + std::size_t(c);
    }
    double voxelVolume() const { return columnSpacing * rowSpacing * sliceSpacing; }
};

struct ImageVolume
{
    VolumeGeometry geometry;
    std::vector<float> values; // modality values (HU for CT), geometry.index() order
    QList<SourceSlice> sources; // one per slice
    SourceSeries series;
    bool monochrome1 = false; // a radiograph stored with white = low values (already inverted in `values`)

    // Patient position (mm) of a possibly fractional voxel index; for images without patient
    // geometry the "position" is the in-plane offset from the first pixel in mm.
    Vec3 patientPosition(double c, double r, double k) const;
};

} // namespace haip::services
