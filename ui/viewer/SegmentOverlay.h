// SegmentOverlay: what of a placed DICOM SEG the image view draws, and how — each segment in
// its colour, filled with an adjustable opacity or outlined; fractional (heat) maps through the
// viridis colour map with their colour bar. It renders one image per slice at image resolution
// (cached until a setting changes) that the view draws through the same ViewTransform as the
// image, so zoom, pan, rotation and flips keep it in place. The SegmentPanel edits it.
#pragma once

#include "dicom/SegmentPlacement.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>

#include <memory>

class QPainter;

namespace haip::ui {

class SegmentOverlay : public QObject
{
    Q_OBJECT
public:
    enum class Style
    {
        Fill,
        Outline
    };
    Q_ENUM(Style)

    explicit SegmentOverlay(QObject *parent = nullptr);

    // Null clears. Every segment starts visible.
    void setSegmentation(std::shared_ptr<const dicom::PlacedSegmentation> placed);
    std::shared_ptr<const dicom::PlacedSegmentation> segmentation() const;

    double opacity() const; // 0…1
    void setOpacity(double opacity);
    Style style() const;
    void setStyle(Style style);
    bool isSegmentVisible(int segmentNumber) const;
    void setSegmentVisible(int segmentNumber, bool visible);

    // The overlay of `slice` at image resolution (ARGB32 premultiplied); null when nothing on it
    // is visible. Overlapping segments: the later segment number wins.
    QImage image(int slice) const;
    // Draws slice `slice`'s overlay; the painter must already map image pixels to the widget.
    void paintImageLayer(QPainter &painter, int slice) const;
    // Draws the colour bar of a fractional map in the widget area (nothing for BINARY).
    void paintColourBar(QPainter &painter, const QFont &font, const QRectF &area) const;

    static constexpr double DefaultOpacity = 0.5;

signals:
    void changed();

private:
    QImage render(int slice) const;
    void invalidate();

    std::shared_ptr<const dicom::PlacedSegmentation> m_placed;
    double m_opacity = DefaultOpacity;
    Style m_style = Style::Fill;
    QSet<int> m_hidden;
    mutable QHash<int, QImage> m_cache;
};

} // namespace haip::ui
