// JobRecord: one analysis job as the broker stores it (jobs/<id>/job.json) and shows it
// (docs/api/openapi.yaml, schema Job) — a UPS-shaped workitem: the UPS states plus FAILED,
// progress and stage, the upload's offset, the worker's lease and the result's digest.
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace haip::server {

enum class JobState
{
    Scheduled,
    InProgress,
    Completed,
    Canceled,
    Failed,
};

// "SCHEDULED", "IN PROGRESS", … as in the API; stateFromName returns nullopt for other text.
QString jobStateName(JobState state);
std::optional<JobState> jobStateFromName(const QString &name);
// The strict UPS state (FAILED → CANCELED).
QString upsStateName(JobState state);
bool isFinal(JobState state);

struct JobRecord
{
    QString jobId; // 32 hex digits
    QString owner; // clinician id of the creating session
    QString sessionId;
    QString serviceId;
    QString clientRequestId;
    QString keyId;
    QString modality;
    int sliceCount = 0;
    qint64 plaintextSize = -1;
    qint64 payloadSize = 0;

    JobState state = JobState::Scheduled;
    int progress = 0;
    QString stage;
    bool committed = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime committedAt;
    QDateTime startedAt;
    QDateTime finishedAt;

    // Worker lease (IN PROGRESS only).
    QString leaseId;
    QDateTime leaseExpiresAt;
    int attempts = 0;

    // COMPLETED: the sealed result.
    qint64 resultSize = -1;
    QString resultSha256;
    // FAILED: a problem document.
    QJsonObject failure;

    // The stored form (everything) and the API form (no owner, session or lease).
    QJsonObject toStorage() const;
    static Result<JobRecord> fromStorage(const QJsonObject &object);
    // receivedBytes is the payload file's size (the store's truth, not a member).
    QJsonObject toApi(qint64 receivedBytes, qint64 chunkSize, qint64 maxChunkSize) const;
};

} // namespace haip::server
