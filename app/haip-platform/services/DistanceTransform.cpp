// The squared distance is computed one axis at a time: along each line the lower envelope of
// the parabolas (q − p)²·s² + f(p) gives the exact minimum, so three passes give the exact
// 3D Euclidean distance for any voxel spacing.
#include "DistanceTransform.h"

#include <cmath>

namespace haip::services {
namespace {

constexpr double kInf = 1e30;

// One 1D pass over `n` samples at stride `stride` with spacing `s` (squared distances in/out).
void envelopePass(float *f,
                  int n,
                  std::ptrdiff_t stride,
                  double s,
                  std::vector<double> &line,
                  std::vector<int> &v,
                  std::vector<double> &z)
{
    line.resize(std::size_t(n));
    v.resize(std::size_t(n));
    z.resize(std::size_t(n) + 1);
    for (int q = 0; q < n; ++q)
        line[std::size_t(q)] = f[q * stride] >= float(kInf) * 0.5f ? kInf : double(f[q * stride]);
    const double s2 = s * s;
    int k = -1;
    for (int q = 0; q < n; ++q) {
        const double fq = line[std::size_t(q)];
        if (fq >= kInf)
            continue; // no source here: contributes no parabola
        while (k >= 0) {
            const int p = v[std::size_t(k)];
            // Intersection of the parabolas of p and q, in index units.
            const double x = ((fq + s2 * q * q) - (line[std::size_t(p)] + s2 * p * p)) / (2.0 * s2 * (q - p));
            if (x <= z[std::size_t(k)])
                --k;
            else {
                ++k;
                v[std::size_t(k)] = q;
                z[std::size_t(k)] = x;
                z[std::size_t(k) + 1] = kInf;
                break;
            }
        }
        if (k < 0) {
            k = 0;
            v[0] = q;
            z[0] = -kInf;
            z[1] = kInf;
        }
    }
    if (k < 0)
        return; // the whole line is without sources: stays infinite
    int j = 0;
    for (int q = 0; q < n; ++q) {
        while (z[std::size_t(j) + 1] < q)
            ++j;
        const int p = v[std::size_t(j)];
        const double d = double(q - p) * s;
        f[q * stride] = float(d * d + line[std::size_t(p)]);
    }
}

// Squared distance (mm², stored as float to halve the memory) to the nearest voxel whose mask
// value is `sourceValue`.
std::vector<float> squaredDistance(const Mask &mask, bool sourceValue, const VoxelGrid &g)
{
    std::vector<float> f(g.size());
    for (std::size_t i = 0; i < f.size(); ++i)
        f[i] = (mask[i] != 0) == sourceValue ? 0.0f : float(kInf);
    const std::ptrdiff_t sliceStride = std::ptrdiff_t(g.sliceSize());
    parallelFor(g.nz, [&](int z) {
        std::vector<double> line, zz;
        std::vector<int> v;
        for (int y = 0; y < g.ny; ++y)
            envelopePass(f.data() + g.index(0, y, z), g.nx, 1, g.sx, line, v, zz);
        for (int x = 0; x < g.nx; ++x)
            envelopePass(f.data() + g.index(x, 0, z), g.ny, g.nx, g.sy, line, v, zz);
    });
    if (g.nz > 1) {
        parallelFor(g.ny, [&](int y) {
            std::vector<double> line, zz;
            std::vector<int> v;
            for (int x = 0; x < g.nx; ++x)
                envelopePass(f.data() + g.index(x, y, 0), g.nz, sliceStride, g.sz, line, v, zz);
        });
    }
    return f;
}

std::vector<float> toDistance(std::vector<float> squared)
{
    for (float &v : squared)
        v = v >= float(kInf) * 0.5f ? DistanceTransform::kInfinite : std::sqrt(v);
    return squared;
}

} // namespace

std::vector<float> DistanceTransform::insideDistance(const Mask &mask, const VoxelGrid &grid)
{
    return toDistance(squaredDistance(mask, false, grid));
}

std::vector<float> DistanceTransform::outsideDistance(const Mask &mask, const VoxelGrid &grid)
{
    return toDistance(squaredDistance(mask, true, grid));
}

Mask DistanceTransform::erode(const Mask &mask, const VoxelGrid &grid, double radius)
{
    const std::vector<float> d = insideDistance(mask, grid);
    Mask out(mask.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = mask[i] != 0 && d[i] > radius ? 1 : 0;
    return out;
}

Mask DistanceTransform::dilate(const Mask &mask, const VoxelGrid &grid, double radius)
{
    const std::vector<float> d = outsideDistance(mask, grid);
    Mask out(mask.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = d[i] <= radius ? 1 : 0;
    return out;
}

Mask DistanceTransform::open(const Mask &mask, const VoxelGrid &grid, double radius)
{
    Mask opened = dilate(erode(mask, grid, radius), grid, radius);
    for (std::size_t i = 0; i < opened.size(); ++i)
        opened[i] &= mask[i];
    return opened;
}

} // namespace haip::services
