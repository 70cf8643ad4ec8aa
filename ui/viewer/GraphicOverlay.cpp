#include "viewer/GraphicOverlay.h"

#include "dicom/PresentationState.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <optional>

namespace haip::ui {

namespace {

constexpr double LineWidth = 2.0; // logical pixels, whatever the zoom
constexpr double HaloWidth = 4.0; // the dark line under it, for bright tissue
constexpr double PointArm = 6.0; // half the size of the cross a POINT is drawn as
constexpr double FillAlpha = 0.35; // Graphic Filled shapes: the image stays visible through them
const QColor Halo(0, 0, 0, 170);

// Where one unit space lands in the widget: image pixels through the view, display fractions
// onto the displayed area as it sits on screen.
struct Placement
{
    QTransform pixel;
    QTransform display;

    const QTransform &of(dicom::AnnotationUnits units) const
    {
        return units == dicom::AnnotationUnits::Display ? display : pixel;
    }
};

// A smooth curve through every point: a uniform Catmull–Rom spline written as cubic Béziers.
QPainterPath interpolated(const QList<QPointF> &p)
{
    QPainterPath path(p.first());
    for (qsizetype i = 0; i + 1 < p.size(); ++i) {
        const QPointF p0 = p[std::max<qsizetype>(i - 1, 0)];
        const QPointF p3 = p[std::min<qsizetype>(i + 2, p.size() - 1)];
        path.cubicTo(p[i] + (p[i + 1] - p0) / 6.0, p[i + 1] - (p3 - p[i]) / 6.0, p[i + 1]);
    }
    return path;
}

// The object's outline in its own unit space (POINT: empty, drawn as a cross instead).
QPainterPath outline(const dicom::GraphicObject &object)
{
    const QList<QPointF> &p = object.points;
    QPainterPath path;
    switch (object.type) {
    case dicom::GraphicType::Point:
        break;
    case dicom::GraphicType::Polyline:
        path.moveTo(p.first());
        for (qsizetype i = 1; i < p.size(); ++i)
            path.lineTo(p[i]);
        break;
    case dicom::GraphicType::Interpolated:
        path = interpolated(p);
        break;
    case dicom::GraphicType::Circle: {
        const QPointF d = p[1] - p[0];
        const double r = std::hypot(d.x(), d.y());
        path.addEllipse(p[0], r, r);
        break;
    }
    case dicom::GraphicType::Ellipse: {
        const QPointF major = p[1] - p[0];
        const QPointF minor = p[3] - p[2];
        QPainterPath unit;
        unit.addEllipse(QPointF(0, 0), std::hypot(major.x(), major.y()) / 2.0, std::hypot(minor.x(), minor.y()) / 2.0);
        const QPointF centre = (p[0] + p[1]) / 2.0;
        QTransform t;
        t.translate(centre.x(), centre.y());
        t.rotateRadians(std::atan2(major.y(), major.x()));
        path = t.map(unit);
        break;
    }
    }
    return path;
}

void drawObject(QPainter &painter, const dicom::GraphicObject &object, const QTransform &toWidget, const QColor &colour)
{
    QPainterPath path;
    if (object.type == dicom::GraphicType::Point) {
        const QPointF c = toWidget.map(object.points.first());
        path.moveTo(c - QPointF(PointArm, 0));
        path.lineTo(c + QPointF(PointArm, 0));
        path.moveTo(c - QPointF(0, PointArm));
        path.lineTo(c + QPointF(0, PointArm));
    } else {
        path = toWidget.map(outline(object));
    }
    const bool closed = object.type == dicom::GraphicType::Circle || object.type == dicom::GraphicType::Ellipse ||
        (object.points.size() > 2 && object.points.first() == object.points.last());
    if (object.filled && closed) {
        QColor fill = colour;
        fill.setAlphaF(FillAlpha);
        painter.fillPath(path, fill);
    }
    painter.strokePath(path, QPen(Halo, HaloWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.strokePath(path, QPen(colour, LineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
}

void drawHaloText(QPainter &painter, const QRectF &box, int flags, const QString &text, const QColor &colour)
{
    painter.setPen(Halo);
    for (const QPointF offset : {QPointF(1, 1), QPointF(-1, -1), QPointF(1, -1), QPointF(-1, 1)})
        painter.drawText(box.translated(offset), flags, text);
    painter.setPen(colour);
    painter.drawText(box, flags, text);
}

// The point of `box` nearest to `p`: where the line to a visible anchor leaves the text.
QPointF nearestOnBox(const QRectF &box, QPointF p)
{
    return QPointF(std::clamp(p.x(), box.left(), box.right()), std::clamp(p.y(), box.top(), box.bottom()));
}

void drawText(QPainter &painter,
              const QFont &font,
              const dicom::TextObject &object,
              const Placement &placement,
              const QColor &colour)
{
    if (!object.boundingBox && !object.anchor)
        return; // the reader refuses these; a hand-made state may still hold one
    const QFontMetricsF metrics(font);
    std::optional<QPointF> anchor;
    if (object.anchor)
        anchor = placement.of(object.anchorUnits).map(*object.anchor);
    QRectF box;
    int flags = Qt::TextWordWrap | Qt::TextDontClip | Qt::AlignTop;
    if (object.boundingBox) {
        box = placement.of(object.boundingBoxUnits).mapRect(object.boundingBox->normalized());
        // A box narrower than a few characters (a small image far zoomed out) would wrap every
        // word: the text keeps at least that width.
        box.setWidth(std::max(box.width(), metrics.averageCharWidth() * 8.0));
        switch (object.justification) {
        case dicom::TextJustification::Left:
            flags |= Qt::AlignLeft;
            break;
        case dicom::TextJustification::Right:
            flags |= Qt::AlignRight;
            break;
        case dicom::TextJustification::Center:
            flags |= Qt::AlignHCenter;
            break;
        }
    } else {
        // Anchor only: the text starts just below and right of the point.
        const QSizeF size = metrics.size(0, object.text);
        box = QRectF(*anchor + QPointF(PointArm, PointArm), size);
        flags |= Qt::AlignLeft;
    }
    if (anchor && object.anchorVisible) {
        QPainterPath line;
        line.moveTo(nearestOnBox(box, *anchor));
        line.lineTo(*anchor);
        painter.strokePath(line, QPen(Halo, HaloWidth, Qt::SolidLine, Qt::RoundCap));
        painter.strokePath(line, QPen(colour, LineWidth / 2.0, Qt::SolidLine, Qt::RoundCap));
    }
    drawHaloText(painter, box, flags, object.text, colour);
}

} // namespace

GraphicOverlay::GraphicOverlay(QObject *parent) : QObject(parent) { }

GraphicOverlay::~GraphicOverlay() = default;

void GraphicOverlay::setState(std::shared_ptr<const dicom::PresentationState> state)
{
    m_state = std::move(state);
    emit changed();
}

std::shared_ptr<const dicom::PresentationState> GraphicOverlay::state() const
{
    return m_state;
}

bool GraphicOverlay::isVisible() const
{
    return m_visible;
}

void GraphicOverlay::setVisible(bool visible)
{
    if (visible == m_visible)
        return;
    m_visible = visible;
    emit changed();
}

bool GraphicOverlay::hasGraphics(const QString &sopInstanceUid, int frame) const
{
    if (!m_state)
        return false;
    for (const dicom::GraphicAnnotation *annotation : m_state->annotationsFor(sopInstanceUid, frame + 1))
        if (!annotation->graphics.isEmpty() || !annotation->texts.isEmpty())
            return true;
    return false;
}

QColor GraphicOverlay::defaultColour()
{
    return QColor(0x4F, 0xE0, 0xFF); // cyan: apart from the amber measurements and the SEG palette
}

void GraphicOverlay::paint(
    QPainter &painter, const QFont &font, const ViewTransform &view, const QString &sopInstanceUid, int frame) const
{
    if (!m_state || !m_visible || view.imageSize.isEmpty())
        return;
    QList<const dicom::GraphicAnnotation *> annotations = m_state->annotationsFor(sopInstanceUid, frame + 1);
    if (annotations.isEmpty())
        return;
    // Lower Graphic Layer Order first, so higher layers end up on top.
    const auto orderOf = [this](const dicom::GraphicAnnotation *a) {
        const dicom::GraphicLayer *layer = m_state->layer(a->layer);
        return layer ? layer->order : 0;
    };
    std::stable_sort(annotations.begin(), annotations.end(), [&](auto *a, auto *b) { return orderOf(a) < orderOf(b); });

    Placement placement;
    placement.pixel = view.imageToView();
    const auto area = m_state->displayedAreaFor(sopInstanceUid, frame + 1);
    const QRectF areaOnScreen =
        placement.pixel.mapRect(area ? area->imageRect() : QRectF(QPointF(0, 0), QSizeF(view.imageSize)));
    placement.display = QTransform::fromScale(areaOnScreen.width(), areaOnScreen.height()) *
        QTransform::fromTranslate(areaOnScreen.left(), areaOnScreen.top());

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setFont(font);
    for (const dicom::GraphicAnnotation *annotation : annotations) {
        const dicom::GraphicLayer *layer = m_state->layer(annotation->layer);
        const QColor colour = layer ? layer->displayColour(defaultColour()) : defaultColour();
        for (const dicom::GraphicObject &object : annotation->graphics)
            drawObject(painter, object, placement.of(object.units), colour);
        for (const dicom::TextObject &text : annotation->texts)
            drawText(painter, font, text, placement, colour);
    }
    painter.restore();
}

} // namespace haip::ui
