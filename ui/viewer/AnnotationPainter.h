// Paints what sits on top of the image and must stay readable on any grey: corner text,
// orientation letters, the scale bar, loading progress and messages. Text is drawn with a
// dark shadow so it reads on white bone as well as on black air.
#pragma once

#include "viewer/PatientOrientation.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace haip::ui {

struct CornerText
{
    QStringList topLeft;
    QStringList topRight;
    QStringList bottomLeft;
    QStringList bottomRight;
};

class AnnotationPainter
{
public:
    AnnotationPainter(QPainter &painter, const QFont &font);

    static QColor textColour();

    void drawShadowedText(QPointF baseline, const QString &text, QColor colour = textColour());
    void drawCorners(const QRectF &area, const CornerText &text);
    void drawEdgeLetters(const QRectF &area, const EdgeLetters &letters);
    // A horizontal bar of a round length in mm or cm, about a fifth of the width, centred
    // near the bottom; `mmPerPixel` is the size of one logical pixel on the patient.
    void drawScaleBar(const QRectF &area, double mmPerPixel);
    // A thin bar along the bottom edge with "Loading done/total".
    void drawProgress(const QRectF &area, int done, int total);
    // A centred two-line message (title, detail) on a dark panel.
    void drawMessage(const QRectF &area, const QString &title, const QString &detail);

    int lineHeight() const;

private:
    QPainter &m_painter;
    QFont m_font;
    QFont m_letterFont;
};

} // namespace haip::ui
