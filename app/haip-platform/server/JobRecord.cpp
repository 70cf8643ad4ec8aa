#include "JobRecord.h"

#include <array>

namespace haip::server {

namespace {

struct StateName
{
    JobState state;
    const char *name;
    const char *ups;
};
// API names and their strict UPS equivalents (PS3.4 CC.1.1); FAILED is ours.
constexpr std::array<StateName, 5> kStates {{
    {JobState::Scheduled, "SCHEDULED", "SCHEDULED"},
    {JobState::InProgress, "IN PROGRESS", "IN PROGRESS"},
    {JobState::Completed, "COMPLETED", "COMPLETED"},
    {JobState::Canceled, "CANCELED", "CANCELED"},
    {JobState::Failed, "FAILED", "CANCELED"},
}};

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonObject &o, const char *key)
{
    const QString s = o.value(QLatin1String(key)).toString();
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs);
}

void putTime(QJsonObject &o, const char *key, const QDateTime &t)
{
    if (t.isValid())
        o.insert(QLatin1String(key), timeText(t));
}

} // namespace

QString jobStateName(JobState state)
{
    for (const StateName &s : kStates) {
        if (s.state == state)
            return QLatin1String(s.name);
    }
    return {};
}

std::optional<JobState> jobStateFromName(const QString &name)
{
    for (const StateName &s : kStates) {
        if (name == QLatin1String(s.name))
            return s.state;
    }
    return std::nullopt;
}

QString upsStateName(JobState state)
{
    for (const StateName &s : kStates) {
        if (s.state == state)
            return QLatin1String(s.ups);
    }
    return {};
}

bool isFinal(JobState state)
{
    return state == JobState::Completed || state == JobState::Canceled || state == JobState::Failed;
}

QJsonObject JobRecord::toStorage() const
{
    QJsonObject o {
        {QStringLiteral("jobId"), jobId},
        {QStringLiteral("owner"), owner},
        {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("serviceId"), serviceId},
        {QStringLiteral("clientRequestId"), clientRequestId},
        {QStringLiteral("keyId"), keyId},
        {QStringLiteral("modality"), modality},
        {QStringLiteral("sliceCount"), sliceCount},
        {QStringLiteral("plaintextSize"), double(plaintextSize)},
        {QStringLiteral("payloadSize"), double(payloadSize)},
        {QStringLiteral("state"), jobStateName(state)},
        {QStringLiteral("progress"), progress},
        {QStringLiteral("stage"), stage},
        {QStringLiteral("committed"), committed},
        {QStringLiteral("leaseId"), leaseId},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("resultSize"), double(resultSize)},
        {QStringLiteral("resultSha256"), resultSha256},
        {QStringLiteral("failure"), failure},
    };
    putTime(o, "createdAt", createdAt);
    putTime(o, "updatedAt", updatedAt);
    putTime(o, "committedAt", committedAt);
    putTime(o, "startedAt", startedAt);
    putTime(o, "finishedAt", finishedAt);
    putTime(o, "leaseExpiresAt", leaseExpiresAt);
    return o;
}

Result<JobRecord> JobRecord::fromStorage(const QJsonObject &o)
{
    JobRecord r;
    r.jobId = o.value(QLatin1String("jobId")).toString();
    r.owner = o.value(QLatin1String("owner")).toString();
    r.sessionId = o.value(QLatin1String("sessionId")).toString();
    r.serviceId = o.value(QLatin1String("serviceId")).toString();
    r.clientRequestId = o.value(QLatin1String("clientRequestId")).toString();
    r.keyId = o.value(QLatin1String("keyId")).toString();
    r.modality = o.value(QLatin1String("modality")).toString();
    r.sliceCount = o.value(QLatin1String("sliceCount")).toInt();
    r.plaintextSize = qint64(o.value(QLatin1String("plaintextSize")).toDouble(-1));
    r.payloadSize = qint64(o.value(QLatin1String("payloadSize")).toDouble());
    const std::optional<JobState> state = jobStateFromName(o.value(QLatin1String("state")).toString());
    if (r.jobId.size() != 32 || r.owner.isEmpty() || r.serviceId.isEmpty() || !state || r.payloadSize <= 0)
        return Error(ErrorCode::CorruptDataset, QStringLiteral("job record without id, owner, service or state"));
    r.state = *state;
    r.progress = o.value(QLatin1String("progress")).toInt();
    r.stage = o.value(QLatin1String("stage")).toString();
    r.committed = o.value(QLatin1String("committed")).toBool();
    r.createdAt = timeFrom(o, "createdAt");
    r.updatedAt = timeFrom(o, "updatedAt");
    r.committedAt = timeFrom(o, "committedAt");
    r.startedAt = timeFrom(o, "startedAt");
    r.finishedAt = timeFrom(o, "finishedAt");
    r.leaseId = o.value(QLatin1String("leaseId")).toString();
    r.leaseExpiresAt = timeFrom(o, "leaseExpiresAt");
    r.attempts = o.value(QLatin1String("attempts")).toInt();
    r.resultSize = qint64(o.value(QLatin1String("resultSize")).toDouble(-1));
    r.resultSha256 = o.value(QLatin1String("resultSha256")).toString();
    r.failure = o.value(QLatin1String("failure")).toObject();
    return r;
}

QJsonObject JobRecord::toApi(qint64 receivedBytes, qint64 chunkSize, qint64 maxChunkSize) const
{
    const QString url = QStringLiteral("/v1/jobs/") + jobId;
    QJsonObject o {
        {QStringLiteral("jobId"), jobId},
        {QStringLiteral("serviceId"), serviceId},
        {QStringLiteral("clientRequestId"), clientRequestId},
        {QStringLiteral("state"), jobStateName(state)},
        {QStringLiteral("upsState"), upsStateName(state)},
        {QStringLiteral("progress"), progress},
        {QStringLiteral("upload"),
         QJsonObject {
             {QStringLiteral("url"), url + QStringLiteral("/payload")},
             {QStringLiteral("chunkSize"), double(chunkSize)},
             {QStringLiteral("maxChunkSize"), double(maxChunkSize)},
             {QStringLiteral("totalBytes"), double(payloadSize)},
             {QStringLiteral("receivedBytes"), double(receivedBytes)},
             {QStringLiteral("committed"), committed},
         }},
    };
    if (!stage.isEmpty())
        o.insert(QStringLiteral("stage"), stage);
    putTime(o, "createdAt", createdAt);
    putTime(o, "updatedAt", updatedAt);
    putTime(o, "committedAt", committedAt);
    putTime(o, "startedAt", startedAt);
    putTime(o, "finishedAt", finishedAt);
    if (state == JobState::Completed)
        o.insert(QStringLiteral("result"),
                 QJsonObject {{QStringLiteral("url"), url + QStringLiteral("/result")},
                              {QStringLiteral("size"), double(resultSize)},
                              {QStringLiteral("sha256"), resultSha256}});
    if (state == JobState::Failed && !failure.isEmpty())
        o.insert(QStringLiteral("failure"), failure);
    return o;
}

} // namespace haip::server
