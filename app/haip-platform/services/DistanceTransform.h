// Exact Euclidean distance transforms on anisotropic voxel grids (Felzenszwalb & Huttenlocher's
// separable lower-envelope method), in mm. The services use them for ball-shaped erosion,
// dilation and opening, and to find the centres and radii of blob-like structures.
#pragma once

#include "VoxelGrid.h"

#include <limits>

namespace haip::services {

class DistanceTransform
{
public:
    static constexpr float kInfinite = std::numeric_limits<float>::infinity();

    // For every voxel of `mask`, the distance (mm) to the nearest voxel outside it (0 outside
    // the mask). Outside the grid counts as neither: a mask filling the grid stays infinite.
    static std::vector<float> insideDistance(const Mask &mask, const VoxelGrid &grid);
    // For every voxel, the distance (mm) to the nearest voxel of `mask` (0 inside it).
    static std::vector<float> outsideDistance(const Mask &mask, const VoxelGrid &grid);

    // Ball-shaped morphology built on the transforms (radius in mm).
    static Mask erode(const Mask &mask, const VoxelGrid &grid, double radius);
    static Mask dilate(const Mask &mask, const VoxelGrid &grid, double radius);
    static Mask open(const Mask &mask, const VoxelGrid &grid, double radius);
};

} // namespace haip::services
