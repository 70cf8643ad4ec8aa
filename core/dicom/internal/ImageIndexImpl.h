// Private to ImageIndex*.cpp: the connection an ImageIndex owns and the mapping between
// instance rows and InstanceInfo, shared by the writing and the querying halves.
#pragma once

#include "common/Result.h"
#include "dicom/ImageIndex.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace haip::dicom {

struct ImageIndex::Impl
{
    QString connectionName; // unique per ImageIndex (a UUID), so threads never share one
    QString path;
    QSqlDatabase db;
    int schemaVersion = 0;

    ~Impl();
};

namespace indexrow {

// SELECT … FROM instance joined with its series, study and patient: every InstanceInfo field.
QString instanceSelect();
// Reads a row of instanceSelect(); DatabaseError if its geometry column is damaged.
Result<InstanceInfo> instanceFromRow(const QSqlQuery &query);

// The file's modification time in ms since the epoch (UTC), 0 if it does not exist.
qint64 modificationTime(const QString &path);

} // namespace indexrow

} // namespace haip::dicom
