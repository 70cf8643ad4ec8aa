#include "browser/StudyBrowser.h"

#include "browser/DisplayText.h"
#include "browser/StudyBrowserModel.h"
#include "browser/StudyFilterModel.h"
#include "common/AnonymisedBadge.h"
#include "theme/ThemedIcon.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace haip::ui {

namespace {

constexpr int kTreeIconSize = 28; // series thumbnails in the tree
constexpr int kStripIconSize = 88; // series thumbnails in the strip
constexpr int kRecentRole = Qt::UserRole + 1;

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("sectionTitle"));
    return label;
}

} // namespace

StudyBrowser::StudyBrowser(QWidget *parent)
    : QWidget(parent), m_model(new StudyBrowserModel(this)), m_filter(new StudyFilterModel(this))
{
    m_filter->setSourceModel(m_model);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("studySearch"));
    m_search->setPlaceholderText(tr("Search name, ID, description, modality…"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(themedIcon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        if (!text.isEmpty())
            m_tree->expandAll(); // show where the matches are
        updateEmptyState();
    });

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("studyTree"));
    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setIconSize(QSize(kTreeIconSize, kTreeIconSize));
    m_tree->setSortingEnabled(false); // the model's order: names, newest study first
    m_tree->setExpandsOnDoubleClick(false); // double-click opens; the arrow expands
    m_tree->setAllColumnsShowFocus(true);
    // Series rows drag their UID onto an AI service (the model says which rows may).
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setDefaultDropAction(Qt::CopyAction);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        requestSeriesMenu(m_tree, pos);
    });
    // The name gets the room; IDs are long (and elided, full in the tooltip); dates, modality
    // and image counts are short. The series count is in the study's tooltip and the strip.
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(28);
    header->setSectionResizeMode(StudyBrowserModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(StudyBrowserModel::IdColumn, QHeaderView::Interactive);
    header->resizeSection(StudyBrowserModel::IdColumn, 92);
    for (int c : {int(StudyBrowserModel::DateColumn),
                  int(StudyBrowserModel::ModalityColumn),
                  int(StudyBrowserModel::ImageCountColumn)})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_tree->setColumnHidden(StudyBrowserModel::SeriesCountColumn, true);
    connect(m_tree, &QTreeView::activated, this, &StudyBrowser::activate);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &StudyBrowser::showSeriesOf);

    m_emptyHint = new QLabel(tr("No studies yet.\n\nOpen files, a folder or a DICOMDIR from the File menu, "
                                "or drop them onto this window."),
                             this);
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setMargin(16);

    m_treeStack = new QStackedWidget(this);
    m_treeStack->addWidget(m_tree);
    m_treeStack->addWidget(m_emptyHint);

    m_strip = new QListView(this);
    m_strip->setObjectName(QStringLiteral("seriesStrip"));
    m_strip->setModel(m_filter);
    m_strip->setViewMode(QListView::IconMode);
    m_strip->setFlow(QListView::LeftToRight);
    m_strip->setWrapping(true);
    m_strip->setResizeMode(QListView::Adjust);
    m_strip->setMovement(QListView::Static);
    m_strip->setDragEnabled(true); // after setMovement(Static), which turns dragging off
    m_strip->setDragDropMode(QAbstractItemView::DragOnly);
    m_strip->setDefaultDropAction(Qt::CopyAction);
    m_strip->setUniformItemSizes(true);
    m_strip->setIconSize(QSize(kStripIconSize, kStripIconSize));
    m_strip->setGridSize(QSize(kStripIconSize + 24, kStripIconSize + 40));
    m_strip->setWordWrap(true);
    m_strip->setTextElideMode(Qt::ElideRight);
    m_strip->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_strip->setRootIndex(QModelIndex());
    connect(m_strip, &QListView::activated, this, &StudyBrowser::activate);
    m_strip->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_strip, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        requestSeriesMenu(m_strip, pos);
    });

    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("recentStudies"));
    m_recent->setAlternatingRowColors(true);
    connect(m_recent, &QListWidget::itemActivated, this, &StudyBrowser::onRecentActivated);
    connect(m_recent, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            selectStudy(item->data(kRecentRole).toString());
    });

    auto *treePane = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treePane);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->setSpacing(0);
    treeLayout->addWidget(m_treeStack);

    auto *stripPane = m_stripPane = new QWidget(this);
    auto *stripLayout = new QVBoxLayout(stripPane);
    stripLayout->setContentsMargins(0, 0, 0, 0);
    stripLayout->setSpacing(0);
    m_stripTitle = sectionTitle(tr("Series"), stripPane);
    stripLayout->addWidget(m_stripTitle);
    stripLayout->addWidget(m_strip);

    auto *recentPane = m_recentPane = new QWidget(this);
    auto *recentLayout = new QVBoxLayout(recentPane);
    recentLayout->setContentsMargins(0, 0, 0, 0);
    recentLayout->setSpacing(0);
    recentLayout->addWidget(sectionTitle(tr("Recent studies"), recentPane));
    recentLayout->addWidget(m_recent);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("browserSplitter"));
    splitter->setChildrenCollapsible(true);
    splitter->addWidget(treePane);
    splitter->addWidget(stripPane);
    splitter->addWidget(recentPane);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    m_badge = AnonymisedBadge::makeLabel(this);
    layout->addWidget(m_badge);
    layout->addWidget(m_search);
    layout->addWidget(splitter, 1);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandToDepth(0); // patients open: their studies visible at once
        showSeriesOf(m_tree->currentIndex());
        updateEmptyState();
    });
    m_stripPane->setVisible(false); // until a study is chosen
    m_recentPane->setVisible(false); // until something was opened
    updateEmptyState();
}

void StudyBrowser::updateEmptyState()
{
    const bool empty = m_filter->rowCount() == 0;
    if (empty && m_model->rowCount() > 0)
        m_emptyHint->setText(tr("No study matches \u201c%1\u201d.").arg(m_search->text()));
    else if (empty)
        m_emptyHint->setText(tr("No studies yet.\n\nOpen files, a folder or a DICOMDIR from the File menu, "
                                "or drop them onto this window."));
    m_treeStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyHint) : m_tree);
}

void StudyBrowser::activate(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const auto kind = StudyBrowserModel::NodeKind(proxyIndex.data(StudyBrowserModel::KindRole).toInt());
    if (kind == StudyBrowserModel::NodeKind::Series)
        emit seriesActivated(proxyIndex.data(StudyBrowserModel::SeriesUidRole).toString());
    else if (kind == StudyBrowserModel::NodeKind::Study)
        emit studyActivated(proxyIndex.data(StudyBrowserModel::StudyUidRole).toString());
    else
        m_tree->setExpanded(proxyIndex.siblingAtColumn(0), !m_tree->isExpanded(proxyIndex.siblingAtColumn(0)));
}

void StudyBrowser::requestSeriesMenu(QAbstractItemView *view, const QPoint &pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid() ||
        StudyBrowserModel::NodeKind(index.data(StudyBrowserModel::KindRole).toInt()) !=
            StudyBrowserModel::NodeKind::Series)
        return;
    view->setCurrentIndex(index);
    emit seriesMenuRequested(index.data(StudyBrowserModel::SeriesUidRole).toString(),
                             view->viewport()->mapToGlobal(pos));
}

void StudyBrowser::showSeriesOf(const QModelIndex &proxyIndex)
{
    // The strip shows the series of the current study (or of the current series' study).
    QModelIndex study = proxyIndex.siblingAtColumn(0);
    if (study.isValid() &&
        StudyBrowserModel::NodeKind(study.data(StudyBrowserModel::KindRole).toInt()) ==
            StudyBrowserModel::NodeKind::Series)
        study = study.parent();
    const bool isStudy = study.isValid() &&
        StudyBrowserModel::NodeKind(study.data(StudyBrowserModel::KindRole).toInt()) ==
            StudyBrowserModel::NodeKind::Study;
    m_strip->setRootIndex(isStudy ? study : QModelIndex());
    m_stripPane->setVisible(isStudy);
    m_stripTitle->setText(isStudy ? tr("Series of %1").arg(study.data(Qt::DisplayRole).toString()) : tr("Series"));
    if (isStudy && proxyIndex.siblingAtColumn(0) != study)
        m_strip->setCurrentIndex(proxyIndex.siblingAtColumn(0));
}

void StudyBrowser::select(const QModelIndex &sourceIndex)
{
    if (!sourceIndex.isValid())
        return;
    QModelIndex proxyIndex = m_filter->mapFromSource(sourceIndex);
    if (!proxyIndex.isValid()) {
        m_search->clear(); // the search hid it
        proxyIndex = m_filter->mapFromSource(sourceIndex);
    }
    for (QModelIndex p = proxyIndex.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->setCurrentIndex(proxyIndex);
    m_tree->scrollTo(proxyIndex);
}

void StudyBrowser::selectStudy(const QString &studyInstanceUid)
{
    select(m_model->findStudy(studyInstanceUid));
}

void StudyBrowser::selectSeries(const QString &seriesInstanceUid)
{
    select(m_model->findSeries(seriesInstanceUid));
}

void StudyBrowser::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void StudyBrowser::setAnonymised(bool anonymised)
{
    m_model->setAnonymised(anonymised);
    m_badge->setVisible(anonymised);
    fillRecent();
    showSeriesOf(m_tree->currentIndex()); // the strip's title
}

bool StudyBrowser::isAnonymised() const
{
    return m_model->isAnonymised();
}

void StudyBrowser::setRecentStudies(const QList<dicom::StudyRecord> &studies)
{
    m_recentStudies = studies;
    fillRecent();
}

void StudyBrowser::fillRecent()
{
    const QSignalBlocker blocker(m_recent); // refilling must not move the tree's selection
    m_recent->clear();
    m_recentPane->setVisible(!m_recentStudies.isEmpty());
    for (const dicom::StudyRecord &study : std::as_const(m_recentStudies)) {
        const QString name = m_model->patientDisplayName(study.patientId, study.patientName);
        const QString text = QStringLiteral("%1  %2  %3")
                                 .arg(display::date(study.studyDate), name, display::modalities(study.modalities));
        auto *item = new QListWidgetItem(themedIcon(QStringLiteral("recent")), text, m_recent);
        item->setData(kRecentRole, study.studyInstanceUid);
        item->setToolTip(tr("%1\n%2\nLast opened %3")
                             .arg(name, study.description, QLocale().toString(study.lastOpened, QLocale::ShortFormat)));
    }
}

void StudyBrowser::onRecentActivated(QListWidgetItem *item)
{
    if (item)
        emit studyActivated(item->data(kRecentRole).toString());
}

} // namespace haip::ui
