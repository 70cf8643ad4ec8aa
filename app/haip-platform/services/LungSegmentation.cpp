#include "LungSegmentation.h"

#include "BodyOutline.h"
#include "ConnectedComponents.h"

#include <algorithm>

namespace haip::services {

Mask LungSegmentation::segment(const ImageVolume &volume)
{
    const VoxelGrid g = VoxelGrid::of(volume.geometry);
    const std::vector<float> &hu = volume.values;

    // The body wall (the couch drops out) and everything it encloses.
    const Mask wall = BodyOutline::wall(volume, lungs::kBodyThreshold);
    const Mask body = BodyOutline::filled(wall, g);

    // Lung-range air enclosed by the body wall.
    Mask air(g.size());
    for (std::size_t i = 0; i < air.size(); ++i)
        air[i] = body[i] != 0 && wall[i] == 0 && hu[i] >= lungs::kLungLow && hu[i] <= lungs::kLungHigh ? 1 : 0;

    std::vector<std::vector<std::uint32_t>> parts;
    std::size_t largest = 0;
    ConnectedComponents::visit(air, g, Connectivity::Faces, [&](const std::vector<std::uint32_t> &voxels) {
        if (double(voxels.size()) * g.voxelVolume() < lungs::kMinLungVolumeMm3)
            return;
        largest = std::max(largest, voxels.size());
        parts.push_back(voxels);
    });
    Mask lung(g.size(), 0);
    for (const std::vector<std::uint32_t> &voxels : parts) {
        if (double(voxels.size()) < lungs::kMinLungFraction * double(largest))
            continue;
        for (const std::uint32_t i : voxels)
            lung[i] = 1;
    }
    return lung;
}

} // namespace haip::services
