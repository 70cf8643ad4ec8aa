#include "common/ShellActions.h"

#include "theme/ThemedIcon.h"

#include <QAction>
#include <QKeySequence>

namespace haip::ui {

namespace {

QAction *
makeAction(QObject *parent, const char *icon, const QString &text, const char *objectName, const QKeySequence &shortcut)
{
    auto *action = new QAction(themedIcon(QString::fromLatin1(icon)), text, parent);
    action->setObjectName(QString::fromLatin1(objectName));
    action->setShortcut(shortcut);
    return action;
}

} // namespace

void setToolTipWithShortcut(QAction *action, const QString &toolTip)
{
    const QString keys = action->shortcut().toString(QKeySequence::NativeText);
    action->setToolTip(keys.isEmpty() ? toolTip : QStringLiteral("%1 (%2)").arg(toolTip, keys));
}

ShellActions::ShellActions(QObject *parent)
{
    // Shortcuts: the platform's standard keys where one exists (Open, Find, Quit, Full Screen,
    // Preferences); Ctrl+Shift+O / Ctrl+Shift+D follow "open something else" conventions.
    openFiles = makeAction(parent, "open-file", tr("Open &Files…"), "openFilesAction", QKeySequence::Open);
    setToolTipWithShortcut(openFiles, tr("Open DICOM files"));
    openFolder = makeAction(
        parent, "open-folder", tr("Open F&older…"), "openFolderAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    setToolTipWithShortcut(openFolder, tr("Open a folder and everything below it"));
    openDicomDir = makeAction(parent,
                              "open-dicomdir",
                              tr("Open &DICOMDIR / CD…"),
                              "openDicomDirAction",
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    setToolTipWithShortcut(openDicomDir, tr("Open a DICOMDIR, e.g. from a hospital CD or DVD"));

    settings = makeAction(parent, "settings", tr("&Settings…"), "settingsAction", QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    quit = makeAction(parent, "quit", tr("&Quit"), "quitAction", QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    fullScreen = makeAction(parent, "fullscreen", tr("&Full Screen"), "fullScreenAction", QKeySequence::FullScreen);
    fullScreen->setCheckable(true);
    find = makeAction(parent, "search", tr("&Find Study…"), "findAction", QKeySequence::Find);
    setToolTipWithShortcut(find, tr("Search the study browser"));

    anonymisedDisplay = makeAction(parent,
                                   "anonymised",
                                   tr("&Anonymised Display"),
                                   "anonymisedDisplayAction",
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    anonymisedDisplay->setCheckable(true);
    setToolTipWithShortcut(anonymisedDisplay,
                           tr("Hide the patient's name, ID and birth date on screen, for screenshots and teaching "
                              "(the files are not changed)"));

    about = makeAction(parent, "about", tr("&About HAIP Clinician Workstation"), "aboutAction", {});
    about->setMenuRole(QAction::AboutRole);
}

} // namespace haip::ui
