// A measurement drawn on a slice: a line (length) or an ellipse (region statistics). Points
// are image pixel coordinates, so a measurement stays on its anatomy through zoom, pan,
// rotation and flips. Handles are the points a user drags to edit it.
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QTransform>

namespace haip::ui {

struct Measurement
{
    enum class Kind
    {
        Length,
        Ellipse
    };

    int id = 0;
    Kind kind = Kind::Length;
    QPointF a; // line: first end; ellipse: one corner of its bounding box
    QPointF b; // line: second end; ellipse: the opposite corner

    QRectF bounds() const { return QRectF(a, b).normalized(); }
    // Line: the two ends. Ellipse: left, right, top and bottom extremes.
    QList<QPointF> handles() const;
    // This measurement with handle `index` moved to `imagePoint`.
    Measurement withHandleAt(int index, QPointF imagePoint) const;
    Measurement translated(QPointF imageDelta) const;
    // Index of the handle within `tolerance` view pixels of `viewPoint`, or -1.
    int handleAt(const QTransform &imageToView, QPointF viewPoint, double tolerance) const;
    // True when `viewPoint` is on the line (within tolerance) or inside/on the ellipse.
    bool contains(const QTransform &imageToView, QPointF viewPoint, double tolerance) const;
};

} // namespace haip::ui
