#include "audit/AuditLog.h"

#include "common/FileLock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <cerrno>
#include <system_error>
#include <unistd.h>
#endif

namespace haip::audit {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kTailBlock = qint64 {64} * 1024;

Error writeFailed(const QString &path, const QString &why)
{
    return Error(ErrorCode::WriteFailed, why, path);
}

// Makes what was written durable: the data reaches the disk, not only the OS cache.
Result<void> syncToDisk(QFile &file)
{
    if (!file.flush())
        return writeFailed(file.fileName(), file.errorString());
#ifdef Q_OS_WIN
    const auto handle = reinterpret_cast<HANDLE>(_get_osfhandle(file.handle()));
    if (handle == INVALID_HANDLE_VALUE || !FlushFileBuffers(handle))
        return writeFailed(file.fileName(), u"FlushFileBuffers failed"_s);
#else
    if (::fsync(file.handle()) != 0)
        return writeFailed(file.fileName(),
                           u"fsync: %1"_s.arg(QString::fromStdString(std::generic_category().message(errno))));
#endif
    return {};
}

// The file's last complete line (without "\n"), reading backwards in growing blocks;
// `size` ends with "\n". Empty when the file is empty.
Result<QByteArray> lastLine(QFile &file, qint64 size)
{
    for (qint64 block = kTailBlock;; block *= 2) {
        const qint64 from = qMax<qint64>(0, size - block);
        if (!file.seek(from))
            return Error(ErrorCode::FileUnreadable, file.errorString(), file.fileName());
        const QByteArray bytes = file.read(size - from);
        if (bytes.size() != size - from)
            return Error(ErrorCode::FileUnreadable, file.errorString(), file.fileName());
        if (bytes.size() < 2)
            return QByteArray(); // a lone "\n": an empty record, which will not parse
        const qsizetype start = bytes.lastIndexOf('\n', bytes.size() - 2);
        if (start >= 0 || from == 0)
            return bytes.mid(start + 1, bytes.size() - start - 2);
    }
}

} // namespace

AuditLog::AuditLog(QString path, QString workstationId)
    : m_path(std::move(path)), m_workstation(std::move(workstationId)), m_lastHash(AuditRecord::zeroHash())
{ }

Result<AuditLog> AuditLog::open(const QString &path, const QString &workstationId)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(u"."_s) ||
            !QFile::setPermissions(dir.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            return writeFailed(dir.absolutePath(), u"cannot create the audit folder"_s);
    }
    AuditLog log(info.absoluteFilePath(), workstationId);
    Result<FileLock> lock = FileLock::acquire(log.m_path + u".lock"_s, log.m_lockTimeoutMs);
    if (!lock)
        return writeFailed(log.m_path, u"the audit log is locked by another process"_s);
    if (Result<void> tail = log.readTail(); !tail)
        return tail.error();
    if (log.m_logId.isEmpty())
        log.m_logId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return log;
}

Result<void> AuditLog::readTail()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return writeFailed(m_path, file.errorString());
    qint64 size = file.size();
    if (size > 0) {
        char last = 0;
        if (!file.seek(size - 1) || !file.getChar(&last))
            return Error(ErrorCode::FileUnreadable, file.errorString(), m_path);
        if (last != '\n') {
            // A crash in the middle of a write: drop the partial line (it was never acknowledged).
            qint64 keep = 0;
            for (qint64 from = size; from > 0 && keep == 0;) {
                const qint64 start = qMax<qint64>(0, from - kTailBlock);
                if (!file.seek(start))
                    return Error(ErrorCode::FileUnreadable, file.errorString(), m_path);
                const QByteArray bytes = file.read(from - start);
                const qsizetype nl = bytes.lastIndexOf('\n');
                if (nl >= 0)
                    keep = start + nl + 1;
                from = start;
            }
            if (!file.resize(keep))
                return writeFailed(m_path, file.errorString());
            if (Result<void> synced = syncToDisk(file); !synced)
                return synced;
            m_recoveredTail += size - keep;
            size = keep;
        }
    }
    if (size == 0) {
        m_lastSeq = 0;
        m_lastHash = AuditRecord::zeroHash();
        return {};
    }
    Result<QByteArray> line = lastLine(file, size);
    if (!line)
        return line.error();
    Result<AuditRecord> record = AuditRecord::parse(*line);
    if (!record)
        return Error(
            ErrorCode::FileUnreadable,
            u"the last audit record does not parse (%1): run haip-cli audit verify"_s.arg(record.error().detail()),
            m_path);
    m_lastSeq = record->seq;
    m_lastHash = record->sha256();
    m_logId = record->logId;
    return {};
}

Result<AuditRecord> AuditLog::append(const AuditEvent &event)
{
    Result<FileLock> lock = FileLock::acquire(m_path + u".lock"_s, m_lockTimeoutMs);
    if (!lock)
        return writeFailed(m_path, u"the audit log is locked by another process"_s);
    const QString ownId = m_logId;
    if (Result<void> tail = readTail(); !tail)
        return tail.error();
    if (m_logId.isEmpty())
        m_logId = ownId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : ownId;
    AuditRecord record = AuditRecord::make(event, m_lastSeq + 1, m_workstation, m_logId, m_lastHash);
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return writeFailed(m_path, file.errorString());
    const QByteArray bytes = record.line + '\n';
    if (file.write(bytes) != bytes.size())
        return writeFailed(m_path, file.errorString());
    if (Result<void> synced = syncToDisk(file); !synced)
        return synced.error();
    m_lastSeq = record.seq;
    m_lastHash = record.sha256();
    return record;
}

} // namespace haip::audit
