#include "jobs/JobsPanel.h"

#include "jobs/JobProgressDelegate.h"
#include "jobs/JobsModel.h"
#include "workflow/JobQueue.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace haip::ui {

using workflow::JobStage;

JobsPanel::JobsPanel(workflow::JobQueue &queue, const QString &language, QWidget *parent)
    : QWidget(parent), m_queue(queue)
{
    m_model = new JobsModel(queue, language, this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(JobsModel::ProgressColumn, new JobProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(JobsModel::StatusColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->resizeSection(JobsModel::ProgressColumn, 140);
    m_view->setWordWrap(false);

    m_cancel = new QPushButton(tr("Cancel"), this);
    m_retry = new QPushButton(tr("Retry"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    m_show = new QPushButton(tr("Show result"), this);
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_queue.cancel(selectedJob()); });
    connect(m_retry, &QPushButton::clicked, this, [this] { m_queue.retry(selectedJob()); });
    connect(m_remove, &QPushButton::clicked, this, &JobsPanel::removeSelected);
    connect(m_show, &QPushButton::clicked, this, [this] { emit showResultRequested(selectedJob()); });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString id = m_model->jobId(index.row());
        if (const auto *job = m_queue.job(id); job && job->stage == JobStage::Completed)
            emit showResultRequested(id);
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_show);
    buttons->addStretch();
    buttons->addWidget(m_retry);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobsPanel::updateButtons);
    connect(&queue, &workflow::JobQueue::jobFinished, this, [this](const QString &id) {
        const auto *job = m_queue.job(id);
        if (job && job->stage == JobStage::Completed)
            emit resultReady(id);
        else if (job && job->stage == JobStage::Failed)
            emit jobFailed(id);
    });
    connect(&queue, &workflow::JobQueue::jobAdded, this, [this](const QString &id) { selectJob(id); });
    updateButtons();
}

QString JobsPanel::selectedJob() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->jobId(rows.front().row());
}

void JobsPanel::selectJob(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->selectRow(row);
}

void JobsPanel::updateButtons()
{
    const auto *job = m_queue.job(selectedJob());
    m_cancel->setEnabled(job && !job->isFinished());
    m_retry->setEnabled(job && job->stage == JobStage::Failed);
    m_remove->setEnabled(job != nullptr);
    m_show->setEnabled(job && job->stage == JobStage::Completed);
}

void JobsPanel::removeSelected()
{
    const QString id = selectedJob();
    const auto *job = m_queue.job(id);
    if (!job)
        return;
    const QString question = job->stage == JobStage::Completed
        ? tr("Remove this job and its result from this workstation?")
        : tr("Remove this job? If it is still running it is cancelled.");
    if (QMessageBox::question(this, tr("Remove job"), question) != QMessageBox::Yes)
        return;
    if (Result<void> removed = m_queue.remove(id); !removed)
        QMessageBox::warning(this, tr("Remove job"), removed.error().message());
}

} // namespace haip::ui
