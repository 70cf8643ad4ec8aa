// Solid pulmonary nodule candidates ≥ 4 mm in segmented lungs (reference algorithm, research
// use only). Soft-tissue voxels (> −300 HU) around the lungs are vessels, bronchial walls, chest
// wall and nodules. Candidate centres are the local maxima of the distance to the nearest
// non-solid voxel (centres of the largest inscribed balls, radius R). A centre is kept when
//   - the ball of radius 1.5·R around it is mostly not solid, and that rest is lung parenchyma
//     (not chest wall, mediastinum or diaphragm), and
//   - the structure is a ball, not a tube: the eigenvalues of the Hessian of the solid mask,
//     smoothed at σ = 0.6·R, are of similar size in all three directions (blobness ≥ 0.6;
//     a sphere gives ~0.9, a vessel ~0.3 or less).
// The mask, not the HU, is analysed for shape. A kept centre is grown into the solid voxels
// connected to it within 1.15·R plus one voxel, which keeps touching vessels out of the
// measured volume; the region is reported when its equivalent diameter is ≥ 4 mm and its
// mean is soft tissue (−100…200 HU: not a partial-volume vessel junction, not bone).
#pragma once

#include "ImageVolume.h"
#include "VoxelGrid.h"
#include "common/Vec3.h"

#include <QList>

#include <atomic>

namespace haip::services {

namespace nodules {
inline constexpr float kSolidThreshold = -300.0f; // HU: solid (soft tissue) component
inline constexpr double kMinDiameterMm = 4.0; // the smallest nodule reported
// Equivalent diameters down to 90 % of the minimum pass: a 4 mm sphere sampled on a ~1 mm
// grid can measure a little smaller.
inline constexpr double kDiameterTolerance = 0.9;
inline constexpr double kMinInscribedRadiusMm = 1.0; // centres with a smaller inscribed ball are ignored
inline constexpr double kMaxInscribedRadiusMm = 20.0; // larger: a mass, not a nodule (≤ 30 mm + margin)
inline constexpr double kShapeBallFactor = 1.5; // the ball the surroundings are measured in
inline constexpr double kMaxFillFraction = 0.75; // more solid than this: inside a larger structure
inline constexpr double kGrowFactor = 1.15; // region = solid voxels within R·1.15 + one voxel
inline constexpr double kMinLungShare = 0.8; // the non-solid surroundings must be lung parenchyma
inline constexpr double kBlobSigmaFactor = 0.6; // Hessian scale, relative to R
inline constexpr double kMinBlobness = 0.6; // smallest / largest curvature; ball ≈ 0.9, tube ≲ 0.5
inline constexpr double kMinMeanHu = -100.0; // a solid nodule is soft tissue throughout
inline constexpr double kMaxMeanHu = 200.0; // denser: bone or calcification
} // namespace nodules

struct NoduleCandidate
{
    std::vector<std::uint32_t> voxels; // indices into the full volume
    Vec3 centroidVoxel; // (column, row, slice)
    double volumeMm3 = 0.0;
    double equivalentDiameterMm = 0.0;
    double meanHu = 0.0;
    double inscribedRadiusMm = 0.0;
    double blobness = 0.0; // 0 (tube) … 1 (ball)
};

class NoduleDetector
{
public:
    // Candidates in decreasing size. `lung` is LungSegmentation's mask. Returns an empty list
    // when cancelled (the caller checks the flag).
    static QList<NoduleCandidate> detect(const ImageVolume &volume, const Mask &lung, const std::atomic<bool> *cancel);
};

} // namespace haip::services
