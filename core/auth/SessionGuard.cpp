#include "auth/SessionGuard.h"

namespace haip::auth {

SessionGuard::SessionGuard(card::ReaderMonitor &readers, CardThread &card, AuthPolicy policy, QObject *parent)
    : QObject(parent), m_readers(readers), m_cardThread(card), m_policy(std::move(policy))
{
    m_probeTimer.setInterval(m_policy.cardProbeIntervalMs);
    connect(&m_probeTimer, &QTimer::timeout, this, &SessionGuard::probe);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_policy.idleLockSeconds * 1000);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { lock(LockReason::Idle); });
    m_lookTimer.setInterval(qMax(250, m_policy.cardProbeIntervalMs));
    connect(&m_lookTimer, &QTimer::timeout, this, &SessionGuard::lookForCard);
    connect(&m_readers, &card::ReaderMonitor::cardInserted, this, &SessionGuard::onCardInserted);
    connect(&m_readers, &card::ReaderMonitor::cardRemoved, this, &SessionGuard::onCardRemoved);
    connect(&m_readers, &card::ReaderMonitor::serviceChanged, this, [this](bool available) {
        if (!available && !m_card.reader.isEmpty())
            onCardRemoved(m_card.reader);
    });
}

void SessionGuard::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    // Braces: without them clang-tidy reads `emit` (an empty macro) as an over-indented statement.
    if (state == State::Locked && !m_cardReady && m_policy.cardProbeIntervalMs > 0) {
        m_lookTimer.start();
    } else if (state != State::Locked && state != State::Unlocking) {
        m_lookTimer.stop();
    }
    emit stateChanged(state);
}

// A card pulled and put back between two polls of the reader never shows as removed and
// inserted: look at the reader while locked and the card is not known to be back.
void SessionGuard::lookForCard()
{
    if (m_state != State::Locked || m_cardReady) {
        m_lookTimer.stop();
        return;
    }
    const QStringList withCard = m_readers.readersWithCard();
    if (withCard.isEmpty())
        return;
    examineInsertedCard(withCard.contains(m_card.reader) ? m_card.reader : withCard.front(), true);
}

void SessionGuard::activate(const CardIdentity &card)
{
    ++m_generation;
    m_card = card;
    m_reason = LockReason::None;
    m_cardReady = true;
    m_probeInFlight = false;
    setState(State::Active);
    // A session without a card (emergency access) has nothing to probe.
    if (m_policy.lockOnCardRemoval && m_policy.cardProbeIntervalMs > 0 && !card.certificateDer.isEmpty())
        m_probeTimer.start();
    if (m_policy.idleLockSeconds > 0)
        m_idleTimer.start();
    m_sinceActivityNoted.start();
}

void SessionGuard::deactivate()
{
    ++m_generation;
    m_probeTimer.stop();
    m_idleTimer.stop();
    m_card = {};
    m_cardReady = false;
    m_reason = LockReason::None;
    setState(State::Inactive);
}

void SessionGuard::lockNow()
{
    lock(LockReason::Manual);
}

void SessionGuard::noteActivity()
{
    if (m_state != State::Active || m_policy.idleLockSeconds <= 0)
        return;
    // Input events come by the hundred a second: restart the countdown at most once a second.
    if (m_sinceActivityNoted.isValid() && m_sinceActivityNoted.elapsed() < 1000)
        return;
    m_sinceActivityNoted.restart();
    m_idleTimer.start();
}

void SessionGuard::lock(LockReason reason)
{
    if (m_state != State::Active)
        return;
    ++m_generation;
    m_probeTimer.stop();
    m_idleTimer.stop();
    m_reason = reason;
    if (reason == LockReason::CardRemoved) {
        m_cardReady = false;
        m_cardThread.close();
    }
    setState(State::Locked);
    emit locked(reason);
}

// An empty VERIFY (PIV) or the token flags (PKCS#11): fails at once on a pulled card, and says
// "not verified" for a card that was reset or swapped in between.
void SessionGuard::probe()
{
    if (m_state != State::Active || m_probeInFlight)
        return;
    m_probeInFlight = true;
    const quint64 generation = m_generation;
    m_cardThread.run<card::PinStatus>([](card::Token &token) { return token.pinStatus(); },
                                      [this, generation](Result<card::PinStatus> status) {
                                          if (generation != m_generation)
                                              return;
                                          m_probeInFlight = false;
                                          const bool gone = !status &&
                                              (status.error().code() == ErrorCode::CardRemoved ||
                                               status.error().code() == ErrorCode::CardUnavailable);
                                          if (gone || (status && !status->verified && status->triesLeft >= 0))
                                              lock(LockReason::CardRemoved);
                                      });
}

void SessionGuard::onCardRemoved(const QString &reader)
{
    if (m_card.certificateDer.isEmpty() || reader != m_card.reader)
        return;
    if (m_state == State::Active && m_policy.lockOnCardRemoval) {
        lock(LockReason::CardRemoved);
        return;
    }
    if (m_state == State::Locked || m_state == State::Unlocking) {
        ++m_generation;
        m_cardReady = false;
        m_cardThread.close();
        setState(State::Locked);
        if (m_policy.cardProbeIntervalMs > 0)
            m_lookTimer.start();
        emit sessionCardChanged(false);
    }
}

void SessionGuard::onCardInserted(const QString &reader)
{
    if (m_state != State::Locked)
        return;
    examineInsertedCard(reader, false);
}

// While locked: whose card is it? The same one waits for its PIN; another ends the session.
void SessionGuard::examineInsertedCard(const QString &reader, bool quiet)
{
    const quint64 generation = ++m_generation;
    setState(State::Unlocking);
    m_cardThread.open(reader, [this, generation, reader, quiet](const Result<void> &opened) {
        if (generation != m_generation)
            return;
        if (!opened) {
            setState(State::Locked);
            if (!quiet || opened.error().code() != ErrorCode::CardRemoved)
                emit unlockFailed(opened.error());
            return;
        }
        m_cardThread.run<CardFace>(readCardFace, [this, generation, reader, quiet](Result<CardFace> read) {
            if (generation != m_generation)
                return;
            if (!read) {
                setState(State::Locked);
                if (!quiet || read.error().code() != ErrorCode::CardRemoved)
                    emit unlockFailed(read.error());
                return;
            }
            Result<CardIdentity> identity = CardIdentity::fromCertificate(reader, read->certificateDer);
            if (!identity) {
                setState(State::Locked);
                emit unlockFailed(identity.error());
                return;
            }
            if (!identity->sameCardAs(m_card)) {
                m_lookTimer.stop();
                setState(State::Locked);
                emit otherCardInserted(*identity);
                return;
            }
            m_card.reader = reader;
            m_pinStatus = read->pin;
            m_cardReady = true;
            m_lookTimer.stop();
            setState(State::Locked);
            emit sessionCardChanged(true);
        });
    });
}

void SessionGuard::unlock(crypto::SecureBuffer pin)
{
    if (m_state != State::Locked)
        return;
    if (!m_cardReady) {
        emit unlockFailed(Error(ErrorCode::CardRemoved, {}, m_card.reader));
        return;
    }
    const quint64 generation = ++m_generation;
    setState(State::Unlocking);
    auto secret = std::make_shared<crypto::SecureBuffer>(std::move(pin));
    const QByteArray expected = m_card.certificateDer;
    m_cardThread.run<card::PinStatus>(
        [secret, expected](card::Token &token) -> Result<card::PinStatus> {
            Result<QByteArray> certificate = token.certificateDer();
            if (!certificate)
                return certificate.error();
            if (*certificate != expected)
                return Error(ErrorCode::CardNotSupported, QStringLiteral("not the card of this session"));
            Result<void> verified = token.verifyPin(secret->view());
            secret->clear();
            if (!verified) {
                Result<card::PinStatus> status = token.pinStatus();
                if (status && verified.error().code() == ErrorCode::PinIncorrect)
                    return Error(ErrorCode::PinIncorrect, QString::number(status->triesLeft), {});
                return verified.error();
            }
            return token.pinStatus();
        },
        [this, generation](Result<card::PinStatus> status) {
            if (generation != m_generation)
                return;
            setState(State::Locked);
            if (!status) {
                if (status.error().code() == ErrorCode::PinIncorrect)
                    m_pinStatus.triesLeft = status.error().detail().toInt();
                emit unlockFailed(status.error());
                return;
            }
            m_pinStatus = *status;
            if (m_policy.otpOnUnlock) {
                emit otpRequired();
                return;
            }
            activate(m_card);
            emit unlocked();
        });
}

} // namespace haip::auth
