#include "viewer/ViewTransform.h"

#include <cmath>

namespace haip::ui {

namespace {

// Clockwise quarter turns in y-down screen space: (x, y) → (−y, x) for one turn. Written out
// so 90° turns stay exact (no cos/sin rounding).
QTransform quarterTurn(int turns)
{
    switch (((turns % 4) + 4) % 4) {
    case 1:
        return QTransform(0, 1, -1, 0, 0, 0);
    case 2:
        return QTransform(-1, 0, 0, -1, 0, 0);
    case 3:
        return QTransform(0, -1, 1, 0, 0, 0);
    default:
        return QTransform();
    }
}

} // namespace

QTransform ViewTransform::imageToView() const
{
    const double scale = zoom / devicePixelRatio;
    QTransform t = QTransform::fromTranslate(-imageSize.width() / 2.0, -imageSize.height() / 2.0) *
        QTransform::fromScale(1.0, aspect) * quarterTurn(quarterTurns) *
        QTransform::fromScale(flipHorizontal ? -1.0 : 1.0, flipVertical ? -1.0 : 1.0) *
        QTransform::fromScale(scale, scale) *
        QTransform::fromTranslate(viewSize.width() / 2.0 + pan.x(), viewSize.height() / 2.0 + pan.y());
    // Snap the image's top-left corner (wherever rotation put it) to a device pixel.
    const QPointF origin = t.map(QPointF(0.0, 0.0)) * devicePixelRatio;
    const QPointF snapped(std::round(origin.x()), std::round(origin.y()));
    return t *
        QTransform::fromTranslate((snapped.x() - origin.x()) / devicePixelRatio,
                                  (snapped.y() - origin.y()) / devicePixelRatio);
}

QPointF ViewTransform::toImage(QPointF viewPoint) const
{
    return imageToView().inverted().map(viewPoint);
}

QPointF ViewTransform::toView(QPointF imagePoint) const
{
    return imageToView().map(imagePoint);
}

double ViewTransform::fitZoom() const
{
    if (imageSize.isEmpty() || viewSize.isEmpty())
        return 1.0;
    const bool sideways = quarterTurns % 2 != 0;
    const double width = sideways ? imageSize.height() * aspect : imageSize.width();
    const double height = sideways ? imageSize.width() : imageSize.height() * aspect;
    return std::min(viewSize.width() * devicePixelRatio / width, viewSize.height() * devicePixelRatio / height);
}

QRectF ViewTransform::visibleImageRect() const
{
    const QRectF mapped = imageToView().inverted().mapRect(QRectF(QPointF(0, 0), viewSize));
    return mapped.intersected(QRectF(QPointF(0, 0), QSizeF(imageSize)));
}

QPointF ViewTransform::panForZoomAt(QPointF viewPoint, double newZoom) const
{
    const QPointF imagePoint = toImage(viewPoint);
    ViewTransform zoomed = *this;
    zoomed.zoom = newZoom;
    return pan + (viewPoint - zoomed.toView(imagePoint));
}

} // namespace haip::ui
