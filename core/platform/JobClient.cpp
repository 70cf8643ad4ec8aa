#include "platform/JobClient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSaveFile>
#include <QTimer>

#include <memory>

namespace haip::platform {

namespace {
// Idempotent requests are sent again after a transient failure (a dropped connection, a timeout,
// 5xx, 429): up to 5 attempts, 0.5 s, 1 s, 2 s and 4 s apart — a mobile link's short outage is
// ridden through, a longer one fails the step with the reason and the job can be retried.
constexpr int kAttempts = 5;
constexpr int kFirstBackoffMs = 500;
} // namespace

JobClient::JobClient(ApiClient &api, QObject *parent) : QObject(parent), m_api(api) { }

void JobClient::sendIdempotent(const std::function<ApiReply *()> &make,
                               const std::function<void(ApiReply *)> &handle,
                               int attempt)
{
    ApiReply *reply = make();
    connect(reply, &ApiReply::finished, this, [this, reply, make, handle, attempt] {
        if (reply->isTransient() && attempt + 1 < kAttempts) {
            reply->deleteLater();
            QTimer::singleShot(kFirstBackoffMs << attempt, this, [this, make, handle, attempt] {
                sendIdempotent(make, handle, attempt + 1);
            });
            return;
        }
        handle(reply);
    });
}

void JobClient::expectJob(const std::function<ApiReply *()> &make, StatusCallback done)
{
    sendIdempotent(make, [this, done = std::move(done)](ApiReply *reply) {
        reply->deleteLater();
        if (!reply->result())
            return done(reply->result().error());
        Result<QJsonObject> body = reply->result()->json(m_api.options().json);
        if (!body)
            return done(body.error());
        done(JobStatus::fromJson(*body));
    });
}

void JobClient::fetchCatalog(const crypto::SpkiPin &catalogPin, CatalogCallback done)
{
    fetchSignedCatalog([catalogPin, done = std::move(done)](Result<QJsonObject> body) {
        if (!body)
            return done(body.error());
        done(Catalog::verify(*body, catalogPin));
    });
}

void JobClient::fetchSignedCatalog(SignedCatalogCallback done)
{
    const auto make = [this] {
        return m_api.get(QStringLiteral("/v1/catalog"));
    };
    sendIdempotent(make, [done = std::move(done)](ApiReply *reply) {
        reply->deleteLater();
        if (!reply->result())
            return done(reply->result().error());
        done(reply->result()->json());
    });
}

void JobClient::create(const JobRequestSpec &request, StatusCallback done)
{
    QJsonObject body {{QStringLiteral("serviceId"), request.serviceId},
                      {QStringLiteral("clientRequestId"), request.clientRequestId},
                      {QStringLiteral("payloadSize"), double(request.payloadSize)}};
    if (!request.keyId.isEmpty())
        body.insert(QStringLiteral("keyId"), request.keyId);
    if (!request.modality.isEmpty())
        body.insert(QStringLiteral("modality"), request.modality);
    if (request.sliceCount > 0)
        body.insert(QStringLiteral("sliceCount"), request.sliceCount);
    if (request.plaintextSize >= 0)
        body.insert(QStringLiteral("plaintextSize"), double(request.plaintextSize));
    // Idempotent: the platform answers a repeated clientRequestId with the job it made.
    expectJob([this, body] { return m_api.postJson(QStringLiteral("/v1/jobs"), body); }, std::move(done));
}

void JobClient::status(const QString &jobId, StatusCallback done)
{
    expectJob([this, jobId] { return m_api.get(QStringLiteral("/v1/jobs/%1").arg(jobId)); }, std::move(done));
}

// commit and cancel take no body (Content-Length: 0).
ApiReply *JobClient::postEmpty(const QString &path)
{
    ApiRequestSpec spec;
    spec.method = QByteArrayLiteral("POST");
    spec.path = path;
    return m_api.send(spec);
}

void JobClient::commit(const QString &jobId, StatusCallback done)
{
    // Idempotent: committing a committed job answers its status.
    expectJob([this, jobId] { return postEmpty(QStringLiteral("/v1/jobs/%1/commit").arg(jobId)); }, std::move(done));
}

void JobClient::cancel(const QString &jobId, StatusCallback done)
{
    expectJob([this, jobId] { return postEmpty(QStringLiteral("/v1/jobs/%1/cancel").arg(jobId)); }, std::move(done));
}

void JobClient::waitUntilFinished(const QString &jobId,
                                  int intervalMs,
                                  const StatusCallback &done,
                                  const std::function<void(const JobStatus &)> &progress)
{
    status(jobId, [this, jobId, intervalMs, done, progress](Result<JobStatus> s) {
        if (!s && s.error().code() != ErrorCode::NetworkUnavailable)
            return done(s);
        if (s && progress)
            progress(*s);
        if (s && s->isFinal())
            return done(s);
        QTimer::singleShot(intervalMs, this, [this, jobId, intervalMs, done, progress] {
            waitUntilFinished(jobId, intervalMs, done, progress);
        });
    });
}

void JobClient::downloadResult(const JobStatus &completed, const QString &path, DoneCallback done)
{
    if (completed.state != QLatin1String("COMPLETED"))
        return done(Error(ErrorCode::Conflict, QStringLiteral("the job has no result"), completed.jobId));
    // Each attempt writes a fresh file: a broken-off answer never mixes into the next one.
    auto file = std::make_shared<std::unique_ptr<QSaveFile>>();
    auto openError = std::make_shared<QString>();
    const auto make = [this, file, openError, path, jobId = completed.jobId] {
        *file = std::make_unique<QSaveFile>(path);
        if (!(*file)->open(QIODevice::WriteOnly))
            *openError = (*file)->errorString();
        ApiRequestSpec spec;
        spec.path = QStringLiteral("/v1/jobs/%1/result").arg(jobId);
        spec.sink = file->get();
        return m_api.send(spec);
    };
    sendIdempotent(make, [file, openError, path, completed, done = std::move(done)](ApiReply *reply) {
        reply->deleteLater();
        if (!openError->isEmpty())
            return done(Error(ErrorCode::WriteFailed, *openError, path));
        if (!reply->result())
            return done(reply->result().error());
        if (reply->httpStatus() != 200 || !(*file)->commit())
            return done(Error(ErrorCode::BadServerResponse, QStringLiteral("the result did not arrive whole"), path));
        QFile check(path);
        QCryptographicHash sha(QCryptographicHash::Sha256);
        if (!check.open(QIODevice::ReadOnly) || !sha.addData(&check))
            return done(Error(ErrorCode::FileUnreadable, check.errorString(), path));
        if (check.size() != completed.resultSize || QString::fromLatin1(sha.result().toHex()) != completed.resultSha256)
            return done(Error(ErrorCode::BadServerResponse,
                              QStringLiteral("the result does not match the size and SHA-256 the job names"),
                              path));
        done({});
    });
}

} // namespace haip::platform
