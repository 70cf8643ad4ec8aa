#include "ConnectionGuard.h"

#include "ProblemResponse.h"
#include "platform/Problem.h"

#include <QTcpSocket>
#include <QUrl>

#include <algorithm>

namespace haip::server {

namespace {
constexpr QByteArrayView kHeaderEnd("\r\n\r\n");
constexpr int kCloseGraceMs = 1000; // after the linger time: close_notify, then abort
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ServerLimits &limits, BodyLimit bodyLimit)
    : QObject(socket), m_socket(socket), m_limits(limits), m_bodyLimit(std::move(bodyLimit))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::beforeRead);
    if (m_socket->bytesAvailable() > 0) {
        // Bytes that arrived with the end of the TLS handshake, before anyone listened.
        const QByteArray early = m_socket->peek(m_socket->bytesAvailable());
        m_leftUnread = early.size();
        feed(early);
    } else {
        enterIdle();
    }
}

void ConnectionGuard::beforeRead()
{
    if (m_phase == Phase::Draining)
        return;
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_leftUnread)
        return;
    const QByteArray all = m_socket->peek(available);
    const qint64 fresh = all.size() - m_leftUnread;
    // The HTTP server reads everything after this slot; afterRead() corrects this if it did not.
    m_leftUnread = 0;
    if (!m_afterReadConnected) {
        // The HTTP server connected its reader after the constructor; connected now, afterRead()
        // runs behind it (from the next signal on: Qt does not call slots added during emission).
        m_afterReadConnected = true;
        connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::afterRead);
    }
    if (fresh > 0)
        feed(QByteArrayView(all).sliced(all.size() - fresh));
}

void ConnectionGuard::afterRead()
{
    m_leftUnread = m_socket->bytesAvailable();
}

void ConnectionGuard::enterIdle()
{
    m_phase = Phase::Idle;
    m_header.clear();
    m_bodyRemaining = 0;
    m_timer.start(m_limits.keepAliveTimeoutMs);
}

void ConnectionGuard::feed(QByteArrayView bytes)
{
    while (!bytes.isEmpty() && m_phase != Phase::Draining) {
        switch (m_phase) {
        case Phase::Idle: {
            // RFC 9112 section 2.2: empty lines before a request line are ignored.
            qsizetype skip = 0;
            while (skip < bytes.size() && (bytes[skip] == '\r' || bytes[skip] == '\n'))
                ++skip;
            bytes = bytes.sliced(skip);
            if (bytes.isEmpty())
                return;
            m_phase = Phase::Headers;
            m_timer.start(m_limits.headerTimeoutMs);
            break;
        }
        case Phase::Headers: {
            const qsizetype searchFrom = qMax<qsizetype>(0, m_header.size() - 3);
            const qsizetype room = qMax<qint64>(0, m_limits.maxHeaderBytes + 4 - m_header.size());
            const qsizetype take = qMin<qsizetype>(bytes.size(), room);
            m_header.append(bytes.first(take));
            const qsizetype end = m_header.indexOf(kHeaderEnd, searchFrom);
            if (end < 0) {
                if (m_header.size() > m_limits.maxHeaderBytes) {
                    refuse(431,
                           ErrorCode::PayloadTooLarge,
                           QStringLiteral("the request header section exceeds %1 bytes").arg(m_limits.maxHeaderBytes));
                    return;
                }
                bytes = bytes.sliced(take);
                break;
            }
            // Bytes after the header end belong to the body (or the next request).
            const qsizetype headerLength = end + kHeaderEnd.size();
            const qsizetype consumedHere = take - (m_header.size() - headerLength);
            m_header.truncate(headerLength);
            bytes = bytes.sliced(consumedHere);
            if (!acceptHeader())
                return;
            break;
        }
        case Phase::Body: {
            const qint64 take = qMin<qint64>(bytes.size(), m_bodyRemaining);
            m_bodyRemaining -= take;
            bytes = bytes.sliced(take);
            if (m_bodyRemaining == 0)
                enterIdle();
            else
                m_timer.start(m_limits.bodyIdleTimeoutMs);
            break;
        }
        case Phase::Draining:
            return;
        }
    }
}

bool ConnectionGuard::acceptHeader()
{
    const QList<QByteArray> lines = m_header.left(m_header.size() - kHeaderEnd.size()).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        refuse(400, ErrorCode::InvalidArgument, QStringLiteral("malformed HTTP request line"));
        return false;
    }
    const HttpMethod method = httpMethodFromName(requestLine[0]);
    QByteArray target = requestLine[1];
    if (!target.startsWith('/'))
        target = QUrl::fromEncoded(target).path(QUrl::FullyEncoded).toLatin1();
    const qsizetype query = target.indexOf('?');
    const QByteArray path = query >= 0 ? target.left(query) : target;

    qint64 contentLength = 0;
    bool haveLength = false;
    bool expectContinue = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            refuse(400, ErrorCode::InvalidArgument, QStringLiteral("malformed HTTP header field"));
            return false;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            const bool digitsOnly = !value.isEmpty() && value.size() <= 18 &&
                std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!ok || !digitsOnly || (haveLength && n != contentLength)) {
                refuse(400, ErrorCode::InvalidArgument, QStringLiteral("invalid Content-Length"));
                return false;
            }
            contentLength = n;
            haveLength = true;
        } else if (name == "transfer-encoding") {
            refuse(411,
                   ErrorCode::InvalidArgument,
                   QStringLiteral("send the body with Content-Length; transfer codings are not accepted"));
            return false;
        } else if (name == "expect") {
            if (value.toLower() != "100-continue") {
                refuse(417, ErrorCode::InvalidArgument, QStringLiteral("only Expect: 100-continue is supported"));
                return false;
            }
            expectContinue = true;
        }
    }
    const qint64 limit = m_bodyLimit ? m_bodyLimit(method, path) : m_limits.maxBodyBytes;
    if (contentLength > limit) {
        refuse(413,
               ErrorCode::PayloadTooLarge,
               QStringLiteral("the body is %1 bytes; this resource accepts at most %2").arg(contentLength).arg(limit));
        return false;
    }
    if (expectContinue && contentLength > 0)
        m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    m_header.clear();
    if (contentLength == 0) {
        enterIdle();
    } else {
        m_phase = Phase::Body;
        m_bodyRemaining = contentLength;
        m_timer.start(m_limits.bodyIdleTimeoutMs);
    }
    return true;
}

void ConnectionGuard::refuse(int status, ErrorCode code, const QString &detail)
{
    m_phase = Phase::Draining;
    m_header.clear();
    // From here on the HTTP server sees nothing of this connection: it must not parse half a request.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::drain);
    platform::Problem problem = platform::Problem::fromError(Error(code, detail));
    problem.status = status;
    problem.title = QString::fromLatin1(ProblemResponse::reasonPhrase(status));
    m_socket->write(ProblemResponse::rawHttp(problem));
    drain();
    m_timer.start(m_limits.lingerMs);
}

void ConnectionGuard::drain()
{
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());
}

void ConnectionGuard::onTimeout()
{
    switch (m_phase) {
    case Phase::Idle:
        m_socket->disconnectFromHost();
        return;
    case Phase::Headers:
        refuse(408,
               ErrorCode::RequestTimeout,
               QStringLiteral("the request header did not arrive within %1 ms").arg(m_limits.headerTimeoutMs));
        return;
    case Phase::Body:
        refuse(408,
               ErrorCode::RequestTimeout,
               QStringLiteral("no body bytes arrived for %1 ms").arg(m_limits.bodyIdleTimeoutMs));
        return;
    case Phase::Draining:
        if (m_socket->state() == QAbstractSocket::ConnectedState) {
            m_socket->disconnectFromHost();
            m_timer.start(kCloseGraceMs);
        } else {
            m_socket->abort();
        }
        return;
    }
}

} // namespace haip::server
