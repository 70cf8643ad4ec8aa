// Separable Gaussian smoothing of a float volume with σ in mm (per axis by the grid spacing),
// and its normalised form for data with holes: smooth(v·w) / smooth(w), so excluded voxels
// (weight 0, e.g. bone) neither bleed into nor darken their neighbourhood.
#pragma once

#include "VoxelGrid.h"

namespace haip::services {

class GaussianFilter
{
public:
    // Edges are handled by renormalising the truncated kernel (no zero padding).
    static std::vector<float> smooth(const std::vector<float> &values, const VoxelGrid &grid, double sigmaMm);
    // Voxels whose smoothed weight is below `minWeight` get 0.
    static std::vector<float> smoothNormalised(const std::vector<float> &values,
                                               const std::vector<float> &weights,
                                               const VoxelGrid &grid,
                                               double sigmaMm,
                                               float minWeight = 1e-3f);
};

} // namespace haip::services
