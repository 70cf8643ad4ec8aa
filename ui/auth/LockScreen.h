// LockScreen: what covers the workstation while the session is locked — opaque, over the whole
// window, with images and results hidden beneath it (MainWindow::setSessionLocked) while AI jobs
// go on. It says why it locked and who is signed in, asks for the card back, then its PIN; it
// also offers to sign out (another clinician may then sign in).
#pragma once

#include "auth/SessionGuard.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace haip::ui {

class LockScreen : public QWidget
{
    Q_OBJECT
public:
    // Covers `window` (a child of it, following its size) while the guard is locked.
    LockScreen(auth::SessionGuard &guard, QWidget *window);

    // The signed-in clinician as the platform named them.
    void setClinician(const QString &name);

signals:
    void signOutRequested();

private:
    void refresh();
    void submit();

    auth::SessionGuard &m_guard;
    QLabel *m_title = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_who = nullptr;
    QLabel *m_prompt = nullptr;
    QLineEdit *m_pin = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_signOut = nullptr;
    QString m_clinician;
};

} // namespace haip::ui
