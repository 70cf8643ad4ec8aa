// WindowCover: keeps a widget laid over the whole of its parent window as the window resizes —
// the login and lock screens lie on top of the main window this way.
#pragma once

#include <QObject>

class QWidget;

namespace haip::ui {

class WindowCover : public QObject
{
public:
    explicit WindowCover(QWidget *cover);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_cover;
};

} // namespace haip::ui
