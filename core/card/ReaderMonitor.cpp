#include "card/ReaderMonitor.h"

#include "card/PcscCard.h"

#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#ifdef Q_OS_WIN
#include <winscard.h>

#include <windows.h>
#else
#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>
#endif

using namespace Qt::StringLiterals;

namespace haip::card {

namespace {
// The pseudo-reader through which PC/SC reports readers coming and going (pcsc-lite and Windows).
const char pnpReader[] = "\\\\?PnP?\\Notification";
constexpr auto retryAfterServiceLoss = std::chrono::seconds(1);
} // namespace

// The blocking side: owns the PC/SC context and waits in SCardGetStatusChange. It posts every
// change to the monitor with QMetaObject::invokeMethod (queued to the owner's thread).
class ReaderMonitor::Worker
{
public:
    explicit Worker(ReaderMonitor *monitor) : m_monitor(monitor) { }
    ~Worker() { stop(); }

    void start()
    {
        if (m_thread.joinable())
            return;
        m_stopping = false;
        m_thread = std::thread([this] { run(); });
    }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
            if (m_context != 0)
                SCardCancel(m_context);
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void run()
    {
        while (!m_stopping) {
            SCARDCONTEXT context = 0;
            const LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
            if (rv != SCARD_S_SUCCESS) {
                postService(PcscCard::errorFor(rv, u"SCardEstablishContext"_s));
                waitBeforeRetry();
                continue;
            }
            {
                std::lock_guard lock(m_mutex);
                m_context = context;
            }
            const Error lost = watch(context);
            {
                std::lock_guard lock(m_mutex);
                m_context = 0;
            }
            SCardReleaseContext(context);
            if (m_stopping)
                break;
            postService(lost);
            waitBeforeRetry();
        }
    }

    // Reports changes until the service fails (its error) or stop() cancels.
    Error watch(SCARDCONTEXT context)
    {
        postService(Error());
        QList<QByteArray> names;
        std::vector<SCARD_READERSTATE> states;
        bool relist = true;
        while (!m_stopping) {
            if (relist) {
                Result<QList<QByteArray>> listed = list(context);
                if (!listed)
                    return listed.error();
                names = *listed;
                states.assign(size_t(names.size()) + 1, SCARD_READERSTATE {});
                for (qsizetype i = 0; i < names.size(); ++i)
                    states[size_t(i)].szReader = names[i].constData();
                states.back().szReader = pnpReader;
                // The PnP reader's current state counts readers in its high word (pcsc-lite).
                states.back().dwCurrentState = DWORD(names.size()) << 16;
                relist = false;
            }
            const LONG rv = SCardGetStatusChange(context, INFINITE, states.data(), DWORD(states.size()));
            if (m_stopping || rv == LONG(SCARD_E_CANCELLED))
                return Error();
            if (rv == LONG(SCARD_E_TIMEOUT))
                continue;
            if (rv == LONG(SCARD_E_UNKNOWN_READER) || rv == LONG(SCARD_E_READER_UNAVAILABLE)) {
                relist = true;
                continue;
            }
            if (rv != SCARD_S_SUCCESS)
                return PcscCard::errorFor(rv, u"SCardGetStatusChange"_s);
            QList<ReaderState> snapshot;
            for (size_t i = 0; i + 1 < states.size(); ++i) {
                SCARD_READERSTATE &s = states[i];
                if ((s.dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE)) != 0)
                    relist = true;
                s.dwCurrentState = s.dwEventState & ~DWORD(SCARD_STATE_CHANGED);
                ReaderState r;
                r.name = QString::fromUtf8(names[qsizetype(i)]);
                r.cardPresent = (s.dwEventState & SCARD_STATE_PRESENT) != 0 && (s.dwEventState & SCARD_STATE_MUTE) == 0;
                r.inUseExclusively = (s.dwEventState & SCARD_STATE_EXCLUSIVE) != 0;
                if (r.cardPresent)
                    r.atr = QByteArray(reinterpret_cast<const char *>(s.rgbAtr), qsizetype(s.cbAtr));
                r.eventCount = int((s.dwEventState >> 16) & 0xFFFF);
                snapshot.append(r);
            }
            SCARD_READERSTATE &pnp = states.back();
            if ((pnp.dwEventState & SCARD_STATE_CHANGED) != 0)
                relist = true;
            pnp.dwCurrentState = pnp.dwEventState & ~DWORD(SCARD_STATE_CHANGED);
            if (relist) {
                // Report the new reader list straight away, not the stale one.
                Result<QList<QByteArray>> listed = list(context);
                if (!listed)
                    return listed.error();
                if (*listed != names)
                    continue;
                relist = false;
            }
            postReaders(snapshot);
        }
        return Error();
    }

    static Result<QList<QByteArray>> list(SCARDCONTEXT context)
    {
        DWORD size = 0;
        LONG rv = SCardListReaders(context, nullptr, nullptr, &size);
        if (rv == LONG(SCARD_E_NO_READERS_AVAILABLE))
            return QList<QByteArray>();
        if (rv != SCARD_S_SUCCESS)
            return PcscCard::errorFor(rv, u"SCardListReaders"_s);
        QByteArray buffer(qsizetype(size), '\0');
        rv = SCardListReaders(context, nullptr, buffer.data(), &size);
        if (rv == LONG(SCARD_E_NO_READERS_AVAILABLE))
            return QList<QByteArray>();
        if (rv != SCARD_S_SUCCESS)
            return PcscCard::errorFor(rv, u"SCardListReaders"_s);
        QList<QByteArray> names;
        for (const QByteArray &name : buffer.left(qsizetype(size)).split('\0')) {
            if (!name.isEmpty())
                names.append(name);
        }
        return names;
    }

    void waitBeforeRetry()
    {
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, retryAfterServiceLoss, [this] { return m_stopping.load(); });
    }

    // The service is up (no error) or down (why).
    void postService(const Error &error)
    {
        ReaderMonitor *monitor = m_monitor;
        QMetaObject::invokeMethod(
            monitor,
            [monitor, error] { monitor->setService(error.code() == ErrorCode::None, error); },
            Qt::QueuedConnection);
    }

    void postReaders(const QList<ReaderState> &readers)
    {
        ReaderMonitor *monitor = m_monitor;
        QMetaObject::invokeMethod(
            monitor, [monitor, readers] { monitor->apply(readers); }, Qt::QueuedConnection);
    }

    ReaderMonitor *m_monitor;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::atomic<bool> m_stopping {false};
    SCARDCONTEXT m_context = 0;
};

ReaderMonitor::ReaderMonitor(QObject *parent) : QObject(parent), m_worker(std::make_unique<Worker>(this))
{
    qRegisterMetaType<ReaderState>();
    qRegisterMetaType<QList<ReaderState>>();
}

ReaderMonitor::~ReaderMonitor()
{
    m_worker->stop();
}

void ReaderMonitor::start()
{
    m_worker->start();
}

void ReaderMonitor::stop()
{
    m_worker->stop();
}

QStringList ReaderMonitor::readersWithCard() const
{
    QStringList names;
    for (const ReaderState &r : m_readers) {
        if (r.cardPresent)
            names.append(r.name);
    }
    return names;
}

void ReaderMonitor::apply(const QList<ReaderState> &readers)
{
    const QList<ReaderState> before = m_readers;
    m_readers = readers;
    for (const ReaderState &now : readers) {
        const ReaderState *was = nullptr;
        for (const ReaderState &b : before) {
            if (b.name == now.name)
                was = &b;
        }
        const bool wasPresent = was != nullptr && was->cardPresent;
        const bool swapped =
            wasPresent && now.cardPresent && (was->atr != now.atr || was->eventCount != now.eventCount);
        if (wasPresent && (!now.cardPresent || swapped))
            emit cardRemoved(now.name);
        if (now.cardPresent && (!wasPresent || swapped))
            emit cardInserted(now.name, now.atr);
    }
    for (const ReaderState &b : before) {
        bool still = false;
        for (const ReaderState &now : readers)
            still = still || now.name == b.name;
        if (!still && b.cardPresent)
            emit cardRemoved(b.name); // the reader went with its card
    }
    emit readersChanged(m_readers);
}

void ReaderMonitor::setService(bool available, const Error &error)
{
    if (!available) {
        // Every card goes with the service.
        apply({});
    }
    if (available == m_serviceAvailable)
        return;
    m_serviceAvailable = available;
    emit serviceChanged(available, error);
}

} // namespace haip::card
