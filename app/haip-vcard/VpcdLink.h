// The virtual card's side of the vsmartcard `vpcd` reader driver: a TCP connection to the
// driver (127.0.0.1:35963 for reader "Virtual PCD 00 00"); every message is a two-byte
// big-endian length and a payload. One-byte payloads are reader events (power off 0, power
// on 1, reset 2, ATR request 4); longer ones are command APDUs, answered by the applet.
// Connecting inserts the card; disconnecting removes it. While the card should be in, a
// refused connection (pcscd not up yet, or restarting) is retried every 200 ms.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>
#include <QTimer>

namespace haip::vcard {

class PivApplet;

class VpcdLink : public QObject
{
    Q_OBJECT

public:
    VpcdLink(PivApplet &applet, QString host, quint16 port, QObject *parent = nullptr);

    void insert();
    void remove();
    bool isInserted() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // The answer to reset: direct convention, T=0 and T=1, historical bytes "HAIPvPIV".
    static QByteArray answerToReset();

signals:
    void inserted();
    void removed();
    void failed(const QString &reason);

private:
    void onReadyRead();
    void send(const QByteArray &payload);
    void quickAck();

    PivApplet &m_applet;
    QString m_host;
    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_removing = false;
    bool m_wantInserted = false;
    QTimer m_retry;
};

} // namespace haip::vcard
