#include "jobs/ResultListing.h"

#include "MainWindow.h"
#include "common/ProblemsPanel.h"
#include "dicom/ImageIndex.h"
#include "jobs/ResultPresenter.h"
#include "workflow/JobQueue.h"

namespace haip::ui {

ResultListing::ResultListing(
    MainWindow &window, workflow::JobQueue &queue, ResultPresenter &presenter, QString language, QObject *parent)
    : QObject(parent), m_window(window), m_queue(queue), m_presenter(presenter), m_language(std::move(language))
{
    // Results finished before this index knew them (another index, an older version).
    for (const QString &id : m_queue.ids()) {
        const workflow::AnalysisJob *job = m_queue.job(id);
        if (job && job->stage == workflow::JobStage::Completed)
            add(*job);
    }
    m_window.reloadBrowser();
    connect(&m_queue, &workflow::JobQueue::jobRemoved, this, &ResultListing::unlist);
}

void ResultListing::list(const workflow::AnalysisJob &job)
{
    if (add(job))
        m_window.reloadBrowser(); // the study gets its AI mark
}

bool ResultListing::add(const workflow::AnalysisJob &job)
{
    dicom::ImageIndex *index = m_window.index();
    if (index == nullptr)
        return false;
    dicom::AiResultRecord record;
    record.jobId = job.id;
    record.studyInstanceUid = job.studyInstanceUid;
    record.seriesInstanceUid = job.seriesInstanceUid;
    record.serviceId = job.serviceId;
    record.serviceName = job.serviceName(m_language);
    record.completed = job.finishedAt.isValid() ? job.finishedAt : job.updatedAt;
    if (Result<void> added = index->addAiResult(record); !added) {
        m_window.problemsPanel()->addProblem(added.error());
        return false;
    }
    return true;
}

void ResultListing::unlist(const QString &jobId)
{
    dicom::ImageIndex *index = m_window.index();
    if (index == nullptr)
        return;
    if (Result<void> removed = index->removeAiResult(jobId); !removed)
        m_window.problemsPanel()->addProblem(removed.error());
    else
        m_window.reloadBrowser();
}

void ResultListing::showNewestForCurrentSeries()
{
    dicom::ImageIndex *index = m_window.index();
    if (index == nullptr)
        return;
    const dicom::Series &series = m_window.currentSeries();
    Result<QList<dicom::AiResultRecord>> listed = index->aiResults(series.studyInstanceUid);
    if (!listed) {
        m_window.problemsPanel()->addProblem(listed.error());
        return;
    }
    for (const dicom::AiResultRecord &record : *listed) { // newest first
        const workflow::AnalysisJob *job = m_queue.job(record.jobId);
        if (record.seriesInstanceUid == series.seriesInstanceUid && job != nullptr) {
            m_presenter.show(*job);
            return;
        }
    }
}

} // namespace haip::ui
