#include "common/WindowCover.h"

#include <QEvent>
#include <QWidget>

namespace haip::ui {

WindowCover::WindowCover(QWidget *cover) : QObject(cover), m_cover(cover)
{
    QWidget *window = cover->parentWidget();
    window->installEventFilter(this);
    cover->setGeometry(window->rect());
}

bool WindowCover::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_cover->parentWidget() && event->type() == QEvent::Resize)
        m_cover->setGeometry(m_cover->parentWidget()->rect());
    return QObject::eventFilter(watched, event);
}

} // namespace haip::ui
