// The image index's schema: version 1 from resources/sql/index-schema-v1.sql, then the
// upgrade scripts index-upgrade-v<N>.sql in order, each applied in its own write transaction
// together with the new number in schema_version (the Orthanc way: a fresh database goes
// through the same steps as an old one, so every upgrade script runs in every test).
#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace haip::dicom {

class IndexSchema
{
public:
    static int currentVersion();
    // Creates or upgrades the schema of `db` to currentVersion(); returns the version found
    // before (0 for an empty database). A database from a newer program is refused.
    static Result<int> ensure(const QSqlDatabase &db);
    // The statements of a schema script resource, e.g. ":/sql/index-schema-v1.sql".
    static Result<QStringList> statements(const QString &resource);
    // Runs one script's statements on `db` (no transaction of its own).
    static Result<void> run(const QSqlDatabase &db, const QString &resource);
};

} // namespace haip::dicom
