#include "JobRoutes.h"

#include "ApiServer.h"
#include "CatalogPublisher.h"
#include "JobStore.h"
#include "ProblemResponse.h"
#include "ServiceEntrySource.h"
#include "crypto/PublicKey.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

namespace haip::server {

namespace {

constexpr qint64 kMaxRange = 16 * 1024 * 1024;

// "bytes first-last/total" (RFC 9110 section 14.4, one complete range).
struct ContentRange
{
    qint64 first = 0;
    qint64 last = 0;
    qint64 total = 0;
};

std::optional<ContentRange> parseContentRange(const QByteArray &value)
{
    static const QRegularExpression re(QStringLiteral(R"(^bytes ([0-9]{1,15})-([0-9]{1,15})/([0-9]{1,15})$)"));
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(value.trimmed()));
    if (!m.hasMatch())
        return std::nullopt;
    return ContentRange {m.captured(1).toLongLong(), m.captured(2).toLongLong(), m.captured(3).toLongLong()};
}

QJsonObject uploadJson(const UploadStatus &s)
{
    return {{QStringLiteral("receivedBytes"), double(s.receivedBytes)},
            {QStringLiteral("totalBytes"), double(s.totalBytes)},
            {QStringLiteral("complete"), s.complete()}};
}

ApiResponse jobJson(const JobStore &jobs, const JobRecord &job, int status = 200)
{
    return ApiResponse::json(
        job.toApi(jobs.receivedBytes(job.jobId), jobs.options().chunkSize, jobs.options().maxChunkSize), status);
}

// A conflict about the upload offset: the problem says where to continue, and so does the header.
ApiResponse offsetConflict(const Error &error, qint64 received)
{
    platform::Problem problem = platform::Problem::fromError(error);
    problem.extensions.insert(QStringLiteral("receivedBytes"), double(received));
    return ProblemResponse::from(problem).withHeader(QByteArrayLiteral("Upload-Offset"), QByteArray::number(received));
}

const QString &owner(const ApiRequest &r)
{
    return r.identity->clinicianId;
}

Result<ApiResponse> createJob(JobStore &jobs, const ServiceEntrySource &services, const ApiRequest &r)
{
    Result<QJsonObject> body = r.jsonObject();
    if (!body)
        return body.error();
    static const QRegularExpression serviceRe(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
    static const QRegularExpression requestRe(QStringLiteral("^[A-Za-z0-9._:-]{1,64}$"));
    static const QRegularExpression keyIdRe(QStringLiteral("^[0-9a-f]{16}$"));
    static const QRegularExpression modalityRe(QStringLiteral("^[A-Z0-9]{1,16}$"));
    const auto bad = [](const char *member) {
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("member '%1' is missing or malformed").arg(QLatin1String(member)));
    };
    JobRecord draft;
    draft.serviceId = body->value(QLatin1String("serviceId")).toString();
    draft.clientRequestId = body->value(QLatin1String("clientRequestId")).toString();
    const QJsonValue size = body->value(QLatin1String("payloadSize"));
    if (!serviceRe.match(draft.serviceId).hasMatch())
        return bad("serviceId");
    if (!requestRe.match(draft.clientRequestId).hasMatch())
        return bad("clientRequestId");
    if (!size.isDouble() || size.toDouble() < 1 || size.toDouble() != double(qint64(size.toDouble())))
        return bad("payloadSize");
    draft.payloadSize = qint64(size.toDouble());
    if (draft.payloadSize > jobs.options().maxPayloadBytes)
        return Error(ErrorCode::PayloadTooLarge,
                     QStringLiteral("a payload is at most %1 bytes").arg(jobs.options().maxPayloadBytes));
    const QJsonValue keyId = body->value(QLatin1String("keyId"));
    const QJsonValue modality = body->value(QLatin1String("modality"));
    const QJsonValue slices = body->value(QLatin1String("sliceCount"));
    const QJsonValue plain = body->value(QLatin1String("plaintextSize"));
    if (!keyId.isUndefined() && !keyIdRe.match(keyId.toString()).hasMatch())
        return bad("keyId");
    if (!modality.isUndefined() && !modalityRe.match(modality.toString()).hasMatch())
        return bad("modality");
    if (!slices.isUndefined() && (!slices.isDouble() || slices.toInt(-1) < 1 || slices.toInt() > 100000))
        return bad("sliceCount");
    if (!plain.isUndefined() && (!plain.isDouble() || plain.toDouble() < 0))
        return bad("plaintextSize");
    draft.keyId = keyId.toString();
    draft.modality = modality.toString();
    draft.sliceCount = slices.toInt(0);
    draft.plaintextSize = plain.isUndefined() ? -1 : qint64(plain.toDouble());

    Result<ServiceDescription> service = services.find(draft.serviceId);
    if (!service)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("no such service in the catalog"), draft.serviceId);
    Result<crypto::PublicKey> key = crypto::PublicKey::fromBase64(service->publicKeyBase64);
    if (!key)
        return Error(ErrorCode::Internal, QStringLiteral("the service's key is unreadable"));
    if (!draft.keyId.isEmpty() && draft.keyId != QString::fromLatin1(key->keyId().toHex()))
        return Error(ErrorCode::Conflict,
                     QStringLiteral("the service's envelope key has changed: refresh the catalog and seal again"));
    const QJsonObject input = service->entry.value(QLatin1String("input")).toObject();
    QStringList modalities;
    for (const QJsonValue &m : input.value(QLatin1String("modalities")).toArray())
        modalities.append(m.toString());
    if (!draft.modality.isEmpty() && !modalities.isEmpty() && !modalities.contains(draft.modality))
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("the service takes %1, not %2").arg(modalities.join(u'/'), draft.modality));
    const int minSlices = input.value(QLatin1String("min_slices")).toInt(1);
    const int maxSlices = input.value(QLatin1String("max_slices")).toInt(0);
    if (draft.sliceCount > 0 && (draft.sliceCount < minSlices || (maxSlices > 0 && draft.sliceCount > maxSlices)))
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("the service takes %1 to %2 slices, not %3")
                         .arg(minSlices)
                         .arg(maxSlices > 0 ? QString::number(maxSlices) : QStringLiteral("any number of"))
                         .arg(draft.sliceCount));

    draft.owner = owner(r);
    draft.sessionId = r.identity->sessionId;
    Result<JobStore::Created> created = jobs.create(draft);
    if (!created)
        return created.error();
    ApiResponse response = jobJson(jobs, created->job, created->existed ? 200 : 201);
    return response.withHeader(QByteArrayLiteral("Location"),
                               QStringLiteral("/v1/jobs/%1").arg(created->job.jobId).toLatin1());
}

Result<ApiResponse> listJobs(JobStore &jobs, const ApiRequest &r)
{
    std::optional<JobState> state;
    if (r.query.hasQueryItem(QStringLiteral("state"))) {
        state = jobStateFromName(r.query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded));
        if (!state)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("unknown state"));
    }
    int limit = 100;
    if (r.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = r.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 500)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("limit is 1 to 500"));
    }
    QJsonArray out;
    for (const JobRecord &job : jobs.list(owner(r), state, limit))
        out.append(job.toApi(jobs.receivedBytes(job.jobId), jobs.options().chunkSize, jobs.options().maxChunkSize));
    return ApiResponse::json(QJsonObject {{QStringLiteral("jobs"), out}});
}

ApiResponse putPayload(JobStore &jobs, const ApiRequest &r)
{
    const QString id = r.param(QStringLiteral("jobId"));
    const std::optional<ContentRange> range = parseContentRange(r.header("content-range"));
    if (!range)
        return ProblemResponse::from(
            Error(ErrorCode::InvalidArgument, QStringLiteral("Content-Range: bytes first-last/total is required")));
    Result<UploadStatus> status = jobs.appendPayload(id, owner(r), range->first, range->last, range->total, r.body);
    if (!status) {
        if (status.error().code() == ErrorCode::Conflict)
            return offsetConflict(status.error(), jobs.receivedBytes(id));
        return ProblemResponse::from(status.error());
    }
    return ApiResponse::json(uploadJson(*status))
        .withHeader(QByteArrayLiteral("Upload-Offset"), QByteArray::number(status->receivedBytes));
}

Result<ApiResponse> payloadStatus(JobStore &jobs, const ApiRequest &r, bool head)
{
    Result<JobRecord> job = jobs.get(r.param(QStringLiteral("jobId")), owner(r));
    if (!job)
        return job.error();
    const UploadStatus s {jobs.receivedBytes(job->jobId), job->payloadSize};
    ApiResponse response = head ? ApiResponse::noContent() : ApiResponse::json(uploadJson(s));
    response.withHeader(QByteArrayLiteral("Upload-Offset"), QByteArray::number(s.receivedBytes));
    response.withHeader(QByteArrayLiteral("Upload-Length"), QByteArray::number(s.totalBytes));
    return response;
}

ApiResponse commitJob(JobStore &jobs, const ApiRequest &r)
{
    const QString id = r.param(QStringLiteral("jobId"));
    Result<JobRecord> job = jobs.commit(id, owner(r));
    if (!job) {
        if (job.error().code() == ErrorCode::Conflict)
            return offsetConflict(job.error(), jobs.receivedBytes(id));
        return ProblemResponse::from(job.error());
    }
    return jobJson(jobs, *job);
}

// Range: bytes=a-b | bytes=a- (one range).
Result<ApiResponse> getResult(JobStore &jobs, const ApiRequest &r)
{
    Result<JobRecord> job = jobs.get(r.param(QStringLiteral("jobId")), owner(r));
    if (!job)
        return job.error();
    if (job->state != JobState::Completed)
        return Error(ErrorCode::Conflict, QStringLiteral("the job is %1").arg(jobStateName(job->state)));
    QFile file(jobs.resultPath(job->jobId));
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Internal, QStringLiteral("the result is missing"));
    const qint64 size = file.size();
    qint64 first = 0;
    qint64 last = size - 1;
    const QByteArray rangeHeader = r.header("range");
    if (!rangeHeader.isEmpty()) {
        static const QRegularExpression re(QStringLiteral(R"(^bytes=([0-9]{1,15})-([0-9]{0,15})$)"));
        const QRegularExpressionMatch m = re.match(QString::fromLatin1(rangeHeader.trimmed()));
        if (!m.hasMatch())
            return Error(ErrorCode::InvalidArgument, QStringLiteral("Range: bytes=first-last (one range)"));
        first = m.captured(1).toLongLong();
        if (!m.captured(2).isEmpty())
            last = qMin(last, m.captured(2).toLongLong());
        if (first > last || first >= size)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("the range is outside the result"));
    }
    if (last - first + 1 > kMaxRange)
        last = first + kMaxRange - 1; // a client that asked for more gets a 206 it can continue from
    if (!file.seek(first))
        return Error(ErrorCode::Internal, file.errorString());
    const QByteArray bytes = file.read(last - first + 1);
    if (bytes.size() != last - first + 1)
        return Error(ErrorCode::Internal, QStringLiteral("short read of the result"));
    const bool partial = first != 0 || last != size - 1;
    ApiResponse response =
        ApiResponse::bytes(bytes, QByteArrayLiteral("application/octet-stream"), partial ? 206 : 200);
    response.withHeader(QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes"));
    response.withHeader(QByteArrayLiteral("Repr-Digest"),
                        "sha-256=:" + QByteArray::fromHex(job->resultSha256.toLatin1()).toBase64() + ':');
    if (partial)
        response.withHeader(QByteArrayLiteral("Content-Range"),
                            QStringLiteral("bytes %1-%2/%3").arg(first).arg(last).arg(size).toLatin1());
    return response;
}

} // namespace

Result<void> registerJobRoutes(ApiServer &server, JobStore &jobs, const ServiceEntrySource &services)
{
    const RouteOptions json {Access::Session, 16 * 1024};
    const RouteOptions none {Access::Session, 0};
    const RouteOptions chunk {Access::Session, jobs.options().maxChunkSize};
    const QString job = QStringLiteral("/v1/jobs/{jobId}");
    const bool ok = server.addRoute(HttpMethod::Post,
                                    QStringLiteral("/v1/jobs"),
                                    json,
                                    [&jobs, &services](const ApiRequest &r) { return createJob(jobs, services, r); }) &&
        server.addRoute(HttpMethod::Get,
                        QStringLiteral("/v1/jobs"),
                        none,
                        [&jobs](const ApiRequest &r) { return listJobs(jobs, r); }) &&
        server.addRoute(HttpMethod::Get,
                        job,
                        none,
                        [&jobs](const ApiRequest &r) -> Result<ApiResponse> {
                            Result<JobRecord> j = jobs.get(r.param(QStringLiteral("jobId")), owner(r));
                            if (!j)
                                return j.error();
                            return jobJson(jobs, *j);
                        }) &&
        server.addRoute(HttpMethod::Put,
                        job + QStringLiteral("/payload"),
                        chunk,
                        [&jobs](const ApiRequest &r) { return Result<ApiResponse>(putPayload(jobs, r)); }) &&
        server.addRoute(HttpMethod::Head,
                        job + QStringLiteral("/payload"),
                        none,
                        [&jobs](const ApiRequest &r) { return payloadStatus(jobs, r, true); }) &&
        server.addRoute(HttpMethod::Get,
                        job + QStringLiteral("/payload"),
                        none,
                        [&jobs](const ApiRequest &r) { return payloadStatus(jobs, r, false); }) &&
        server.addRoute(HttpMethod::Post,
                        job + QStringLiteral("/commit"),
                        none,
                        [&jobs](const ApiRequest &r) { return Result<ApiResponse>(commitJob(jobs, r)); }) &&
        server.addRoute(HttpMethod::Post,
                        job + QStringLiteral("/cancel"),
                        none,
                        [&jobs](const ApiRequest &r) -> Result<ApiResponse> {
                            Result<JobRecord> j = jobs.cancel(r.param(QStringLiteral("jobId")), owner(r));
                            if (!j)
                                return j.error();
                            return jobJson(jobs, *j);
                        }) &&
        server.addRoute(HttpMethod::Get, job + QStringLiteral("/result"), none, [&jobs](const ApiRequest &r) {
            return getResult(jobs, r);
        });
    if (!ok)
        return Error(ErrorCode::Internal, QStringLiteral("duplicate or malformed job route"));
    return {};
}

Result<void> registerCatalogRoutes(ApiServer &server, CatalogPublisher &catalog)
{
    if (!server.addRoute(HttpMethod::Get,
                         QStringLiteral("/v1/catalog"),
                         {Access::Session, 0},
                         [&catalog](const ApiRequest &) -> Result<ApiResponse> {
                             Result<QJsonObject> signedCatalog = catalog.signedCatalog();
                             if (!signedCatalog)
                                 return signedCatalog.error();
                             return ApiResponse::json(*signedCatalog);
                         }))
        return Error(ErrorCode::Internal, QStringLiteral("cannot register /v1/catalog"));
    return {};
}

} // namespace haip::server
