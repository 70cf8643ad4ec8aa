#include "catalog/CatalogFilterModel.h"

#include "catalog/CatalogModel.h"

namespace haip::ui {

namespace {

// Accepted rows first, then rows nothing is known about (no series open), then refused rows.
int fitRank(const QModelIndex &index)
{
    switch (CatalogModel::Fit(index.data(CatalogModel::FitRole).toInt())) {
    case CatalogModel::Fit::Accepted:
        return 0;
    case CatalogModel::Fit::Unknown:
        return 1;
    case CatalogModel::Fit::Refused:
        return 2;
    }
    return 3;
}

} // namespace

CatalogFilterModel::CatalogFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    sort(0);
}

void CatalogFilterModel::setSearchText(const QString &text)
{
    m_search = text;
    // Every word must match somewhere (Japanese has no spaces: a phrase is one word).
    m_words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    update();
}

void CatalogFilterModel::setModality(const QString &modality)
{
    m_modality = modality;
    update();
}

void CatalogFilterModel::setBodyPart(const QString &bodyPart)
{
    m_bodyPart = bodyPart;
    update();
}

void CatalogFilterModel::setRegulatoryStatus(const QString &status)
{
    m_regulatory = status;
    update();
}

void CatalogFilterModel::update()
{
    invalidateFilter();
}

bool CatalogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_modality.isEmpty() && !i.data(CatalogModel::ModalitiesRole).toStringList().contains(m_modality))
        return false;
    if (!m_bodyPart.isEmpty() && !i.data(CatalogModel::BodyPartsRole).toStringList().contains(m_bodyPart))
        return false;
    if (!m_regulatory.isEmpty() && i.data(CatalogModel::RegulatoryStatusRole).toString() != m_regulatory)
        return false;
    const QString haystack = i.data(CatalogModel::SearchTextRole).toString();
    for (const QString &w : m_words) {
        if (!haystack.contains(w))
            return false;
    }
    return true;
}

bool CatalogFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int l = fitRank(left);
    const int r = fitRank(right);
    if (l != r)
        return l < r;
    return m_collator.compare(left.data().toString(), right.data().toString()) < 0;
}

} // namespace haip::ui
