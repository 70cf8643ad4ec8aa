// Qt SQL calls that never fail silently: every failing statement becomes a DatabaseError whose
// detail holds the driver's message and the SQL text (never the bound values, which may be
// patient data), and is logged under "haip.index". Used by the image index and its schema.
#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace haip::dicom::sql {

// Prepares `sql` on `db`.
Result<QSqlQuery> prepare(const QSqlDatabase &db, const QString &sql);
// Executes a prepared query with its bound values.
Result<void> loggedExec(QSqlQuery &query);
// Binds `values` to the placeholders of a prepared query, in order, and executes it.
Result<void> loggedExec(QSqlQuery &query, const QVariantList &values);
// Prepares and executes `sql` (no bound values); the query stays positioned for reading.
Result<QSqlQuery> loggedExec(const QSqlDatabase &db, const QString &sql);

// A text value to bind: '' for a null QString, which Qt would bind as SQL NULL (our text
// columns are NOT NULL, and `x = NULL` never matches).
QVariant text(const QString &value);

// A DatabaseError for a failure outside a statement (open, transaction), logged likewise.
Error databaseError(const QString &what, const QString &driverText);

// A write transaction that takes SQLite's write lock at once (BEGIN IMMEDIATE), so two
// connections writing at the same time queue on the busy timeout instead of failing. Rolls
// back on destruction unless commit() succeeded.
class WriteTransaction
{
public:
    static Result<WriteTransaction> begin(const QSqlDatabase &db);
    WriteTransaction(WriteTransaction &&other) noexcept;
    WriteTransaction &operator=(WriteTransaction &&) = delete;
    ~WriteTransaction();
    Result<void> commit();

private:
    explicit WriteTransaction(const QSqlDatabase &db);
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace haip::dicom::sql
