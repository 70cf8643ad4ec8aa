#include "KeyImageRenderer.h"

#include <QBuffer>
#include <QImage>

#include <algorithm>
#include <cmath>
#include <vector>

namespace haip::services {
namespace {

DisplayWindow autoWindow(const float *values, std::size_t n)
{
    std::vector<float> v(values, values + n);
    auto at = [&](double q) {
        auto it = v.begin() + std::ptrdiff_t(q * double(v.size() - 1));
        std::nth_element(v.begin(), it, v.end());
        return double(*it);
    };
    const double lo = at(0.01), hi = at(0.99);
    return {0.5 * (lo + hi), std::max(hi - lo, 1.0)};
}

} // namespace

QByteArray KeyImageRenderer::render(const ImageVolume &volume,
                                    const AnalysisResult &analysis,
                                    int segmentNumber,
                                    int slice,
                                    const DisplayWindow &window,
                                    const QColor &colour)
{
    const VolumeGeometry &g = volume.geometry;
    if (slice < 0 || slice >= g.slices || g.sliceSize() == 0)
        return {};
    const float *values = volume.values.data() + std::size_t(slice) * g.sliceSize();
    const DisplayWindow w = window.width > 0.0 ? window : autoWindow(values, g.sliceSize());
    std::vector<quint8> segment(g.sliceSize(), 0);
    const bool has = analysis.frame && analysis.frame(segmentNumber, slice, segment.data());

    QImage image(g.columns, g.rows, QImage::Format_RGB32);
    const double lo = w.centre - 0.5 * w.width;
    for (int r = 0; r < g.rows; ++r) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(r));
        for (int c = 0; c < g.columns; ++c) {
            const std::size_t i = std::size_t(r) * std::size_t(g.columns) + std::size_t(c);
            const int grey = std::clamp(int((values[i] - lo) / w.width * 255.0), 0, 255);
            QRgb rgb = qRgb(grey, grey, grey);
            if (has && analysis.fractional && segment[i] > 0) {
                const double a = 0.6 * segment[i] / 255.0; // heat: blend in the colour
                rgb = qRgb(int(grey * (1 - a) + colour.red() * a),
                           int(grey * (1 - a) + colour.green() * a),
                           int(grey * (1 - a) + colour.blue() * a));
            }
            line[c] = rgb;
        }
    }
    if (has && !analysis.fractional) {
        // Outline: segment pixels with a 4-neighbour outside, drawn two pixels wide.
        auto inside = [&](int c, int r) {
            return c >= 0 && r >= 0 && c < g.columns && r < g.rows &&
                segment[std::size_t(r) * std::size_t(g.columns) + std::size_t(c)] != 0;
        };
        for (int r = 0; r < g.rows; ++r) {
            for (int c = 0; c < g.columns; ++c) {
                if (!inside(c, r) || (inside(c - 1, r) && inside(c + 1, r) && inside(c, r - 1) && inside(c, r + 1)))
                    continue;
                for (int dr = -1; dr <= 1; ++dr) {
                    for (int dc = -1; dc <= 1; ++dc) {
                        if (c + dc >= 0 && r + dr >= 0 && c + dc < g.columns && r + dr < g.rows &&
                            !inside(c + dc, r + dr))
                            image.setPixel(c + dc, r + dr, colour.rgb());
                    }
                }
            }
        }
    }
    // Square pixels on screen: scale by the physical aspect, then to at most kMaxSize.
    const double widthMm = g.columns * g.columnSpacing, heightMm = g.rows * g.rowSpacing;
    const double scale = double(kMaxSize) / std::max(widthMm, heightMm);
    const QImage scaled = image.scaled(std::max(1, int(std::lround(widthMm * scale))),
                                       std::max(1, int(std::lround(heightMm * scale))),
                                       Qt::IgnoreAspectRatio,
                                       Qt::SmoothTransformation);
    QByteArray png;
    QBuffer buffer(&png);
    if (!buffer.open(QIODevice::WriteOnly) || !scaled.save(&buffer, "PNG"))
        return {};
    return png;
}

} // namespace haip::services
