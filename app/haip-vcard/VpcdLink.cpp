#include "VpcdLink.h"

#include "PivApplet.h"

#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

namespace haip::vcard {

namespace {
enum : quint8
{
    CtrlOff = 0,
    CtrlOn = 1,
    CtrlReset = 2,
    CtrlAtr = 4
};
}

VpcdLink::VpcdLink(PivApplet &applet, QString host, quint16 port, QObject *parent)
    : QObject(parent), m_applet(applet), m_host(std::move(host)), m_port(port)
{
    m_retry.setInterval(200);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        if (m_wantInserted && m_socket.state() == QAbstractSocket::UnconnectedState)
            m_socket.connectToHost(m_host, m_port);
    });
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        quickAck();
        emit inserted();
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &VpcdLink::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        m_buffer.clear();
        m_applet.reset();
        emit removed();
        if (!m_removing) {
            emit failed(VpcdLink::tr("the vpcd reader driver closed the connection (did pcscd stop?)"));
            if (m_wantInserted)
                m_retry.start();
        }
        m_removing = false;
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::ConnectionRefusedError && m_wantInserted) {
            m_retry.start();
            return;
        }
        if (error != QAbstractSocket::RemoteHostClosedError)
            emit failed(VpcdLink::tr("cannot reach the vpcd reader driver at %1:%2: %3")
                            .arg(m_host)
                            .arg(m_port)
                            .arg(m_socket.errorString()));
    });
}

QByteArray VpcdLink::answerToReset()
{
    QByteArray atr = QByteArray::fromHex("3B888001") + QByteArray("HAIPvPIV");
    // TCK: exclusive-or of T0 up to the last historical byte (ISO/IEC 7816-3 §8.2.5).
    quint8 tck = 0;
    for (qsizetype i = 1; i < atr.size(); ++i)
        tck ^= quint8(atr.at(i));
    atr.append(char(tck));
    return atr;
}

void VpcdLink::insert()
{
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        return;
    m_removing = false;
    m_wantInserted = true;
    m_socket.connectToHost(m_host, m_port);
}

void VpcdLink::remove()
{
    m_wantInserted = false;
    m_retry.stop();
    if (m_socket.state() == QAbstractSocket::UnconnectedState)
        return;
    m_removing = true;
    m_socket.abort();
    // abort() does not emit disconnected() from an unconnected state: report it ourselves.
    if (m_removing) {
        m_removing = false;
        m_buffer.clear();
        m_applet.reset();
        emit removed();
    }
}

void VpcdLink::quickAck()
{
#ifdef Q_OS_LINUX
    // vpcd writes length and payload in two sends; without quick ACKs the second waits for
    // the delayed-ACK timer (~40 ms per APDU). Linux clears the flag again, so re-arm it.
    const int on = 1;
    ::setsockopt(int(m_socket.socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#endif
}

void VpcdLink::send(const QByteArray &payload)
{
    QByteArray message;
    message.append(char(payload.size() >> 8));
    message.append(char(payload.size() & 0xFF));
    message.append(payload);
    m_socket.write(message);
}

void VpcdLink::onReadyRead()
{
    m_buffer += m_socket.readAll();
    quickAck();
    while (m_buffer.size() >= 2) {
        const int length = (quint8(m_buffer.at(0)) << 8) | quint8(m_buffer.at(1));
        if (m_buffer.size() < 2 + length)
            return;
        const QByteArray payload = m_buffer.mid(2, length);
        m_buffer.remove(0, 2 + length);
        if (payload.size() == 1) {
            switch (quint8(payload.at(0))) {
            case CtrlOff:
            case CtrlOn:
            case CtrlReset:
                m_applet.reset();
                break;
            case CtrlAtr:
                send(answerToReset());
                break;
            default:
                break;
            }
            continue;
        }
        send(m_applet.process(payload));
    }
}

} // namespace haip::vcard
