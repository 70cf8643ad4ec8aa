// The study browser's data: patient → study → series from the local index, as a tree model
// independent of any view (the tree and the series thumbnail strip share it). Columns show
// the name (patient name / study description / series description), ID, date, modality and
// counts; custom roles give views, filters and tests the raw values (UIDs, exact names, counts).
// Anonymised display: patients read "Patient 1", "Patient 2"… (numbered once per session, in
// the order they first appear) and IDs, birth dates and accession numbers are left out of the
// display, tooltips and search; study dates stay. Series rows drag their Series Instance UID
// (CatalogPanel::kSeriesMimeType) onto an AI service.
#pragma once

#include "dicom/ImageIndex.h"

#include <QAbstractItemModel>
#include <QHash>
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

    void setAnonymised(bool anonymised);
    bool isAnonymised() const { return m_anonymised; }
    // The patient's name as the browser shows it: "Patient 3" when anonymised, else the
    // decoded name (DisplayText::personName). Also for lists beside the tree (recent studies).
    QString patientDisplayName(const QString &patientId, const QString &patientName) const;

    QModelIndex findStudy(const QString &studyInstanceUid) const;
    QModelIndex findSeries(const QString &seriesInstanceUid) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Drag: series rows carry their Series Instance UID (UTF-8) as CatalogPanel::kSeriesMimeType.
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    struct Node;
    const Node *nodeOf(const QModelIndex &index) const;
    QVariant displayData(const Node &node, int column) const;
    QVariant toolTip(const Node &node) const;
    QString searchText(const Node &node) const;
    QModelIndex indexOf(const Node *node) const;
    int pseudonymOf(const QString &patientId, const QString &patientName) const;
    QString patientName(const Node &patient) const;

    std::unique_ptr<Node> m_root;
    bool m_anonymised = false;
    // Patient key (ID, NUL, name) → pseudonym number, for the session: the number a patient got
    // stays when the index reloads. Mutable: a patient first seen by patientDisplayName() gets one.
    mutable QHash<QString, int> m_pseudonyms;
};

} // namespace haip::ui
