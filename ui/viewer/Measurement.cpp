#include "viewer/Measurement.h"

#include <QLineF>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace haip::ui {

namespace {

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    const double t = lengthSquared > 0.0 ? std::clamp(QPointF::dotProduct(p - a, ab) / lengthSquared, 0.0, 1.0) : 0.0;
    return QLineF(p, a + ab * t).length();
}

// The ellipse outline in view coordinates (rotation and flips can turn it, aspect can stretch it).
QPolygonF ellipseOutline(const QRectF &box, const QTransform &imageToView)
{
    QPolygonF polygon;
    constexpr int Steps = 72;
    for (int i = 0; i < Steps; ++i) {
        const double t = 2.0 * std::numbers::pi * i / Steps;
        polygon << imageToView.map(QPointF(box.center().x() + box.width() / 2.0 * std::cos(t),
                                           box.center().y() + box.height() / 2.0 * std::sin(t)));
    }
    return polygon;
}

} // namespace

QList<QPointF> Measurement::handles() const
{
    if (kind == Kind::Length)
        return {a, b};
    const QRectF box = bounds();
    const QPointF c = box.center();
    return {QPointF(box.left(), c.y()),
            QPointF(box.right(), c.y()),
            QPointF(c.x(), box.top()),
            QPointF(c.x(), box.bottom())};
}

Measurement Measurement::withHandleAt(int index, QPointF p) const
{
    Measurement m = *this;
    if (kind == Kind::Length) {
        (index == 0 ? m.a : m.b) = p;
        return m;
    }
    QRectF box = bounds();
    switch (index) {
    case 0:
        box.setLeft(p.x());
        break;
    case 1:
        box.setRight(p.x());
        break;
    case 2:
        box.setTop(p.y());
        break;
    case 3:
        box.setBottom(p.y());
        break;
    default:
        return m;
    }
    m.a = box.topLeft();
    m.b = box.bottomRight();
    return m;
}

Measurement Measurement::translated(QPointF d) const
{
    Measurement m = *this;
    m.a += d;
    m.b += d;
    return m;
}

int Measurement::handleAt(const QTransform &imageToView, QPointF viewPoint, double tolerance) const
{
    const QList<QPointF> points = handles();
    int best = -1;
    double bestDistance = tolerance;
    for (int i = 0; i < points.size(); ++i) {
        const double d = QLineF(imageToView.map(points[i]), viewPoint).length();
        if (d <= bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

bool Measurement::contains(const QTransform &imageToView, QPointF viewPoint, double tolerance) const
{
    if (kind == Kind::Length)
        return distanceToSegment(viewPoint, imageToView.map(a), imageToView.map(b)) <= tolerance;
    const QPolygonF outline = ellipseOutline(bounds(), imageToView);
    if (outline.containsPoint(viewPoint, Qt::OddEvenFill))
        return true;
    for (int i = 0; i < outline.size(); ++i)
        if (distanceToSegment(viewPoint, outline[i], outline[(i + 1) % outline.size()]) <= tolerance)
            return true;
    return false;
}

} // namespace haip::ui
