// AuditLog: the workstation's append-only audit trail, one JSON line per record (AuditRecord),
// each carrying the SHA-256 of the line before it. Every append takes a lock file next to the
// log (FileLock: the workstation and haip-cli may append to the same log), re-reads the last
// record (another process may have appended since), writes the line and "\n" in one write,
// flushes and syncs it to the disk (fsync / FlushFileBuffers) before returning: a record whose
// seq was returned survives a crash or power loss.
//
// A final line without "\n" is what a crash in the middle of a write leaves: it is cut off
// (recoveredTailBytes()) when the log is opened or appended to, and the chain continues from the
// last complete record. A last complete record that does not parse (an edited log) stops
// appending with an error rather than starting a chain that hides the edit.
#pragma once

#include "audit/AuditEvent.h"
#include "audit/AuditRecord.h"
#include "common/Result.h"

#include <QString>

namespace haip::audit {

class AuditLog
{
public:
    // Opens (creating it and its folder, owner-only) the log at `path`.
    static Result<AuditLog> open(const QString &path, const QString &workstationId);

    // Appends the event; returns the record as written (its seq, its line).
    Result<AuditRecord> append(const AuditEvent &event);

    const QString &path() const { return m_path; }
    const QString &workstationId() const { return m_workstation; }
    // The log's UUID: the first record's, or the one the first append will write.
    const QString &logId() const { return m_logId; }
    qint64 lastSeq() const { return m_lastSeq; }
    // Bytes of an incomplete last line cut off by this object so far (0 normally).
    qint64 recoveredTailBytes() const { return m_recoveredTail; }
    // How long an append waits for another process's lock (default 10 s).
    void setLockTimeout(int ms) { m_lockTimeoutMs = ms; }

private:
    AuditLog(QString path, QString workstationId);
    // Under the lock: cut an incomplete tail, read the last complete record.
    Result<void> readTail();

    QString m_path;
    QString m_workstation;
    QString m_logId;
    qint64 m_lastSeq = 0;
    QByteArray m_lastHash;
    qint64 m_recoveredTail = 0;
    int m_lockTimeoutMs = 10'000;
};

} // namespace haip::audit
