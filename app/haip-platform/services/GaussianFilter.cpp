#include "GaussianFilter.h"

#include <cmath>

namespace haip::services {
namespace {

std::vector<float> kernel(double sigmaVoxels)
{
    const int radius = std::max(1, int(std::ceil(3.0 * sigmaVoxels)));
    std::vector<float> k(std::size_t(2 * radius + 1));
    for (int i = -radius; i <= radius; ++i)
        k[std::size_t(i + radius)] = float(std::exp(-0.5 * (i * i) / (sigmaVoxels * sigmaVoxels)));
    return k;
}

// Convolves n samples at `stride` with kernel k, renormalising where it leaves the line.
void convolveLine(float *data, int n, std::ptrdiff_t stride, const std::vector<float> &k, std::vector<float> &line)
{
    const int radius = int(k.size() / 2);
    line.resize(std::size_t(n));
    for (int i = 0; i < n; ++i)
        line[std::size_t(i)] = data[i * stride];
    for (int i = 0; i < n; ++i) {
        double sum = 0.0, norm = 0.0;
        const int a = std::max(0, i - radius), b = std::min(n - 1, i + radius);
        for (int j = a; j <= b; ++j) {
            const double w = k[std::size_t(j - i + radius)];
            sum += w * line[std::size_t(j)];
            norm += w;
        }
        data[i * stride] = float(sum / norm);
    }
}

} // namespace

std::vector<float> GaussianFilter::smooth(const std::vector<float> &values, const VoxelGrid &g, double sigmaMm)
{
    std::vector<float> out = values;
    if (sigmaMm <= 0.0)
        return out;
    const std::vector<float> kx = kernel(sigmaMm / g.sx), ky = kernel(sigmaMm / g.sy), kz = kernel(sigmaMm / g.sz);
    parallelFor(g.nz, [&](int z) {
        std::vector<float> line;
        for (int y = 0; y < g.ny; ++y)
            convolveLine(out.data() + g.index(0, y, z), g.nx, 1, kx, line);
        for (int x = 0; x < g.nx; ++x)
            convolveLine(out.data() + g.index(x, 0, z), g.ny, g.nx, ky, line);
    });
    if (g.nz > 1) {
        parallelFor(g.ny, [&](int y) {
            std::vector<float> line;
            for (int x = 0; x < g.nx; ++x)
                convolveLine(out.data() + g.index(x, y, 0), g.nz, std::ptrdiff_t(g.sliceSize()), kz, line);
        });
    }
    return out;
}

std::vector<float> GaussianFilter::smoothNormalised(const std::vector<float> &values,
                                                    const std::vector<float> &weights,
                                                    const VoxelGrid &grid,
                                                    double sigmaMm,
                                                    float minWeight)
{
    std::vector<float> weighted(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        weighted[i] = values[i] * weights[i];
    std::vector<float> numerator = smooth(weighted, grid, sigmaMm);
    const std::vector<float> denominator = smooth(weights, grid, sigmaMm);
    for (std::size_t i = 0; i < numerator.size(); ++i)
        numerator[i] = denominator[i] >= minWeight ? numerator[i] / denominator[i] : 0.0f;
    return numerator;
}

} // namespace haip::services
