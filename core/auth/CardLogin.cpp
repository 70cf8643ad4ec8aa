#include "auth/CardLogin.h"

#include <QTimer>

namespace haip::auth {

namespace {
constexpr int kReadRetries = 3;
constexpr int kReadRetryDelayMs = 400; // about one poll of a polled reader
} // namespace

CardLogin::CardLogin(card::ReaderMonitor &readers, CardThread &card, platform::LoginSession &session, QObject *parent)
    : QObject(parent), m_readers(readers), m_card(card), m_session(session)
{ }

CardLogin::~CardLogin() = default;

void CardLogin::start()
{
    if (m_started)
        return;
    m_started = true;
    connect(&m_readers, &card::ReaderMonitor::readersChanged, this, [this] {
        if (m_step == Step::ServiceUnavailable || m_step == Step::NoReader || m_step == Step::WaitingForCard ||
            m_step == Step::ChooseReader)
            evaluate();
    });
    connect(&m_readers, &card::ReaderMonitor::serviceChanged, this, [this](bool available, const Error &error) {
        if (!available && m_step != Step::SignedIn) {
            abandon(error);
            return;
        }
        if (available && m_step == Step::ServiceUnavailable)
            evaluate();
    });
    connect(&m_readers, &card::ReaderMonitor::cardRemoved, this, &CardLogin::onCardRemoved);
    connect(&m_session, &platform::LoginSession::loginFailed, this, &CardLogin::onLoginFailed);
    connect(&m_session, &platform::LoginSession::signedIn, this, [this](const platform::SessionInfo &info) {
        m_emergency = false;
        m_signer.reset();
        m_otpAnswer = {};
        setStep(Step::SignedIn);
        emit signedIn(info, m_identity);
    });
    evaluate();
}

void CardLogin::restart()
{
    stopAttempt();
    m_reader.clear();
    m_identity = {};
    m_card.close();
    evaluate();
}

void CardLogin::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    emit stepChanged(step);
}

void CardLogin::evaluate()
{
    if (!m_readers.serviceAvailable())
        return setStep(Step::ServiceUnavailable);
    if (m_readers.readers().isEmpty())
        return setStep(Step::NoReader);
    const QStringList withCard = m_readers.readersWithCard();
    if (withCard.isEmpty())
        return setStep(Step::WaitingForCard);
    if (withCard.size() > 1)
        return setStep(Step::ChooseReader);
    m_readRetries = 0;
    readCard(withCard.front());
}

void CardLogin::chooseReader(const QString &reader)
{
    if (!m_readers.readersWithCard().contains(reader) || busyWithCard())
        return;
    m_readRetries = 0;
    readCard(reader);
}

void CardLogin::readCard(const QString &reader)
{
    const quint64 generation = ++m_generation;
    m_reader = reader;
    m_identity = {};
    setStep(Step::ReadingCard);
    m_card.open(reader, [this, generation](const Result<void> &opened) {
        if (generation != m_generation)
            return;
        if (!opened)
            return onCardRead(opened.error(), generation);
        m_card.run<CardFace>(readCardFace,
                             [this, generation](Result<CardFace> read) { onCardRead(std::move(read), generation); });
    });
}

void CardLogin::onCardRead(Result<CardFace> read, quint64 generation)
{
    if (generation != m_generation)
        return;
    if (!read) {
        // A card swapped or re-inserted between two polls of the reader may still be reported
        // present while its predecessor's connection fails: read it again before giving up.
        const bool stillThere = m_readers.readersWithCard().contains(m_reader);
        if (read.error().code() == ErrorCode::CardRemoved && stillThere && m_readRetries < kReadRetries) {
            ++m_readRetries;
            const QString reader = m_reader;
            QTimer::singleShot(kReadRetryDelayMs, this, [this, reader, generation] {
                if (generation == m_generation && m_readers.readersWithCard().contains(reader))
                    readCard(reader);
            });
            return;
        }
        // A wrong card or a pulled one: say why and wait for the next.
        setStep(m_readers.readersWithCard().size() > 1 ? Step::ChooseReader : Step::WaitingForCard);
        emit problem(read.error().withSubject(m_reader));
        return;
    }
    Result<CardIdentity> identity = CardIdentity::fromCertificate(m_reader, read->certificateDer);
    if (!identity) {
        setStep(Step::WaitingForCard);
        emit problem(identity.error());
        return;
    }
    m_readRetries = 0;
    m_identity = *identity;
    m_pinStatus = read->pin;
    setStep(m_pinStatus.blocked ? Step::CardBlocked : Step::NeedPin);
}

void CardLogin::submitPin(crypto::SecureBuffer pin)
{
    if (m_step != Step::NeedPin)
        return;
    const quint64 generation = m_generation;
    setStep(Step::CheckingPin);
    // The buffer travels to the card thread and is wiped there when the job is destroyed.
    auto secret = std::make_shared<crypto::SecureBuffer>(std::move(pin));
    m_card.run<void>(
        [secret](card::Token &token) {
            Result<void> verified = token.verifyPin(secret->view());
            secret->clear();
            return verified;
        },
        [this, generation](const Result<void> &checked) { onPinChecked(checked, generation); });
}

void CardLogin::onPinChecked(const Result<void> &checked, quint64 generation)
{
    if (generation != m_generation)
        return;
    if (checked)
        return contactPlatform();
    const Error &error = checked.error();
    if (error.code() == ErrorCode::PinBlocked) {
        m_pinStatus = card::PinStatus {0, true, false, true, false};
        setStep(Step::CardBlocked);
        emit problem(error);
        return;
    }
    if (error.code() == ErrorCode::PinIncorrect || error.code() == ErrorCode::InvalidArgument)
        return refreshPinStatus(error);
    abandon(error);
}

// After a wrong PIN: the tries left as the card now counts them, then the PIN again.
void CardLogin::refreshPinStatus(const Error &why)
{
    const quint64 generation = m_generation;
    m_card.run<card::PinStatus>([](card::Token &token) { return token.pinStatus(); },
                                [this, generation, why](Result<card::PinStatus> status) {
                                    if (generation != m_generation)
                                        return;
                                    if (!status)
                                        return abandon(status.error());
                                    m_pinStatus = *status;
                                    setStep(m_pinStatus.blocked ? Step::CardBlocked : Step::NeedPin);
                                    emit problem(why);
                                });
}

void CardLogin::contactPlatform()
{
    setStep(Step::ContactingPlatform);
    m_signer = std::make_unique<TokenCardSigner>(m_card, m_identity.certificateDer);
    const quint64 generation = m_generation;
    m_session.login(*m_signer, [this, generation](const platform::OtpPrompt &prompt, platform::OtpAnswer answer) {
        if (generation != m_generation)
            return answer(Error(ErrorCode::Cancelled));
        m_otpPrompt = prompt;
        m_otpAnswer = std::move(answer);
        setStep(Step::NeedOtp);
        if (prompt.attempt > 1)
            emit problem(prompt.previous);
    });
}

void CardLogin::submitOtp(const QString &code)
{
    if (m_step != Step::NeedOtp || !m_otpAnswer)
        return;
    platform::OtpAnswer answer = std::move(m_otpAnswer);
    m_otpAnswer = {};
    setStep(Step::CheckingOtp);
    answer(code.trimmed());
}

void CardLogin::signInWithoutCard(const QString &userId, const QString &otp, const QString &emergencyCode)
{
    if (m_step == Step::SignedIn || m_step == Step::ContactingPlatform || m_step == Step::CheckingOtp)
        return;
    stopAttempt();
    m_identity = {};
    m_emergency = true;
    setStep(Step::ContactingPlatform);
    m_session.loginEmergency(userId, otp, emergencyCode);
}

void CardLogin::onLoginFailed(const Error &error)
{
    if (m_step != Step::ContactingPlatform && m_step != Step::NeedOtp && m_step != Step::CheckingOtp)
        return;
    m_signer.reset();
    m_otpAnswer = {};
    if (m_emergency) {
        m_emergency = false;
        evaluate();
        emit problem(error);
        return;
    }
    if (error.code() == ErrorCode::CardRemoved || error.code() == ErrorCode::CardUnavailable)
        return abandon(error);
    // The platform said no or could not be reached: the card is still in, the PIN again starts over.
    refreshPinStatus(error);
}

void CardLogin::onCardRemoved(const QString &reader)
{
    if (reader != m_reader || m_step == Step::SignedIn)
        return;
    if (busyWithCard() || m_step == Step::NeedPin || m_step == Step::CardBlocked)
        abandon(Error(ErrorCode::CardRemoved, {}, reader));
}

void CardLogin::cancel()
{
    if (m_step == Step::SignedIn)
        return;
    stopAttempt();
    evaluate();
}

// Ends the attempt (the card went, the service went, the card failed) and says why.
void CardLogin::abandon(const Error &why)
{
    stopAttempt();
    m_identity = {};
    m_card.close();
    evaluate();
    emit problem(why);
}

// Late answers of the card and the platform are dropped; an unfinished platform login ends
// without a loginFailed (LoginSession::logout while signing in only ends it locally).
void CardLogin::stopAttempt()
{
    ++m_generation;
    m_emergency = false;
    m_otpAnswer = {};
    if (m_session.state() == platform::LoginSession::State::SigningIn)
        m_session.logout();
    m_signer.reset();
}

bool CardLogin::busyWithCard() const
{
    return m_step == Step::ReadingCard || m_step == Step::CheckingPin || m_step == Step::ContactingPlatform ||
        m_step == Step::NeedOtp || m_step == Step::CheckingOtp;
}

} // namespace haip::auth
