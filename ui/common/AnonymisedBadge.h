// The mark of the "anonymised display": a loud amber badge saying so, painted at the top of the
// image and shown at the top of the study browser, so a screenshot or a teaching slide is never
// mistaken for a patient's real record (and nobody wonders where the names went).
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QRectF>

class QFont;
class QLabel;
class QPainter;
class QWidget;

namespace haip::ui {

class AnonymisedBadge
{
    Q_DECLARE_TR_FUNCTIONS(haip::ui::AnonymisedBadge)

public:
    static QString text();
    // Amber on near-black: seen on any grey of the image and on both themes. Tests look for it.
    static QColor background();
    static QColor foreground();

    // Centred near the top of `area`, below the top orientation letter.
    static void paint(QPainter &painter, const QFont &font, const QRectF &area);
    // The same badge as a label for panels (hidden until shown); object name "anonymisedBadge".
    static QLabel *makeLabel(QWidget *parent);
};

} // namespace haip::ui
