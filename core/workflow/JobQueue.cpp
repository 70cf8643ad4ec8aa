#include "workflow/JobQueue.h"

#include "workflow/JobRunner.h"

#include <QUuid>

namespace haip::workflow {

JobQueue::JobQueue(JobStore store, JobEnvironment environment, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_env(std::move(environment))
{
    m_env.store = &m_store;
    LoadedJobs loaded = m_store.loadAll();
    m_unreadable = loaded.unreadable;
    for (AnalysisJob &job : loaded.jobs)
        add(std::move(job));
}

JobQueue::~JobQueue() = default;

JobRunner *JobQueue::add(AnalysisJob job)
{
    auto *runner = new JobRunner(std::move(job), m_env, this);
    const QString id = runner->job().id;
    connect(runner, &JobRunner::changed, this, [this, id] { emit jobChanged(id); });
    connect(runner, &JobRunner::finished, this, [this, id] { emit jobFinished(id); });
    connect(runner, &JobRunner::saveFailed, this, [this, id](const Error &error) { emit jobSaveFailed(id, error); });
    m_runners.push_back(runner);
    return runner;
}

JobRunner *JobQueue::find(const QString &id) const
{
    for (JobRunner *runner : m_runners) {
        if (runner->job().id == id)
            return runner;
    }
    return nullptr;
}

void JobQueue::setConnection(platform::ApiClient *api, const QString &clinicianId)
{
    m_env.api = api;
    m_env.clinicianId = clinicianId;
    if (!api) {
        for (JobRunner *runner : m_runners)
            runner->pause();
        return;
    }
    for (JobRunner *runner : m_runners)
        runner->start();
}

void JobQueue::setCatalog(const platform::Catalog &catalog)
{
    m_env.catalog = catalog;
    for (JobRunner *runner : m_runners) {
        if (runner->job().stage == JobStage::Preparing)
            runner->start();
    }
}

Result<QString> JobQueue::submit(const AnalysisRequest &request)
{
    const platform::CatalogService *service = m_env.service(request.serviceId);
    if (!service)
        return Error(ErrorCode::NotFound, tr("The service is not in the verified catalog."), request.serviceId);
    if (request.files.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("The series has no images to send."));
    AnalysisJob job;
    job.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.serviceId = service->id;
    job.serviceNameJa = service->name.ja;
    job.serviceNameEn = service->name.en;
    job.regulatoryStatus = service->regulatoryStatus;
    job.expectedTurnaroundSeconds = service->expectedTurnaroundSeconds;
    job.studyInstanceUid = request.studyInstanceUid;
    job.seriesInstanceUid = request.seriesInstanceUid;
    job.seriesDescription = request.seriesDescription;
    job.modality = request.modality;
    job.inputFiles = request.files;
    job.imageCount = int(request.files.size());
    job.original = request.original;
    job.createdAt = job.updatedAt = QDateTime::currentDateTimeUtc();
    if (Result<void> saved = m_store.save(job); !saved)
        return saved.error();
    JobRunner *runner = add(std::move(job));
    emit jobAdded(runner->job().id);
    runner->start();
    return runner->job().id;
}

void JobQueue::cancel(const QString &id)
{
    if (JobRunner *runner = find(id))
        runner->cancel();
}

void JobQueue::retry(const QString &id)
{
    if (JobRunner *runner = find(id))
        runner->retry();
}

Result<void> JobQueue::remove(const QString &id)
{
    JobRunner *runner = find(id);
    if (!runner)
        return Error(ErrorCode::NotFound, {}, id);
    runner->cancel();
    if (Result<void> removed = m_store.remove(id); !removed)
        return removed;
    std::erase(m_runners, runner);
    runner->deleteLater();
    emit jobRemoved(id);
    return {};
}

QStringList JobQueue::ids() const
{
    QStringList out;
    for (const JobRunner *runner : m_runners)
        out.append(runner->job().id);
    return out;
}

const AnalysisJob *JobQueue::job(const QString &id) const
{
    const JobRunner *runner = find(id);
    return runner ? &runner->job() : nullptr;
}

const JobRunner *JobQueue::runner(const QString &id) const
{
    return find(id);
}

QList<AnalysisJob> JobQueue::completedForStudy(const QString &studyInstanceUid) const
{
    QList<AnalysisJob> out;
    for (const JobRunner *runner : m_runners) {
        if (runner->job().stage == JobStage::Completed && runner->job().studyInstanceUid == studyInstanceUid)
            out.append(runner->job());
    }
    return out;
}

} // namespace haip::workflow
