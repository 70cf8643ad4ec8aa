// FileLock: an exclusive advisory lock on a lock file, held by the operating system for this
// process — flock() on POSIX, LockFileEx() on Windows — so it ends with the process however the
// process ends. QLockFile writes its owner into the file after creating it; a process killed in
// between leaves an empty lock file that blocks everyone until its stale time has passed, which
// a kill -9 during an audit append showed (TestAuditCrash). Used where several programs write
// one file: the audit trail, the re-identification map.
#pragma once

#include "common/Result.h"

#include <QString>

namespace haip {

class FileLock
{
public:
    // Waits up to timeoutMs for the lock (the lock file is created if needed, owner-only).
    static Result<FileLock> acquire(const QString &lockPath, int timeoutMs);

    FileLock(FileLock &&other) noexcept;
    FileLock &operator=(FileLock &&other) noexcept;
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;
    ~FileLock(); // releases

private:
    FileLock() = default;
    void release();

    qintptr m_handle = -1; // file descriptor, or a Windows HANDLE
};

} // namespace haip
