#include "GuardedSslServer.h"

#include "ProblemResponse.h"
#include "platform/Problem.h"

#include <QSslSocket>

namespace haip::server {

GuardedSslServer::GuardedSslServer(const ServerLimits &limits, ConnectionGuard::BodyLimit bodyLimit, QObject *parent)
    : QSslServer(parent), m_limits(limits), m_bodyLimit(std::move(bodyLimit))
{
    // The handshake shares the header timeout: both are "the client is too slow to start".
    setHandshakeTimeout(m_limits.headerTimeoutMs);
}

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    while (QTcpSocket *socket = QSslServer::nextPendingConnection()) {
        const QHostAddress address = socket->peerAddress();
        int &count = m_connectionsPerAddress[address];
        if (count >= m_limits.maxConnectionsPerAddress) {
            platform::Problem problem = platform::Problem::fromError(Error(
                ErrorCode::RateLimited,
                QStringLiteral("more than %1 connections from one address").arg(m_limits.maxConnectionsPerAddress)));
            socket->write(ProblemResponse::rawHttp(problem));
            socket->disconnectFromHost();
            connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        ++count;
        connect(socket, &QObject::destroyed, this, [this, address] {
            auto it = m_connectionsPerAddress.find(address);
            if (it != m_connectionsPerAddress.end() && --*it <= 0)
                m_connectionsPerAddress.erase(it);
        });
        new ConnectionGuard(socket, m_limits, m_bodyLimit);
        return socket;
    }
    return nullptr;
}

} // namespace haip::server
