// ViewTransform: where an image lands on screen. Image pixel coordinates (pixel (c, r) covers
// [c, c+1) × [r, r+1)) are mapped to the widget's logical coordinates through, in order:
// the pixel aspect (non-square pixels drawn at their true shape), a rotation by quarter
// turns, a flip on screen, the zoom and the pan. Zoom counts device pixels per image
// column, so 1.0 is "1:1" — one image pixel on one physical pixel — at any devicePixelRatio.
#pragma once

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QSizeF>
#include <QTransform>

namespace haip::ui {

struct ViewTransform
{
    QSize imageSize; // columns × rows
    double aspect = 1.0; // displayed height / width of one pixel: row spacing / column spacing
    int quarterTurns = 0; // clockwise, 0..3
    bool flipHorizontal = false; // mirrored left–right on screen (after the rotation)
    bool flipVertical = false;
    double zoom = 1.0; // device pixels per image column
    QPointF pan; // logical pixels from the widget's centre to the image's centre
    QSizeF viewSize; // logical pixels
    double devicePixelRatio = 1.0;

    // Image → widget (logical) coordinates. The image origin is snapped to the device-pixel
    // grid so that 1:1 and integer zooms show crisp pixels.
    QTransform imageToView() const;
    QPointF toImage(QPointF viewPoint) const;
    QPointF toView(QPointF imagePoint) const;
    // The zoom at which the whole (rotated) image fits the view.
    double fitZoom() const;
    // The part of the image that is visible, in image pixels (clipped to the image).
    QRectF visibleImageRect() const;
    // Pan that keeps the image point under `viewPoint` in place when the zoom becomes `newZoom`.
    QPointF panForZoomAt(QPointF viewPoint, double newZoom) const;
};

} // namespace haip::ui
