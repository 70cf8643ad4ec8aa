// The browser's search: keeps the rows whose own text or whose ancestors' text contains every
// word typed (case-insensitive), so "yamada ct" finds Yamada's CT series, a patient name shows
// all that patient's studies, and the parents of a match stay visible.
#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace haip::ui {

class StudyFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit StudyFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_words.join(QLatin1Char(' ')); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
};

} // namespace haip::ui
