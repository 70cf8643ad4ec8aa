// JobStatus: a job as the platform reports it (docs/api/openapi.yaml, schema Job), parsed
// strictly from the answer of POST /v1/jobs, GET /v1/jobs/{id}, commit and cancel.
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace haip::platform {

struct JobStatus
{
    QString jobId;
    QString serviceId;
    QString clientRequestId;
    QString state; // SCHEDULED, IN PROGRESS, COMPLETED, CANCELED, FAILED
    QString upsState;
    int progress = 0;
    QString stage;
    qint64 chunkSize = 0; // recommended upload chunk
    qint64 maxChunkSize = 0;
    qint64 totalBytes = 0;
    qint64 receivedBytes = 0;
    bool committed = false;
    qint64 resultSize = -1; // COMPLETED
    QString resultSha256;
    Error failure; // FAILED: the platform's reason

    bool isFinal() const;
    static Result<JobStatus> fromJson(const QJsonObject &object);
};

} // namespace haip::platform
