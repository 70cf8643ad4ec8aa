#include "browser/StudyBrowserModel.h"

#include "browser/DisplayText.h"
#include "catalog/CatalogPanel.h"
#include "theme/ThemedIcon.h"

#include <QFont>
#include <QMimeData>
#include <QPixmap>

#include <algorithm>

namespace haip::ui {

struct StudyBrowserModel::Node
{
    NodeKind kind = NodeKind::Patient;
    int row = 0;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    dicom::PatientRecord patient; // patients
    dicom::StudyRecord study; // studies
    dicom::SeriesRecord series; // series
    QImage thumbnail; // series
    mutable QIcon icon; // made from the thumbnail on first use (needs the GUI thread)
    int totalSeries = 0; // patients: sum over their studies
    int totalImages = 0;

    Node *add(std::unique_ptr<Node> child)
    {
        child->row = int(children.size());
        child->parent = this;
        children.push_back(std::move(child));
        return children.back().get();
    }
};

StudyBrowserModel::StudyBrowserModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) { }

StudyBrowserModel::~StudyBrowserModel() = default;

void StudyBrowserModel::setContents(const QList<PatientEntry> &patients)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    for (const PatientEntry &patientEntry : patients) {
        auto patient = std::make_unique<Node>();
        patient->kind = NodeKind::Patient;
        patient->patient = patientEntry.record;
        QList<StudyEntry> studies = patientEntry.studies;
        // Newest study first: the one a doctor most likely wants.
        std::stable_sort(studies.begin(), studies.end(), [](const StudyEntry &a, const StudyEntry &b) {
            return a.record.studyDate + a.record.studyTime > b.record.studyDate + b.record.studyTime;
        });
        Node *patientNode = m_root->add(std::move(patient));
        pseudonymOf(patientNode->patient.patientId, patientNode->patient.patientName); // numbered in list order
        for (const StudyEntry &studyEntry : studies) {
            auto study = std::make_unique<Node>();
            study->kind = NodeKind::Study;
            study->study = studyEntry.record;
            patientNode->totalSeries += studyEntry.record.seriesCount;
            patientNode->totalImages += studyEntry.record.instanceCount;
            Node *studyNode = patientNode->add(std::move(study));
            for (const SeriesEntry &seriesEntry : studyEntry.series) {
                auto series = std::make_unique<Node>();
                series->kind = NodeKind::Series;
                series->series = seriesEntry.record;
                series->thumbnail = seriesEntry.thumbnail;
                studyNode->add(std::move(series));
            }
        }
    }
    endResetModel();
}

void StudyBrowserModel::clear()
{
    setContents({});
}

int StudyBrowserModel::pseudonymOf(const QString &patientId, const QString &patientName) const
{
    const QString key = patientId + QChar(0) + patientName;
    auto found = m_pseudonyms.constFind(key);
    if (found == m_pseudonyms.cend())
        found = m_pseudonyms.insert(key, int(m_pseudonyms.size()) + 1);
    return *found;
}

QString StudyBrowserModel::patientDisplayName(const QString &patientId, const QString &patientName) const
{
    if (m_anonymised)
        return tr("Patient %1", "anonymised display: a patient's stand-in name")
            .arg(pseudonymOf(patientId, patientName));
    return display::personName(patientName);
}

QString StudyBrowserModel::patientName(const Node &patient) const
{
    if (!m_anonymised && patient.patient.patientName.isEmpty())
        return tr("(no name)");
    return patientDisplayName(patient.patient.patientId, patient.patient.patientName);
}

void StudyBrowserModel::setAnonymised(bool anonymised)
{
    if (anonymised == m_anonymised)
        return;
    m_anonymised = anonymised;
    // Patients and studies show different words now; series rows never show who.
    const int patients = int(m_root->children.size());
    if (patients == 0)
        return;
    emit dataChanged(index(0, 0), index(patients - 1, ColumnCount - 1));
    for (const auto &patient : m_root->children) {
        const int studies = int(patient->children.size());
        if (studies > 0) {
            const QModelIndex parentIndex = indexOf(patient.get());
            emit dataChanged(index(0, 0, parentIndex), index(studies - 1, ColumnCount - 1, parentIndex));
        }
    }
}

const StudyBrowserModel::Node *StudyBrowserModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex StudyBrowserModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node)); // Qt stores a non-const pointer
}

QModelIndex StudyBrowserModel::findStudy(const QString &studyInstanceUid) const
{
    for (const auto &patient : m_root->children) {
        for (const auto &study : patient->children) {
            if (study->study.studyInstanceUid == studyInstanceUid)
                return indexOf(study.get());
        }
    }
    return {};
}

QModelIndex StudyBrowserModel::findSeries(const QString &seriesInstanceUid) const
{
    for (const auto &patient : m_root->children) {
        for (const auto &study : patient->children) {
            for (const auto &series : study->children) {
                if (series->series.seriesInstanceUid == seriesInstanceUid)
                    return indexOf(series.get());
            }
        }
    }
    return {};
}

QModelIndex StudyBrowserModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *parentNode = nodeOf(parent);
    if (row < 0 || row >= int(parentNode->children.size()))
        return {};
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex StudyBrowserModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int StudyBrowserModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int StudyBrowserModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags StudyBrowserModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeOf(index)->kind == NodeKind::Series)
        flags |= Qt::ItemNeverHasChildren | Qt::ItemIsDragEnabled;
    return flags;
}

QStringList StudyBrowserModel::mimeTypes() const
{
    return {QString::fromLatin1(CatalogPanel::kSeriesMimeType)};
}

QMimeData *StudyBrowserModel::mimeData(const QModelIndexList &indexes) const
{
    // One series per drag (a service analyses one series); the first series row selected.
    for (const QModelIndex &index : indexes) {
        const Node *node = index.isValid() && index.model() == this ? nodeOf(index) : nullptr;
        if (node && node->kind == NodeKind::Series && !node->series.seriesInstanceUid.isEmpty()) {
            auto *mime = new QMimeData;
            mime->setData(QString::fromLatin1(CatalogPanel::kSeriesMimeType), node->series.seriesInstanceUid.toUtf8());
            return mime;
        }
    }
    return nullptr;
}

Qt::DropActions StudyBrowserModel::supportedDragActions() const
{
    return Qt::CopyAction; // the series stays where it is
}

QVariant StudyBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section >= SeriesCountColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (section) {
    case NameColumn:
        return role == Qt::DisplayRole ? tr("Name") : tr("Patient name, study or series description");
    case IdColumn:
        return role == Qt::DisplayRole ? tr("ID") : tr("Patient ID, accession number or series number");
    case DateColumn:
        return role == Qt::DisplayRole ? tr("Date") : tr("Birth date or study date");
    case ModalityColumn:
        return role == Qt::DisplayRole ? tr("Mod.", "modality, abbreviated column title") : tr("Modality");
    case SeriesCountColumn:
        return role == Qt::DisplayRole ? tr("Ser.", "number of series, abbreviated column title")
                                       : tr("Number of series");
    case ImageCountColumn:
        return role == Qt::DisplayRole ? tr("Img.", "number of images, abbreviated column title")
                                       : tr("Number of images (instances)");
    default:
        return {};
    }
}

QVariant StudyBrowserModel::displayData(const Node &node, int column) const
{
    switch (node.kind) {
    case NodeKind::Patient:
        switch (column) {
        case NameColumn:
            return patientName(node);
        case IdColumn:
            return m_anonymised ? QString() : node.patient.patientId;
        case DateColumn:
            return m_anonymised ? QString() : display::date(node.patient.birthDate);
        case SeriesCountColumn:
            return node.totalSeries;
        case ImageCountColumn:
            return node.totalImages;
        default:
            return {};
        }
    case NodeKind::Study:
        switch (column) {
        case NameColumn:
            return node.study.description.isEmpty() ? tr("(no description)") : node.study.description;
        case IdColumn:
            return m_anonymised ? QString() : node.study.accessionNumber;
        case DateColumn:
            return display::date(node.study.studyDate);
        case ModalityColumn:
            return display::modalities(node.study.modalities);
        case SeriesCountColumn:
            return node.study.seriesCount;
        case ImageCountColumn:
            return node.study.instanceCount;
        default:
            return {};
        }
    case NodeKind::Series:
        switch (column) {
        case NameColumn:
            return node.series.description.isEmpty() ? tr("Series %1").arg(node.series.seriesNumber)
                                                     : node.series.description;
        case IdColumn:
            return node.series.seriesNumber;
        case ModalityColumn:
            return node.series.modality;
        case ImageCountColumn:
            return node.series.instanceCount;
        default:
            return {};
        }
    }
    return {};
}

QVariant StudyBrowserModel::toolTip(const Node &node) const
{
    switch (node.kind) {
    case NodeKind::Patient:
        if (m_anonymised)
            return tr("%1\nSex: %2\nName, ID and birth date hidden (anonymised display)")
                .arg(patientName(node), node.patient.sex);
        return tr("%1\nID: %2\nBirth date: %3\nSex: %4")
            .arg(display::personNameGroups(node.patient.patientName),
                 node.patient.patientId,
                 display::date(node.patient.birthDate),
                 node.patient.sex);
    case NodeKind::Study: {
        const QString results = node.study.aiResultCount > 0
            ? QStringLiteral("\n") + tr("%n AI result(s)", nullptr, node.study.aiResultCount)
            : QString();
        if (m_anonymised)
            return tr("%1\n%2 %3\n%4 series, %5 images")
                       .arg(node.study.description,
                            display::date(node.study.studyDate),
                            display::time(node.study.studyTime))
                       .arg(node.study.seriesCount)
                       .arg(node.study.instanceCount) +
                results;
        return tr("%1\n%2 %3\nAccession: %4\n%5 series, %6 images")
                   .arg(node.study.description,
                        display::date(node.study.studyDate),
                        display::time(node.study.studyTime),
                        node.study.accessionNumber)
                   .arg(node.study.seriesCount)
                   .arg(node.study.instanceCount) +
            results;
    }
    case NodeKind::Series:
        if (node.series.frameCount > node.series.instanceCount)
            return tr("Series %1 (%2): %3 images, %4 frames")
                .arg(node.series.seriesNumber)
                .arg(node.series.modality)
                .arg(node.series.instanceCount)
                .arg(node.series.frameCount);
        return tr("Series %1 (%2): %3 images")
            .arg(node.series.seriesNumber)
            .arg(node.series.modality)
            .arg(node.series.instanceCount);
    }
    return {};
}

QString StudyBrowserModel::searchText(const Node &node) const
{
    QStringList parts;
    switch (node.kind) {
    case NodeKind::Patient:
        // Anonymised: a search finds the stand-in name only, so it cannot confirm who is who.
        if (m_anonymised)
            parts << patientName(node);
        else
            parts << node.patient.patientName << display::personNameGroups(node.patient.patientName)
                  << node.patient.patientId << node.patient.birthDate;
        break;
    case NodeKind::Study:
        parts << node.study.description;
        if (!m_anonymised)
            parts << node.study.accessionNumber;
        parts << node.study.studyDate << display::date(node.study.studyDate) << node.study.modalities;
        break;
    case NodeKind::Series:
        parts << node.series.description << node.series.modality;
        break;
    }
    return parts.join(QLatin1Char('\n')).toLower();
}

QVariant StudyBrowserModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &node = *nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(node, index.column());
    case Qt::ToolTipRole:
        return toolTip(node);
    case Qt::DecorationRole:
        if (node.kind == NodeKind::Series && index.column() == NameColumn && !node.thumbnail.isNull()) {
            if (node.icon.isNull())
                node.icon = QIcon(QPixmap::fromImage(node.thumbnail));
            return node.icon;
        }
        // A study with AI results carries the AI mark beside its modalities.
        if (node.kind == NodeKind::Study && index.column() == ModalityColumn && node.study.aiResultCount > 0)
            return themedIcon(QStringLiteral("analyse"));
        return {};
    case Qt::FontRole:
        if (node.kind == NodeKind::Patient && index.column() == NameColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= SeriesCountColumn || (node.kind == NodeKind::Series && index.column() == IdColumn))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case KindRole:
        return int(node.kind);
    case PatientIdRole:
        switch (node.kind) {
        case NodeKind::Patient:
            return node.patient.patientId;
        case NodeKind::Study:
            return node.study.patientId;
        case NodeKind::Series:
            return node.parent->study.patientId;
        }
        return {};
    case StudyUidRole:
        if (node.kind == NodeKind::Study)
            return node.study.studyInstanceUid;
        if (node.kind == NodeKind::Series)
            return node.series.studyInstanceUid;
        return {};
    case SeriesUidRole:
        return node.kind == NodeKind::Series ? QVariant(node.series.seriesInstanceUid) : QVariant();
    case RawNameRole:
        if (node.kind == NodeKind::Patient)
            return node.patient.patientName;
        if (node.kind == NodeKind::Study)
            return node.study.patientName;
        return {};
    case ModalityRole:
        if (node.kind == NodeKind::Study)
            return node.study.modalities;
        if (node.kind == NodeKind::Series)
            return node.series.modality;
        return {};
    case StudyCountRole:
        return node.kind == NodeKind::Patient ? QVariant(int(node.children.size())) : QVariant();
    case SeriesCountRole:
        if (node.kind == NodeKind::Patient)
            return node.totalSeries;
        if (node.kind == NodeKind::Study)
            return node.study.seriesCount;
        return {};
    case InstanceCountRole:
        if (node.kind == NodeKind::Patient)
            return node.totalImages;
        if (node.kind == NodeKind::Study)
            return node.study.instanceCount;
        return node.series.instanceCount;
    case FrameCountRole:
        return node.kind == NodeKind::Series ? QVariant(node.series.frameCount) : QVariant();
    case LastOpenedRole:
        return node.kind == NodeKind::Study ? QVariant(node.study.lastOpened) : QVariant();
    case SearchTextRole:
        return searchText(node);
    default:
        return {};
    }
}

} // namespace haip::ui
