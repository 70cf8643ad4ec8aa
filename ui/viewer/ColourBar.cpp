#include "viewer/ColourBar.h"

#include "viewer/HeatmapColourMap.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QStringList>

#include <algorithm>

namespace haip::ui {

QRectF ColourBar::stripRect(const QRectF &area)
{
    const double height = std::clamp(area.height() * 0.4, 60.0, 260.0);
    return QRectF(area.right() - 34.0, area.center().y() - height / 2.0, 14.0, height);
}

void ColourBar::paint(
    QPainter &painter, const QFont &font, const QRectF &area, const QString &title, const QStringList &labels)
{
    const QRectF strip = stripRect(area);
    if (strip.height() < 10.0 || area.width() < 80.0)
        return;
    // One pixel per row of the strip, top = 1.
    QImage ramp(1, int(strip.height()), QImage::Format_RGB32);
    for (int y = 0; y < ramp.height(); ++y)
        ramp.setPixel(0, y, HeatmapColourMap::colour(1.0 - double(y) / std::max(1, ramp.height() - 1)));
    painter.save();
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    // A dark backing so the scale stays readable over bright bone or contrast.
    double labelWidth = metrics.horizontalAdvance(title);
    for (const QString &label : labels)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(label) + 10.0);
    const QRectF backing(strip.left() - labelWidth - 6.0,
                         strip.top() - metrics.height() - 8.0,
                         labelWidth + strip.width() + 12.0,
                         strip.height() + metrics.height() + 8.0 + metrics.height() / 2.0 + 4.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 170));
    painter.drawRoundedRect(backing, 4.0, 4.0);
    painter.setBrush(Qt::NoBrush);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(strip, ramp);
    painter.setPen(QColor(0xC8, 0xCC, 0xD4));
    painter.drawRect(strip);
    for (int i = 0; i < labels.size(); ++i) {
        const double f = labels.size() > 1 ? double(i) / (labels.size() - 1) : 0.0;
        const double y = strip.bottom() - f * strip.height();
        const double w = metrics.horizontalAdvance(labels[i]);
        painter.drawLine(QPointF(strip.left() - 4.0, y), QPointF(strip.left(), y));
        painter.drawText(QPointF(strip.left() - 6.0 - w, y + metrics.ascent() / 2.5), labels[i]);
    }
    if (!title.isEmpty()) {
        const double w = metrics.horizontalAdvance(title);
        painter.drawText(QPointF(strip.right() - w, strip.top() - metrics.descent() - 4.0), title);
    }
    painter.restore();
}

} // namespace haip::ui
