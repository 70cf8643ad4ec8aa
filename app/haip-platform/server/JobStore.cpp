#include "JobStore.h"

#include "PlatformState.h"
#include "platform/Problem.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace haip::server {

namespace {

constexpr int kLockTimeoutMs = 5000;

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toHex());
}

// Data on stable storage before the client hears "stored".
bool syncFile(QFile &file)
{
    if (!file.flush())
        return false;
#ifdef Q_OS_UNIX
    return ::fsync(file.handle()) == 0;
#else
    return true;
#endif
}

Error lockError(const QString &path)
{
    return Error(ErrorCode::Internal, QStringLiteral("the job is locked by another process"), path);
}

} // namespace

JobStore::JobStore(QString directory, JobStoreOptions options) : m_dir(std::move(directory)), m_options(options) { }

Result<void> JobStore::open()
{
    return PlatformState::makePrivateDir(m_dir);
}

bool JobStore::isValidJobId(const QString &jobId)
{
    return jobId.size() == 32 && std::all_of(jobId.begin(), jobId.end(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

QString JobStore::jobDir(const QString &jobId) const
{
    return m_dir + u'/' + jobId;
}

QString JobStore::payloadPath(const QString &jobId) const
{
    return jobDir(jobId) + QStringLiteral("/payload.bin");
}

QString JobStore::resultPath(const QString &jobId) const
{
    return jobDir(jobId) + QStringLiteral("/result.bin");
}

Result<JobRecord> JobStore::read(const QString &jobId) const
{
    if (!isValidJobId(jobId))
        return Error(ErrorCode::NotFound, {}, jobId);
    Result<QByteArray> bytes = PlatformState::readFile(jobDir(jobId) + QStringLiteral("/job.json"), 1024 * 1024);
    if (!bytes)
        return Error(ErrorCode::NotFound, {}, jobId);
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes);
    if (!doc.isObject())
        return Error(ErrorCode::CorruptDataset, QStringLiteral("job.json is not a JSON object"), jobId);
    return JobRecord::fromStorage(doc.object());
}

Result<void> JobStore::write(const JobRecord &job) const
{
    return PlatformState::writeFile(jobDir(job.jobId) + QStringLiteral("/job.json"),
                                    QJsonDocument(job.toStorage()).toJson(QJsonDocument::Indented),
                                    false);
}

void JobStore::dropPayload(const QString &jobId) const
{
    QFile::remove(payloadPath(jobId));
}

bool JobStore::expireLease(JobRecord &job) const
{
    if (job.state != JobState::InProgress || !job.leaseExpiresAt.isValid() ||
        job.leaseExpiresAt > QDateTime::currentDateTimeUtc())
        return false;
    job.leaseId.clear();
    job.leaseExpiresAt = {};
    job.updatedAt = QDateTime::currentDateTimeUtc();
    if (job.attempts >= m_options.maxAttempts) {
        job.state = JobState::Failed;
        job.finishedAt = job.updatedAt;
        job.failure = platform::Problem::fromError(
                          Error(ErrorCode::Internal, QStringLiteral("the service stopped while analysing")))
                          .toJsonObject();
        dropPayload(job.jobId);
    } else {
        job.state = JobState::Scheduled;
        job.progress = 0;
        job.stage = QStringLiteral("queued");
    }
    return true;
}

Result<JobRecord> JobStore::update(const QString &jobId, const Mutation &change) const
{
    if (!isValidJobId(jobId) || !QFileInfo::exists(jobDir(jobId)))
        return Error(ErrorCode::NotFound, {}, jobId);
    QLockFile lock(jobDir(jobId) + QStringLiteral("/job.lock"));
    if (!lock.tryLock(kLockTimeoutMs))
        return lockError(jobId);
    Result<JobRecord> job = read(jobId);
    if (!job)
        return job.error();
    const QJsonObject before = job->toStorage();
    expireLease(*job);
    Result<void> changed = change ? change(*job) : Result<void>();
    if (job->toStorage() != before) {
        if (Result<void> w = write(*job); !w)
            return w.error();
    }
    if (!changed)
        return changed.error();
    return job;
}

Result<JobStore::Created> JobStore::create(const JobRecord &draft)
{
    // One creator at a time, so two retries of one request cannot both make a job.
    QLockFile lock(m_dir + QStringLiteral("/create.lock"));
    if (!lock.tryLock(kLockTimeoutMs))
        return lockError(m_dir);
    int unfinished = 0;
    for (const JobRecord &j : list(draft.owner, std::nullopt, -1)) {
        if (j.clientRequestId == draft.clientRequestId) {
            const bool same = j.serviceId == draft.serviceId && j.payloadSize == draft.payloadSize &&
                j.keyId == draft.keyId && j.modality == draft.modality && j.sliceCount == draft.sliceCount;
            if (!same)
                return Error(ErrorCode::Conflict,
                             QStringLiteral("clientRequestId %1 was used for another request").arg(j.clientRequestId));
            return Created {j, true};
        }
        if (!isFinal(j.state))
            ++unfinished;
    }
    if (unfinished >= m_options.maxUnfinishedPerOwner)
        return Error(ErrorCode::Conflict,
                     QStringLiteral("at most %1 unfinished jobs per clinician").arg(m_options.maxUnfinishedPerOwner));
    if (draft.payloadSize > m_options.maxPayloadBytes)
        return Error(ErrorCode::PayloadTooLarge, QStringLiteral("at most %1 bytes").arg(m_options.maxPayloadBytes));

    JobRecord job = draft;
    job.jobId = randomHex(16);
    job.state = JobState::Scheduled;
    job.stage = QStringLiteral("uploading");
    job.createdAt = job.updatedAt = QDateTime::currentDateTimeUtc();
    if (Result<void> d = PlatformState::makePrivateDir(jobDir(job.jobId)); !d)
        return d.error();
    QFile payload(payloadPath(job.jobId));
    if (!payload.open(QIODevice::WriteOnly))
        return Error(ErrorCode::WriteFailed, payload.errorString(), payload.fileName());
    payload.close();
    if (Result<void> w = write(job); !w)
        return w.error();
    return Created {job, false};
}

Result<JobRecord> JobStore::get(const QString &jobId, const QString &owner) const
{
    Result<JobRecord> job = read(jobId);
    if (!job || (!owner.isEmpty() && job->owner != owner))
        return Error(ErrorCode::NotFound, {}, jobId);
    if (job->state == JobState::InProgress && job->leaseExpiresAt <= QDateTime::currentDateTimeUtc())
        return update(jobId, {});
    return job;
}

QList<JobRecord> JobStore::list(const QString &owner, std::optional<JobState> state, int limit) const
{
    QList<JobRecord> out;
    const QStringList ids = QDir(m_dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &id : ids) {
        Result<JobRecord> job = get(id, owner);
        if (job && (!state || job->state == *state))
            out.append(std::move(job).value());
    }
    std::sort(out.begin(), out.end(), [](const JobRecord &a, const JobRecord &b) { return a.createdAt > b.createdAt; });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    return out;
}

qint64 JobStore::receivedBytes(const QString &jobId) const
{
    return isValidJobId(jobId) ? QFileInfo(payloadPath(jobId)).size() : 0;
}

Result<UploadStatus> JobStore::appendPayload(
    const QString &jobId, const QString &owner, qint64 first, qint64 last, qint64 total, QByteArrayView bytes)
{
    UploadStatus status;
    Result<JobRecord> job = update(jobId, [&](JobRecord &j) -> Result<void> {
        if (j.owner != owner)
            return Error(ErrorCode::NotFound, {}, jobId);
        status.totalBytes = j.payloadSize;
        if (total != j.payloadSize)
            return Error(
                ErrorCode::InvalidArgument,
                QStringLiteral("Content-Range total %1 is not the job's payloadSize %2").arg(total).arg(j.payloadSize));
        if (first < 0 || last < first || last >= total || bytes.size() != last - first + 1)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("the body does not match Content-Range"));
        if (j.committed || j.state != JobState::Scheduled)
            return Error(ErrorCode::Conflict, QStringLiteral("the job no longer takes uploads"));
        QFile file(payloadPath(jobId));
        if (!file.open(QIODevice::ReadWrite))
            return Error(ErrorCode::WriteFailed, file.errorString(), jobId);
        const qint64 received = file.size();
        status.receivedBytes = received;
        if (first > received)
            return Error(ErrorCode::Conflict, QStringLiteral("the upload continues at byte %1").arg(received));
        // A re-send of bytes already stored must carry the same bytes.
        const qint64 overlap = qMin(received, last + 1) - first;
        if (overlap > 0) {
            if (!file.seek(first) || file.read(overlap) != bytes.first(overlap))
                return Error(ErrorCode::Conflict, QStringLiteral("the chunk differs from the bytes already received"));
        }
        const QByteArrayView tail = bytes.sliced(qMax<qint64>(overlap, 0));
        if (!tail.isEmpty()) {
            if (!file.seek(received) || file.write(tail.data(), tail.size()) != tail.size() || !syncFile(file))
                return Error(ErrorCode::WriteFailed, file.errorString(), jobId);
        }
        status.receivedBytes = received + tail.size();
        j.progress = int(status.receivedBytes * 100 / qMax<qint64>(1, total));
        j.updatedAt = QDateTime::currentDateTimeUtc();
        return {};
    });
    if (!job)
        return job.error();
    return status;
}

Result<JobRecord> JobStore::commit(const QString &jobId, const QString &owner)
{
    return update(jobId, [&](JobRecord &j) -> Result<void> {
        if (j.owner != owner)
            return Error(ErrorCode::NotFound, {}, jobId);
        if (j.committed)
            return {};
        if (j.state != JobState::Scheduled)
            return Error(ErrorCode::Conflict, QStringLiteral("the job is %1").arg(jobStateName(j.state)));
        const qint64 received = receivedBytes(jobId);
        if (received != j.payloadSize)
            return Error(ErrorCode::Conflict,
                         QStringLiteral("%1 of %2 bytes received").arg(received).arg(j.payloadSize));
        j.committed = true;
        j.progress = 0;
        j.stage = QStringLiteral("queued");
        j.committedAt = j.updatedAt = QDateTime::currentDateTimeUtc();
        return {};
    });
}

Result<JobRecord> JobStore::cancel(const QString &jobId, const QString &owner)
{
    return update(jobId, [&](JobRecord &j) -> Result<void> {
        if (j.owner != owner)
            return Error(ErrorCode::NotFound, {}, jobId);
        if (j.state == JobState::Canceled)
            return {};
        if (isFinal(j.state))
            return Error(ErrorCode::Conflict, QStringLiteral("the job is %1").arg(jobStateName(j.state)));
        j.state = JobState::Canceled;
        j.stage.clear();
        j.leaseId.clear();
        j.finishedAt = j.updatedAt = QDateTime::currentDateTimeUtc();
        dropPayload(jobId);
        return {};
    });
}

Result<std::optional<JobRecord>> JobStore::claim(const QString &serviceId)
{
    QList<JobRecord> jobs = list(QString(), JobState::Scheduled, -1);
    std::reverse(jobs.begin(), jobs.end()); // oldest first
    for (const JobRecord &candidate : jobs) {
        if (candidate.serviceId != serviceId || !candidate.committed)
            continue;
        bool claimed = false;
        Result<JobRecord> job = update(candidate.jobId, [&](JobRecord &j) -> Result<void> {
            if (j.state != JobState::Scheduled || !j.committed)
                return {};
            j.state = JobState::InProgress;
            j.leaseId = randomHex(16);
            j.leaseExpiresAt = QDateTime::currentDateTimeUtc().addSecs(m_options.leaseSeconds);
            j.attempts += 1;
            j.progress = 0;
            j.stage = QStringLiteral("starting");
            j.startedAt = j.updatedAt = QDateTime::currentDateTimeUtc();
            claimed = true;
            return {};
        });
        if (!job)
            return job.error();
        if (claimed)
            return std::optional<JobRecord>(std::move(job).value());
    }
    return std::optional<JobRecord>();
}

namespace {
Result<void> checkLease(const JobRecord &j, const QString &leaseId)
{
    if (j.state != JobState::InProgress || j.leaseId != leaseId)
        return Error(ErrorCode::Conflict,
                     QStringLiteral("the lease is no longer held (%1)").arg(jobStateName(j.state)));
    return {};
}
} // namespace

Result<JobRecord> JobStore::progress(const QString &jobId, const QString &leaseId, int percent, const QString &stage)
{
    return update(jobId, [&](JobRecord &j) -> Result<void> {
        if (Result<void> r = checkLease(j, leaseId); !r)
            return r;
        j.progress = qBound(0, percent, 100);
        j.stage = stage.left(64);
        j.updatedAt = QDateTime::currentDateTimeUtc();
        j.leaseExpiresAt = j.updatedAt.addSecs(m_options.leaseSeconds);
        return {};
    });
}

Result<JobRecord> JobStore::complete(const QString &jobId, const QString &leaseId, const QString &sealedResultFile)
{
    return update(jobId, [&](JobRecord &j) -> Result<void> {
        if (Result<void> r = checkLease(j, leaseId); !r)
            return r;
        QFile in(sealedResultFile);
        if (!in.open(QIODevice::ReadOnly))
            return Error(ErrorCode::FileUnreadable, in.errorString(), sealedResultFile);
        QCryptographicHash sha(QCryptographicHash::Sha256);
        if (!sha.addData(&in))
            return Error(ErrorCode::FileUnreadable, in.errorString(), sealedResultFile);
        const qint64 size = in.size();
        in.close();
        QFile::remove(resultPath(jobId));
        if (!QFile::rename(sealedResultFile, resultPath(jobId)))
            return Error(ErrorCode::WriteFailed, QStringLiteral("cannot move the result into the job"), jobId);
        j.state = JobState::Completed;
        j.progress = 100;
        j.stage.clear();
        j.leaseId.clear();
        j.resultSize = size;
        j.resultSha256 = QString::fromLatin1(sha.result().toHex());
        j.finishedAt = j.updatedAt = QDateTime::currentDateTimeUtc();
        dropPayload(jobId);
        return {};
    });
}

Result<JobRecord> JobStore::fail(const QString &jobId, const QString &leaseId, const Error &reason)
{
    return update(jobId, [&](JobRecord &j) -> Result<void> {
        if (Result<void> r = checkLease(j, leaseId); !r)
            return r;
        j.state = JobState::Failed;
        j.stage.clear();
        j.leaseId.clear();
        j.failure = platform::Problem::fromError(reason).toJsonObject();
        j.finishedAt = j.updatedAt = QDateTime::currentDateTimeUtc();
        dropPayload(jobId);
        return {};
    });
}

} // namespace haip::server
