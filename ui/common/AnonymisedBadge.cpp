#include "common/AnonymisedBadge.h"

#include <QFontMetricsF>
#include <QLabel>
#include <QPainter>

namespace haip::ui {

namespace {
constexpr double kTopOffsetLines = 2.4; // clear of the top orientation letter (drawn larger than text)
constexpr double kPaddingX = 10.0;
constexpr double kPaddingY = 4.0;
constexpr double kRadius = 4.0;
} // namespace

QString AnonymisedBadge::text()
{
    return tr("Anonymised display");
}

QColor AnonymisedBadge::background()
{
    return QColor(0xF2, 0xA9, 0x00);
}

QColor AnonymisedBadge::foreground()
{
    return QColor(0x1A, 0x1A, 0x1A);
}

void AnonymisedBadge::paint(QPainter &painter, const QFont &font, const QRectF &area)
{
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF metrics(bold);
    const QString label = text();
    const QSizeF size(metrics.horizontalAdvance(label) + 2 * kPaddingX, metrics.height() + 2 * kPaddingY);
    const QRectF box(area.center().x() - size.width() / 2.0,
                     area.top() + kTopOffsetLines * metrics.height(),
                     size.width(),
                     size.height());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background());
    painter.drawRoundedRect(box, kRadius, kRadius);
    painter.setFont(bold);
    painter.setPen(foreground());
    painter.drawText(box, Qt::AlignCenter, label);
    painter.restore();
}

QLabel *AnonymisedBadge::makeLabel(QWidget *parent)
{
    auto *label = new QLabel(text(), parent);
    label->setObjectName(QStringLiteral("anonymisedBadge"));
    label->setAlignment(Qt::AlignCenter);
    // Its own colours whatever the theme: the badge must look the same everywhere.
    label->setStyleSheet(QStringLiteral("QLabel#anonymisedBadge { background: %1; color: %2; font-weight: bold;"
                                        " border-radius: 4px; padding: 3px 10px; }")
                             .arg(background().name(), foreground().name()));
    label->hide();
    return label;
}

} // namespace haip::ui
