#include "HyperdensityDetector.h"

#include "ConnectedComponents.h"
#include "DistanceTransform.h"

#include <algorithm>

namespace haip::services {

Mask HyperdensityDetector::brainMask(const ImageVolume &volume)
{
    const VoxelGrid g = VoxelGrid::of(volume.geometry);
    const std::vector<float> &hu = volume.values;
    Mask bone(g.size());
    for (std::size_t i = 0; i < bone.size(); ++i)
        bone[i] = hu[i] > hyperdensity::kBoneThreshold ? 1 : 0;
    Mask cavity = ConnectedComponents::fillHolesPerSlice(bone, g);
    for (std::size_t i = 0; i < cavity.size(); ++i)
        cavity[i] = cavity[i] != 0 && bone[i] == 0 && hu[i] > hyperdensity::kAirThreshold ? 1 : 0;
    bone.clear();
    const Mask largest = ConnectedComponents::largest(cavity, g, Connectivity::Faces);
    return DistanceTransform::erode(largest, g, hyperdensity::kBrainErosionMm);
}

QList<HyperdensityCluster>
HyperdensityDetector::detect(const ImageVolume &volume, const Mask &brain, const std::atomic<bool> *cancel)
{
    const VoxelGrid g = VoxelGrid::of(volume.geometry);
    const std::vector<float> &hu = volume.values;
    Mask blood(g.size());
    for (std::size_t i = 0; i < blood.size(); ++i)
        blood[i] = brain[i] != 0 && hu[i] >= hyperdensity::kBloodLow && hu[i] <= hyperdensity::kBloodHigh ? 1 : 0;
    if (cancel != nullptr && cancel->load())
        return {};
    // Opening removes sheets and speckles; the one-voxel regrowth restores the clot's rim that
    // a digital ball opening shaves off.
    const Mask opened = DistanceTransform::open(blood, g, hyperdensity::kOpeningRadiusMm);
    if (cancel != nullptr && cancel->load())
        return {};
    Mask kept = DistanceTransform::dilate(opened, g, std::max({g.sx, g.sy, g.sz}) * 1.01);
    for (std::size_t i = 0; i < kept.size(); ++i)
        kept[i] &= blood[i];

    QList<HyperdensityCluster> clusters;
    ConnectedComponents::visit(kept, g, Connectivity::Faces, [&](const std::vector<std::uint32_t> &voxels) {
        const double volumeMm3 = double(voxels.size()) * g.voxelVolume();
        if (volumeMm3 < hyperdensity::kMinVolumeMm3)
            return;
        HyperdensityCluster c;
        c.voxels = voxels;
        c.volumeMm3 = volumeMm3;
        double sx = 0, sy = 0, sz = 0, sum = 0;
        for (const std::uint32_t i : voxels) {
            sx += double(i % std::size_t(g.nx));
            sy += double((i / std::size_t(g.nx)) % std::size_t(g.ny));
            sz += double(i / g.sliceSize());
            sum += double(hu[i]);
        }
        const double n = double(voxels.size());
        c.centroidVoxel = {sx / n, sy / n, sz / n};
        c.meanHu = sum / n;
        clusters.append(std::move(c));
    });
    std::stable_sort(
        clusters.begin(), clusters.end(), [](const auto &a, const auto &b) { return a.volumeMm3 > b.volumeMm3; });
    return clusters;
}

} // namespace haip::services
