#include "common/FileLock.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <system_error>
#include <unistd.h>
#endif

namespace haip {

namespace {

constexpr int kPollMs = 5; // neither call can wait with a timeout: try again this often

} // namespace

Result<FileLock> FileLock::acquire(const QString &lockPath, int timeoutMs)
{
    FileLock lock;
    QDeadlineTimer deadline(timeoutMs);
#ifdef Q_OS_WIN
    const HANDLE h = CreateFileW(reinterpret_cast<const wchar_t *>(lockPath.utf16()),
                                 GENERIC_READ | GENERIC_WRITE,
                                 FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                 nullptr,
                                 OPEN_ALWAYS,
                                 FILE_ATTRIBUTE_NORMAL,
                                 nullptr);
    if (h == INVALID_HANDLE_VALUE)
        return Error(ErrorCode::WriteFailed,
                     QStringLiteral("cannot open the lock file (Windows error %1)").arg(GetLastError()),
                     lockPath);
    lock.m_handle = reinterpret_cast<qintptr>(h);
    for (;;) {
        OVERLAPPED at {};
        if (LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at))
            return lock;
        if (GetLastError() != ERROR_LOCK_VIOLATION || deadline.hasExpired())
            break;
        QThread::msleep(kPollMs);
    }
#else
    const int fd = ::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error(ErrorCode::WriteFailed, QString::fromStdString(std::generic_category().message(errno)), lockPath);
    lock.m_handle = fd;
    for (;;) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            return lock;
        if ((errno != EWOULDBLOCK && errno != EINTR) || deadline.hasExpired())
            break;
        QThread::msleep(kPollMs);
    }
#endif
    return Error(
        ErrorCode::WriteFailed, QStringLiteral("locked by another program for %1 ms").arg(timeoutMs), lockPath);
}

FileLock::FileLock(FileLock &&other) noexcept : m_handle(std::exchange(other.m_handle, -1)) { }

FileLock &FileLock::operator=(FileLock &&other) noexcept
{
    if (this != &other) {
        release();
        m_handle = std::exchange(other.m_handle, -1);
    }
    return *this;
}

FileLock::~FileLock()
{
    release();
}

void FileLock::release()
{
    if (m_handle == -1)
        return;
#ifdef Q_OS_WIN
    CloseHandle(reinterpret_cast<HANDLE>(m_handle)); // closing drops the lock
#else
    ::close(int(m_handle)); // closing drops the flock
#endif
    m_handle = -1;
}

} // namespace haip
