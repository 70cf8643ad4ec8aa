// JobWorker: one AI service's worker — a separate process from the broker (`haip-platform
// worker`), the only holder of the service's envelope private key. It claims the service's
// committed jobs from the JobStore (a lease, renewed by progress), and for each one, on a
// worker thread: opens the request envelope (EnvelopeReader: wrong key, altered, truncated or
// reordered chunks all FAIL the job with that reason), parses the multipart body into a private
// temporary folder, runs the ServiceAnalysis, writes the result multipart and seals it to the
// requester (ResponseWriter with the request's response key), then completes the job. A job
// canceled meanwhile is noticed at the next progress report and abandoned.
#pragma once

#include "JobStore.h"
#include "ServiceAnalysis.h"
#include "crypto/PrivateKey.h"
#include "crypto/ResponseKey.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace haip::server {

struct JobWorkerOptions
{
    int pollMs = 250; // how often an idle worker asks for work
    int progressIntervalMs = 2000; // progress reports (and lease renewals) at most this often
};

class JobWorker : public QObject
{
    Q_OBJECT
public:
    JobWorker(JobStore &store,
              QString serviceId,
              crypto::PrivateKey key,
              QByteArray info,
              const ServiceAnalysis &analysis,
              QString workDir,
              JobWorkerOptions options = {},
              QObject *parent = nullptr);
    ~JobWorker() override;

    void start();
    // Processes one claimed job synchronously (on the calling thread); the job ends COMPLETED or
    // FAILED unless its lease was lost. Public for the worker thread and tests.
    Result<void> process(const JobRecord &job, const std::atomic<bool> &cancel) const;

private:
    void poll();
    Result<QStringList> openPayload(const JobRecord &job, const QString &dir, crypto::ResponseKey *responseKey) const;

    JobStore &m_store;
    QString m_serviceId;
    crypto::PrivateKey m_key;
    QByteArray m_info;
    const ServiceAnalysis &m_analysis;
    QString m_workDir;
    JobWorkerOptions m_options;
    QTimer m_poll;
    QFutureWatcher<void> m_watcher;
    std::atomic<bool> m_cancel {false};
};

} // namespace haip::server
