#include "dicom/IndexSchema.h"

#include "dicom/SqlExec.h"

#include <QFile>

#include <array>

namespace haip::dicom {

namespace {

struct SchemaStep
{
    int version; // schema_version after the step
    const char *resource;
};

// Version 1 creates everything; each later step upgrades from the version before it.
constexpr std::array<SchemaStep, 3> kSteps {{
    {1, ":/sql/index-schema-v1.sql"},
    {2, ":/sql/index-upgrade-v2.sql"}, // thumbnails in their own table; study.last_imported
    {3, ":/sql/index-upgrade-v3.sql"}, // ai_result: completed AI jobs by study
}};

Result<int> storedVersion(const QSqlDatabase &db)
{
    Result<QSqlQuery> table = sql::loggedExec(
        db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"));
    if (!table)
        return table.error();
    if (!table->next() || table->value(0).toInt() == 0)
        return 0;
    Result<QSqlQuery> version = sql::loggedExec(db, QStringLiteral("SELECT max(version) FROM schema_version"));
    if (!version)
        return version.error();
    return version->next() ? version->value(0).toInt() : 0;
}

} // namespace

int IndexSchema::currentVersion()
{
    return kSteps.back().version;
}

Result<QStringList> IndexSchema::statements(const QString &resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error(ErrorCode::Internal, QStringLiteral("schema resource %1 missing from the build").arg(resource));
    QStringList statements;
    QString current;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            statements.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        return Error(ErrorCode::Internal, QStringLiteral("%1 ends without ';'").arg(resource));
    return statements;
}

Result<void> IndexSchema::run(const QSqlDatabase &db, const QString &resource)
{
    const Result<QStringList> script = statements(resource);
    if (!script)
        return script.error();
    for (const QString &statement : *script) {
        Result<QSqlQuery> done = sql::loggedExec(db, statement);
        if (!done)
            return done.error();
    }
    return {};
}

Result<int> IndexSchema::ensure(const QSqlDatabase &db)
{
    const Result<int> before = storedVersion(db);
    if (!before)
        return before.error();
    if (*before > currentVersion())
        return Error(ErrorCode::DatabaseError,
                     QStringLiteral("the index has schema version %1, newer than this program's %2")
                         .arg(*before)
                         .arg(currentVersion()));
    if (*before == currentVersion())
        return *before; // the usual case: no write lock taken
    for (const SchemaStep &step : kSteps) {
        // Several connections may open a new index at once: decide inside the write lock.
        Result<sql::WriteTransaction> transaction = sql::WriteTransaction::begin(db);
        if (!transaction)
            return transaction.error();
        const Result<int> now = storedVersion(db);
        if (!now)
            return now.error();
        if (*now >= step.version)
            continue; // rolled back by the transaction's destructor: nothing was written
        if (*now != step.version - 1)
            return Error(
                ErrorCode::DatabaseError,
                QStringLiteral("the index has schema version %1; no upgrade path to %2").arg(*now).arg(step.version));
        if (Result<void> applied = run(db, QString::fromLatin1(step.resource)); !applied)
            return applied.error();
        if (step.version > 1) {
            Result<QSqlQuery> update = sql::prepare(db, QStringLiteral("UPDATE schema_version SET version = ?"));
            if (!update)
                return update.error();
            update->addBindValue(step.version);
            if (Result<void> set = sql::loggedExec(*update); !set)
                return set.error();
        }
        if (Result<void> committed = transaction->commit(); !committed)
            return committed.error();
    }
    return *before;
}

} // namespace haip::dicom
