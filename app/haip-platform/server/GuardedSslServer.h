// GuardedSslServer: the TLS listener of the API. A QSslServer that, before Qt HttpServer gets a
// connection, puts a ConnectionGuard on it and enforces the per-address connection limit; its
// TLS handshake timeout is the header timeout, so a client that never finishes the handshake
// cannot hold a socket for long.
#pragma once

#include "ConnectionGuard.h"
#include "ServerLimits.h"

#include <QHash>
#include <QHostAddress>
#include <QSslServer>

namespace haip::server {

class GuardedSslServer : public QSslServer
{
    Q_OBJECT
public:
    GuardedSslServer(const ServerLimits &limits, ConnectionGuard::BodyLimit bodyLimit, QObject *parent = nullptr);

    QTcpSocket *nextPendingConnection() override;

private:
    ServerLimits m_limits;
    ConnectionGuard::BodyLimit m_bodyLimit;
    QHash<QHostAddress, int> m_connectionsPerAddress;
};

} // namespace haip::server
