// AnalysisJob: one request to an AI service as the workstation keeps it — what was sent (the
// series, the service), how far it got and where its result lies. It is saved after every step
// (JobStore, encrypted: it names the original study and holds the key that alone opens the
// result), so a job survives a restart and continues from the step it was in.
#pragma once

#include "common/Error.h"
#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "dicom/ResultRelinker.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace haip::workflow {

enum class JobStage
{
    Preparing, // de-identify, compress, seal (on this machine)
    Creating, // asking the platform for a job
    Uploading, // the sealed payload, resumable
    Processing, // committed: the service works on it
    Downloading, // the sealed result
    Completed,
    Failed,
    Cancelled,
};

QString stageKeyword(JobStage stage);
std::optional<JobStage> stageFromKeyword(const QString &keyword);

struct AnalysisJob
{
    QString id; // local, a UUID
    QString clientRequestId; // makes the platform's create idempotent; new for each retry
    QString serviceId;
    QString serviceNameJa;
    QString serviceNameEn;
    QString regulatoryStatus;

    // The original study and series (local only).
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString seriesDescription;
    QString modality;
    QStringList inputFiles;
    dicom::OriginalStudy original; // what the result is re-linked to
    int imageCount = 0;
    // The de-identified study's UID: the pseudonym audit records and the platform know.
    QString pseudonymousStudyUid;

    JobStage stage = JobStage::Preparing;
    QString platformJobId;
    QString payloadPath;
    QString payloadSha256;
    qint64 payloadBytes = 0;
    qint64 plaintextBytes = 0;
    qint64 uploadedBytes = 0;
    QString keyId;
    crypto::SecureBuffer responseKey; // ResponseKey::serialize()
    int serviceProgress = 0; // 0–100 as the platform reports it
    QString serviceStage;
    int expectedTurnaroundSeconds = 0;

    Error failure; // Failed: why
    JobStage failedAt = JobStage::Preparing; // where a retry continues

    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime processingSince;
    QDateTime finishedAt;
    QString resultDir;
    QStringList resultFiles; // names inside resultDir

    bool isFinished() const
    {
        return stage == JobStage::Completed || stage == JobStage::Failed || stage == JobStage::Cancelled;
    }
    QString serviceName(const QString &language) const
    {
        return language.startsWith(u"ja") && !serviceNameJa.isEmpty() ? serviceNameJa : serviceNameEn;
    }

    QJsonObject toJson() const;
    static Result<AnalysisJob> fromJson(const QJsonObject &object);
};

} // namespace haip::workflow
