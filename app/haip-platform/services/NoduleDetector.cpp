#include "NoduleDetector.h"

#include "DistanceTransform.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace haip::services {
namespace {

// The lung's bounding box (plus one voxel), where all the work happens.
struct Crop
{
    int x0 = 0, y0 = 0, z0 = 0;
    VoxelGrid grid;
    bool empty = true;

    std::size_t toFull(const VoxelGrid &full, std::size_t i) const
    {
        const int x = int(i % std::size_t(grid.nx));
        const int y = int((i / std::size_t(grid.nx)) % std::size_t(grid.ny));
        const int z = int(i / grid.sliceSize());
        return full.index(x + x0, y + y0, z + z0);
    }
};

Crop boundingCrop(const Mask &mask, const VoxelGrid &g)
{
    int x0 = g.nx, y0 = g.ny, z0 = g.nz, x1 = -1, y1 = -1, z1 = -1;
    for (int z = 0; z < g.nz; ++z) {
        for (int y = 0; y < g.ny; ++y) {
            const quint8 *row = mask.data() + g.index(0, y, z);
            for (int x = 0; x < g.nx; ++x) {
                if (row[x] == 0)
                    continue;
                x0 = std::min(x0, x), x1 = std::max(x1, x);
                y0 = std::min(y0, y), y1 = std::max(y1, y);
                z0 = std::min(z0, z), z1 = std::max(z1, z);
            }
        }
    }
    Crop c;
    if (x1 < 0)
        return c;
    x0 = std::max(0, x0 - 1), y0 = std::max(0, y0 - 1), z0 = std::max(0, z0 - 1);
    x1 = std::min(g.nx - 1, x1 + 1), y1 = std::min(g.ny - 1, y1 + 1), z1 = std::min(g.nz - 1, z1 + 1);
    c.x0 = x0, c.y0 = y0, c.z0 = z0;
    c.grid = {x1 - x0 + 1, y1 - y0 + 1, z1 - z0 + 1, g.sx, g.sy, g.sz};
    c.empty = false;
    return c;
}

struct Peak
{
    int x, y, z;
    float radius;
};

// Calls f(x, y, z) for every grid voxel whose centre lies within `radius` mm of (cx, cy, cz).
template <typename F>
void forBall(const VoxelGrid &g, int cx, int cy, int cz, double radius, F &&f)
{
    const int rx = int(radius / g.sx), ry = int(radius / g.sy), rz = int(radius / g.sz);
    const double r2 = radius * radius;
    for (int dz = -rz; dz <= rz; ++dz) {
        for (int dy = -ry; dy <= ry; ++dy) {
            for (int dx = -rx; dx <= rx; ++dx) {
                const double ex = dx * g.sx, ey = dy * g.sy, ez = dz * g.sz;
                if (ex * ex + ey * ey + ez * ez <= r2)
                    f(cx + dx, cy + dy, cz + dz);
            }
        }
    }
}

std::vector<Peak> findPeaks(const Mask &solid, const std::vector<float> &d, const VoxelGrid &g)
{
    std::vector<Peak> peaks;
    for (int z = 0; z < g.nz; ++z) {
        for (int y = 0; y < g.ny; ++y) {
            for (int x = 0; x < g.nx; ++x) {
                const std::size_t i = g.index(x, y, z);
                const float r = d[i];
                if (solid[i] == 0 || r < nodules::kMinInscribedRadiusMm || r > nodules::kMaxInscribedRadiusMm)
                    continue;
                bool isMax = true;
                for (int dz = -1; dz <= 1 && isMax; ++dz) {
                    for (int dy = -1; dy <= 1 && isMax; ++dy) {
                        for (int dx = -1; dx <= 1; ++dx) {
                            if (g.contains(x + dx, y + dy, z + dz) && d[g.index(x + dx, y + dy, z + dz)] > r) {
                                isMax = false;
                                break;
                            }
                        }
                    }
                }
                if (isMax)
                    peaks.push_back({x, y, z, r});
            }
        }
    }
    std::stable_sort(peaks.begin(), peaks.end(), [](const Peak &a, const Peak &b) { return a.radius > b.radius; });
    return peaks;
}

// Eigenvalues (descending) of a symmetric 3×3 matrix, by the trigonometric method.
std::array<double, 3> eigenvalues(const std::array<double, 6> &m) // xx, yy, zz, xy, xz, yz
{
    const double p1 = m[3] * m[3] + m[4] * m[4] + m[5] * m[5];
    const double q = (m[0] + m[1] + m[2]) / 3.0;
    const double p2 = (m[0] - q) * (m[0] - q) + (m[1] - q) * (m[1] - q) + (m[2] - q) * (m[2] - q) + 2.0 * p1;
    const double p = std::sqrt(p2 / 6.0);
    if (p < 1e-12)
        return {q, q, q};
    const double b00 = (m[0] - q) / p, b11 = (m[1] - q) / p, b22 = (m[2] - q) / p;
    const double b01 = m[3] / p, b02 = m[4] / p, b12 = m[5] / p;
    const double det = b00 * (b11 * b22 - b12 * b12) - b01 * (b01 * b22 - b12 * b02) + b02 * (b01 * b12 - b11 * b02);
    const double r = std::clamp(det / 2.0, -1.0, 1.0);
    const double phi = std::acos(r) / 3.0;
    const double e1 = q + 2.0 * p * std::cos(phi);
    const double e3 = q + 2.0 * p * std::cos(phi + 2.0 * std::numbers::pi / 3.0);
    return {e1, 3.0 * q - e1 - e3, e3};
}

// The sub-voxel centre of the solid structure at a peak: the centroid of the solid voxels
// within R plus one voxel. A digitised small ball has a plateau of equal peaks half a voxel
// off its true centre; measuring the shape there would make a ball look elongated.
std::array<double, 3> localCentre(const Mask &solid, const VoxelGrid &g, const Peak &p, double step)
{
    double sx = 0.0, sy = 0.0, sz = 0.0, n = 0.0;
    forBall(g, p.x, p.y, p.z, double(p.radius) + step, [&](int x, int y, int z) {
        if (!g.contains(x, y, z) || solid[g.index(x, y, z)] == 0)
            return;
        sx += x, sy += y, sz += z, n += 1.0;
    });
    if (n == 0.0)
        return {double(p.x), double(p.y), double(p.z)};
    return {sx / n, sy / n, sz / n};
}

// How ball-like the solid structure around a peak is: the eigenvalues of the Hessian of the
// solid mask smoothed with a Gaussian of `sigma` mm, at `centre` (voxel units). A ball curves
// down equally in all three directions (ratio 1), a tube not along its axis (ratio ≈ 0). The
// mask, not the HU, is smoothed: the decision rests on shape alone.
double blobness(const Mask &solid, const VoxelGrid &g, const std::array<double, 3> &centre, double sigma)
{
    const int cx = int(std::lround(centre[0])), cy = int(std::lround(centre[1])), cz = int(std::lround(centre[2]));
    const int rx = int(std::ceil(3.0 * sigma / g.sx)) + 1, ry = int(std::ceil(3.0 * sigma / g.sy)) + 1,
              rz = int(std::ceil(3.0 * sigma / g.sz)) + 1;
    const double s2 = sigma * sigma;
    std::array<double, 6> h {}; // xx, yy, zz, xy, xz, yz of the smoothed mask (up to a constant factor)
    for (int z = cz - rz; z <= cz + rz; ++z) {
        for (int y = cy - ry; y <= cy + ry; ++y) {
            for (int x = cx - rx; x <= cx + rx; ++x) {
                if (!g.contains(x, y, z) || solid[g.index(x, y, z)] == 0)
                    continue;
                const double ex = (x - centre[0]) * g.sx, ey = (y - centre[1]) * g.sy, ez = (z - centre[2]) * g.sz;
                const double w = std::exp(-0.5 * (ex * ex + ey * ey + ez * ez) / s2);
                // Second derivatives of the Gaussian: (e_i e_j / σ⁴ − δ_ij / σ²) · G.
                h[0] += w * (ex * ex / s2 - 1.0);
                h[1] += w * (ey * ey / s2 - 1.0);
                h[2] += w * (ez * ez / s2 - 1.0);
                h[3] += w * ex * ey / s2;
                h[4] += w * ex * ez / s2;
                h[5] += w * ey * ez / s2;
            }
        }
    }
    // A bright structure curves downwards: use −H, whose eigenvalues are then all positive for a ball.
    for (double &v : h)
        v = -v;
    const std::array<double, 3> ev = eigenvalues(h);
    return ev[0] > 0.0 ? std::max(0.0, ev[2]) / ev[0] : 0.0;
}

} // namespace

QList<NoduleCandidate>
NoduleDetector::detect(const ImageVolume &volume, const Mask &lung, const std::atomic<bool> *cancel)
{
    const VoxelGrid full = VoxelGrid::of(volume.geometry);
    const Crop crop = boundingCrop(lung, full);
    if (crop.empty)
        return {};
    const VoxelGrid &g = crop.grid;
    // Solid voxels anywhere in the lungs' box: the lung mask is not used to cut them, so a
    // nodule or vessel that touches the pleura keeps its shape.
    Mask solid(g.size()), parenchyma(g.size());
    for (std::size_t i = 0; i < solid.size(); ++i) {
        const std::size_t f = crop.toFull(full, i);
        solid[i] = volume.values[f] > nodules::kSolidThreshold ? 1 : 0;
        parenchyma[i] = lung[f];
    }
    const std::vector<float> inscribed = DistanceTransform::insideDistance(solid, g);
    const std::vector<Peak> peaks = findPeaks(solid, inscribed, g);

    const double step = std::max({g.sx, g.sy, g.sz});
    std::vector<Peak> tested;
    Mask owned(g.size(), 0);
    QList<NoduleCandidate> found;
    for (const Peak &p : peaks) {
        if (cancel != nullptr && cancel->load())
            return {};
        if (owned[g.index(p.x, p.y, p.z)] != 0)
            continue;
        // Non-maximum suppression: a peak inside the inscribed ball of one already looked at
        // belongs to the same structure.
        const bool suppressed = std::any_of(tested.begin(), tested.end(), [&](const Peak &t) {
            const double ex = (p.x - t.x) * g.sx, ey = (p.y - t.y) * g.sy, ez = (p.z - t.z) * g.sz;
            return ex * ex + ey * ey + ez * ez < double(t.radius) * double(t.radius);
        });
        if (suppressed)
            continue;
        tested.push_back(p);

        // Surroundings: how much of the ball of radius 1.5·R is solid, and whether the rest is
        // lung (not chest wall, mediastinum or diaphragm).
        int inBall = 0, solidInBall = 0, lungInBall = 0;
        forBall(g, p.x, p.y, p.z, nodules::kShapeBallFactor * p.radius, [&](int x, int y, int z) {
            ++inBall;
            if (!g.contains(x, y, z))
                return;
            const std::size_t i = g.index(x, y, z);
            solidInBall += solid[i];
            lungInBall += parenchyma[i];
        });
        const double fill = inBall > 0 ? double(solidInBall) / inBall : 1.0;
        const double lungShare = inBall > solidInBall ? double(lungInBall) / (inBall - solidInBall) : 0.0;

        if (fill > nodules::kMaxFillFraction || lungShare < nodules::kMinLungShare)
            continue;
        // Shape: a ball, not a tube (the Hessian's scale never below the voxel size).
        const double blob = blobness(
            solid, g, localCentre(solid, g, p, step), std::max(nodules::kBlobSigmaFactor * p.radius, 0.8 * step));
        if (blob < nodules::kMinBlobness)
            continue;

        // The nodule's voxels: solid, connected to the centre, within the growth radius.
        const double limit = nodules::kGrowFactor * p.radius + step;
        const double limit2 = limit * limit;
        std::vector<std::uint32_t> region {std::uint32_t(g.index(p.x, p.y, p.z))};
        owned[region.front()] = 2; // 2: claimed by the region being grown
        for (std::size_t head = 0; head < region.size(); ++head) {
            const std::size_t i = region[head];
            const int x = int(i % std::size_t(g.nx)), y = int((i / std::size_t(g.nx)) % std::size_t(g.ny)),
                      z = int(i / g.sliceSize());
            static constexpr int kSteps[6][3] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
            for (const auto &s : kSteps) {
                const int xx = x + s[0], yy = y + s[1], zz = z + s[2];
                if (!g.contains(xx, yy, zz))
                    continue;
                const std::size_t j = g.index(xx, yy, zz);
                const double ex = (xx - p.x) * g.sx, ey = (yy - p.y) * g.sy, ez = (zz - p.z) * g.sz;
                if (solid[j] == 0 || owned[j] != 0 || ex * ex + ey * ey + ez * ez > limit2)
                    continue;
                owned[j] = 2;
                region.push_back(std::uint32_t(j));
            }
        }
        NoduleCandidate c;
        c.volumeMm3 = double(region.size()) * g.voxelVolume();
        c.equivalentDiameterMm = std::cbrt(6.0 * c.volumeMm3 / std::numbers::pi);
        if (c.equivalentDiameterMm < nodules::kMinDiameterMm * nodules::kDiameterTolerance) {
            for (const std::uint32_t i : region)
                owned[i] = 0;
            continue;
        }
        double sx = 0, sy = 0, sz = 0, sumHu = 0;
        c.voxels.reserve(region.size());
        for (const std::uint32_t i : region) {
            owned[i] = 1;
            const std::size_t f = crop.toFull(full, i);
            c.voxels.push_back(std::uint32_t(f));
            sx += double(i % std::size_t(g.nx));
            sy += double((i / std::size_t(g.nx)) % std::size_t(g.ny));
            sz += double(i / g.sliceSize());
            sumHu += double(volume.values[f]);
        }
        const double n = double(region.size());
        c.centroidVoxel = {sx / n + crop.x0, sy / n + crop.y0, sz / n + crop.z0};
        c.meanHu = sumHu / n;
        // Solid means soft-tissue density throughout: a lower mean is the partial-volume rim of
        // thin vessels meeting, a higher one bone or calcium. The voxels stay claimed either way.
        if (c.meanHu < nodules::kMinMeanHu || c.meanHu > nodules::kMaxMeanHu)
            continue;
        c.inscribedRadiusMm = p.radius;
        c.blobness = blob;
        found.append(std::move(c));
    }
    std::stable_sort(found.begin(), found.end(), [](const NoduleCandidate &a, const NoduleCandidate &b) {
        return a.volumeMm3 > b.volumeMm3;
    });
    return found;
}

} // namespace haip::services
