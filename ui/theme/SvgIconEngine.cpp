#include "theme/SvgIconEngine.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace haip::ui {

SvgIconEngine::SvgIconEngine(QByteArray svg) : m_svg(std::move(svg)) { }

QByteArray SvgIconEngine::tinted(QIcon::Mode mode, QIcon::State state) const
{
    const QPalette palette = QGuiApplication::palette();
    QColor color = palette.color(QPalette::Active, QPalette::WindowText);
    if (mode == QIcon::Disabled)
        color = palette.color(QPalette::Disabled, QPalette::WindowText);
    else if (mode == QIcon::Selected)
        color = palette.color(QPalette::Active, QPalette::HighlightedText);
    else if (state == QIcon::On)
        color = palette.color(QPalette::Active, QPalette::Highlight).lighter(140);
    QByteArray svg = m_svg;
    svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    return svg;
}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    QSvgRenderer renderer(tinted(mode, state));
    renderer.setAspectRatioMode(Qt::KeepAspectRatio);
    renderer.render(painter, rect);
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    // QIcon asks for size × device pixel ratio, so this renders sharp at 150 % / 200 % scaling.
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
    }
    return pixmap;
}

QIconEngine *SvgIconEngine::clone() const
{
    return new SvgIconEngine(m_svg);
}

QString SvgIconEngine::key() const
{
    return QStringLiteral("haip-svg");
}

bool SvgIconEngine::isNull()
{
    return m_svg.isEmpty();
}

} // namespace haip::ui
