// Edit ▸ Settings: theme (applied at once) and language (applied at the next start). Shown
// with open(), never exec(), so nothing blocks and tests can drive it.
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace haip::ui {

class AppSettings;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(AppSettings &settings, QWidget *parent = nullptr);

    QComboBox *themeBox() const { return m_theme; }
    QComboBox *languageBox() const { return m_language; }

    void accept() override;

private:
    AppSettings &m_settings;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
};

} // namespace haip::ui
