// The colour bar of a heat map: a vertical strip of the colour map along the right edge of the
// image view with its scale (0 %, 50 %, 100 % of the maximum value, or the raw values), so a
// reader can tell what a colour means.
#pragma once

#include <QFont>
#include <QRectF>
#include <QString>

class QPainter;

namespace haip::ui {

class ColourBar
{
public:
    // Paints the bar inside `area` (the widget), near its right edge, vertically centred.
    // `title` sits above the bar; `labels` are spread from the bottom (0) to the top (max).
    static void
    paint(QPainter &painter, const QFont &font, const QRectF &area, const QString &title, const QStringList &labels);
    // Where paint() puts the strip itself, for tests.
    static QRectF stripRect(const QRectF &area);
};

} // namespace haip::ui
