// JobClient: the job endpoints of the platform API for the workstation — create a job for a
// sealed payload, commit it after the upload (PayloadUpload), follow its state and progress,
// cancel it, and download the sealed result (checked against the size and SHA-256 the job
// names before anyone opens it; ResultOpener opens it). Idempotent requests are sent again after
// a transient failure, with back-off, before a step fails. Also fetches the signed catalog
// (fetchCatalog: verified against the pinned key before the callback sees it).
// Asynchronous: each call answers once through its callback, on the caller's thread; a
// callback is dropped if the JobClient is destroyed first.
#pragma once

#include "common/Result.h"
#include "crypto/SpkiPin.h"
#include "platform/ApiClient.h"
#include "platform/Catalog.h"
#include "platform/JobStatus.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

namespace haip::platform {

struct JobRequestSpec
{
    QString serviceId;
    QString clientRequestId; // once per submission (kept in the offline queue): makes create idempotent
    qint64 payloadSize = 0;
    QString keyId;
    QString modality; // optional
    int sliceCount = 0; // optional (0: not sent)
    qint64 plaintextSize = -1; // optional
};

class JobClient : public QObject
{
    Q_OBJECT
public:
    using StatusCallback = std::function<void(Result<JobStatus> status)>;
    using DoneCallback = std::function<void(Result<void> result)>;
    using CatalogCallback = std::function<void(Result<Catalog> catalog)>;
    using SignedCatalogCallback = std::function<void(Result<QJsonObject> signedCatalog)>;

    explicit JobClient(ApiClient &api, QObject *parent = nullptr);

    void fetchCatalog(const crypto::SpkiPin &catalogPin, CatalogCallback done);
    // The answer of GET /v1/catalog as received ({jws, signingKey}), NOT verified: for
    // CatalogCache::store(), which verifies it before keeping or returning it.
    void fetchSignedCatalog(SignedCatalogCallback done);
    void create(const JobRequestSpec &request, StatusCallback done);
    void status(const QString &jobId, StatusCallback done);
    void commit(const QString &jobId, StatusCallback done);
    void cancel(const QString &jobId, StatusCallback done);
    // Polls every `intervalMs` until the job is COMPLETED, CANCELED or FAILED (transient network
    // failures are polled through); `progress` sees every status on the way.
    void waitUntilFinished(const QString &jobId,
                           int intervalMs,
                           const StatusCallback &done,
                           const std::function<void(const JobStatus &)> &progress = {});
    // Streams GET …/result into `path` and checks it against the job's size and SHA-256.
    void downloadResult(const JobStatus &completed, const QString &path, DoneCallback done);

private:
    void sendIdempotent(const std::function<ApiReply *()> &make,
                        const std::function<void(ApiReply *)> &handle,
                        int attempt = 0);
    void expectJob(const std::function<ApiReply *()> &make, StatusCallback done);
    ApiReply *postEmpty(const QString &path);

    ApiClient &m_api;
};

} // namespace haip::platform
