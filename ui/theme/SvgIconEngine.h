// A QIconEngine for our line icons: renders the SVG at the requested size and device pixel
// ratio (QIcon asks for device pixels), replacing currentColor by the application palette's colour for the icon's mode.
#pragma once

#include <QByteArray>
#include <QIconEngine>

namespace haip::ui {

class SvgIconEngine : public QIconEngine
{
public:
    explicit SvgIconEngine(QByteArray svg);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override;

private:
    QByteArray tinted(QIcon::Mode mode, QIcon::State state) const;
    QByteArray m_svg;
};

} // namespace haip::ui
