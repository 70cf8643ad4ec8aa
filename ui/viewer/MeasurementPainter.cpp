#include "viewer/MeasurementPainter.h"

#include "dicom/RoiStatistics.h"
#include "viewer/AnnotationPainter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace haip::ui {

namespace {

const QColor LineColour(0xFF, 0xD5, 0x4F); // amber: visible on grey, distinct from overlays
const QColor SelectedColour(0xFF, 0x8A, 0x65);

QString number(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

QString withUnits(double v, const QString &units)
{
    return units.isEmpty() ? number(v, 1) : number(v, 1) + QChar(u' ') + units;
}

QPainterPath ellipsePath(const QRectF &box, const QTransform &imageToView)
{
    QPainterPath path;
    path.addEllipse(box);
    return imageToView.map(path);
}

} // namespace

QStringList MeasurementPainter::label(const Measurement &m, const dicom::DecodedSlice &slice, const QString &units)
{
    if (m.kind == Measurement::Kind::Length) {
        const auto mm = dicom::RoiStatistics::lengthMm(slice.plane, m.a, m.b);
        return {mm ? tr("%1 mm").arg(number(*mm, 1))
                   : tr("%1 px").arg(number(dicom::RoiStatistics::lengthPixels(m.a, m.b), 1))};
    }
    const dicom::RegionStatistics stats =
        dicom::RoiStatistics::ellipse(slice.frame, slice.display, slice.plane, m.bounds());
    QStringList lines;
    if (stats.valid()) {
        lines << tr("Mean %1").arg(withUnits(stats.mean, units)) << tr("SD %1").arg(number(stats.standardDeviation, 1))
              << tr("Min %1  Max %2").arg(number(stats.min, 0), number(stats.max, 0));
    }
    if (stats.areaMm2 > 0.0)
        lines << (stats.areaMm2 >= 100.0 ? tr("Area %1 cm²").arg(number(stats.areaMm2 / 100.0, 2))
                                         : tr("Area %1 mm²").arg(number(stats.areaMm2, 1)));
    else
        lines << tr("Area %1 px²").arg(number(stats.areaPixels, 0));
    return lines;
}

void MeasurementPainter::paint(QPainter &painter,
                               const QFont &font,
                               const QTransform &imageToView,
                               const QList<Measurement> &measurements,
                               int selectedId,
                               const dicom::DecodedSlice &slice,
                               const QString &units)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    AnnotationPainter text(painter, font);
    const QFontMetricsF metrics(font);
    QList<QRectF> placed;
    for (const Measurement &m : measurements) {
        const bool selected = m.id == selectedId;
        const QColor colour = selected ? SelectedColour : LineColour;
        QPainterPath path;
        if (m.kind == Measurement::Kind::Length) {
            path.moveTo(imageToView.map(m.a));
            path.lineTo(imageToView.map(m.b));
        } else {
            path = ellipsePath(m.bounds(), imageToView);
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(0, 0, 0, 160), 3.0));
        painter.drawPath(path);
        painter.setPen(QPen(colour, 1.5));
        painter.drawPath(path);

        // Handles of a line's ends always (they show where it was measured); an ellipse's
        // only when selected, to keep the anatomy under it clear.
        if (selected || m.kind == Measurement::Kind::Length) {
            for (const QPointF &h : m.handles()) {
                const QPointF p = imageToView.map(h);
                painter.setPen(QPen(colour, 1.0));
                painter.setBrush(selected ? QBrush(colour) : Qt::NoBrush);
                painter.drawRect(QRectF(p - QPointF(3, 3), QSizeF(6, 6)));
            }
        }

        // Label beside the shape's right-most point on screen, moved down past labels
        // already drawn so two measurements never print over each other.
        const QRectF onScreen = path.boundingRect();
        const QStringList lines = label(m, slice, units);
        const double line = metrics.lineSpacing();
        double width = 0.0;
        for (const QString &s : lines)
            width = std::max(width, metrics.horizontalAdvance(s));
        QRectF box(
            onScreen.right() + 8.0, onScreen.center().y() - line * lines.size() / 2.0, width, line * lines.size());
        for (bool moved = true; moved;) {
            moved = false;
            for (const QRectF &taken : placed) {
                if (box.intersects(taken)) {
                    box.moveTop(taken.bottom() + 2.0);
                    moved = true;
                }
            }
        }
        placed.append(box);
        QPointF at(box.left(), box.top() + metrics.ascent());
        for (const QString &s : lines) {
            text.drawShadowedText(at, s, colour);
            at.ry() += line;
        }
    }
    painter.restore();
}

} // namespace haip::ui
