// The workstation's look: Fusion style, a palette and a small style sheet per theme. Dark is
// the default (reading rooms are dim and a bright frame around an image changes how grey
// levels are perceived); light is offered for offices. Also picks fonts that render Japanese
// with Japanese glyph shapes (Noto Sans CJK JP, or the platform's Japanese UI fonts).
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QApplication;

namespace haip::ui {

enum class ThemeKind
{
    Dark,
    Light
};

class Theme
{
public:
    explicit Theme(ThemeKind kind = ThemeKind::Dark);

    // "dark" / "light" (settings and command line); unknown names give the dark default.
    static ThemeKind kindFromName(const QString &name);
    static QString nameOf(ThemeKind kind);

    ThemeKind kind() const { return m_kind; }
    QPalette palette() const;
    // The theme's style sheet from resources (:/themes/<name>.qss); empty if missing.
    QString styleSheet() const;
    // Colour of the background behind images (the viewer keeps black; the chrome follows this).
    QColor chromeColor() const;

    // Sets style, palette and style sheet on the application. Icons drawn by ThemedIcon follow.
    void apply(QApplication &app) const;
    // Application font: the platform default first, then Japanese-capable fallbacks so CJK text
    // never shows as boxes and kanji take Japanese (not Chinese) shapes. `language` "ja" puts
    // the Japanese font first so kana and punctuation keep one consistent design.
    static void applyFonts(const QString &language);

private:
    ThemeKind m_kind;
};

} // namespace haip::ui
