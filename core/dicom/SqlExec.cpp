#include "dicom/SqlExec.h"

#include <QLoggingCategory>
#include <QSqlError>

namespace haip::dicom::sql {

namespace {

Q_LOGGING_CATEGORY(lcIndex, "haip.index")

Error statementError(const QSqlQuery &query, const QString &sql)
{
    const QString driverText = query.lastError().text().trimmed();
    qCWarning(lcIndex, "SQL failed: %s — %s", qUtf8Printable(driverText), qUtf8Printable(sql));
    return Error(ErrorCode::DatabaseError, QStringLiteral("%1 — SQL: %2").arg(driverText, sql));
}

} // namespace

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

Error databaseError(const QString &what, const QString &driverText)
{
    qCWarning(lcIndex, "%s failed: %s", qUtf8Printable(what), qUtf8Printable(driverText));
    return Error(ErrorCode::DatabaseError, QStringLiteral("%1 failed: %2").arg(what, driverText.trimmed()));
}

Result<QSqlQuery> prepare(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return statementError(query, sql);
    return query;
}

Result<void> loggedExec(QSqlQuery &query)
{
    if (!query.exec())
        return statementError(query, query.lastQuery());
    return {};
}

Result<void> loggedExec(QSqlQuery &query, const QVariantList &values)
{
    for (const QVariant &value : values)
        query.addBindValue(value);
    return loggedExec(query);
}

Result<QSqlQuery> loggedExec(const QSqlDatabase &db, const QString &sql)
{
    Result<QSqlQuery> query = prepare(db, sql);
    if (!query)
        return query.error();
    if (!query->exec())
        return statementError(*query, sql);
    return query;
}

Result<WriteTransaction> WriteTransaction::begin(const QSqlDatabase &db)
{
    Result<QSqlQuery> started = loggedExec(db, QStringLiteral("BEGIN IMMEDIATE"));
    if (!started)
        return started.error();
    return WriteTransaction(db);
}

WriteTransaction::WriteTransaction(const QSqlDatabase &db) : m_db(db), m_open(true) { }

WriteTransaction::WriteTransaction(WriteTransaction &&other) noexcept
    : m_db(std::exchange(other.m_db, QSqlDatabase())), m_open(std::exchange(other.m_open, false))
{ }

WriteTransaction::~WriteTransaction()
{
    if (!m_open)
        return;
    // Nothing to return an error to here: the caller already has the error that got us here.
    Result<QSqlQuery> rolledBack = loggedExec(m_db, QStringLiteral("ROLLBACK"));
    Q_UNUSED(rolledBack);
}

Result<void> WriteTransaction::commit()
{
    Result<QSqlQuery> committed = loggedExec(m_db, QStringLiteral("COMMIT"));
    if (!committed)
        return committed.error();
    m_open = false;
    return {};
}

} // namespace haip::dicom::sql
