// CardLogin: the clinician's login as the login screen walks it — card in → certificate and
// holder name read → PIN (tries left shown) → the platform's challenge signed by the card →
// one-time password → session (docs/api/README.md, "Login"). It follows the reader monitor:
// a card pulled at any step goes back to waiting for a card; with several cards present the
// user picks the reader. The PIN lives in a SecureBuffer and is wiped once the card has it;
// the one-time password is handed to LoginSession and dropped.
#pragma once

#include "auth/CardIdentity.h"
#include "auth/CardThread.h"
#include "auth/TokenCardSigner.h"
#include "card/ReaderMonitor.h"
#include "card/Token.h"
#include "crypto/SecureBuffer.h"
#include "platform/LoginSession.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace haip::auth {

class CardLogin : public QObject
{
    Q_OBJECT
public:
    enum class Step
    {
        ServiceUnavailable, // no smart-card service (pcscd / SCardSvr)
        NoReader,
        WaitingForCard,
        ChooseReader, // several readers hold a card
        ReadingCard,
        NeedPin,
        CheckingPin,
        ContactingPlatform, // challenge, card signature, platform's verdict
        NeedOtp,
        CheckingOtp,
        SignedIn,
        CardBlocked, // PIN blocked: the card must be reset with its PUK by IT
    };
    Q_ENUM(Step)

    CardLogin(card::ReaderMonitor &readers,
              CardThread &card,
              platform::LoginSession &session,
              QObject *parent = nullptr);
    ~CardLogin() override;

    // Follows the readers from now on; picks up a card already inserted.
    void start();
    // Starts over from the readers' state (after a sign-out or a failed login).
    void restart();
    void chooseReader(const QString &reader);
    void submitPin(crypto::SecureBuffer pin);
    void submitOtp(const QString &code);
    // Abandons the login in progress; the card may stay in (ChooseReader/NeedPin again).
    void cancel();
    // Emergency access instead of the card (policy permitting): user id, one-time password and
    // IT's one-time emergency code. signedIn() follows with an empty card identity.
    void signInWithoutCard(const QString &userId, const QString &otp, const QString &emergencyCode);

    Step step() const { return m_step; }
    const CardIdentity &identity() const { return m_identity; }
    const card::PinStatus &pinStatus() const { return m_pinStatus; }
    const platform::OtpPrompt &otpPrompt() const { return m_otpPrompt; }
    QStringList readersWithCard() const { return m_readers.readersWithCard(); }
    QString reader() const { return m_reader; }

signals:
    void stepChanged(haip::auth::CardLogin::Step step);
    // Something went wrong; the flow is already at the step where the user can go on.
    void problem(const haip::Error &error);
    void signedIn(const haip::platform::SessionInfo &info, const haip::auth::CardIdentity &identity);

private:
    void setStep(Step step);
    void evaluate();
    void readCard(const QString &reader);
    void onCardRead(Result<CardFace> read, quint64 generation);
    void refreshPinStatus(const Error &why);
    void onPinChecked(const Result<void> &checked, quint64 generation);
    void contactPlatform();
    void onLoginFailed(const Error &error);
    void onCardRemoved(const QString &reader);
    void abandon(const Error &why);
    void stopAttempt();
    bool busyWithCard() const;

    card::ReaderMonitor &m_readers;
    CardThread &m_card;
    platform::LoginSession &m_session;
    Step m_step = Step::WaitingForCard;
    QString m_reader;
    CardIdentity m_identity;
    card::PinStatus m_pinStatus;
    platform::OtpPrompt m_otpPrompt;
    platform::OtpAnswer m_otpAnswer;
    std::unique_ptr<TokenCardSigner> m_signer;
    int m_readRetries = 0; // a card just inserted may not answer yet: read again a few times
    quint64 m_generation = 0; // bumps when the card or the attempt changes: late answers are dropped
    bool m_started = false;
    bool m_emergency = false; // the attempt in progress is emergency access, not the card
};

} // namespace haip::auth
