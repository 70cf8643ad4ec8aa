// The viewer's actions for toolbars and menus — tools, window presets, zoom, invert,
// rotate/flip, reset, cine and measurements — with the shortcuts radiologists expect
// (1–5 presets, F fit, I invert, R reset, Space cine…). Every action is also added to the
// viewer widget with a widget-with-children context, so the single-key shortcuts work while
// the viewer has focus and never steal keys from the study browser or a search field.
#pragma once

#include <QList>
#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace haip::ui {

class ImageView;

class ViewerActions : public QObject
{
    Q_OBJECT
public:
    // `shortcutScope`: the widget whose focus activates the shortcuts (the ViewerWidget).
    ViewerActions(ImageView *view, QWidget *shortcutScope);
    ~ViewerActions() override;

    // For toolbars and menus, in display order; separators are actions with isSeparator().
    QList<QAction *> actions() const;
    // Every action with a shortcut, including the preset ones behind the presets menu.
    QList<QAction *> allActions() const;
    QAction *action(const QString &name) const; // by objectName, e.g. "viewer.invert"

private:
    QAction *make(const QString &name, const QString &text, const QString &icon, const QList<QKeySequence> &keys);
    QAction *separator();
    void buildPresetMenu();
    void rebuildFilePresets();
    void syncState();

    ImageView *m_view;
    QWidget *m_scope;
    QList<QAction *> m_ordered;
    QList<QAction *> m_all;
    QActionGroup *m_tools = nullptr;
    QMenu *m_presetMenu = nullptr;
    QList<QAction *> m_filePresetActions;
};

} // namespace haip::ui
