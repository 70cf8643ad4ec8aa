#include "common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace haip {

QString installTranslators(QCoreApplication &app, const QString &language)
{
    const QStringList languages = language.isEmpty() ? QLocale::system().uiLanguages() : QStringList {language};
    for (const QString &candidate : languages) {
        const QLocale locale(candidate);
        if (locale.language() == QLocale::English || locale.language() == QLocale::C)
            return QStringLiteral("en"); // source strings are English
        auto *appTranslator = new QTranslator(&app);
        // The .qm files are compiled into the program under :/i18n (translations/CMakeLists.txt).
        if (!appTranslator->load(locale, QStringLiteral("haip"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
            delete appTranslator;
            continue;
        }
        QCoreApplication::installTranslator(appTranslator);
        auto *qtTranslator = new QTranslator(&app);
        if (qtTranslator->load(locale,
                               QStringLiteral("qtbase"),
                               QStringLiteral("_"),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qtTranslator);
        else
            delete qtTranslator;
        return QLocale::languageToCode(locale.language());
    }
    return QStringLiteral("en");
}

} // namespace haip
