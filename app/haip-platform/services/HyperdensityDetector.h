// Intracranial hyperdensity on non-contrast head CT (reference algorithm, research use only):
// the cranial cavity is what the skull (bone > 300 HU) encloses slice by slice, its largest 3D
// part eroded 2 mm away from the bone; inside it, voxels in the blood range 50…90 HU are
// opened with a 1.5 mm ball, which removes thin hyperdense sheets (falx, tentorium) and noise
// speckles, then regrown by one voxel within the blood range. Clusters ≥ 0.1 mL are reported.
#pragma once

#include "ImageVolume.h"
#include "VoxelGrid.h"
#include "common/Vec3.h"

#include <QList>

#include <atomic>

namespace haip::services {

namespace hyperdensity {
inline constexpr float kBoneThreshold = 300.0f; // HU: skull
inline constexpr float kAirThreshold = -100.0f; // HU: below is not brain (sinus air, fat)
inline constexpr float kBloodLow = 50.0f; // HU: acute blood ≈ 50–90
inline constexpr float kBloodHigh = 90.0f;
inline constexpr double kBrainErosionMm = 2.0; // away from the bone (partial volume)
inline constexpr double kOpeningRadiusMm = 1.5; // sheets thinner than ~3 mm are removed
inline constexpr double kMinVolumeMm3 = 100.0; // 0.1 mL
} // namespace hyperdensity

struct HyperdensityCluster
{
    std::vector<std::uint32_t> voxels; // indices into the full volume
    Vec3 centroidVoxel;
    double volumeMm3 = 0.0;
    double meanHu = 0.0;
};

class HyperdensityDetector
{
public:
    // The brain mask (cranial cavity eroded from the bone); empty when no skull encloses anything.
    static Mask brainMask(const ImageVolume &volume);
    // Clusters in decreasing volume.
    static QList<HyperdensityCluster>
    detect(const ImageVolume &volume, const Mask &brain, const std::atomic<bool> *cancel);
};

} // namespace haip::services
