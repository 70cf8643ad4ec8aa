// TcpCutProxy: a loopback TCP forwarder between a client and the platform that can cut every
// connection once — after a given number of client-to-server bytes — the way a mobile link
// drops: both sockets are aborted mid-transfer, TLS and all. New connections pass afterwards.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

class TcpCutProxy : public QObject
{
    Q_OBJECT
public:
    explicit TcpCutProxy(quint16 targetPort, QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    // Cut all open connections once `bytes` more client bytes have been forwarded, then refuse
    // new connections for `blackoutMs` (longer than the HTTP stack's own immediate reconnects,
    // so the client's resume logic has to act).
    void cutAfter(qint64 bytes, int blackoutMs = 0);
    int cuts() const { return m_cuts; }

private:
    void accept();
    void forwarded(qint64 bytes);

    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
    };
    QTcpServer m_server;
    quint16 m_target;
    QList<Pair> m_pairs;
    qint64 m_cutAfter = -1;
    int m_blackoutMs = 0;
    QElapsedTimer m_sinceCut;
    int m_cuts = 0;
};
