// JobQueue: the workstation's analysis jobs — those read back from the JobStore at start and
// those submitted since — each carried by a JobRunner. Jobs run while a clinician is signed in
// (setConnection); unfinished ones continue by themselves when the connection comes (after a
// restart, after a sign-in), preparation runs without one. The UI (jobs panel, results) reads
// the jobs from here and is told of every change.
#pragma once

#include "workflow/AnalysisJob.h"
#include "workflow/JobEnvironment.h"
#include "workflow/JobStore.h"

#include <QList>
#include <QObject>

#include <memory>
#include <vector>

namespace haip::workflow {

class JobRunner;

// What the clinician asked for: a series (its files and identity) to a service.
struct AnalysisRequest
{
    QString serviceId;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString seriesDescription;
    QString modality;
    QStringList files;
    dicom::OriginalStudy original;
};

class JobQueue : public QObject
{
    Q_OBJECT
public:
    // Reads the jobs in `store`; records that do not open are in unreadable() (kept on disk).
    JobQueue(JobStore store, JobEnvironment environment, QObject *parent = nullptr);
    ~JobQueue() override;

    const QList<Error> &unreadable() const { return m_unreadable; }
    // Signed in (api set) or not (null). Unfinished jobs continue when there is a connection.
    void setConnection(platform::ApiClient *api, const QString &clinicianId);
    void setCatalog(const platform::Catalog &catalog);
    const std::optional<platform::Catalog> &catalog() const { return m_env.catalog; }
    JobEnvironment &environment() { return m_env; }

    // A new job (prepared at once, sent when connected); its id.
    Result<QString> submit(const AnalysisRequest &request);
    void cancel(const QString &id);
    void retry(const QString &id);
    // The job's record and files; a running job is cancelled first.
    Result<void> remove(const QString &id);

    QStringList ids() const; // oldest first
    const AnalysisJob *job(const QString &id) const;
    const JobRunner *runner(const QString &id) const;
    // Completed jobs whose result belongs to this study (any of its series).
    QList<AnalysisJob> completedForStudy(const QString &studyInstanceUid) const;

signals:
    void jobAdded(const QString &id);
    void jobChanged(const QString &id);
    void jobFinished(const QString &id);
    void jobRemoved(const QString &id);
    void jobSaveFailed(const QString &id, const haip::Error &error);

private:
    JobRunner *add(AnalysisJob job);
    JobRunner *find(const QString &id) const;

    JobStore m_store;
    JobEnvironment m_env;
    std::vector<JobRunner *> m_runners; // children
    QList<Error> m_unreadable;
};

} // namespace haip::workflow
