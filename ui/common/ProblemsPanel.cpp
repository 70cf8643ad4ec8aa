#include "common/ProblemsPanel.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace haip::ui {

namespace {

enum Column
{
    FileColumn,
    ReasonColumn,
    CodeColumn
};

} // namespace

ProblemsPanel::ProblemsPanel(QWidget *parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    auto *clearButton = new QPushButton(tr("Clear"), this);
    clearButton->setObjectName(QStringLiteral("clearProblems"));
    connect(clearButton, &QPushButton::clicked, this, &ProblemsPanel::clear);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("problemList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("File"), tr("Reason"), tr("Code")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(FileColumn, QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(CodeColumn, QHeaderView::ResizeToContents);
    m_list->header()->resizeSection(FileColumn, 240);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [](QTreeWidgetItem *item) {
        QGuiApplication::clipboard()->setText(item->toolTip(FileColumn));
    });

    auto *top = new QHBoxLayout;
    top->setContentsMargins(6, 4, 6, 0);
    top->addWidget(m_summary, 1);
    top->addWidget(clearButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    updateSummary();
}

void ProblemsPanel::addProblem(const haip::Error &error)
{
    m_problems.append(error);
    auto *item = new QTreeWidgetItem(m_list);
    const QString subject = error.subject();
    const QFileInfo info(subject);
    // The name first (what a doctor recognises); the whole path in the tooltip and on copy.
    item->setText(FileColumn,
                  subject.isEmpty()               ? tr("(general)")
                      : info.fileName().isEmpty() ? subject
                                                  : info.fileName());
    item->setToolTip(FileColumn, subject);
    // The message names the file first ("/path/x.dcm: not a DICOM file."); the File column
    // already shows it, so the Reason column keeps only the reason.
    QString reason = error.message();
    const QString prefix = subject + QLatin1String(": ");
    if (!subject.isEmpty() && reason.startsWith(prefix))
        reason = reason.mid(prefix.size());
    item->setText(ReasonColumn, reason);
    item->setToolTip(ReasonColumn,
                     error.detail().isEmpty() ? error.message() : error.message() + QLatin1Char('\n') + error.detail());
    item->setText(CodeColumn, error.codeName());
    m_list->scrollToItem(item);
    updateSummary();
    emit countChanged(count());
}

void ProblemsPanel::clear()
{
    m_problems.clear();
    m_list->clear();
    updateSummary();
    emit countChanged(0);
}

void ProblemsPanel::updateSummary()
{
    m_summary->setText(
        m_problems.isEmpty()
            ? tr("No problems.")
            : tr("%1 file(s) could not be opened or shown; everything else was loaded.").arg(m_problems.size()));
}

} // namespace haip::ui
