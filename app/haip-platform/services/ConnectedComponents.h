// Connected components of a mask, found by flood fill, handed to the caller one at a time as
// a list of voxel indices — so no label volume (4 bytes per voxel) is ever allocated, and
// the caller decides what to keep. 6-connectivity (faces) or 26 (faces, edges, corners);
// `planar` restricts the fill to each z slice (2D components with 4 or 8 neighbours).
#pragma once

#include "VoxelGrid.h"

#include <cstdint>
#include <functional>

namespace haip::services {

enum class Connectivity
{
    Faces, // 6 in 3D, 4 in a plane
    All // 26 in 3D, 8 in a plane
};

class ConnectedComponents
{
public:
    using Visitor = std::function<void(const std::vector<std::uint32_t> &voxels)>;

    // Visits every component of `mask` (voxels != 0), in order of its first voxel.
    static void visit(const Mask &mask, const VoxelGrid &grid, Connectivity connectivity, const Visitor &visitor);
    static void visitPlanar(const Mask &mask, const VoxelGrid &grid, Connectivity connectivity, const Visitor &visitor);

    // Keeps the largest component only (an empty mask stays empty).
    static Mask largest(const Mask &mask, const VoxelGrid &grid, Connectivity connectivity);
    // Fills, in every z slice, the regions of background not connected to the slice border.
    static Mask fillHolesPerSlice(const Mask &mask, const VoxelGrid &grid);
};

} // namespace haip::services
