#include "common/SettingsDialog.h"

#include "common/AppSettings.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace haip::ui {

SettingsDialog::SettingsDialog(AppSettings &settings, QWidget *parent) : QDialog(parent), m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_theme = new QComboBox(this);
    m_theme->addItem(tr("Dark (reading room)"), Theme::nameOf(ThemeKind::Dark));
    m_theme->addItem(tr("Light"), Theme::nameOf(ThemeKind::Light));
    m_theme->setCurrentIndex(m_theme->findData(Theme::nameOf(settings.theme())));

    m_language = new QComboBox(this);
    m_language->addItem(tr("System default"), QString());
    // Language names in their own language, as users look for them.
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));

    auto *note = new QLabel(tr("A new language applies when the workstation is started again."), this);
    note->setWordWrap(true);
    note->setObjectName(QStringLiteral("emptyHint"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Language:"), m_language);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    const ThemeKind theme = Theme::kindFromName(m_theme->currentData().toString());
    if (theme != m_settings.theme()) {
        m_settings.setTheme(theme);
        if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
            Theme(theme).apply(*app);
    }
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.sync();
    QDialog::accept();
}

} // namespace haip::ui
