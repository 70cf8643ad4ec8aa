#include "platform/JobStatus.h"

#include "platform/Problem.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace haip::platform {

bool JobStatus::isFinal() const
{
    return state == QLatin1String("COMPLETED") || state == QLatin1String("CANCELED") ||
        state == QLatin1String("FAILED");
}

namespace {

// A byte count from JSON: `absent` when the member is missing or not a number, -1 (refused by the
// checks below) beyond 2^53. qint64(d) of a double beyond qint64's range is undefined behaviour,
// and a server may send 1e300 (the pattern fuzzing found in Problem::parse; the regression input
// tests/fuzz/regressions/api_json/job-chunk-size-1e300.json).
qint64 byteCount(const QJsonValue &value, qint64 absent = 0)
{
    constexpr double maxExact = 9007199254740992.0; // 2^53: doubles are exact integers up to here
    if (!value.isDouble())
        return absent;
    const double d = value.toDouble();
    return d >= -maxExact && d <= maxExact ? qint64(d) : -1;
}

} // namespace

Result<JobStatus> JobStatus::fromJson(const QJsonObject &o)
{
    static const QRegularExpression idRe(QStringLiteral("^[0-9a-f]{32}$"));
    static const QRegularExpression shaRe(QStringLiteral("^[0-9a-f]{64}$"));
    static const QStringList states {QStringLiteral("SCHEDULED"),
                                     QStringLiteral("IN PROGRESS"),
                                     QStringLiteral("COMPLETED"),
                                     QStringLiteral("CANCELED"),
                                     QStringLiteral("FAILED")};
    const auto bad = [](const char *what) {
        return Error(ErrorCode::BadServerResponse, QStringLiteral("job: %1").arg(QLatin1String(what)));
    };
    JobStatus s;
    s.jobId = o.value(QLatin1String("jobId")).toString();
    s.serviceId = o.value(QLatin1String("serviceId")).toString().left(64);
    s.clientRequestId = o.value(QLatin1String("clientRequestId")).toString().left(64);
    s.state = o.value(QLatin1String("state")).toString();
    s.upsState = o.value(QLatin1String("upsState")).toString();
    s.stage = o.value(QLatin1String("stage")).toString().left(64);
    if (!idRe.match(s.jobId).hasMatch())
        return bad("a malformed jobId");
    if (!states.contains(s.state))
        return bad("an unknown state");
    const QJsonValue progress = o.value(QLatin1String("progress"));
    if (!progress.isDouble() || progress.toInt(-1) < 0 || progress.toInt() > 100)
        return bad("a malformed progress");
    s.progress = progress.toInt();
    const QJsonObject upload = o.value(QLatin1String("upload")).toObject();
    s.chunkSize = byteCount(upload.value(QLatin1String("chunkSize")));
    s.maxChunkSize = byteCount(upload.value(QLatin1String("maxChunkSize")));
    s.totalBytes = byteCount(upload.value(QLatin1String("totalBytes")));
    s.receivedBytes = byteCount(upload.value(QLatin1String("receivedBytes")));
    s.committed = upload.value(QLatin1String("committed")).toBool();
    if (s.chunkSize <= 0 || s.maxChunkSize < s.chunkSize || s.receivedBytes < 0 || s.receivedBytes > s.totalBytes)
        return bad("a malformed upload member");
    if (s.state == QLatin1String("COMPLETED")) {
        const QJsonObject result = o.value(QLatin1String("result")).toObject();
        s.resultSize = byteCount(result.value(QLatin1String("size")), -1);
        s.resultSha256 = result.value(QLatin1String("sha256")).toString();
        if (s.resultSize < 0 || !shaRe.match(s.resultSha256).hasMatch())
            return bad("a completed job without a result");
    }
    if (s.state == QLatin1String("FAILED")) {
        Result<Problem> p = Problem::parse(QJsonDocument(o.value(QLatin1String("failure")).toObject()).toJson());
        s.failure = p ? p->toError() : Error(ErrorCode::Internal, QStringLiteral("the service failed"));
    }
    return s;
}

} // namespace haip::platform
