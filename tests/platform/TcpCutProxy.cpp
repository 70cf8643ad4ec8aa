#include "TcpCutProxy.h"

#include <QHostAddress>

TcpCutProxy::TcpCutProxy(quint16 targetPort, QObject *parent) : QObject(parent), m_target(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpCutProxy::accept);
}

bool TcpCutProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void TcpCutProxy::cutAfter(qint64 bytes, int blackoutMs)
{
    m_cutAfter = bytes;
    m_blackoutMs = blackoutMs;
}

void TcpCutProxy::forwarded(qint64 bytes)
{
    if (m_cutAfter < 0)
        return;
    m_cutAfter -= bytes;
    if (m_cutAfter > 0)
        return;
    m_cutAfter = -1;
    ++m_cuts;
    m_sinceCut.start();
    for (const Pair &p : std::as_const(m_pairs)) {
        if (p.client)
            p.client->abort();
        if (p.upstream)
            p.upstream->abort();
    }
}

void TcpCutProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_sinceCut.isValid() && m_sinceCut.elapsed() < m_blackoutMs) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto *upstream = new QTcpSocket(client);
        m_pairs.append(Pair {client, upstream});
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        connect(client, &QTcpSocket::disconnected, upstream, [upstream] { upstream->disconnectFromHost(); });
        connect(client, &QTcpSocket::readyRead, this, [this, client, upstream] {
            if (upstream->state() != QAbstractSocket::ConnectedState)
                return; // read once connected
            const QByteArray data = client->readAll();
            upstream->write(data);
            forwarded(data.size());
        });
        connect(upstream, &QTcpSocket::connected, this, [this, client, upstream] {
            const QByteArray data = client->readAll();
            upstream->write(data);
            forwarded(data.size());
        });
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        upstream->connectToHost(QHostAddress::LocalHost, m_target);
    }
}
