#include "common/AppSettings.h"

#include <QSettings>

namespace haip::ui {

namespace {
// Keys as stored (INI sections on Linux, registry values on Windows); renaming one loses
// users' preferences, so they are fixed here.
const QString kTheme = QStringLiteral("ui/theme");
const QString kLanguage = QStringLiteral("ui/language");
const QString kGeometry = QStringLiteral("mainWindow/geometry");
const QString kState = QStringLiteral("mainWindow/state");
const QString kLastOpenDirectory = QStringLiteral("open/lastDirectory");
const QString kAnonymisedDisplay = QStringLiteral("ui/anonymisedDisplay");
} // namespace

AppSettings::AppSettings(QSettings &settings) : m_settings(settings) { }

ThemeKind AppSettings::theme() const
{
    return Theme::kindFromName(m_settings.value(kTheme, Theme::nameOf(ThemeKind::Dark)).toString());
}

void AppSettings::setTheme(ThemeKind kind)
{
    m_settings.setValue(kTheme, Theme::nameOf(kind));
}

QString AppSettings::language() const
{
    const QString language = m_settings.value(kLanguage).toString();
    return language == QLatin1String("ja") || language == QLatin1String("en") ? language : QString();
}

void AppSettings::setLanguage(const QString &language)
{
    if (language.isEmpty())
        m_settings.remove(kLanguage);
    else
        m_settings.setValue(kLanguage, language);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(kGeometry, geometry);
    m_settings.setValue(kState, state);
}

bool AppSettings::anonymisedDisplay() const
{
    return m_settings.value(kAnonymisedDisplay, false).toBool();
}

void AppSettings::setAnonymisedDisplay(bool on)
{
    m_settings.setValue(kAnonymisedDisplay, on);
}

QString AppSettings::lastOpenDirectory() const
{
    return m_settings.value(kLastOpenDirectory).toString();
}

void AppSettings::setLastOpenDirectory(const QString &directory)
{
    m_settings.setValue(kLastOpenDirectory, directory);
}

void AppSettings::sync()
{
    m_settings.sync();
}

} // namespace haip::ui
