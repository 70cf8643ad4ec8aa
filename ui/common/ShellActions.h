// The main window's own actions (open, settings, quit, full screen, find, about, anonymised
// display) with their icons, platform shortcuts and tooltips that name the shortcut. The window
// connects them; the viewer brings its own actions.
#pragma once

#include <QCoreApplication>

class QAction;
class QObject;

namespace haip::ui {

struct ShellActions
{
    Q_DECLARE_TR_FUNCTIONS(haip::ui::ShellActions)
public:
    explicit ShellActions(QObject *parent);

    QAction *openFiles = nullptr;
    QAction *openFolder = nullptr;
    QAction *openDicomDir = nullptr;
    QAction *settings = nullptr;
    QAction *quit = nullptr;
    QAction *fullScreen = nullptr;
    QAction *find = nullptr;
    QAction *about = nullptr;
    // Checkable: hides patient details on screen (screenshots, teaching); nothing on disk changes.
    QAction *anonymisedDisplay = nullptr;
};

// "Open a folder (Ctrl+Shift+O)": the action's tooltip with its shortcut in the platform's notation.
void setToolTipWithShortcut(QAction *action, const QString &toolTip);

} // namespace haip::ui
