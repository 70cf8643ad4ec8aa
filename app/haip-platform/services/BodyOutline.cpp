#include "BodyOutline.h"

#include "ConnectedComponents.h"

namespace haip::services {

Mask BodyOutline::wall(const ImageVolume &volume, float threshold)
{
    const VoxelGrid g = VoxelGrid::of(volume.geometry);
    Mask dense(g.size());
    for (std::size_t i = 0; i < dense.size(); ++i)
        dense[i] = volume.values[i] > threshold ? 1 : 0;
    std::vector<std::vector<std::uint32_t>> largestPerSlice(std::size_t(g.nz));
    ConnectedComponents::visitPlanar(dense, g, Connectivity::Faces, [&](const std::vector<std::uint32_t> &voxels) {
        std::vector<std::uint32_t> &best = largestPerSlice[voxels.front() / g.sliceSize()];
        if (voxels.size() > best.size())
            best = voxels;
    });
    Mask out(g.size(), 0);
    for (const std::vector<std::uint32_t> &voxels : largestPerSlice) {
        for (const std::uint32_t i : voxels)
            out[i] = 1;
    }
    return out;
}

Mask BodyOutline::filled(const Mask &wall, const VoxelGrid &grid)
{
    return ConnectedComponents::fillHolesPerSlice(wall, grid);
}

Mask BodyOutline::body(const ImageVolume &volume, float threshold)
{
    return filled(wall(volume, threshold), VoxelGrid::of(volume.geometry));
}

} // namespace haip::services
