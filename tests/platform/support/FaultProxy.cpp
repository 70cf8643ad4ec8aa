#include "FaultProxy.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <deque>

namespace haip::test {

namespace {

constexpr qint64 kSegmentBytes = 1460; // an Ethernet TCP segment
constexpr qint64 kMinWindowBytes = 64 * 1024;
constexpr qint64 kMinRtoMs = 200; // Linux's minimum retransmission timeout

qint64 nowNs(const QElapsedTimer &clock)
{
    return clock.nsecsElapsed();
}

} // namespace

// One accepted connection: two pipes (one per direction) between the client and the upstream
// socket. A pipe reads at most a window of bytes ahead, stamps each segment with the time it
// would arrive over the profiled link and writes it to the other side when that time comes.
class FaultProxy::Link : public QObject
{
public:
    Link(FaultProxy &proxy, QTcpSocket *client) : m_proxy(proxy), m_client(client), m_upstream(new QTcpSocket(this))
    {
        m_client->setParent(this);
        m_clock.start();
        for (QTcpSocket *s : {m_client, m_upstream})
            s->setReadBufferSize(kMinWindowBytes);
        m_pipes[0].init(this, Direction::Upstream, m_client, m_upstream);
        m_pipes[1].init(this, Direction::Downstream, m_upstream, m_client);
        connect(m_upstream, &QTcpSocket::connected, this, [this] { m_pipes[0].pump(); });
        m_upstream->connectToHost(QHostAddress::LocalHost, m_proxy.m_target);
    }

    void abortBoth()
    {
        m_client->abort();
        m_upstream->abort();
        finish();
    }

    void finishWhenClosed()
    {
        if (m_client->state() == QAbstractSocket::UnconnectedState &&
            m_upstream->state() == QAbstractSocket::UnconnectedState)
            finish();
    }

    void closeBoth()
    {
        m_client->disconnectFromHost();
        m_upstream->disconnectFromHost();
        finish();
    }

private:
    struct Segment
    {
        QByteArray bytes;
        qint64 dueNs;
    };

    struct Pipe
    {
        Link *link = nullptr;
        Direction direction = Direction::Upstream;
        QTcpSocket *from = nullptr;
        QTcpSocket *to = nullptr;
        std::deque<Segment> queue;
        qint64 queuedBytes = 0;
        qint64 linkFreeNs = 0; // when the last queued segment has left the sender
        qint64 lastArrivalNs = 0; // TCP delivers in order
        bool sourceClosed = false;
        bool closeWhenDrained = false;
        QTimer timer;

        void init(Link *owner, Direction d, QTcpSocket *source, QTcpSocket *sink)
        {
            link = owner;
            direction = d;
            from = source;
            to = sink;
            timer.setSingleShot(true);
            timer.setTimerType(Qt::PreciseTimer);
            QObject::connect(&timer, &QTimer::timeout, link, [this] { deliver(); });
            QObject::connect(from, &QTcpSocket::readyRead, link, [this] { pump(); });
            QObject::connect(from, &QTcpSocket::disconnected, link, [this] {
                sourceClosed = true;
                pump();
                link->finishWhenClosed();
            });
            QObject::connect(from, &QTcpSocket::errorOccurred, link, [this](QAbstractSocket::SocketError e) {
                // A reset from one end is passed on as a reset; a clean close drains first.
                if (e != QAbstractSocket::RemoteHostClosedError)
                    link->abortBoth();
            });
        }

        // Segment by segment where the profile shapes the link, in large reads where it does not.
        qint64 segmentBytes() const
        {
            const LinkProfile &p = link->m_proxy.m_profile;
            return p.bitsPerSecond > 0 || p.lossPercent > 0 ? kSegmentBytes : kMinWindowBytes;
        }

        qint64 window() const
        {
            const LinkProfile &p = link->m_proxy.m_profile;
            // Twice the bandwidth-delay product, as a tuned TCP would keep in flight.
            const qint64 bdp = p.bitsPerSecond / 8 * std::max(1, 2 * p.latencyMs) / 1000;
            return std::max(kMinWindowBytes, 2 * bdp);
        }

        void pump()
        {
            if (link->m_blackholed) {
                from->readAll(); // dropped on the floor, as a dead link does
                return;
            }
            if (direction == Direction::Upstream && to->state() != QAbstractSocket::ConnectedState)
                return; // read once the platform side is connected
            while (!closeWhenDrained && queuedBytes < window() && from->bytesAvailable() > 0) {
                QByteArray segment = from->read(std::min(segmentBytes(), window() - queuedBytes));
                if (segment.isEmpty())
                    break;
                const qint64 before = link->m_proxy.bytesBeforeFault(direction);
                if (before >= 0 && before < segment.size()) {
                    switch (link->m_proxy.fire()) {
                    case Fault::Reset:
                        link->abortBoth();
                        return;
                    case Fault::Truncate:
                        segment.truncate(before);
                        closeWhenDrained = true;
                        break;
                    case Fault::Corrupt:
                        segment[before] = char(segment[before] ^ 0x5a);
                        break;
                    case Fault::Blackhole:
                        link->m_blackholed = true;
                        for (Pipe &p : link->m_pipes) {
                            p.timer.stop();
                            p.queue.clear();
                            p.queuedBytes = 0;
                        }
                        from->readAll();
                        return;
                    }
                }
                link->m_proxy.passed(direction, segment.size());
                enqueue(std::move(segment));
            }
            if (queue.empty() && (sourceClosed || closeWhenDrained))
                drained();
        }

        void enqueue(QByteArray segment)
        {
            const LinkProfile &p = link->m_proxy.m_profile;
            const qint64 now = nowNs(link->m_clock);
            qint64 departs = std::max(now, linkFreeNs);
            if (p.bitsPerSecond > 0)
                departs += segment.size() * 8 * 1'000'000'000LL / p.bitsPerSecond;
            linkFreeNs = departs;
            qint64 arrives = departs + qint64(p.latencyMs) * 1'000'000;
            if (p.lossPercent > 0 && link->m_proxy.m_random.generateDouble() * 100.0 < p.lossPercent)
                arrives += (kMinRtoMs + 2 * p.latencyMs) * 1'000'000LL; // sent again after the timeout
            arrives = std::max(arrives, lastArrivalNs);
            lastArrivalNs = arrives;
            queuedBytes += segment.size();
            queue.push_back(Segment {std::move(segment), arrives});
            schedule();
        }

        void schedule()
        {
            if (queue.empty()) {
                timer.stop();
                return;
            }
            const qint64 waitNs = queue.front().dueNs - nowNs(link->m_clock);
            if (waitNs <= 0) {
                deliver();
                return;
            }
            if (!timer.isActive())
                timer.start(int((waitNs + 999'999) / 1'000'000));
        }

        void deliver()
        {
            if (link->m_blackholed)
                return;
            const qint64 now = nowNs(link->m_clock);
            while (!queue.empty() && queue.front().dueNs <= now) {
                if (to->isOpen())
                    to->write(queue.front().bytes);
                queuedBytes -= queue.front().bytes.size();
                queue.pop_front();
            }
            timer.stop();
            pump(); // room in the window again
            schedule();
        }

        void drained()
        {
            if (closeWhenDrained)
                link->closeBoth();
            else if (to->state() == QAbstractSocket::ConnectedState)
                to->disconnectFromHost();
        }
    };

    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        for (Pipe &p : m_pipes)
            p.timer.stop();
        m_proxy.m_links.removeOne(this);
        deleteLater();
    }

    FaultProxy &m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream;
    QElapsedTimer m_clock;
    Pipe m_pipes[2];
    bool m_blackholed = false;
    bool m_finished = false;
};

FaultProxy::FaultProxy(quint16 targetPort, QObject *parent) : QObject(parent), m_target(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::accept);
}

FaultProxy::~FaultProxy()
{
    qDeleteAll(m_links);
}

bool FaultProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FaultProxy::setProfile(const LinkProfile &profile)
{
    m_profile = profile;
}

void FaultProxy::inject(Fault fault, Direction direction, qint64 bytes, int blackoutMs)
{
    m_armed = true;
    m_fault = fault;
    m_direction = direction;
    m_remaining = bytes;
    m_blackoutMs = blackoutMs;
}

void FaultProxy::disarm()
{
    m_armed = false;
}

qint64 FaultProxy::bytesForwarded(Direction direction) const
{
    return m_forwarded[direction == Direction::Upstream ? 0 : 1];
}

qint64 FaultProxy::bytesBeforeFault(Direction direction) const
{
    return m_armed && direction == m_direction ? m_remaining : -1;
}

void FaultProxy::passed(Direction direction, qint64 bytes)
{
    m_forwarded[direction == Direction::Upstream ? 0 : 1] += bytes;
    if (m_armed && direction == m_direction)
        m_remaining -= bytes;
}

Fault FaultProxy::fire()
{
    m_armed = false;
    ++m_fired;
    m_sinceFault.start();
    return m_fault;
}

void FaultProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_sinceFault.isValid() && m_sinceFault.elapsed() < m_blackoutMs) {
            client->abort();
            client->deleteLater();
            continue;
        }
        ++m_accepted;
        m_links.append(new Link(*this, client));
    }
}

} // namespace haip::test
