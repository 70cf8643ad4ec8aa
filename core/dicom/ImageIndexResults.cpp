// ImageIndex: the AI results listed with their studies (schema version 3, table ai_result).
#include "dicom/ImageIndex.h"
#include "dicom/SqlExec.h"
#include "dicom/internal/ImageIndexImpl.h"

#include <QTimeZone>

namespace haip::dicom {

Result<void> ImageIndex::addAiResult(const AiResultRecord &result)
{
    if (result.jobId.isEmpty() || result.studyInstanceUid.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("an AI result needs its job and study"));
    Result<QSqlQuery> insert =
        sql::prepare(d->db,
                     QStringLiteral("INSERT OR REPLACE INTO ai_result "
                                    "(job_id, study_uid, series_uid, service_id, service_name, completed) "
                                    "VALUES (?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    return sql::loggedExec(*insert,
                           {sql::text(result.jobId),
                            sql::text(result.studyInstanceUid),
                            sql::text(result.seriesInstanceUid),
                            sql::text(result.serviceId),
                            sql::text(result.serviceName),
                            result.completed.toMSecsSinceEpoch()});
}

Result<void> ImageIndex::removeAiResult(const QString &jobId)
{
    Result<QSqlQuery> remove = sql::prepare(d->db, QStringLiteral("DELETE FROM ai_result WHERE job_id = ?"));
    if (!remove)
        return remove.error();
    return sql::loggedExec(*remove, {sql::text(jobId)});
}

Result<QList<AiResultRecord>> ImageIndex::aiResults(const QString &studyInstanceUid) const
{
    Result<QSqlQuery> select =
        sql::prepare(d->db,
                     QStringLiteral("SELECT job_id, study_uid, series_uid, service_id, service_name, completed "
                                    "FROM ai_result WHERE study_uid = ? ORDER BY completed DESC, job_id"));
    if (!select)
        return select.error();
    if (Result<void> done = sql::loggedExec(*select, {sql::text(studyInstanceUid)}); !done)
        return done.error();
    QList<AiResultRecord> out;
    while (select->next()) {
        AiResultRecord r;
        r.jobId = select->value(0).toString();
        r.studyInstanceUid = select->value(1).toString();
        r.seriesInstanceUid = select->value(2).toString();
        r.serviceId = select->value(3).toString();
        r.serviceName = select->value(4).toString();
        r.completed = QDateTime::fromMSecsSinceEpoch(select->value(5).toLongLong(), QTimeZone::utc());
        out.append(r);
    }
    return out;
}

} // namespace haip::dicom
