// The study browser's data: patient → study → series from the local index, as a tree model
// independent of any view (the tree and the series thumbnail strip share it). Columns show
// the name (patient name / study description / series description), ID, date, modality and
// counts; custom roles give views, filters and tests the raw values (UIDs, exact names, counts).
#pragma once

#include "dicom/ImageIndex.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <QImage>

#include <memory>
#include <vector>

namespace haip::ui {

class StudyBrowserModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class NodeKind
    {
        Patient,
        Study,
        Series
    };
    Q_ENUM(NodeKind)

    enum Column
    {
        NameColumn,
        IdColumn,
        DateColumn,
        ModalityColumn,
        SeriesCountColumn,
        ImageCountColumn,
        ColumnCount
    };

    enum Role
    {
        KindRole = Qt::UserRole + 1, // NodeKind as int
        PatientIdRole,
        StudyUidRole, // studies and their series
        SeriesUidRole, // series only
        RawNameRole, // patient name exactly as decoded (with '^' and '=' groups)
        ModalityRole,
        StudyCountRole,
        SeriesCountRole,
        InstanceCountRole,
        FrameCountRole, // series only
        LastOpenedRole, // studies: QDateTime, invalid if never opened
        SearchTextRole, // everything a search may match, lower case
    };

    struct SeriesEntry
    {
        dicom::SeriesRecord record;
        QImage thumbnail;
    };
    struct StudyEntry
    {
        dicom::StudyRecord record;
        QList<SeriesEntry> series;
    };
    struct PatientEntry
    {
        dicom::PatientRecord record;
        QList<StudyEntry> studies;
    };

    explicit StudyBrowserModel(QObject *parent = nullptr);
    ~StudyBrowserModel() override;

    // Replaces everything (a model reset). Patients as given; studies newest first.
    void setContents(const QList<PatientEntry> &patients);
    void clear();

    QModelIndex findStudy(const QString &studyInstanceUid) const;
    QModelIndex findSeries(const QString &seriesInstanceUid) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node;
    const Node *nodeOf(const QModelIndex &index) const;
    QVariant displayData(const Node &node, int column) const;
    QVariant toolTip(const Node &node) const;
    QString searchText(const Node &node) const;
    QModelIndex indexOf(const Node *node) const;

    std::unique_ptr<Node> m_root;
};

} // namespace haip::ui
