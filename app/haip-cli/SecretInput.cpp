#include "SecretInput.h"

#include <QCoreApplication>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

namespace haip::cli {

namespace {

constexpr qsizetype kMaxSecret = 64; // PINs have 6-8 digits, OTPs 6-8: anything longer is a mistake

// Reads bytes up to a newline straight from the descriptor: no stdio buffer keeps a copy.
Result<crypto::SecureBuffer> readLine(int fd)
{
    crypto::SecureBuffer line(kMaxSecret);
    qsizetype used = 0;
    while (true) {
        char c = 0;
#ifdef Q_OS_WIN
        const int n = _read(fd, &c, 1);
#else
        const ssize_t n = ::read(fd, &c, 1);
#endif
        if (n < 0)
            return Error(ErrorCode::FileUnreadable,
                         QStringLiteral("cannot read the secret from descriptor %1").arg(fd));
        if (n == 0 || c == '\n')
            break;
        if (c == '\r')
            continue;
        if (used == kMaxSecret)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("the secret is too long"));
        line.data()[used++] = static_cast<unsigned char>(c);
    }
    return crypto::SecureBuffer::fromBytes(QByteArrayView(reinterpret_cast<const char *>(line.data()), used));
}

} // namespace

Result<crypto::SecureBuffer> readSecret(const QString &prompt, int fd)
{
    if (fd >= 0)
        return readLine(fd);
#ifdef Q_OS_WIN
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    const bool console = GetConsoleMode(in, &mode) != 0;
    if (!console)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("no terminal to ask for the secret: give a descriptor"));
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    SetConsoleMode(in, mode & ~DWORD(ENABLE_ECHO_INPUT));
    Result<crypto::SecureBuffer> secret = readLine(0);
    SetConsoleMode(in, mode);
#else
    if (isatty(STDIN_FILENO) == 0)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("no terminal to ask for the secret: give a descriptor"));
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios saved {};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    Result<crypto::SecureBuffer> secret = readLine(STDIN_FILENO);
    if (terminal)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
#endif
    std::fputs("\n", stderr);
    return secret;
}

} // namespace haip::cli
