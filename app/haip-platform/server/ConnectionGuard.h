// ConnectionGuard: watches the raw bytes of one client connection *below* Qt HttpServer and
// enforces what Qt HttpServer cannot: the header size, the body size from Content-Length before
// any of the body is read (413), header and body timeouts against slow clients (408), the
// keep-alive idle timeout, and "Expect: 100-continue". It is connected to the socket's readyRead
// before the HTTP server, so a refused request never reaches Qt's parser: the guard answers with
// a problem document itself, drains what the client still sends for a short while (so the client
// reads the answer instead of a reset) and closes the connection.
//
// It only peeks: Qt HttpServer still reads every byte. It expects the HTTP server to read all
// available bytes on each readyRead (Qt 6.4 and 6.8 do); afterRead(), connected behind the
// server's reader, notes any that it leaves.
#pragma once

#include "ApiRequest.h"
#include "ServerLimits.h"
#include "common/Error.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace haip::server {

class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    // The body limit of the route a request line names (the server default for unknown routes).
    using BodyLimit = std::function<qint64(HttpMethod method, const QByteArray &encodedPath)>;

    // Becomes a child of the socket. Connect before the HTTP server connects its own reader.
    ConnectionGuard(QTcpSocket *socket, const ServerLimits &limits, BodyLimit bodyLimit);

private:
    enum class Phase
    {
        Idle, // between requests (keep-alive)
        Headers, // reading a request line and header fields
        Body, // counting down Content-Length
        Draining, // refused: discarding input until the linger time ends
    };

    void beforeRead();
    void afterRead();
    void feed(QByteArrayView bytes);
    // Parses m_header (complete). Returns false when the request was refused.
    bool acceptHeader();
    void refuse(int status, ErrorCode code, const QString &detail);
    void drain();
    void onTimeout();
    void enterIdle();

    QTcpSocket *m_socket;
    ServerLimits m_limits;
    BodyLimit m_bodyLimit;
    Phase m_phase = Phase::Idle;
    QByteArray m_header;
    qint64 m_bodyRemaining = 0;
    qint64 m_leftUnread = 0; // bytes already fed that the HTTP server left in the buffer
    bool m_afterReadConnected = false;
    QTimer m_timer;
};

} // namespace haip::server
