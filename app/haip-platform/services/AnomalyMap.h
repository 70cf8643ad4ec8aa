// A heat map of local anomaly (reference algorithm, research use only), for CT volumes and
// single 2D radiographs. On a ~2 mm working grid (block averages of the body's soft-tissue and
// air-range voxels; bone and contrast above 150 HU left out), each voxel is compared
//   - with its neighbourhood: z_local = (fine − coarse Gaussian mean) / robust spread, and
//   - for CT, with its mirror image across the body's mid-sagittal plane: z_sym likewise.
// The anomaly score is min(|z_local|, |z_sym|) where both deviate the same way (a voxel that
// differs from its surroundings AND from the other side), |z_local| for radiographs. Scores
// map to a probability-like heat value by a logistic curve centred on 4. Regions (findings) are
// the connected parts of heat ≥ 0.5 that hold a score of 8 or more (12 on a single image): the heat map shows the
// mild deviations normal anatomy has, the findings only the strong ones.
#pragma once

#include "ImageVolume.h"
#include "VoxelGrid.h"
#include "common/Vec3.h"

#include <QList>

#include <atomic>

namespace haip::services {

namespace anomaly {
inline constexpr double kWorkingSpacingMm = 2.0; // working grid (integer block averages)
inline constexpr double kWorkingSpacing2dMm = 1.0; // radiographs: finer detail
inline constexpr double kFineSigmaMm = 4.0;
inline constexpr double kCoarseSigmaMm = 16.0;
inline constexpr float kBodyThreshold = -500.0f; // HU: the body outline (CT)
inline constexpr float kDenseLimit = 150.0f; // HU: bone and contrast are left out (CT)
inline constexpr float kAirLimit = -950.0f; // HU: air in airways, gut and sinuses is left out (CT)
inline constexpr double kScoreCentre = 4.0; // score at heat 0.5
inline constexpr double kScoreWidth = 0.75; // logistic width
inline constexpr double kMinHeat = 0.1; // heat below this is stored as 0
inline constexpr double kRegionHeat = 0.5; // hot regions: connected heat ≥ 0.5 …
inline constexpr double kMinRegionPeak = 8.0; // … whose peak |score| is at least this (a strong anomaly)
// A single image has no contralateral comparison: the local score alone also rates normal
// structures of high contrast (ventricles, vessels), so its findings need a stronger peak.
inline constexpr double kMinRegionPeak2d = 12.0;
inline constexpr int kMaxRegions = 5;
} // namespace anomaly

struct AnomalyRegion
{
    std::vector<std::uint32_t> workingVoxels; // indices into the working grid
    Vec3 centroidVoxel; // full-grid (column, row, slice)
    double volumeMm3 = 0.0; // area in mm² for radiographs
    double peakScore = 0.0; // signed: > 0 denser/brighter than expected
    double meanValue = 0.0;
};

class AnomalyMap
{
public:
    // Runs the analysis; returns false when cancelled.
    bool compute(const ImageVolume &volume, const std::atomic<bool> *cancel);

    // Heat 0…255 of full-grid voxel (c, r, k), trilinear from the working grid.
    quint8 heatAt(int c, int r, int k) const;
    // Heat of a working-grid voxel of region `region` (0 outside it), for the region's own segment.
    bool inRegion(int region, int c, int r, int k) const;
    const QList<AnomalyRegion> &regions() const { return m_regions; }
    double maxHeat() const; // 0…1

private:
    VoxelGrid m_work;
    int m_fx = 1, m_fy = 1, m_fz = 1; // block factors
    std::vector<float> m_heat; // 0…1 on the working grid
    std::vector<qint8> m_regionOf; // working voxel → region index, −1 none
    QList<AnomalyRegion> m_regions;
};

} // namespace haip::services
