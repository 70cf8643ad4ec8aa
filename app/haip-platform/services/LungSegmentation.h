// Lung parenchyma of a chest CT (reference algorithm, research use only): lung-range voxels
// inside the body that are neither outside air nor pure air (trachea, main bronchi, bowel gas),
// kept as large 3D components. Vessels and nodules are not part of it: NoduleDetector looks
// at the solid structures the parenchyma surrounds.
#pragma once

#include "ImageVolume.h"
#include "VoxelGrid.h"

namespace haip::services {

namespace lungs {
// HU ranges (typical adult CT): parenchyma −950…−600; pure air reads ≈ −1000.
inline constexpr float kBodyThreshold = -500.0f; // soft tissue and denser: the body wall
inline constexpr float kLungLow = -980.0f; // below: air in the trachea, bronchi, gut or outside
inline constexpr float kLungHigh = -400.0f;
inline constexpr double kMinLungVolumeMm3 = 20000.0; // a lung (or what of it is scanned) is > 20 mL
inline constexpr double kMinLungFraction = 0.05; // and not tiny next to the largest one
} // namespace lungs

class LungSegmentation
{
public:
    // A mask of the parenchyma (1 inside), on the volume's grid. Empty (all 0) when no lung is
    // found, e.g. for a head CT.
    static Mask segment(const ImageVolume &volume);
};

} // namespace haip::services
