#include "AnomalyMap.h"

#include "BodyOutline.h"
#include "ConnectedComponents.h"
#include "GaussianFilter.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace haip::services {
namespace {

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel != nullptr && cancel->load();
}

// 1.4826 × median absolute deviation of the valid values: a spread that ignores the outliers
// the map is looking for. Never below `floor`.
double robustSpread(const std::vector<float> &values, const std::vector<quint8> &valid, double floor)
{
    std::vector<float> v;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (valid[i] != 0)
            v.push_back(values[i]);
    }
    if (v.empty())
        return floor;
    auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    const float median = *mid;
    for (float &x : v)
        x = std::abs(x - median);
    std::nth_element(v.begin(), mid, v.end());
    return std::max(floor, 1.4826 * double(*mid));
}

} // namespace

bool AnomalyMap::compute(const ImageVolume &volume, const std::atomic<bool> *cancel)
{
    const VolumeGeometry &geo = volume.geometry;
    const VoxelGrid full = VoxelGrid::of(geo);
    const bool threeD = geo.slices > 1;
    const bool hu = volume.series.modality == u"CT";
    const double target = threeD ? anomaly::kWorkingSpacingMm : anomaly::kWorkingSpacing2dMm;
    m_fx = std::max(1, int(std::lround(target / full.sx)));
    m_fy = std::max(1, int(std::lround(target / full.sy)));
    m_fz = threeD ? std::max(1, int(std::lround(target / full.sz))) : 1;
    m_work = {(full.nx + m_fx - 1) / m_fx,
              (full.ny + m_fy - 1) / m_fy,
              (full.nz + m_fz - 1) / m_fz,
              full.sx * m_fx,
              full.sy * m_fy,
              full.sz * m_fz};
    const VoxelGrid &w = m_work;

    // Which voxels take part: the body without bone and contrast (CT); the whole image otherwise.
    Mask valid;
    if (hu) {
        valid = BodyOutline::body(volume, anomaly::kBodyThreshold);
        for (std::size_t i = 0; i < valid.size(); ++i)
            valid[i] =
                valid[i] != 0 && volume.values[i] <= anomaly::kDenseLimit && volume.values[i] >= anomaly::kAirLimit ? 1
                                                                                                                    : 0;
    } else {
        valid.assign(full.size(), 1);
    }
    if (cancelled(cancel))
        return false;

    // Block averages of the valid voxels.
    std::vector<float> value(w.size(), 0.0f), weight(w.size(), 0.0f);
    std::vector<double> sum(w.size(), 0.0);
    std::vector<int> count(w.size(), 0), total(w.size(), 0);
    for (int k = 0; k < full.nz; ++k) {
        for (int r = 0; r < full.ny; ++r) {
            for (int c = 0; c < full.nx; ++c) {
                const std::size_t i = full.index(c, r, k);
                const std::size_t j = w.index(c / m_fx, r / m_fy, k / m_fz);
                ++total[j];
                if (valid[i] != 0) {
                    sum[j] += double(volume.values[i]);
                    ++count[j];
                }
            }
        }
    }
    double bodyX = 0.0, bodyN = 0.0;
    Mask usable(w.size(), 0);
    for (std::size_t j = 0; j < w.size(); ++j) {
        if (count[j] == 0)
            continue;
        value[j] = float(sum[j] / count[j]);
        weight[j] = float(count[j]) / float(total[j]);
        usable[j] = weight[j] >= 0.5f ? 1 : 0;
        bodyX += double(j % std::size_t(w.nx)) * count[j];
        bodyN += count[j];
    }
    sum.clear();
    if (cancelled(cancel))
        return false;

    const std::vector<float> fine = GaussianFilter::smoothNormalised(value, weight, w, anomaly::kFineSigmaMm);
    const std::vector<float> coarse = GaussianFilter::smoothNormalised(value, weight, w, anomaly::kCoarseSigmaMm);
    if (cancelled(cancel))
        return false;
    std::vector<float> local(w.size(), 0.0f);
    for (std::size_t j = 0; j < w.size(); ++j)
        local[j] = usable[j] != 0 ? fine[j] - coarse[j] : 0.0f;
    const double spreadFloor = hu ? 1.0 : 1e-6;
    const double localSpread = robustSpread(local, usable, spreadFloor);

    // The contralateral comparison: CT in an axial-like orientation, mirrored about the body's
    // mean column (the mid-sagittal plane of a patient lying straight).
    const bool mirror = hu && threeD && std::abs(geo.rowDirection.x) > 0.9 && bodyN > 0.0;
    std::vector<float> sym;
    Mask symValid;
    double symSpread = 1.0;
    if (mirror) {
        const double axis = bodyX / bodyN;
        sym.assign(w.size(), 0.0f);
        symValid.assign(w.size(), 0);
        for (int k = 0; k < w.nz; ++k) {
            for (int r = 0; r < w.ny; ++r) {
                for (int c = 0; c < w.nx; ++c) {
                    const std::size_t j = w.index(c, r, k);
                    const double mc = 2.0 * axis - c;
                    const int c0 = int(std::floor(mc));
                    if (usable[j] == 0 || c0 < 0 || c0 + 1 >= w.nx)
                        continue;
                    const std::size_t a = w.index(c0, r, k), b = w.index(c0 + 1, r, k);
                    if (usable[a] == 0 || usable[b] == 0)
                        continue;
                    const double t = mc - c0;
                    sym[j] = float(fine[j] - ((1.0 - t) * fine[a] + t * fine[b]));
                    symValid[j] = 1;
                }
            }
        }
        symSpread = robustSpread(sym, symValid, spreadFloor);
    }

    // Score and heat.
    std::vector<float> score(w.size(), 0.0f);
    m_heat.assign(w.size(), 0.0f);
    for (std::size_t j = 0; j < w.size(); ++j) {
        if (usable[j] == 0)
            continue;
        const double zl = local[j] / localSpread;
        double s = std::abs(zl);
        if (mirror) {
            const double zs = symValid[j] != 0 ? sym[j] / symSpread : 0.0;
            s = zl * zs > 0.0 ? std::min(std::abs(zl), std::abs(zs)) : 0.0;
        }
        score[j] = float(zl >= 0.0 ? s : -s);
        const double heat = 1.0 / (1.0 + std::exp(-(s - anomaly::kScoreCentre) / anomaly::kScoreWidth));
        m_heat[j] = heat >= anomaly::kMinHeat ? float(heat) : 0.0f;
    }

    // Hot regions, hottest first.
    Mask hot(w.size());
    for (std::size_t j = 0; j < w.size(); ++j)
        hot[j] = m_heat[j] >= anomaly::kRegionHeat ? 1 : 0;
    QList<AnomalyRegion> regions;
    ConnectedComponents::visit(hot, w, Connectivity::All, [&](const std::vector<std::uint32_t> &voxels) {
        AnomalyRegion region;
        region.workingVoxels = voxels;
        double sx = 0, sy = 0, sz = 0, sv = 0, peak = 0;
        for (const std::uint32_t j : voxels) {
            sx += double(j % std::size_t(w.nx));
            sy += double((j / std::size_t(w.nx)) % std::size_t(w.ny));
            sz += double(j / w.sliceSize());
            sv += double(value[j]);
            if (std::abs(score[j]) > std::abs(peak))
                peak = score[j];
        }
        const double n = double(voxels.size());
        // Working voxel centre → full-grid index: block b covers full indices b·f … b·f + f − 1.
        region.centroidVoxel = {
            (sx / n + 0.5) * m_fx - 0.5, (sy / n + 0.5) * m_fy - 0.5, threeD ? (sz / n + 0.5) * m_fz - 0.5 : 0.0};
        region.volumeMm3 = n * (threeD ? w.voxelVolume() : w.sx * w.sy);
        region.peakScore = peak;
        region.meanValue = sv / n;
        if (std::abs(peak) >= (threeD ? anomaly::kMinRegionPeak : anomaly::kMinRegionPeak2d))
            regions.append(std::move(region));
    });
    std::stable_sort(regions.begin(), regions.end(), [](const AnomalyRegion &a, const AnomalyRegion &b) {
        return std::abs(a.peakScore) > std::abs(b.peakScore);
    });
    if (regions.size() > anomaly::kMaxRegions)
        regions.resize(anomaly::kMaxRegions);
    m_regions = regions;
    m_regionOf.assign(w.size(), -1);
    for (int r = 0; r < m_regions.size(); ++r) {
        for (const std::uint32_t j : m_regions[r].workingVoxels)
            m_regionOf[j] = qint8(r);
    }
    return !cancelled(cancel);
}

quint8 AnomalyMap::heatAt(int c, int r, int k) const
{
    const VoxelGrid &w = m_work;
    // Trilinear interpolation between working voxel centres.
    const double x = (c + 0.5) / m_fx - 0.5, y = (r + 0.5) / m_fy - 0.5, z = (k + 0.5) / m_fz - 0.5;
    const int x0 = std::clamp(int(std::floor(x)), 0, w.nx - 1), y0 = std::clamp(int(std::floor(y)), 0, w.ny - 1),
              z0 = std::clamp(int(std::floor(z)), 0, w.nz - 1);
    const int x1 = std::min(x0 + 1, w.nx - 1), y1 = std::min(y0 + 1, w.ny - 1), z1 = std::min(z0 + 1, w.nz - 1);
    const double tx = std::clamp(x - x0, 0.0, 1.0), ty = std::clamp(y - y0, 0.0, 1.0),
                 tz = std::clamp(z - z0, 0.0, 1.0);
    auto h = [&](int xx, int yy, int zz) {
        return double(m_heat[w.index(xx, yy, zz)]);
    };
    const double v = (1 - tz) *
            ((1 - ty) * ((1 - tx) * h(x0, y0, z0) + tx * h(x1, y0, z0)) +
             ty * ((1 - tx) * h(x0, y1, z0) + tx * h(x1, y1, z0))) +
        tz *
            ((1 - ty) * ((1 - tx) * h(x0, y0, z1) + tx * h(x1, y0, z1)) +
             ty * ((1 - tx) * h(x0, y1, z1) + tx * h(x1, y1, z1)));
    return v < anomaly::kMinHeat ? 0 : quint8(std::lround(std::clamp(v, 0.0, 1.0) * 255.0));
}

bool AnomalyMap::inRegion(int region, int c, int r, int k) const
{
    return m_regionOf[m_work.index(c / m_fx, r / m_fy, k / m_fz)] == region;
}

double AnomalyMap::maxHeat() const
{
    return m_heat.empty() ? 0.0 : double(*std::max_element(m_heat.begin(), m_heat.end()));
}

} // namespace haip::services
