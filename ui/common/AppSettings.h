// The workstation's per-user preferences over a QSettings the caller owns (the program passes
// the user's settings, tests a temporary INI file): theme, UI language (applied at the next
// start, as Qt cannot re-translate every open widget safely) and the main window's layout.
#pragma once

#include "theme/Theme.h"

#include <QByteArray>
#include <QString>

class QSettings;

namespace haip::ui {

class AppSettings
{
public:
    explicit AppSettings(QSettings &settings);

    ThemeKind theme() const;
    void setTheme(ThemeKind kind);
    // "ja", "en" or empty (follow the system).
    QString language() const;
    void setLanguage(const QString &language);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state);

    // The View menu's "Anonymised display" switch, kept across restarts (off by default).
    bool anonymisedDisplay() const;
    void setAnonymisedDisplay(bool on);

    QString lastOpenDirectory() const;
    void setLastOpenDirectory(const QString &directory);

    void sync();

private:
    QSettings &m_settings;
};

} // namespace haip::ui
