// CatalogFilterModel: the catalog panel's search and filters over CatalogModel — free text (both
// languages, vendor, tags, intended use), modality, body part and regulatory status — sorted so
// that services accepting the open series come first, then by name in the UI's collation.
#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>
#include <QString>

namespace haip::ui {

class CatalogFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CatalogFilterModel(QObject *parent = nullptr);

    // Empty strings switch a filter off.
    void setSearchText(const QString &text);
    void setModality(const QString &modality);
    void setBodyPart(const QString &bodyPart);
    void setRegulatoryStatus(const QString &status); // "pmda-approved" | "research-use-only"

    const QString &searchText() const { return m_search; }
    const QString &modality() const { return m_modality; }
    const QString &bodyPart() const { return m_bodyPart; }
    const QString &regulatoryStatus() const { return m_regulatory; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void update();

    QString m_search;
    QStringList m_words;
    QString m_modality;
    QString m_bodyPart;
    QString m_regulatory;
    QCollator m_collator;
};

} // namespace haip::ui
