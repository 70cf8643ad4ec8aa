#include "workflow/JobRunner.h"

#include "audit/AuditEvent.h"
#include "dicom/ReidentificationStore.h"
#include "platform/JobClient.h"
#include "platform/PayloadSealer.h"
#include "platform/PayloadUpload.h"
#include "workflow/JobStore.h"
#include "workflow/PayloadBuilder.h"
#include "workflow/ResultFiler.h"

#include <QDir>
#include <QFile>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent>

namespace haip::workflow {

using namespace Qt::StringLiterals;

namespace {

constexpr int kPreparationTickMs = 200;
constexpr qint64 kUploadSaveEvery = qint64 {8} * 1024 * 1024; // bytes between saves of the upload offset

// Preparing off the UI thread: the map is opened there, one instance per run (record() merges
// under a file lock, so the UI thread's own reads stay consistent).
Result<BuiltPayload> prepareOffThread(const PayloadRequest &request,
                                      const QString &mapPath,
                                      crypto::SecureBuffer mapKey,
                                      const std::shared_ptr<std::atomic<bool>> &cancel,
                                      const std::shared_ptr<std::atomic<int>> &prepared)
{
    Result<dicom::ReidentificationStore> map = dicom::ReidentificationStore::open(mapPath, std::move(mapKey));
    if (!map)
        return map.error();
    return PayloadBuilder::build(request, &*map, cancel.get(), [prepared](int done, int) { prepared->store(done); });
}

} // namespace

JobRunner::JobRunner(AnalysisJob job, JobEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_job(std::move(job))
    , m_env(environment)
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
    , m_preparedShared(std::make_shared<std::atomic<int>>(0))
{ }

JobRunner::~JobRunner()
{
    m_cancel->store(true);
    if (m_upload)
        m_upload->disconnect(this);
}

bool JobRunner::needsConnection() const
{
    return m_job.stage != JobStage::Preparing && !m_job.isFinished();
}

void JobRunner::start()
{
    if (m_running || m_job.isFinished())
        return;
    if (needsConnection() && !m_env.api)
        return; // continued by the next start() once signed in
    m_running = true;
    if (m_env.api)
        m_client = std::make_unique<platform::JobClient>(*m_env.api);
    switch (m_job.stage) {
    case JobStage::Preparing:
        return prepare();
    case JobStage::Creating:
        return create();
    case JobStage::Uploading:
        return upload();
    case JobStage::Processing:
        return follow();
    case JobStage::Downloading:
        return fetchStatusThenDownload();
    case JobStage::Completed:
    case JobStage::Failed:
    case JobStage::Cancelled:
        break;
    }
    m_running = false;
}

void JobRunner::prepare()
{
    const platform::CatalogService *service = m_env.service(m_job.serviceId);
    if (!service)
        return fail(Error(ErrorCode::NotFound, tr("The service is not in the verified catalog."), m_job.serviceId));
    Result<QString> folder = m_env.store->workFolder(m_job.id);
    if (!folder)
        return fail(folder.error());
    PayloadRequest request;
    request.inputFiles = m_job.inputFiles;
    request.options = m_env.deidOptions;
    request.deidSecret = m_env.deidSecret;
    request.service = *service;
    request.workFolder = *folder;
    m_preparationSteps = int(m_job.inputFiles.size()) * 2;
    m_prepared = 0;
    m_preparedShared->store(0);

    auto *tick = new QTimer(this);
    tick->setInterval(kPreparationTickMs);
    connect(tick, &QTimer::timeout, this, [this] {
        if (const int done = m_preparedShared->load(); done != m_prepared) {
            m_prepared = done;
            emit changed();
        }
    });
    tick->start();
    QtConcurrent::run(prepareOffThread, request, m_env.mapPath, m_env.mapKey, m_cancel, m_preparedShared)
        .then(this, [this, tick](Result<BuiltPayload> built) {
            tick->deleteLater();
            m_prepared = m_preparationSteps = 0;
            if (!built)
                return fail(built.error());
            m_job.payloadPath = built->sealed.path;
            m_job.payloadBytes = built->sealed.sealedSize;
            m_job.plaintextBytes = built->sealed.plaintextSize;
            m_job.keyId = built->sealed.keyId;
            m_job.responseKey = built->sealed.responseKey.serialize();
            m_job.payloadSha256 = built->payloadSha256;
            m_job.pseudonymousStudyUid = built->pseudonymousStudyUid;
            m_job.imageCount = built->images;
            if (m_env.audit) {
                if (const auto study = audit::Pseudonym::fromString(m_job.pseudonymousStudyUid))
                    m_env.audit(audit::AuditEvent::deidentify(m_env.clinicianId, *study, built->images));
            }
            advance(JobStage::Creating);
            if (!m_env.api) {
                m_running = false; // continues when signed in
                return;
            }
            if (!m_client)
                m_client = std::make_unique<platform::JobClient>(*m_env.api);
            create();
        });
}

void JobRunner::create()
{
    if (m_job.clientRequestId.isEmpty())
        m_job.clientRequestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    platform::JobRequestSpec request;
    request.serviceId = m_job.serviceId;
    request.clientRequestId = m_job.clientRequestId;
    request.payloadSize = m_job.payloadBytes;
    request.keyId = m_job.keyId;
    request.modality = m_job.modality;
    request.sliceCount = m_job.imageCount;
    request.plaintextSize = m_job.plaintextBytes;
    m_client->create(request, [this](const Result<platform::JobStatus> &status) {
        if (!status)
            return fail(status.error());
        m_job.platformJobId = status->jobId;
        advance(JobStage::Uploading);
        upload();
    });
}

void JobRunner::upload()
{
    if (!QFile::exists(m_job.payloadPath))
        return continueWithoutPayload();
    platform::UploadOptions options;
    if (m_env.uploadChunkBytes > 0)
        options.chunkSize = m_env.uploadChunkBytes;
    m_upload = std::make_unique<platform::PayloadUpload>(*m_env.api, m_job.platformJobId, m_job.payloadPath, options);
    connect(m_upload.get(), &platform::PayloadUpload::progress, this, [this](qint64 stored, qint64) {
        m_job.uploadedBytes = stored;
        if (stored - m_lastSavedUpload >= kUploadSaveEvery) {
            m_lastSavedUpload = stored;
            save();
        }
        emit changed();
    });
    connect(m_upload.get(), &platform::PayloadUpload::finished, this, [this] {
        const Result<void> result = m_upload->result();
        m_upload.release()->deleteLater();
        if (!result)
            return fail(result.error());
        commit();
    });
    m_upload->start();
}

void JobRunner::commit()
{
    m_client->commit(m_job.platformJobId, [this](const Result<platform::JobStatus> &status) {
        if (m_env.audit) {
            audit::SendDetails details;
            details.serviceId = m_job.serviceId;
            details.jobId = m_job.platformJobId;
            details.study = audit::Pseudonym::fromString(m_job.pseudonymousStudyUid);
            details.bytes = m_job.payloadBytes;
            details.payloadSha256 = m_job.payloadSha256;
            audit::AuditEvent event = audit::AuditEvent::send(m_env.clinicianId, details);
            if (!status)
                event = event.withOutcome(audit::AuditOutcome::SeriousFailure, status.error());
            m_env.audit(event);
        }
        if (!status)
            return fail(status.error());
        // The platform holds it now; a retry after a failure seals a fresh payload anyway. Saved as
        // Processing before the payload goes: a crash in between must not leave an Uploading job
        // without its payload.
        m_job.uploadedBytes = m_job.payloadBytes;
        m_job.processingSince = QDateTime::currentDateTimeUtc();
        advance(JobStage::Processing);
        QFile::remove(m_job.payloadPath);
        follow();
    });
}

// An Uploading job whose payload is gone (a record kept by an older version, which removed the
// payload before saving the next stage): the platform says whether it already has it all.
void JobRunner::continueWithoutPayload()
{
    m_client->status(m_job.platformJobId, [this](Result<platform::JobStatus> status) {
        if (!status)
            return fail(status.error());
        if (status->committed) {
            m_job.uploadedBytes = m_job.payloadBytes;
            advance(JobStage::Processing);
            return follow();
        }
        if (status->totalBytes > 0 && status->receivedBytes == status->totalBytes)
            return commit();
        fail(Error(ErrorCode::FileUnreadable,
                   tr("The sealed series is no longer on this computer. Retry to prepare it again."),
                   m_job.payloadPath));
    });
}

void JobRunner::follow()
{
    m_client->waitUntilFinished(
        m_job.platformJobId,
        m_env.pollIntervalMs,
        [this](Result<platform::JobStatus> done) {
            if (!done)
                return fail(done.error());
            if (done->state == u"COMPLETED"_s) {
                m_job.serviceProgress = 100;
                advance(JobStage::Downloading);
                return download(*done);
            }
            if (done->state == u"CANCELED"_s) {
                m_running = false;
                advance(JobStage::Cancelled);
                return emit finished();
            }
            fail(done->failure.code() != ErrorCode::None
                     ? done->failure
                     : Error(ErrorCode::BadServerResponse, tr("The service could not analyse the series.")));
        },
        [this](const platform::JobStatus &status) {
            if (status.progress != m_job.serviceProgress || status.stage != m_job.serviceStage) {
                m_job.serviceProgress = status.progress;
                m_job.serviceStage = status.stage;
                emit changed();
            }
        });
}

void JobRunner::fetchStatusThenDownload()
{
    m_client->status(m_job.platformJobId, [this](Result<platform::JobStatus> status) {
        if (!status)
            return fail(status.error());
        if (status->state != u"COMPLETED"_s)
            return fail(Error(ErrorCode::BadServerResponse, tr("The platform no longer has the result.")));
        download(*status);
    });
}

void JobRunner::download(const platform::JobStatus &completed)
{
    Result<QString> folder = m_env.store->workFolder(m_job.id);
    if (!folder)
        return fail(folder.error());
    const QString path = QDir(*folder).filePath(u"result.sealed"_s);
    m_client->downloadResult(
        completed,
        path,
        [this, path, size = completed.resultSize, sha = completed.resultSha256](const Result<void> &done) {
            if (!done)
                return fail(done.error());
            if (m_env.audit) {
                m_env.audit(audit::AuditEvent::resultReceived(
                    m_env.clinicianId, m_job.serviceId, m_job.platformJobId, size, sha));
            }
            fileResult(path);
        });
}

void JobRunner::fileResult(const QString &sealedPath)
{
    Result<crypto::ResponseKey> key = crypto::ResponseKey::deserialize(m_job.responseKey.view());
    if (!key)
        return fail(key.error());
    Result<platform::MultipartMessage> bundle = platform::ResultOpener::openResult(sealedPath, *key);
    if (!bundle)
        return fail(bundle.error());
    Result<dicom::ReidentificationStore> map = dicom::ReidentificationStore::open(m_env.mapPath, m_env.mapKey);
    if (!map)
        return fail(map.error());
    const dicom::ResultRelinker relinker([&map](const QString &uid) { return map->originalUid(uid); }, m_job.original);
    const QString folder = QDir(QFileInfo(sealedPath).path()).filePath(u"result"_s);
    Result<QList<FiledPart>> filed = ResultFiler::file(*bundle, folder, &relinker);
    if (!filed)
        return fail(filed.error());
    QFile::remove(sealedPath);
    m_job.resultDir = folder;
    m_job.resultFiles.clear();
    for (const FiledPart &part : *filed)
        m_job.resultFiles.append(part.fileName);
    complete();
}

void JobRunner::complete()
{
    m_running = false;
    m_job.finishedAt = QDateTime::currentDateTimeUtc();
    advance(JobStage::Completed);
    emit finished();
}

void JobRunner::pause()
{
    if (!m_running || m_job.stage == JobStage::Preparing)
        return; // preparing needs no connection and stops by itself before Creating
    if (m_upload) {
        m_upload->disconnect(this);
        m_upload->abort();
        m_upload.release()->deleteLater();
    }
    m_client.reset(); // drops the callbacks of requests still running
    m_running = false;
    save();
    emit changed();
}

void JobRunner::cancel()
{
    if (m_job.isFinished())
        return;
    m_cancel->store(true);
    if (m_upload) {
        m_upload->disconnect(this);
        m_upload->abort();
        m_upload.release()->deleteLater();
    }
    if (m_client && !m_job.platformJobId.isEmpty())
        m_client->cancel(m_job.platformJobId, [](const Result<platform::JobStatus> &) {});
    m_client.reset(); // drops the callbacks of requests still running
    if (!m_job.payloadPath.isEmpty())
        QFile::remove(m_job.payloadPath);
    m_running = false;
    m_job.finishedAt = QDateTime::currentDateTimeUtc();
    advance(JobStage::Cancelled);
    emit finished();
}

void JobRunner::retry()
{
    if (m_job.stage != JobStage::Failed)
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_job.failure = Error();
    // An upload or a download continues; anything the platform rejected starts afresh with a
    // new payload and a new platform job.
    JobStage from = m_job.failedAt;
    if (from == JobStage::Processing || (from == JobStage::Uploading && !QFile::exists(m_job.payloadPath)) ||
        from == JobStage::Creating) {
        from = JobStage::Preparing;
    }
    if (from == JobStage::Preparing) {
        m_job.platformJobId.clear();
        m_job.clientRequestId.clear();
        m_job.uploadedBytes = 0;
        m_job.serviceProgress = 0;
        m_job.serviceStage.clear();
    }
    m_job.finishedAt = {};
    advance(from);
    start();
}

void JobRunner::fail(const Error &error)
{
    m_running = false;
    if (m_cancel->load() && error.code() == ErrorCode::Cancelled)
        return; // cancel() already recorded the end
    m_job.failedAt = m_job.stage;
    m_job.failure = error;
    m_job.finishedAt = QDateTime::currentDateTimeUtc();
    m_client.reset();
    advance(JobStage::Failed);
    emit finished();
}

void JobRunner::advance(JobStage stage)
{
    m_job.stage = stage;
    save();
    emit changed();
}

void JobRunner::save()
{
    m_job.updatedAt = QDateTime::currentDateTimeUtc();
    // The job goes on in memory; what could not be kept is said where the clinician sees it
    // (a restart would continue from the last record that was saved).
    Result<void> saved = m_env.store->save(m_job);
    if (!saved && !m_saveFailing)
        emit saveFailed(saved.error()); // once until a save succeeds again, not at every chunk
    m_saveFailing = !saved;
}

} // namespace haip::workflow
