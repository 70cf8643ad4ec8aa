// JobStore: the jobs on disk, shared by the broker (serve) and the service workers (worker
// processes) — the state folder is the one source of truth, so a restart of either loses
// nothing. Layout per job, jobs/<jobId>/:
//   job.json      the JobRecord, replaced atomically (QSaveFile) under job.lock
//   payload.bin   the sealed payload; chunks appended and fsync'ed before the answer; its size is
//                 the upload offset (deleted when the job ends)
//   result.bin    the sealed result, moved in by the worker on completion
// Every change is a read-modify-write of job.json under a cross-process lock (QLockFile), so a
// cancel from the broker and a completion from a worker cannot overwrite each other. Expired
// worker leases are noticed by whoever touches the job next (re-queued; FAILED after the last).
#pragma once

#include "JobRecord.h"
#include "common/Result.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace haip::server {

struct JobStoreOptions
{
    qint64 maxPayloadBytes = qint64(4) * 1024 * 1024 * 1024;
    qint64 chunkSize = 4 * 1024 * 1024; // recommended to clients
    qint64 maxChunkSize = 16 * 1024 * 1024;
    int leaseSeconds = 60;
    int maxAttempts = 3; // expired leases before a job FAILS
    int maxUnfinishedPerOwner = 32;
};

struct UploadStatus
{
    qint64 receivedBytes = 0;
    qint64 totalBytes = 0;
    bool complete() const { return receivedBytes == totalBytes; }
};

class JobStore
{
public:
    JobStore(QString directory, JobStoreOptions options = {});

    const JobStoreOptions &options() const { return m_options; }
    Result<void> open();

    struct Created
    {
        JobRecord job;
        bool existed = false; // the same clientRequestId made it before (idempotent retry)
    };
    // `draft` carries owner, session, service, clientRequestId, sizes and metadata.
    Result<Created> create(const JobRecord &draft);
    // NotFound for a job of another owner (an empty owner: any — workers and tools).
    Result<JobRecord> get(const QString &jobId, const QString &owner) const;
    QList<JobRecord> list(const QString &owner, std::optional<JobState> state, int limit) const;
    qint64 receivedBytes(const QString &jobId) const;

    // Appends bytes [first, last] of `total`. Conflict (offset, state, different bytes) and
    // InvalidArgument (framing) leave the upload as it was; receivedBytes() says where it is.
    Result<UploadStatus> appendPayload(
        const QString &jobId, const QString &owner, qint64 first, qint64 last, qint64 total, QByteArrayView bytes);
    Result<JobRecord> commit(const QString &jobId, const QString &owner);
    Result<JobRecord> cancel(const QString &jobId, const QString &owner);

    QString payloadPath(const QString &jobId) const;
    QString resultPath(const QString &jobId) const;
    QString jobDir(const QString &jobId) const;

    // Worker side. claim(): the oldest committed, SCHEDULED job of the service, now IN PROGRESS
    // under a fresh lease; nullopt when there is none.
    Result<std::optional<JobRecord>> claim(const QString &serviceId);
    // Renews the lease; Conflict when the lease is no longer held (expired, canceled).
    Result<JobRecord> progress(const QString &jobId, const QString &leaseId, int percent, const QString &stage);
    // Moves `sealedResultFile` into the job as its result (→ COMPLETED).
    Result<JobRecord> complete(const QString &jobId, const QString &leaseId, const QString &sealedResultFile);
    // → FAILED with `reason` as the problem the clinician sees.
    Result<JobRecord> fail(const QString &jobId, const QString &leaseId, const Error &reason);

    static bool isValidJobId(const QString &jobId);

private:
    using Mutation = std::function<Result<void>(JobRecord &job)>;
    // Locks the job, reads it, applies expired leases, runs `change` and writes it back when it
    // succeeded (and changed anything).
    Result<JobRecord> update(const QString &jobId, const Mutation &change) const;
    Result<JobRecord> read(const QString &jobId) const;
    Result<void> write(const JobRecord &job) const;
    // An IN PROGRESS job whose lease ran out goes back to SCHEDULED (or FAILED); true if changed.
    bool expireLease(JobRecord &job) const;
    void dropPayload(const QString &jobId) const;

    QString m_dir;
    JobStoreOptions m_options;
};

} // namespace haip::server
