// The study browser panel: a search field, the patient → study → series tree, a strip of
// series thumbnails for the selected study and the recently opened studies. Double-click (or
// Enter) on a series opens it; on a study, the study's best series. Series rows (tree and strip)
// can be dragged onto an AI service, and offer a context menu others fill (seriesMenuRequested). In the anonymised
// display a badge tops the panel and the names read "Patient 1", "Patient 2"… (StudyBrowserModel).
#pragma once

#include "dicom/ImageIndex.h"

#include <QWidget>

class QAbstractItemView;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QListWidgetItem;
class QStackedWidget;
class QTreeView;

namespace haip::ui {

class StudyBrowserModel;
class StudyFilterModel;

class StudyBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit StudyBrowser(QWidget *parent = nullptr);

    StudyBrowserModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QListView *seriesStrip() const { return m_strip; }
    QListWidget *recentList() const { return m_recent; }
    QLineEdit *searchField() const { return m_search; }

    void setRecentStudies(const QList<dicom::StudyRecord> &studies);
    // Expands the patient and selects (and scrolls to) the study / series; clears a search
    // that would hide it.
    void selectStudy(const QString &studyInstanceUid);
    void selectSeries(const QString &seriesInstanceUid);
    void focusSearch();
    void setAnonymised(bool anonymised);
    bool isAnonymised() const;
    QLabel *anonymisedBadge() const { return m_badge; }

signals:
    void seriesActivated(const QString &seriesInstanceUid);
    void studyActivated(const QString &studyInstanceUid);
    // A right-click on a series row (tree or strip), at `globalPos`: the AI workflow offers
    // "Analyse with…" there.
    void seriesMenuRequested(const QString &seriesInstanceUid, const QPoint &globalPos);

private:
    void activate(const QModelIndex &proxyIndex);
    void requestSeriesMenu(QAbstractItemView *view, const QPoint &pos);
    void showSeriesOf(const QModelIndex &proxyIndex);
    void select(const QModelIndex &sourceIndex);
    void updateEmptyState();
    void onRecentActivated(QListWidgetItem *item);
    void fillRecent();

    StudyBrowserModel *m_model = nullptr;
    StudyFilterModel *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QStackedWidget *m_treeStack = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_emptyHint = nullptr;
    QLabel *m_stripTitle = nullptr;
    QWidget *m_stripPane = nullptr;
    QWidget *m_recentPane = nullptr;
    QListView *m_strip = nullptr;
    QListWidget *m_recent = nullptr;
    QLabel *m_badge = nullptr;
    QList<dicom::StudyRecord> m_recentStudies;
};

} // namespace haip::ui
