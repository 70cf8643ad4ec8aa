// Paints one axial plane of a phantom in painter's order: each shape is filled row by row as
// spans (an ellipse costs its area, not the whole image), and a tissue label per pixel lets a
// later shape paint only over chosen tissues (vessels only inside lung, ribs only in muscle).
#pragma once

#include "dicom/internal/PhantomModel.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <vector>

namespace haip::dicom::phantom {

// Tissue labels shared by the models; a mask is a bit set of labels (1u << label).
enum Label : quint8
{
    LabelAir,
    LabelTable,
    LabelSkin,
    LabelFat,
    LabelMuscle,
    LabelCavity,
    LabelLung,
    LabelVessel,
    LabelSoft,
    LabelBone,
    LabelBrain,
    LabelCsf,
    LabelLesion,
};

constexpr quint32 maskOf(Label l)
{
    return 1u << l;
}
inline constexpr quint32 AnyLabel = 0xFFFFFFFFu;

class PhantomPainter
{
public:
    PhantomPainter(const PlaneGrid &grid, float *hu) : m_grid(grid), m_hu(hu), m_label(size_t(grid.rows) * grid.columns)
    {
        std::fill(m_hu, m_hu + size_t(grid.rows) * grid.columns, -1000.0f);
    }

    const PlaneGrid &grid() const { return m_grid; }
    float *hu() { return m_hu; }
    quint8 label(int i) const { return m_label[size_t(i)]; }
    void set(int i, float value, Label l)
    {
        m_hu[i] = value;
        m_label[size_t(i)] = l;
    }

    // Calls f(index, x, y) for every pixel centre inside the axis-aligned ellipse whose label is in `over`.
    template <typename F>
    void eachInEllipse(double cx, double cy, double a, double b, quint32 over, F &&f)
    {
        if (a <= 0.0 || b <= 0.0)
            return;
        const int r0 = std::max(0, int(std::ceil((cy - b - m_grid.y0) / m_grid.spacing)));
        const int r1 = std::min(m_grid.rows - 1, int(std::floor((cy + b - m_grid.y0) / m_grid.spacing)));
        for (int r = r0; r <= r1; ++r) {
            const double y = m_grid.y(r);
            const double t = 1.0 - ((y - cy) / b) * ((y - cy) / b);
            if (t < 0.0)
                continue;
            const double half = a * std::sqrt(t);
            const int c0 = std::max(0, int(std::ceil((cx - half - m_grid.x0) / m_grid.spacing)));
            const int c1 = std::min(m_grid.columns - 1, int(std::floor((cx + half - m_grid.x0) / m_grid.spacing)));
            int i = r * m_grid.columns + c0;
            for (int c = c0; c <= c1; ++c, ++i) {
                if (over & (1u << m_label[size_t(i)]))
                    f(i, m_grid.x(c), y);
            }
        }
    }

    void ellipse(double cx, double cy, double a, double b, float value, Label l, quint32 over = AnyLabel)
    {
        eachInEllipse(cx, cy, a, b, over, [&](int i, double, double) { set(i, value, l); });
    }

    // Calls f(index, x, y) for every pixel centre in the rectangle [xa, xb] × [ya, yb].
    template <typename F>
    void eachInBox(double xa, double xb, double ya, double yb, quint32 over, F &&f)
    {
        const int r0 = std::max(0, int(std::ceil((ya - m_grid.y0) / m_grid.spacing)));
        const int r1 = std::min(m_grid.rows - 1, int(std::floor((yb - m_grid.y0) / m_grid.spacing)));
        const int c0 = std::max(0, int(std::ceil((xa - m_grid.x0) / m_grid.spacing)));
        const int c1 = std::min(m_grid.columns - 1, int(std::floor((xb - m_grid.x0) / m_grid.spacing)));
        for (int r = r0; r <= r1; ++r) {
            int i = r * m_grid.columns + c0;
            for (int c = c0; c <= c1; ++c, ++i) {
                if (over & (1u << m_label[size_t(i)]))
                    f(i, m_grid.x(c), m_grid.y(r));
            }
        }
    }

    // The cross-section at height z of a capsule (a segment p–q with radius `radius`): a
    // cylinder such as a vessel, bronchus or trachea. f(index, distance) for pixels inside.
    template <typename F>
    void eachInCapsule(double z, const Vec3 &p, const Vec3 &q, double radius, quint32 over, F &&f)
    {
        const Vec3 d = q - p;
        const double len2 = d.dot(d);
        if (len2 <= 0.0)
            return;
        // Parameter range where the axis is within `radius` of the plane, then its xy extent.
        double t0 = 0.0;
        double t1 = 1.0;
        if (std::abs(d.z) > 1e-9) {
            const double ta = (z - radius - p.z) / d.z;
            const double tb = (z + radius - p.z) / d.z;
            t0 = std::max(0.0, std::min(ta, tb));
            t1 = std::min(1.0, std::max(ta, tb));
            if (t0 > t1)
                return;
        } else if (std::abs(z - p.z) > radius) {
            return;
        }
        const Vec3 a = p + d * t0;
        const Vec3 b = p + d * t1;
        eachInBox(std::min(a.x, b.x) - radius,
                  std::max(a.x, b.x) + radius,
                  std::min(a.y, b.y) - radius,
                  std::max(a.y, b.y) + radius,
                  over,
                  [&](int i, double x, double y) {
                      const Vec3 v {x - p.x, y - p.y, z - p.z};
                      const double t = std::clamp(v.dot(d) / len2, 0.0, 1.0);
                      const Vec3 e = v - d * t;
                      const double dist = e.length();
                      if (dist <= radius)
                          f(i, dist);
                  });
    }

    void capsule(double z, const Vec3 &p, const Vec3 &q, double radius, float value, Label l, quint32 over = AnyLabel)
    {
        eachInCapsule(z, p, q, radius, over, [&](int i, double) { set(i, value, l); });
    }

    // The cross-section of a sphere (a lesion): a disc of radius sqrt(r² − dz²).
    void sphere(double z, const Vec3 &centre, double radius, float value, Label l, quint32 over = AnyLabel)
    {
        const double dz = z - centre.z;
        if (std::abs(dz) >= radius)
            return;
        const double rr = std::sqrt(radius * radius - dz * dz);
        ellipse(centre.x, centre.y, rr, rr, value, l, over);
    }

private:
    PlaneGrid m_grid;
    float *m_hu;
    std::vector<quint8> m_label;
};

// Normalised radius of (x, y) in an ellipse (1 on its boundary).
inline double ellipseRadius(double x, double y, double cx, double cy, double a, double b)
{
    const double u = (x - cx) / a;
    const double v = (y - cy) / b;
    return std::sqrt(u * u + v * v);
}

// Scale of an ellipsoid's cross-section at height z (0 outside it).
inline double ellipsoidScale(double z, double zc, double halfHeight)
{
    const double t = (z - zc) / halfHeight;
    return t * t >= 1.0 ? 0.0 : std::sqrt(1.0 - t * t);
}

} // namespace haip::dicom::phantom
