#include "viewer/AnnotationPainter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStaticText>

#include <cmath>

namespace haip::ui {

namespace {

constexpr double Margin = 8.0;

// Round bar lengths in mm: 1-2-5 steps, as on a map.
double niceLength(double maxMm)
{
    const double decade = std::pow(10.0, std::floor(std::log10(maxMm)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * decade <= maxMm)
            return step * decade;
    return decade;
}

} // namespace

AnnotationPainter::AnnotationPainter(QPainter &painter, const QFont &font)
    : m_painter(painter), m_font(font), m_letterFont(font)
{
    m_letterFont.setBold(true);
    m_letterFont.setPixelSize(qRound(QFontMetricsF(font).height() * 1.1));
}

QColor AnnotationPainter::textColour()
{
    return QColor(0xE8, 0xE8, 0xE8);
}

int AnnotationPainter::lineHeight() const
{
    return int(std::ceil(QFontMetricsF(m_font).height() * 1.3));
}

void AnnotationPainter::drawShadowedText(QPointF baseline, const QString &text, QColor colour)
{
    // Laid out once, drawn five times: a dark halo below and around, then the text.
    QStaticText staticText(text);
    staticText.setTextFormat(Qt::PlainText);
    staticText.prepare(m_painter.transform(), m_painter.font());
    const QPointF topLeft = baseline - QPointF(0, QFontMetricsF(m_painter.font()).ascent());
    m_painter.setPen(QColor(0, 0, 0, 220));
    for (const QPointF offset : {QPointF(1, 1), QPointF(0, 1), QPointF(1, 0), QPointF(-1, -1)})
        m_painter.drawStaticText(topLeft + offset, staticText);
    m_painter.setPen(colour);
    m_painter.drawStaticText(topLeft, staticText);
}

void AnnotationPainter::drawCorners(const QRectF &area, const CornerText &text)
{
    m_painter.save();
    m_painter.setFont(m_font);
    const QFontMetricsF metrics(m_font);
    // Japanese text comes from a fallback font with a taller face than the Latin one the
    // metrics describe: give each line room for it.
    const double line = std::ceil(metrics.height() * 1.3);
    const auto column = [&](const QStringList &lines, bool right, bool bottom) {
        double y = bottom ? area.bottom() - Margin - metrics.descent() - line * (lines.size() - 1)
                          : area.top() + Margin + metrics.ascent();
        for (const QString &s : lines) {
            const double x = right ? area.right() - Margin - metrics.horizontalAdvance(s) : area.left() + Margin;
            drawShadowedText(QPointF(x, y), s);
            y += line;
        }
    };
    column(text.topLeft, false, false);
    column(text.topRight, true, false);
    column(text.bottomLeft, false, true);
    column(text.bottomRight, true, true);
    m_painter.restore();
}

void AnnotationPainter::drawEdgeLetters(const QRectF &area, const EdgeLetters &letters)
{
    m_painter.save();
    m_painter.setFont(m_letterFont);
    const QFontMetricsF metrics(m_letterFont);
    const QColor colour(0xFF, 0xE0, 0x82); // pale amber: distinct from corner text
    const double midY = area.center().y() + (metrics.ascent() - metrics.descent()) / 2.0;
    drawShadowedText(QPointF(area.left() + Margin, midY), letters.left, colour);
    drawShadowedText(
        QPointF(area.right() - Margin - metrics.horizontalAdvance(letters.right), midY), letters.right, colour);
    drawShadowedText(QPointF(area.center().x() - metrics.horizontalAdvance(letters.top) / 2.0,
                             area.top() + Margin + metrics.ascent()),
                     letters.top,
                     colour);
    drawShadowedText(QPointF(area.center().x() - metrics.horizontalAdvance(letters.bottom) / 2.0,
                             area.bottom() - Margin - metrics.descent()),
                     letters.bottom,
                     colour);
    m_painter.restore();
}

void AnnotationPainter::drawScaleBar(const QRectF &area, double mmPerPixel)
{
    if (!(mmPerPixel > 0.0) || area.width() < 120.0)
        return;
    const double mm = niceLength(area.width() / 5.0 * mmPerPixel);
    const double length = mm / mmPerPixel;
    const QFontMetricsF metrics(m_font);
    const double y = area.bottom() - Margin - QFontMetricsF(m_letterFont).height() - 10.0;
    const double left = area.center().x() - length / 2.0;
    // Subdivisions by the leading digit: 1 → tenths, 2 → quarters, 5 → fifths (50 mm: each cm).
    const double leading = mm / std::pow(10.0, std::floor(std::log10(mm) + 1e-9));
    const double tickMm = mm / (leading < 1.5 ? 10.0 : (leading < 3.0 ? 4.0 : 5.0));
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing, false);
    for (const auto &[pen, offset] : {std::pair {QPen(QColor(0, 0, 0, 200), 3.0), 0.0},
                                      std::pair {QPen(AnnotationPainter::textColour(), 1.0), 0.0}}) {
        m_painter.setPen(pen);
        m_painter.drawLine(QPointF(left, y + offset), QPointF(left + length, y + offset));
        for (double t = 0.0; t <= mm + 1e-9; t += tickMm) {
            const double x = left + t / mmPerPixel;
            const bool end = t < 1e-9 || t > mm - 1e-9;
            m_painter.drawLine(QPointF(x, y), QPointF(x, y - (end ? 6.0 : 3.0)));
        }
    }
    m_painter.restore();
    const QString label = mm >= 10.0
        ? QCoreApplication::translate("haip::ui::AnnotationPainter", "%1 cm").arg(mm / 10.0)
        : QCoreApplication::translate("haip::ui::AnnotationPainter", "%1 mm").arg(mm);
    m_painter.save();
    m_painter.setFont(m_font);
    drawShadowedText(QPointF(left + length + 6.0, y + metrics.ascent() / 2.0 - 2.0), label);
    m_painter.restore();
}

void AnnotationPainter::drawProgress(const QRectF &area, int done, int total)
{
    if (total <= 0)
        return;
    const QRectF track(area.left(), area.bottom() - 3.0, area.width(), 3.0);
    m_painter.fillRect(track, QColor(255, 255, 255, 40));
    m_painter.fillRect(QRectF(track.topLeft(), QSizeF(track.width() * done / total, track.height())),
                       QColor(0x4F, 0xA3, 0xE0));
}

void AnnotationPainter::drawMessage(const QRectF &area, const QString &title, const QString &detail)
{
    m_painter.save();
    QFont titleFont = m_font;
    titleFont.setBold(true);
    const QFontMetricsF titleMetrics(titleFont);
    const QFontMetricsF detailMetrics(m_font);
    const double width = std::min(area.width() - 40.0, 520.0);
    const QRectF detailBounds =
        detailMetrics.boundingRect(QRectF(0, 0, width - 32.0, 1000.0), Qt::TextWordWrap | Qt::AlignHCenter, detail);
    const double height = 24.0 + titleMetrics.height() + (detail.isEmpty() ? 0.0 : 8.0 + detailBounds.height());
    const QRectF panel(area.center().x() - width / 2.0, area.center().y() - height / 2.0, width, height);
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    m_painter.setPen(QColor(255, 255, 255, 50));
    m_painter.setBrush(QColor(20, 22, 26, 225));
    m_painter.drawRoundedRect(panel, 6.0, 6.0);
    m_painter.setPen(textColour());
    m_painter.setFont(titleFont);
    const QRectF titleRect(panel.left() + 16.0, panel.top() + 12.0, width - 32.0, titleMetrics.height());
    m_painter.drawText(titleRect, Qt::AlignHCenter | Qt::AlignVCenter, title);
    if (!detail.isEmpty()) {
        m_painter.setFont(m_font);
        m_painter.setPen(QColor(0xB8, 0xBC, 0xC4));
        m_painter.drawText(QRectF(panel.left() + 16.0, titleRect.bottom() + 8.0, width - 32.0, detailBounds.height()),
                           Qt::TextWordWrap | Qt::AlignHCenter,
                           detail);
    }
    m_painter.restore();
}

} // namespace haip::ui
