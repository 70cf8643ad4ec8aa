#include "workflow/AnalysisJob.h"

#include <QJsonArray>

#include <array>

namespace haip::workflow {

using namespace Qt::StringLiterals;

namespace {

struct StageName
{
    JobStage stage;
    const char *keyword;
};

constexpr std::array kStages {
    StageName {JobStage::Preparing, "preparing"},
    StageName {JobStage::Creating, "creating"},
    StageName {JobStage::Uploading, "uploading"},
    StageName {JobStage::Processing, "processing"},
    StageName {JobStage::Downloading, "downloading"},
    StageName {JobStage::Completed, "completed"},
    StageName {JobStage::Failed, "failed"},
    StageName {JobStage::Cancelled, "cancelled"},
};

QString dateText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime dateValue(const QJsonObject &object, const char *key)
{
    return QDateTime::fromString(object.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
}

} // namespace

QString stageKeyword(JobStage stage)
{
    for (const StageName &s : kStages) {
        if (s.stage == stage)
            return QString::fromLatin1(s.keyword);
    }
    return {};
}

std::optional<JobStage> stageFromKeyword(const QString &keyword)
{
    for (const StageName &s : kStages) {
        if (keyword == QLatin1String(s.keyword))
            return s.stage;
    }
    return std::nullopt;
}

QJsonObject AnalysisJob::toJson() const
{
    QJsonObject object {
        {u"format"_s, u"haip-analysis-job/1"_s},
        {u"id"_s, id},
        {u"clientRequestId"_s, clientRequestId},
        {u"serviceId"_s, serviceId},
        {u"serviceNameJa"_s, serviceNameJa},
        {u"serviceNameEn"_s, serviceNameEn},
        {u"regulatoryStatus"_s, regulatoryStatus},
        {u"studyInstanceUid"_s, studyInstanceUid},
        {u"seriesInstanceUid"_s, seriesInstanceUid},
        {u"seriesDescription"_s, seriesDescription},
        {u"modality"_s, modality},
        {u"inputFiles"_s, QJsonArray::fromStringList(inputFiles)},
        {u"imageCount"_s, imageCount},
        {u"pseudonymousStudyUid"_s, pseudonymousStudyUid},
        {u"stage"_s, stageKeyword(stage)},
        {u"platformJobId"_s, platformJobId},
        {u"payloadPath"_s, payloadPath},
        {u"payloadSha256"_s, payloadSha256},
        {u"payloadBytes"_s, payloadBytes},
        {u"plaintextBytes"_s, plaintextBytes},
        {u"uploadedBytes"_s, uploadedBytes},
        {u"keyId"_s, keyId},
        {u"responseKey"_s, QString::fromLatin1(responseKey.toByteArray().toBase64())},
        {u"serviceProgress"_s, serviceProgress},
        {u"serviceStage"_s, serviceStage},
        {u"expectedTurnaroundSeconds"_s, expectedTurnaroundSeconds},
        {u"failedAt"_s, stageKeyword(failedAt)},
        {u"original"_s,
         QJsonObject {
             {u"studyInstanceUid"_s, original.studyInstanceUid},
             {u"patientName"_s, original.patientName},
             {u"patientId"_s, original.patientId},
             {u"patientBirthDate"_s, original.patientBirthDate},
             {u"patientSex"_s, original.patientSex},
             {u"studyDate"_s, original.studyDate},
             {u"studyTime"_s, original.studyTime},
             {u"studyId"_s, original.studyId},
             {u"accessionNumber"_s, original.accessionNumber},
             {u"referringPhysicianName"_s, original.referringPhysicianName},
         }},
        {u"createdAt"_s, dateText(createdAt)},
        {u"updatedAt"_s, dateText(updatedAt)},
        {u"processingSince"_s, dateText(processingSince)},
        {u"finishedAt"_s, dateText(finishedAt)},
        {u"resultDir"_s, resultDir},
        {u"resultFiles"_s, QJsonArray::fromStringList(resultFiles)},
    };
    if (failure.code() != ErrorCode::None) {
        object.insert(u"failure"_s,
                      QJsonObject {{u"code"_s, failure.codeName()},
                                   {u"detail"_s, failure.detail()},
                                   {u"subject"_s, failure.subject()}});
    }
    return object;
}

Result<AnalysisJob> AnalysisJob::fromJson(const QJsonObject &o)
{
    if (o.value(u"format"_s).toString() != u"haip-analysis-job/1"_s)
        return Error(ErrorCode::InvalidArgument, u"not an analysis job record"_s);
    AnalysisJob job;
    job.id = o.value(u"id"_s).toString();
    const std::optional<JobStage> stage = stageFromKeyword(o.value(u"stage"_s).toString());
    if (job.id.isEmpty() || !stage)
        return Error(ErrorCode::InvalidArgument, u"analysis job record without id or stage"_s);
    job.stage = *stage;
    job.clientRequestId = o.value(u"clientRequestId"_s).toString();
    job.serviceId = o.value(u"serviceId"_s).toString();
    job.serviceNameJa = o.value(u"serviceNameJa"_s).toString();
    job.serviceNameEn = o.value(u"serviceNameEn"_s).toString();
    job.regulatoryStatus = o.value(u"regulatoryStatus"_s).toString();
    job.studyInstanceUid = o.value(u"studyInstanceUid"_s).toString();
    job.seriesInstanceUid = o.value(u"seriesInstanceUid"_s).toString();
    job.seriesDescription = o.value(u"seriesDescription"_s).toString();
    job.modality = o.value(u"modality"_s).toString();
    for (const QJsonValue v : o.value(u"inputFiles"_s).toArray())
        job.inputFiles.append(v.toString());
    job.imageCount = o.value(u"imageCount"_s).toInt();
    job.pseudonymousStudyUid = o.value(u"pseudonymousStudyUid"_s).toString();
    job.platformJobId = o.value(u"platformJobId"_s).toString();
    job.payloadPath = o.value(u"payloadPath"_s).toString();
    job.payloadSha256 = o.value(u"payloadSha256"_s).toString();
    job.payloadBytes = o.value(u"payloadBytes"_s).toInteger();
    job.plaintextBytes = o.value(u"plaintextBytes"_s).toInteger();
    job.uploadedBytes = o.value(u"uploadedBytes"_s).toInteger();
    job.keyId = o.value(u"keyId"_s).toString();
    QByteArray key = QByteArray::fromBase64(o.value(u"responseKey"_s).toString().toLatin1());
    job.responseKey = crypto::SecureBuffer::fromBytes(key);
    key.fill('\0');
    job.serviceProgress = o.value(u"serviceProgress"_s).toInt();
    job.serviceStage = o.value(u"serviceStage"_s).toString();
    job.expectedTurnaroundSeconds = o.value(u"expectedTurnaroundSeconds"_s).toInt();
    job.failedAt = stageFromKeyword(o.value(u"failedAt"_s).toString()).value_or(JobStage::Preparing);
    const QJsonObject original = o.value(u"original"_s).toObject();
    job.original.studyInstanceUid = original.value(u"studyInstanceUid"_s).toString();
    job.original.patientName = original.value(u"patientName"_s).toString();
    job.original.patientId = original.value(u"patientId"_s).toString();
    job.original.patientBirthDate = original.value(u"patientBirthDate"_s).toString();
    job.original.patientSex = original.value(u"patientSex"_s).toString();
    job.original.studyDate = original.value(u"studyDate"_s).toString();
    job.original.studyTime = original.value(u"studyTime"_s).toString();
    job.original.studyId = original.value(u"studyId"_s).toString();
    job.original.accessionNumber = original.value(u"accessionNumber"_s).toString();
    job.original.referringPhysicianName = original.value(u"referringPhysicianName"_s).toString();
    job.createdAt = dateValue(o, "createdAt");
    job.updatedAt = dateValue(o, "updatedAt");
    job.processingSince = dateValue(o, "processingSince");
    job.finishedAt = dateValue(o, "finishedAt");
    job.resultDir = o.value(u"resultDir"_s).toString();
    for (const QJsonValue v : o.value(u"resultFiles"_s).toArray())
        job.resultFiles.append(v.toString());
    const QJsonObject failure = o.value(u"failure"_s).toObject();
    if (!failure.isEmpty()) {
        const ErrorCode code = errorCodeFromName(failure.value(u"code"_s).toString()).value_or(ErrorCode::Internal);
        job.failure = Error(code, failure.value(u"detail"_s).toString(), failure.value(u"subject"_s).toString());
    }
    return job;
}

} // namespace haip::workflow
