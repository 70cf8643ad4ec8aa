// JobRunner: carries one AnalysisJob through its stages — prepare the payload off the UI thread
// (PayloadBuilder), create the platform job, upload (resumable), commit, follow the service's
// progress, download the sealed result, open it, re-link it to the original study and file it
// (ResultFiler) — saving the job after every step, so start() on a job read back after a restart
// continues where it stopped: an upload asks the platform how much it holds, a creation is
// idempotent by its client request id. Every send and every result received goes to the audit
// trail with the pseudonymous study only.
#pragma once

#include "workflow/AnalysisJob.h"
#include "workflow/JobEnvironment.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

namespace haip::platform {
class JobClient;
class PayloadUpload;
struct JobStatus;
} // namespace haip::platform

namespace haip::workflow {

class JobRunner : public QObject
{
    Q_OBJECT
public:
    JobRunner(AnalysisJob job, JobEnvironment &environment, QObject *parent = nullptr);
    ~JobRunner() override;

    const AnalysisJob &job() const { return m_job; }
    bool isRunning() const { return m_running; }
    // Preparation progress: images done of the total (both 0 outside Preparing).
    int preparedSteps() const { return m_prepared; }
    int preparationSteps() const { return m_preparationSteps; }

    // Continues from the job's stage. Waits (does nothing) while there is no connection and
    // the stage needs one; call again once there is.
    void start();
    // Stops the work, asks the platform to cancel its job, and marks the job Cancelled.
    // Signed out: work that needs the platform stops where it is, without failing (a running
    // upload is aborted; callbacks of requests in flight are dropped); start() continues it.
    // De-identification and sealing go on and stop before creating the platform job.
    void pause();
    void cancel();
    // A failed job again from where it failed (a rejected payload from the start).
    void retry();

signals:
    void changed(); // stage, progress or failure
    void finished(); // Completed, Failed or Cancelled
    void saveFailed(const haip::Error &error); // the job record could not be written

private:
    void prepare();
    void create();
    void upload();
    void commit();
    void continueWithoutPayload();
    void follow();
    void fetchStatusThenDownload();
    void download(const platform::JobStatus &completed);
    void fileResult(const QString &sealedPath);
    void advance(JobStage stage);
    void fail(const Error &error);
    void complete();
    void save();
    bool needsConnection() const;

    AnalysisJob m_job;
    JobEnvironment &m_env;
    std::unique_ptr<platform::JobClient> m_client;
    std::unique_ptr<platform::PayloadUpload> m_upload;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<int>> m_preparedShared;
    bool m_running = false;
    bool m_saveFailing = false; // the last save failed (reported once)
    int m_prepared = 0;
    int m_preparationSteps = 0;
    qint64 m_lastSavedUpload = 0;
};

} // namespace haip::workflow
