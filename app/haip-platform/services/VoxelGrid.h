// The shape of a voxel array the image-processing steps work on: dimensions, spacing in mm,
// and linear indexing (x fastest, then y, then z). Masks are std::vector<quint8> (0 or 1),
// images std::vector<float>, both in this order. `parallelFor` spreads independent slices or
// lines over the global thread pool.
#pragma once

#include "ImageVolume.h"

#include <QtConcurrent>

#include <cstddef>
#include <numeric>
#include <vector>

namespace haip::services {

struct VoxelGrid
{
    int nx = 0;
    int ny = 0;
    int nz = 0;
    double sx = 1.0; // mm between x (column) centres
    double sy = 1.0;
    double sz = 1.0;

    static VoxelGrid of(const VolumeGeometry &g)
    {
        return {g.columns, g.rows, g.slices, g.columnSpacing, g.rowSpacing, g.sliceSpacing};
    }
    std::size_t size() const { return std::size_t(nx) * std::size_t(ny) * std::size_t(nz); }
    std::size_t sliceSize() const { return std::size_t(nx) * std::size_t(ny); }
    std::size_t index(int x, int y, int z) const
    {
        return (std::size_t(z) * std::size_t(ny) + std::size_t(y)) * std::size_t(nx) + std::size_t(x);
    }
    bool contains(int x, int y, int z) const { return x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz; }
    double voxelVolume() const { return sx * sy * sz; }
};

using Mask = std::vector<quint8>;

// Calls f(i) for i in [0, n) on the global thread pool and waits.
template <typename F>
void parallelFor(int n, F &&f)
{
    std::vector<int> indices(static_cast<std::size_t>(std::max(n, 0)));
    std::iota(indices.begin(), indices.end(), 0);
    QtConcurrent::blockingMap(indices, [&f](int i) { f(i); });
}

} // namespace haip::services
