#include "browser/StudyFilterModel.h"

#include "browser/StudyBrowserModel.h"

namespace haip::ui {

StudyFilterModel::StudyFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true); // a matching series keeps its study and patient visible
    setAutoAcceptChildRows(true); // a matching patient or study shows everything below it
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void StudyFilterModel::setSearchText(const QString &text)
{
    const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool StudyFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    QString text;
    for (QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent); i.isValid(); i = i.parent())
        text += i.data(StudyBrowserModel::SearchTextRole).toString() + QLatin1Char('\n');
    for (const QString &word : m_words) {
        if (!text.contains(word))
            return false;
    }
    return true;
}

bool StudyFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(Qt::DisplayRole);
    const QVariant r = right.data(Qt::DisplayRole);
    if (l.typeId() == QMetaType::Int && r.typeId() == QMetaType::Int)
        return l.toInt() < r.toInt();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace haip::ui
