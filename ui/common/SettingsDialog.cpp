#include "common/SettingsDialog.h"

#include "common/AppSettings.h"
#include "theme/ThemedIcon.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace haip::ui {

namespace {

QString sourceText(config::ConfigSource source)
{
    switch (source) {
    case config::ConfigSource::Policy:
        return SettingsDialog::tr("IT policy");
    case config::ConfigSource::User:
        return SettingsDialog::tr("You");
    case config::ConfigSource::Default:
        return SettingsDialog::tr("Default");
    }
    return {};
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings &settings, const config::EffectiveConfig &config, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_languageLocked(config.isLocked(QStringLiteral("Language")))
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
    m_language->setCurrentIndex(
        std::max(0, m_language->findData(m_languageLocked ? config.language() : settings.language())));
    if (m_languageLocked) {
        m_language->setEnabled(false);
        m_language->setToolTip(tr("Set by your IT department's policy"));
    }

    auto *note = new QLabel(tr("A new language applies when the workstation is started again."), this);
    note->setWordWrap(true);
    note->setObjectName(QStringLiteral("emptyHint"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Language:"), m_language);

    // Every setting, its value and its source; policy values carry a lock.
    m_managed = new QTreeWidget(this);
    m_managed->setObjectName(QStringLiteral("managedSettings"));
    m_managed->setRootIsDecorated(false);
    m_managed->setHeaderLabels({tr("Setting"), tr("Value"), tr("Set by")});
    const QIcon lock = themedIcon(QStringLiteral("locked"));
    for (const config::ConfigKey &key : config::configKeys()) {
        const QString name = QLatin1String(key.name);
        const config::ConfigEntry &entry = config.entry(name);
        const QString value = config::configValueText(entry.value);
        auto *row =
            new QTreeWidgetItem(m_managed, {name, value.isEmpty() ? tr("(not set)") : value, sourceText(entry.source)});
        if (entry.source == config::ConfigSource::Policy) {
            row->setIcon(2, lock);
            row->setToolTip(2, tr("Locked: set by your IT department's policy"));
        }
        row->setData(0, Qt::UserRole, entry.source == config::ConfigSource::Policy);
    }
    m_managed->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *managedTitle = new QLabel(tr("Workstation settings (values set by IT policy are locked):"), this);
    managedTitle->setWordWrap(true);
    if (!config.problems().isEmpty()) {
        auto *problems = new QLabel(tr("Policy problems: %1").arg(config.problems().join(QStringLiteral("; "))), this);
        problems->setObjectName(QStringLiteral("policyProblems"));
        problems->setWordWrap(true);
        m_problemsLabel = problems;
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(managedTitle);
    layout->addWidget(m_managed, 1);
    if (m_problemsLabel)
        layout->addWidget(m_problemsLabel);
    layout->addWidget(buttons);
    // Room for every setting without scrolling on a reading-station screen.
    resize(sizeHint().expandedTo(QSize(620, 600)));
}

void SettingsDialog::accept()
{
    const ThemeKind theme = Theme::kindFromName(m_theme->currentData().toString());
    if (theme != m_settings.theme()) {
        m_settings.setTheme(theme);
        if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
            Theme(theme).apply(*app);
    }
    if (!m_languageLocked)
        m_settings.setLanguage(m_language->currentData().toString());
    m_settings.sync();
    QDialog::accept();
}

} // namespace haip::ui
