// GuardedSslServer: the TLS listener of the API. A QSslServer that, before Qt HttpServer gets a
// connection, puts a ConnectionGuard on it, enforces the per-address connection limit and a TLS
// handshake timeout (Qt 6.4's QSslServer has none), so a client that never finishes the
// handshake cannot hold a socket forever.
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
    void onHandshakeStarted(QSslSocket *socket);

    ServerLimits m_limits;
    ConnectionGuard::BodyLimit m_bodyLimit;
    QHash<QHostAddress, int> m_connectionsPerAddress;
};

} // namespace haip::server
