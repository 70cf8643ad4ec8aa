// ImageIndex: opening the database and everything that writes to it. Queries are in
// ImageIndexQueries.cpp; the schema and its upgrades in IndexSchema.cpp.
#include "dicom/ImageIndex.h"

#include "dicom/IndexSchema.h"
#include "dicom/SqlExec.h"
#include "dicom/internal/ImageIndexImpl.h"
#include "dicom/internal/IndexWriter.h"

#include <QBuffer>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace haip::dicom {

namespace {

// How long a writer waits for another connection's write transaction before failing.
constexpr int kBusyTimeoutMs = 30000;

// SQLite's primary result codes for a lock held by another connection.
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;

// Switches the file to write-ahead logging. When two connections open a new file at once,
// SQLite answers the loser with SQLITE_BUSY without waiting on the busy timeout (it would
// risk a deadlock), so that answer is retried here until the same timeout runs out.
Result<void> switchToWal(const QSqlDatabase &db, const QString &path)
{
    const QString sql = QStringLiteral("PRAGMA journal_mode = WAL");
    const QDeadlineTimer deadline(kBusyTimeoutMs);
    for (;;) {
        QSqlQuery query(db);
        if (query.exec(sql)) {
            if (query.next() && query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0)
                return {};
            return sql::databaseError(sql + QStringLiteral(" on ") + path,
                                      QStringLiteral("the file system refused write-ahead logging"));
        }
        const int code = query.lastError().nativeErrorCode().toInt() & 0xff;
        if ((code != kSqliteBusy && code != kSqliteLocked) || deadline.hasExpired())
            return sql::databaseError(sql + QStringLiteral(" on ") + path, query.lastError().text());
        QThread::msleep(20);
    }
}

Error missing(const InstanceInfo &info, const char *attribute)
{
    return Error(ErrorCode::MissingAttribute, QString::fromLatin1(attribute), info.path);
}

enum class Change
{
    Unchanged,
    Added,
    Updated
};

// Decides what add() must do for one instance, reading only.
class Classifier
{
public:
    static Result<Classifier> create(const QSqlDatabase &db)
    {
        Result<QSqlQuery> lookup = sql::prepare(
            db, QStringLiteral("SELECT path, file_size, file_mtime FROM instance WHERE sop_instance_uid = ?"));
        if (!lookup)
            return lookup.error();
        return Classifier(std::move(*lookup));
    }

    Result<Change> classify(const InstanceInfo &info, qint64 mtime)
    {
        m_lookup.addBindValue(sql::text(info.sopInstanceUid));
        if (Result<void> done = sql::loggedExec(m_lookup); !done)
            return done.error();
        if (!m_lookup.next()) {
            m_lookup.finish();
            return Change::Added;
        }
        const QString path = m_lookup.value(0).toString();
        const qint64 size = m_lookup.value(1).toLongLong();
        const qint64 storedMtime = m_lookup.value(2).toLongLong();
        m_lookup.finish();
        if (path == info.path)
            return size == info.fileSize && storedMtime == mtime ? Change::Unchanged : Change::Updated;
        // Another path: a second copy of an instance whose indexed file is intact changes nothing.
        const QFileInfo stored(path);
        if (stored.exists() && stored.size() == size && indexrow::modificationTime(path) == storedMtime)
            return Change::Unchanged;
        return Change::Updated; // the indexed file moved away or changed
    }

private:
    explicit Classifier(QSqlQuery lookup) : m_lookup(std::move(lookup)) { }
    QSqlQuery m_lookup;
};

} // namespace

ImageIndex::Impl::~Impl()
{
    db.close();
    db = QSqlDatabase(); // the last handle must go before the connection is removed
    QSqlDatabase::removeDatabase(connectionName);
}

ImageIndex::ImageIndex(std::unique_ptr<Impl> impl) : d(std::move(impl)) { }
ImageIndex::~ImageIndex() = default;

Result<std::unique_ptr<ImageIndex>> ImageIndex::open(const QString &databasePath)
{
    const QFileInfo file(databasePath);
    if (databasePath.isEmpty() || file.isDir())
        return Error(ErrorCode::DatabaseError, QStringLiteral("'%1' is not a database file path").arg(databasePath));
    if (!QDir().mkpath(file.absolutePath()))
        return Error(ErrorCode::DatabaseError,
                     QStringLiteral("cannot create the folder %1 (read-only location?)").arg(file.absolutePath()));

    auto impl = std::make_unique<Impl>();
    impl->connectionName = QStringLiteral("haip-index-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    impl->path = file.absoluteFilePath();
    impl->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), impl->connectionName);
    if (!impl->db.isValid())
        return Error(ErrorCode::DatabaseError, QStringLiteral("Qt's SQLite driver (QSQLITE) is not available"));
    impl->db.setDatabaseName(impl->path);
    impl->db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!impl->db.open())
        return sql::databaseError(QStringLiteral("opening %1").arg(impl->path), impl->db.lastError().text());

    // WAL: readers never wait for the importer; NORMAL is durable enough with WAL for an index
    // that can be rebuilt from the files; foreign keys keep the tree consistent.
    if (Result<void> wal = switchToWal(impl->db, impl->path); !wal)
        return wal.error();
    for (const QString &pragma :
         {QStringLiteral("PRAGMA synchronous = NORMAL"), QStringLiteral("PRAGMA foreign_keys = ON")}) {
        if (Result<QSqlQuery> set = sql::loggedExec(impl->db, pragma); !set)
            return set.error();
    }
    if (Result<int> schema = IndexSchema::ensure(impl->db); !schema)
        return Error(ErrorCode::DatabaseError, schema.error().detail() + QStringLiteral(" (%1)").arg(impl->path));
    impl->schemaVersion = IndexSchema::currentVersion();
    return std::unique_ptr<ImageIndex>(new ImageIndex(std::move(impl)));
}

int ImageIndex::schemaVersion() const
{
    return d->schemaVersion;
}

const QString &ImageIndex::databasePath() const
{
    return d->path;
}

Result<IndexStats> ImageIndex::add(const QList<InstanceInfo> &instances)
{
    QList<qint64> mtimes;
    mtimes.reserve(instances.size());
    for (const InstanceInfo &info : instances) {
        if (info.sopInstanceUid.isEmpty())
            return missing(info, "SOP Instance UID (0008,0018)");
        if (info.seriesInstanceUid.isEmpty())
            return missing(info, "Series Instance UID (0020,000E)");
        if (info.studyInstanceUid.isEmpty())
            return missing(info, "Study Instance UID (0020,000D)");
        mtimes.append(indexrow::modificationTime(info.path));
    }

    // First pass without any lock: a re-import of unchanged files ends here, having written nothing.
    IndexStats stats;
    {
        Result<Classifier> classifier = Classifier::create(d->db);
        if (!classifier)
            return classifier.error();
        for (int i = 0; i < instances.size(); ++i) {
            const Result<Change> change = classifier->classify(instances[i], mtimes[i]);
            if (!change)
                return change.error();
            if (*change != Change::Unchanged)
                break;
            ++stats.unchanged;
        }
        if (stats.unchanged == instances.size())
            return stats;
    }

    // Second pass under the write lock: another connection may have written in between.
    Result<sql::WriteTransaction> transaction = sql::WriteTransaction::begin(d->db);
    if (!transaction)
        return transaction.error();
    Result<Classifier> classifier = Classifier::create(d->db);
    if (!classifier)
        return classifier.error();
    Result<IndexWriter> writer = IndexWriter::prepare(d->db);
    if (!writer)
        return writer.error();
    stats = {};
    for (int i = 0; i < instances.size(); ++i) {
        const Result<Change> change = classifier->classify(instances[i], mtimes[i]);
        if (!change)
            return change.error();
        if (*change == Change::Unchanged) {
            ++stats.unchanged;
            continue;
        }
        if (Result<void> written = writer->write(instances[i], mtimes[i]); !written)
            return written.error();
        ++(*change == Change::Added ? stats.added : stats.updated);
    }
    if (Result<void> touched = writer->touchStudies(QDateTime::currentMSecsSinceEpoch()); !touched)
        return touched.error();
    if (Result<void> committed = transaction->commit(); !committed)
        return committed.error();
    return stats;
}

Result<void> ImageIndex::setThumbnail(const QString &seriesInstanceUid, const QImage &thumbnail)
{
    if (thumbnail.isNull()) {
        Result<QSqlQuery> remove =
            sql::prepare(d->db, QStringLiteral("DELETE FROM series_thumbnail WHERE series_uid = ?"));
        if (!remove)
            return remove.error();
        remove->addBindValue(sql::text(seriesInstanceUid));
        return sql::loggedExec(*remove);
    }
    QByteArray png;
    QBuffer buffer(&png);
    if (!buffer.open(QIODevice::WriteOnly) || !thumbnail.save(&buffer, "PNG"))
        return Error(
            ErrorCode::Internal,
            QStringLiteral("PNG encoding of a %1x%2 thumbnail failed").arg(thumbnail.width()).arg(thumbnail.height()));
    Result<QSqlQuery> store =
        sql::prepare(d->db,
                     QStringLiteral("INSERT INTO series_thumbnail (series_uid, png) VALUES (?, ?) "
                                    "ON CONFLICT (series_uid) DO UPDATE SET png = excluded.png"));
    if (!store)
        return store.error();
    store->addBindValue(sql::text(seriesInstanceUid));
    store->addBindValue(png);
    return sql::loggedExec(*store);
}

Result<void> ImageIndex::markOpened(const QString &studyInstanceUid, const QDateTime &when)
{
    Result<QSqlQuery> update =
        sql::prepare(d->db, QStringLiteral("UPDATE study SET last_opened = ? WHERE study_uid = ?"));
    if (!update)
        return update.error();
    update->addBindValue(when.toMSecsSinceEpoch());
    update->addBindValue(sql::text(studyInstanceUid));
    if (Result<void> done = sql::loggedExec(*update); !done)
        return done;
    if (update->numRowsAffected() != 1)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("no study %1 in the index").arg(studyInstanceUid));
    return {};
}

} // namespace haip::dicom
