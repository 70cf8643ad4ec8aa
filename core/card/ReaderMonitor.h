// ReaderMonitor: watches the PC/SC readers on its own thread — readers appearing and
// disappearing (through the PnP notification reader), cards inserted and removed — and reports
// each change as a Qt signal, delivered in the thread of the monitor's owner. The same code runs
// over pcsc-lite and WinSCard. When the smart-card service is missing or stops, it says so
// (serviceChanged) and tries again every second until it is back.
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace haip::card {

struct ReaderState
{
    QString name;
    bool cardPresent = false;
    bool inUseExclusively = false;
    QByteArray atr;
    // Card events the service counted in this reader (pcsc-lite; 0 where not counted): a card
    // swapped between two polls changes it without the reader ever looking empty.
    int eventCount = 0;
};

class ReaderMonitor : public QObject
{
    Q_OBJECT
public:
    explicit ReaderMonitor(QObject *parent = nullptr);
    ~ReaderMonitor() override; // stops the thread (SCardCancel) and waits for it

    void start();
    void stop();
    // The readers as last reported (in the owner's thread).
    const QList<ReaderState> &readers() const { return m_readers; }
    bool serviceAvailable() const { return m_serviceAvailable; }
    // The readers that hold a card.
    QStringList readersWithCard() const;

signals:
    void readersChanged(const QList<haip::card::ReaderState> &readers);
    void cardInserted(const QString &reader, const QByteArray &atr);
    void cardRemoved(const QString &reader);
    // The smart-card service went away (available = false, with why) or came back.
    void serviceChanged(bool available, const haip::Error &error);

private:
    class Worker;
    void apply(const QList<ReaderState> &readers);
    void setService(bool available, const Error &error);

    std::unique_ptr<Worker> m_worker;
    QList<ReaderState> m_readers;
    bool m_serviceAvailable = true;
};

} // namespace haip::card

Q_DECLARE_METATYPE(haip::card::ReaderState)
