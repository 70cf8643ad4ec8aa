// Private to ImageIndex::add: writes the rows of instances inside add()'s write transaction —
// patient, study and series rows created on first sight (the first instance's attributes win),
// the instance row inserted or replaced. Statements are prepared once per add() call.
#pragma once

#include "common/Result.h"
#include "dicom/InstanceInfo.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

namespace haip::dicom {

class IndexWriter
{
public:
    static Result<IndexWriter> prepare(const QSqlDatabase &db);

    // `mtime`: the file's modification time (ms since the epoch), stored to recognise it later.
    Result<void> write(const InstanceInfo &info, qint64 mtime);
    // Stamps every study written to as imported at `now` (ms since the epoch).
    Result<void> touchStudies(qint64 now);

private:
    IndexWriter() = default;
    Result<void> ensureStudy(const InstanceInfo &info);
    Result<void> ensureSeries(const InstanceInfo &info);

    QSqlQuery m_insertPatient;
    QSqlQuery m_findPatient;
    QSqlQuery m_insertStudy;
    QSqlQuery m_insertSeries;
    QSqlQuery m_upsertInstance;
    QSqlQuery m_touchStudy;
    QSet<QString> m_knownStudies; // rows ensured during this call
    QSet<QString> m_knownSeries;
    QStringList m_writtenStudies; // in first-written order
};

} // namespace haip::dicom
