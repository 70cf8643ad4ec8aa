// Edit ▸ Settings: theme (applied at once) and language (applied at the next start), and a
// read-only list of every workstation setting with where it comes from — values fixed by IT
// policy are marked locked, and a locked language cannot be changed here. Shown with open(),
// never exec(), so nothing blocks and tests can drive it.
#pragma once

#include "config/EffectiveConfig.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace haip::ui {

class AppSettings;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(AppSettings &settings, const config::EffectiveConfig &config, QWidget *parent = nullptr);

    QComboBox *themeBox() const { return m_theme; }
    QComboBox *languageBox() const { return m_language; }
    QTreeWidget *managedList() const { return m_managed; }

    void accept() override;

private:
    AppSettings &m_settings;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QTreeWidget *m_managed = nullptr;
    QLabel *m_problemsLabel = nullptr;
    bool m_languageLocked = false;
};

} // namespace haip::ui
