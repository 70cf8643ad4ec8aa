#include "browser/DisplayText.h"

#include <QStringList>

namespace haip::ui::display {

namespace {

// "Yamada^Tarou^^Dr" → "Yamada Tarou Dr"
QString group(const QString &stored)
{
    QStringList components;
    for (const QString &component : stored.split(QLatin1Char('^'))) {
        const QString trimmed = component.trimmed();
        if (!trimmed.isEmpty())
            components << trimmed;
    }
    return components.join(QLatin1Char(' '));
}

} // namespace

QString personName(const QString &dicomName)
{
    const QStringList groups = dicomName.split(QLatin1Char('='));
    const QString alphabetic = group(groups.value(0));
    const QString ideographic = group(groups.value(1));
    const QString phonetic = group(groups.value(2));
    if (!ideographic.isEmpty())
        return alphabetic.isEmpty() ? ideographic : QStringLiteral("%1 (%2)").arg(ideographic, alphabetic);
    return alphabetic.isEmpty() ? phonetic : alphabetic;
}

QString personNameGroups(const QString &dicomName)
{
    QStringList groups;
    for (const QString &stored : dicomName.split(QLatin1Char('='))) {
        const QString shown = group(stored);
        if (!shown.isEmpty())
            groups << shown;
    }
    return groups.join(QLatin1String(" = "));
}

QString date(const QString &dicomDate)
{
    const QString d = dicomDate.trimmed();
    if (d.size() != 8)
        return d;
    for (const QChar c : d) {
        if (!c.isDigit())
            return d;
    }
    return d.left(4) + QLatin1Char('-') + d.mid(4, 2) + QLatin1Char('-') + d.mid(6, 2);
}

QString time(const QString &dicomTime)
{
    const QString t = dicomTime.trimmed();
    if (t.size() < 4 || !t.at(0).isDigit() || !t.at(1).isDigit() || !t.at(2).isDigit() || !t.at(3).isDigit())
        return t;
    return t.left(2) + QLatin1Char(':') + t.mid(2, 2);
}

QString modalities(const QString &dicomModalities)
{
    QStringList parts = dicomModalities.split(QLatin1Char('\\'), Qt::SkipEmptyParts);
    for (QString &part : parts)
        part = part.trimmed();
    return parts.join(QLatin1Char('/'));
}

} // namespace haip::ui::display
