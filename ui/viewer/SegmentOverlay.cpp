#include "viewer/SegmentOverlay.h"

#include "viewer/ColourBar.h"
#include "viewer/HeatmapColourMap.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace haip::ui {
namespace {

// A premultiplied ARGB pixel of `rgb` at `alpha` (0…1).
QRgb premultiplied(QRgb rgb, double alpha)
{
    const int a = std::clamp(int(std::lround(alpha * 255.0)), 0, 255);
    return qPremultiply(qRgba(qRed(rgb), qGreen(rgb), qBlue(rgb), a));
}

} // namespace

SegmentOverlay::SegmentOverlay(QObject *parent) : QObject(parent) { }

void SegmentOverlay::setSegmentation(std::shared_ptr<const dicom::PlacedSegmentation> placed)
{
    m_placed = std::move(placed);
    m_hidden.clear();
    invalidate();
}

std::shared_ptr<const dicom::PlacedSegmentation> SegmentOverlay::segmentation() const
{
    return m_placed;
}

double SegmentOverlay::opacity() const
{
    return m_opacity;
}

void SegmentOverlay::setOpacity(double opacity)
{
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (opacity == m_opacity)
        return;
    m_opacity = opacity;
    invalidate();
}

SegmentOverlay::Style SegmentOverlay::style() const
{
    return m_style;
}

void SegmentOverlay::setStyle(Style style)
{
    if (style == m_style)
        return;
    m_style = style;
    invalidate();
}

bool SegmentOverlay::isSegmentVisible(int segmentNumber) const
{
    return !m_hidden.contains(segmentNumber);
}

void SegmentOverlay::setSegmentVisible(int segmentNumber, bool visible)
{
    if (visible == isSegmentVisible(segmentNumber))
        return;
    if (visible)
        m_hidden.remove(segmentNumber);
    else
        m_hidden.insert(segmentNumber);
    invalidate();
}

void SegmentOverlay::invalidate()
{
    m_cache.clear();
    emit changed();
}

QImage SegmentOverlay::image(int slice) const
{
    if (!m_placed)
        return {};
    const auto cached = m_cache.constFind(slice);
    if (cached != m_cache.cend())
        return *cached;
    QImage rendered = render(slice);
    // A cine loop over a long stack must not hold every slice: keep a bounded set.
    if (m_cache.size() > 64)
        m_cache.clear();
    m_cache.insert(slice, rendered);
    return rendered;
}

QImage SegmentOverlay::render(int slice) const
{
    const dicom::Segmentation &seg = *m_placed->segmentation;
    const int columns = seg.columns;
    const int rows = seg.rows;
    QImage out;
    const bool fractional = seg.isFractional();
    const int maximum = std::max(1, seg.maximumFractionalValue);
    for (int f : m_placed->framesOnSlice(slice)) {
        const dicom::SegmentationFrame &frame = seg.frames[f];
        if (frame.nonZero == 0 || !isSegmentVisible(frame.segmentNumber))
            continue;
        const dicom::Segment *segment = seg.segment(frame.segmentNumber);
        const QRgb colour = segment != nullptr ? segment->colour.rgb() : qRgb(255, 255, 0);
        if (out.isNull()) {
            out = QImage(columns, rows, QImage::Format_ARGB32_Premultiplied);
            out.fill(Qt::transparent);
        }
        const auto *p = reinterpret_cast<const quint8 *>(frame.pixels.constData());
        // "Inside" for outlines: set (BINARY) or at least half the maximum (FRACTIONAL).
        const auto inside = [&](int c, int r) {
            if (c < 0 || r < 0 || c >= columns || r >= rows)
                return false;
            const int v = p[r * columns + c];
            return fractional ? 2 * v >= maximum : v != 0;
        };
        for (int r = 0; r < rows; ++r) {
            auto *line = reinterpret_cast<QRgb *>(out.scanLine(r));
            for (int c = 0; c < columns; ++c) {
                const int v = p[r * columns + c];
                if (v == 0)
                    continue;
                if (m_style == Style::Outline) {
                    // A boundary pixel: inside, with a 4-neighbour outside (or the image edge).
                    if (!inside(c, r) || (inside(c - 1, r) && inside(c + 1, r) && inside(c, r - 1) && inside(c, r + 1)))
                        continue;
                    const QRgb rgb = fractional ? HeatmapColourMap::colour(0.5) : colour;
                    line[c] = premultiplied(rgb, std::max(m_opacity, 0.75));
                } else if (fractional) {
                    // Heat: the colour says the value, the transparency fades low values out.
                    const double t = std::min(1.0, double(v) / maximum);
                    line[c] = premultiplied(HeatmapColourMap::colour(t), m_opacity * t);
                } else {
                    line[c] = premultiplied(colour, m_opacity);
                }
            }
        }
    }
    return out;
}

void SegmentOverlay::paintImageLayer(QPainter &painter, int slice) const
{
    const QImage layer = image(slice);
    if (layer.isNull())
        return;
    painter.save();
    // Exact pixel edges: a segment boundary must not be blurred beyond the pixels it covers.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QPointF(0, 0), layer);
    painter.restore();
}

void SegmentOverlay::paintColourBar(QPainter &painter, const QFont &font, const QRectF &area) const
{
    if (!m_placed || !m_placed->segmentation->isFractional())
        return;
    const dicom::Segmentation &seg = *m_placed->segmentation;
    QString title;
    QStringList labels;
    if (seg.fractionalType == dicom::FractionalType::Probability) {
        title = tr("Probability");
        labels << tr("0 %") << tr("50 %") << tr("100 %");
    } else {
        title = tr("Occupancy");
        labels << tr("0 %") << tr("50 %") << tr("100 %");
    }
    ColourBar::paint(painter, font, area, title, labels);
}

} // namespace haip::ui
