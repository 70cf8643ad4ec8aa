// SessionGuard: keeps a signed-in session safe at an unattended workstation. It locks when the
// session's card leaves its reader (policy may keep the session instead), after the policy's idle
// minutes, or on demand; while locked the owner hides images and results (jobs keep running).
// Unlocking takes the same card and its PIN; another card ends the session (the owner signs out
// and logs the new holder in). Removal is seen two ways, whichever is first: the reader monitor's
// event, and a cheap probe of the card every few tens of milliseconds (an empty VERIFY: it also
// tells a reset card, whose PIN is no longer verified).
#pragma once

#include "auth/AuthPolicy.h"
#include "auth/CardIdentity.h"
#include "auth/CardThread.h"
#include "card/ReaderMonitor.h"
#include "crypto/SecureBuffer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace haip::auth {

class SessionGuard : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Inactive, // nobody signed in
        Active,
        Locked,
        Unlocking, // checking the card or its PIN
    };
    Q_ENUM(State)
    enum class LockReason
    {
        None,
        CardRemoved,
        Idle,
        Manual,
    };
    Q_ENUM(LockReason)

    SessionGuard(card::ReaderMonitor &readers, CardThread &card, AuthPolicy policy, QObject *parent = nullptr);

    // Guards the session of `card` (its token open in the card thread, PIN verified).
    void activate(const CardIdentity &card);
    void deactivate();
    void lockNow();
    // User input seen: restarts the idle countdown.
    void noteActivity();
    // Unlocks with the session's card (present in a reader) and its PIN.
    void unlock(crypto::SecureBuffer pin);

    State state() const { return m_state; }
    LockReason reason() const { return m_reason; }
    const CardIdentity &card() const { return m_card; }
    // While locked: the session's card is in a reader and ready for its PIN.
    bool sessionCardPresent() const { return m_cardReady; }
    const card::PinStatus &pinStatus() const { return m_pinStatus; }
    const AuthPolicy &policy() const { return m_policy; }

signals:
    void stateChanged(haip::auth::SessionGuard::State state);
    void locked(haip::auth::SessionGuard::LockReason reason);
    void unlocked();
    // While locked: the session's card came back (ready for the PIN) or went again.
    void sessionCardChanged(bool present);
    void unlockFailed(const haip::Error &error);
    // Another clinician's card: the owner ends this session and logs the new one in.
    void otherCardInserted(const haip::auth::CardIdentity &card);
    // Unlocked with the card and PIN, but policy asks for a one-time password again: the owner
    // runs a new login with the same card.
    void otpRequired();

private:
    void setState(State state);
    void lock(LockReason reason);
    void probe();
    void onCardInserted(const QString &reader);
    void onCardRemoved(const QString &reader);
    void examineInsertedCard(const QString &reader, bool quiet);
    void lookForCard();

    card::ReaderMonitor &m_readers;
    CardThread &m_cardThread;
    AuthPolicy m_policy;
    State m_state = State::Inactive;
    LockReason m_reason = LockReason::None;
    CardIdentity m_card;
    card::PinStatus m_pinStatus;
    bool m_cardReady = false;
    bool m_probeInFlight = false;
    QTimer m_probeTimer;
    QTimer m_idleTimer;
    QTimer m_lookTimer; // while locked without the card: is it back? (pcscd may not have seen it go)
    QElapsedTimer m_sinceActivityNoted;
    quint64 m_generation = 0;
};

} // namespace haip::auth
