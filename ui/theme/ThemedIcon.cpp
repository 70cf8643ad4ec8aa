#include "theme/ThemedIcon.h"

#include "theme/SvgIconEngine.h"

#include <QFile>

namespace haip::ui {

QIcon themedIcon(const QString &name)
{
    QFile file(QStringLiteral(":/icons/app/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new SvgIconEngine(file.readAll()));
}

} // namespace haip::ui
