#include "JobWorker.h"

#include "PlatformState.h"
#include "crypto/EnvelopeReader.h"
#include "crypto/ResponseWriter.h"
#include "platform/MultipartReader.h"
#include "platform/MultipartWriter.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcWorker, "haip.platform.worker")

namespace haip::server {

namespace {

// The work folder of one job, removed whatever happens.
class ScopedDir
{
public:
    explicit ScopedDir(QString path) : m_path(std::move(path)) { }
    ~ScopedDir() { QDir(m_path).removeRecursively(); }
    const QString &path() const { return m_path; }

private:
    QString m_path;
};

} // namespace

JobWorker::JobWorker(JobStore &store,
                     QString serviceId,
                     crypto::PrivateKey key,
                     QByteArray info,
                     const ServiceAnalysis &analysis,
                     QString workDir,
                     JobWorkerOptions options,
                     QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_serviceId(std::move(serviceId))
    , m_key(std::move(key))
    , m_info(std::move(info))
    , m_analysis(analysis)
    , m_workDir(std::move(workDir))
    , m_options(options)
{
    m_poll.setInterval(m_options.pollMs);
    connect(&m_poll, &QTimer::timeout, this, &JobWorker::poll);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, [this] { m_poll.start(); });
}

JobWorker::~JobWorker()
{
    m_cancel = true;
    m_watcher.waitForFinished();
}

void JobWorker::start()
{
    m_poll.start();
}

void JobWorker::poll()
{
    if (m_watcher.isRunning())
        return;
    Result<std::optional<JobRecord>> claimed = m_store.claim(m_serviceId);
    if (!claimed) {
        qCWarning(lcWorker).noquote() << "claim failed:" << claimed.error().detail();
        return;
    }
    if (!claimed->has_value())
        return;
    m_poll.stop();
    const JobRecord job = **claimed;
    qCInfo(lcWorker).noquote() << m_serviceId << "claimed" << job.jobId << "attempt" << job.attempts;
    m_watcher.setFuture(QtConcurrent::run([this, job] {
        const Result<void> r = process(job, m_cancel);
        if (!r)
            qCWarning(lcWorker).noquote() << job.jobId << r.error().codeName() << r.error().detail();
    }));
}

Result<QStringList>
JobWorker::openPayload(const JobRecord &job, const QString &dir, crypto::ResponseKey *responseKey) const
{
    // 1. The envelope → the plaintext MIME entity, in the private work folder.
    const QString entityPath = dir + QStringLiteral("/payload.mime");
    {
        QFile in(m_store.payloadPath(job.jobId));
        if (!in.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Internal, QStringLiteral("the payload is missing"));
        QFile out(entityPath);
        if (!out.open(QIODevice::WriteOnly))
            return Error(ErrorCode::WriteFailed, out.errorString(), entityPath);
        crypto::EnvelopeReader reader(m_key, m_info);
        Result<crypto::StreamTotals> opened = reader.openStream(in, out);
        if (!opened)
            return opened.error();
        Result<crypto::ResponseKey> key = reader.responseKey();
        if (!key)
            return key.error();
        *responseKey = std::move(key).value();
    }
    // 2. The multipart body → one file per DICOM part. (In memory: the reference worker's
    // series are a few hundred MB at most; a streaming parser would lift that.)
    Result<QByteArray> entity = PlatformState::readFile(entityPath, qint64(2) * 1024 * 1024 * 1024);
    if (!entity)
        return entity.error();
    QFile::remove(entityPath);
    Result<platform::MultipartMessage> message = platform::MultipartReader::parseEntity(*entity);
    if (!message)
        return message.error();
    QStringList files;
    for (const platform::MultipartPart &part : message->parts) {
        if (!part.headers.contentType.startsWith(platform::multipart::DicomType))
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("the request holds a %1 part; only application/dicom is accepted")
                             .arg(QString::fromLatin1(part.headers.contentType)));
        const QString path = dir + QStringLiteral("/%1.dcm").arg(files.size(), 5, 10, QLatin1Char('0'));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(part.body) != part.body.size())
            return Error(ErrorCode::WriteFailed, f.errorString(), path);
        files.append(path);
    }
    if (files.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the request holds no DICOM instance"));
    return files;
}

Result<void> JobWorker::process(const JobRecord &job, const std::atomic<bool> &cancel) const
{
    if (Result<void> d = PlatformState::makePrivateDir(m_workDir + u'/' + job.jobId); !d)
        return d;
    const ScopedDir dir(m_workDir + u'/' + job.jobId);
    std::atomic<bool> stop {false};
    QElapsedTimer sinceReport;
    sinceReport.start();
    // Progress also renews the lease; a refusal means the job was canceled or the lease lost.
    const auto report = [&](int percent, const QString &stage, bool force) {
        if (!force && sinceReport.elapsed() < m_options.progressIntervalMs)
            return;
        sinceReport.restart();
        if (!m_store.progress(job.jobId, job.leaseId, percent, stage))
            stop = true;
    };
    const auto failWith = [&](const Error &e) -> Result<void> {
        if (stop || cancel)
            return Error(ErrorCode::Cancelled, QStringLiteral("the job was canceled or its lease lost"));
        Result<JobRecord> r = m_store.fail(job.jobId, job.leaseId, e);
        if (!r)
            return r.error();
        return e;
    };

    report(0, QStringLiteral("opening"), true);
    crypto::ResponseKey responseKey;
    Result<QStringList> files = openPayload(job, dir.path(), &responseKey);
    if (!files)
        return failWith(files.error());

    report(5, QStringLiteral("analysing"), true);
    std::atomic<bool> analysisCancel {false};
    Result<QList<platform::MultipartPart>> parts =
        m_analysis.analyse(*files, analysisCancel, [&](int percent, const QString &stage) {
            report(5 + percent * 85 / 100, stage, false);
            if (stop || cancel)
                analysisCancel = true;
        });
    if (!parts)
        return failWith(parts.error());
    if (stop || cancel)
        return Error(ErrorCode::Cancelled);

    report(92, QStringLiteral("sealing"), true);
    const QString sealedPath = dir.path() + QStringLiteral("/result.sealed");
    {
        Result<crypto::ResponseWriter> writer = crypto::ResponseWriter::create(responseKey);
        if (!writer)
            return failWith(writer.error());
        QFile out(sealedPath);
        if (!out.open(QIODevice::WriteOnly))
            return failWith(Error(ErrorCode::WriteFailed, out.errorString()));
        platform::MultipartWriter multipart(platform::multipart::DicomType);
        QByteArray sealed;
        const auto put = [&](QByteArrayView plain) -> Result<void> {
            sealed.clear();
            if (Result<void> r = writer->update(plain, sealed); !r)
                return r;
            if (out.write(sealed) != sealed.size())
                return Error(ErrorCode::WriteFailed, out.errorString());
            return {};
        };
        Result<void> ok = put(multipart.entityHeader());
        for (const platform::MultipartPart &part : *parts) {
            if (ok)
                ok = put(multipart.beginPart(part.headers));
            if (ok)
                ok = put(part.body);
        }
        if (ok)
            ok = put(multipart.finish());
        sealed.clear();
        if (ok)
            ok = writer->finish(sealed);
        if (ok && out.write(sealed) != sealed.size())
            ok = Error(ErrorCode::WriteFailed, out.errorString());
        if (ok && !out.flush())
            ok = Error(ErrorCode::WriteFailed, out.errorString());
        if (!ok)
            return failWith(ok.error());
    }
    Result<JobRecord> done = m_store.complete(job.jobId, job.leaseId, sealedPath);
    if (!done)
        return done.error();
    qCInfo(lcWorker).noquote() << m_serviceId << "completed" << job.jobId;
    return {};
}

} // namespace haip::server
