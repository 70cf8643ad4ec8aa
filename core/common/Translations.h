// Installs the translators of the application and of Qt itself for the user's UI languages
// (or a forced language from policy/command line), in QLocale::uiLanguages() order.
#pragma once

#include <QString>

class QCoreApplication;

namespace haip {

// `language`: empty = follow the system ("ja", "en", …). Returns the language installed.
QString installTranslators(QCoreApplication &app, const QString &language = {});

} // namespace haip
