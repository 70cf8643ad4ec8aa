#include "theme/Theme.h"

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QStyleFactory>

namespace haip::ui {

namespace {

struct PaletteEntry
{
    QPalette::ColorRole role;
    QRgb dark;
    QRgb light;
};

// Active/inactive colours of each role. Dark: neutral greys (no tint that would bias grey-level
// reading), text at ~13:1 contrast on the window colour, a muted blue for selection.
constexpr PaletteEntry kPalette[] = {
    {QPalette::Window, 0xff202124, 0xfff3f3f4},
    {QPalette::WindowText, 0xffe3e3e6, 0xff1d1d20},
    {QPalette::Base, 0xff17181a, 0xffffffff},
    {QPalette::AlternateBase, 0xff1e1f22, 0xfff6f6f8},
    {QPalette::ToolTipBase, 0xff2b2c30, 0xffffffe8},
    {QPalette::ToolTipText, 0xffe3e3e6, 0xff1d1d20},
    {QPalette::PlaceholderText, 0xff8b8e95, 0xff7a7d84},
    {QPalette::Text, 0xffe3e3e6, 0xff1d1d20},
    {QPalette::Button, 0xff2a2b2f, 0xffe9e9ec},
    {QPalette::ButtonText, 0xffe3e3e6, 0xff1d1d20},
    {QPalette::BrightText, 0xffff6b6b, 0xffc62828},
    {QPalette::Light, 0xff3d3e43, 0xffffffff},
    {QPalette::Midlight, 0xff323338, 0xffe0e0e4},
    {QPalette::Mid, 0xff2c2d31, 0xffb8b8be},
    {QPalette::Dark, 0xff111214, 0xff9a9aa0},
    {QPalette::Shadow, 0xff000000, 0xff5a5a60},
    {QPalette::Highlight, 0xff2f6db3, 0xff2f6db3},
    {QPalette::HighlightedText, 0xffffffff, 0xffffffff},
    {QPalette::Link, 0xff6aa8f0, 0xff1f5fa8},
    {QPalette::LinkVisited, 0xffa58bf0, 0xff6a3fa8},
};

// Disabled colours: text dimmed but still legible (menus show disabled actions).
constexpr PaletteEntry kDisabled[] = {
    {QPalette::WindowText, 0xff74777d, 0xff9a9aa0},
    {QPalette::Text, 0xff74777d, 0xff9a9aa0},
    {QPalette::ButtonText, 0xff74777d, 0xff9a9aa0},
    {QPalette::Highlight, 0xff3a3b40, 0xffc8c8cc},
    {QPalette::HighlightedText, 0xffa0a3a8, 0xff5a5a60},
};

// Fonts with Japanese glyphs, in preference order, per platform family: Noto CJK (Linux),
// Yu Gothic UI / Meiryo UI (Windows), Hiragino (macOS). Missing ones are skipped by Qt.
const char *const kJapaneseFonts[] = {
    "Noto Sans CJK JP",
    "Yu Gothic UI",
    "Meiryo UI",
    "Hiragino Sans",
    "Source Han Sans JP",
};

} // namespace

Theme::Theme(ThemeKind kind) : m_kind(kind) { }

ThemeKind Theme::kindFromName(const QString &name)
{
    return name.compare(QLatin1String("light"), Qt::CaseInsensitive) == 0 ? ThemeKind::Light : ThemeKind::Dark;
}

QString Theme::nameOf(ThemeKind kind)
{
    return kind == ThemeKind::Light ? QStringLiteral("light") : QStringLiteral("dark");
}

QPalette Theme::palette() const
{
    const bool dark = m_kind == ThemeKind::Dark;
    QPalette palette;
    for (const PaletteEntry &entry : kPalette) {
        const QColor color = QColor::fromRgba(dark ? entry.dark : entry.light);
        palette.setColor(QPalette::Active, entry.role, color);
        palette.setColor(QPalette::Inactive, entry.role, color);
        palette.setColor(QPalette::Disabled, entry.role, color);
    }
    for (const PaletteEntry &entry : kDisabled)
        palette.setColor(QPalette::Disabled, entry.role, QColor::fromRgba(dark ? entry.dark : entry.light));
    return palette;
}

QString Theme::styleSheet() const
{
    QFile file(QStringLiteral(":/themes/%1.qss").arg(nameOf(m_kind)));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll());
}

QColor Theme::chromeColor() const
{
    return palette().color(QPalette::Window);
}

void Theme::apply(QApplication &app) const
{
    // Fusion draws the same on every platform and honours the palette fully (the native
    // Windows style ignores dark palettes).
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    QApplication::setPalette(palette());
    app.setStyleSheet(styleSheet());
}

void Theme::applyFonts(const QString &language)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    QStringList families;
    const QStringList available = QFontDatabase::families();
    QStringList japanese;
    for (const char *name : kJapaneseFonts) {
        const QString family = QString::fromLatin1(name);
        if (available.contains(family))
            japanese << family;
    }
    if (language == QLatin1String("ja"))
        families << japanese << font.family();
    else
        families << font.family() << japanese;
    families.removeDuplicates();
    font.setFamilies(families);
    QApplication::setFont(font);
}

} // namespace haip::ui
