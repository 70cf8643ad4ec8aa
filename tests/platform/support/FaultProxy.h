// FaultProxy: a loopback TCP forwarder between the workstation and the platform that plays a
// network. TLS passes through untouched (the proxy sees only ciphertext), so what it does is what
// a real link does to TLS: a link profile (one-way latency, bandwidth per direction, and loss as
// the stall a TCP retransmission costs) and one-shot faults after a byte count — reset both ends,
// truncate (a clean close without TLS close_notify), corrupt one byte, or a blackhole that keeps
// the connection open and forwards nothing. New connections can be refused for a blackout time.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QString>
#include <QTcpServer>

#include <memory>

namespace haip::test {

struct LinkProfile
{
    QString name;
    int latencyMs = 0; // one way
    qint64 bitsPerSecond = 0; // each direction; 0 = loopback speed
    double lossPercent = 0; // of 1460-byte segments; each costs a retransmission stall
};

enum class Fault
{
    Reset, // both sockets aborted (RST)
    Truncate, // delivered up to the byte, then both closed cleanly
    Corrupt, // that one byte flipped, the stream goes on
    Blackhole, // from that byte on nothing is forwarded either way; the sockets stay open
};

enum class Direction
{
    Upstream, // workstation → platform
    Downstream, // platform → workstation
};

class FaultProxy : public QObject
{
    Q_OBJECT
public:
    explicit FaultProxy(quint16 targetPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    void setProfile(const LinkProfile &profile);
    // Arms one fault: it fires once `bytes` more bytes have passed in `direction` on any
    // connection; afterwards new connections are refused for `blackoutMs`.
    void inject(Fault fault, Direction direction, qint64 bytes, int blackoutMs = 0);
    void disarm();
    int faultsFired() const { return m_fired; }
    int connectionsAccepted() const { return m_accepted; }
    qint64 bytesForwarded(Direction direction) const;

private:
    class Link;
    friend class Link;
    void accept();
    // How many of `bytes` may pass before the armed fault fires in `direction` (-1: no fault).
    qint64 bytesBeforeFault(Direction direction) const;
    void passed(Direction direction, qint64 bytes);
    Fault fire();

    QTcpServer m_server;
    quint16 m_target;
    LinkProfile m_profile;
    QList<Link *> m_links; // owned, deleted when closed
    bool m_armed = false;
    Fault m_fault = Fault::Reset;
    Direction m_direction = Direction::Upstream;
    qint64 m_remaining = 0;
    int m_blackoutMs = 0;
    QElapsedTimer m_sinceFault;
    int m_fired = 0;
    int m_accepted = 0;
    qint64 m_forwarded[2] = {0, 0};
    QRandomGenerator m_random {20261127}; // fixed seed: the same loss pattern every run
};

} // namespace haip::test
