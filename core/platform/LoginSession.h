// LoginSession: the clinician's login to the platform and the session that follows
// (docs/api/README.md, "Login"): challenge → a fresh EC P-256 session key in memory → the card
// signs "HAIP-CARD-LOGIN-V1" 0x00 challenge SPKI (CardSigner) → POST /v1/auth/card → a one-time
// password from the OtpProvider → POST /v1/auth/otp → the session certificate, which the
// ApiClient then presents over mutual TLS. While signed in it renews the certificate before
// renewAfter (sliding expiry); logout() ends the session on the platform and wipes the key.
// A 401 on any session request (expired, logged out elsewhere) ends the session locally too.
// Asynchronous throughout: results arrive as signals; no nested event loops.
#pragma once

#include "common/Result.h"
#include "platform/ApiClient.h"
#include "platform/CardSigner.h"
#include "platform/SessionInfo.h"
#include "platform/SessionKey.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>

#include <functional>

namespace haip::platform {

// What the one-time-password prompt is told.
struct OtpPrompt
{
    ClinicianInfo clinician; // as the platform named the card holder
    int attempt = 1; // 1 for the first code
    Error previous; // why the previous code was refused (attempt > 1)
};
// Answer with the code, or with an error (e.g. Cancelled) to abandon the login.
using OtpAnswer = std::function<void(Result<QString> code)>;
using OtpProvider = std::function<void(const OtpPrompt &prompt, OtpAnswer answer)>;

class LoginSession : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        SignedOut,
        SigningIn,
        SignedIn,
    };
    Q_ENUM(State)

    struct Options
    {
        int maxOtpAttempts = 3; // wrong codes asked again before giving up (the platform locks at 5)
        bool autoRenew = true;
    };

    explicit LoginSession(ApiClient &api, QObject *parent = nullptr);
    LoginSession(ApiClient &api, Options options, QObject *parent = nullptr);
    ~LoginSession() override;

    // Starts a login; `card` must stay alive until signedIn() or loginFailed().
    void login(CardSigner &card, OtpProvider otp);
    // Emergency access when the card cannot be used (the platform must allow it): the user id,
    // a one-time password and IT's one-time emergency code (POST /v1/auth/emergency). The
    // session is short, cannot outlive the platform's limit and is marked info().emergency.
    void loginEmergency(const QString &userId, const QString &otp, const QString &emergencyCode);
    // Adopts a session saved by a script (SessionFile) instead of logging in.
    void adopt(SessionInfo info, QList<QSslCertificate> chain, SessionKey key);
    // A new certificate for the same key now (also done automatically before renewAfter).
    void renew();
    // Ends the session on the platform and locally (the key is wiped even if the platform
    // cannot be reached). signedOut() follows.
    void logout();

    State state() const { return m_state; }
    const SessionInfo &info() const { return m_info; }
    const QList<QSslCertificate> &certificateChain() const { return m_chain; }
    const SessionKey &key() const { return m_key; }

signals:
    void stateChanged(haip::platform::LoginSession::State state);
    void signedIn(const haip::platform::SessionInfo &info);
    void loginFailed(const haip::Error &error);
    void renewed(const haip::platform::SessionInfo &info);
    void renewFailed(const haip::Error &error); // transient: the session continues until notAfter
    void sessionEnded(const haip::Error &reason); // refused by the platform: sign in again
    void signedOut();

private:
    void setState(State state);
    bool beginWithNewKey();
    void fail(const Error &error);
    void onChallenge(ApiReply *reply);
    void onCardAnswer(ApiReply *reply);
    void askOtp(const Error &previous);
    void onOtpAnswer(ApiReply *reply);
    void onSessionIssued(ApiReply *reply);
    Result<void> takeCertificate(const QJsonObject &issued);
    void scheduleRenewal();
    void endLocally();

    ApiClient &m_api;
    Options m_options;
    State m_state = State::SignedOut;
    CardSigner *m_card = nullptr;
    OtpProvider m_otp;
    SessionKey m_key;
    QString m_loginId;
    int m_otpAttempt = 0;
    SessionInfo m_info;
    QList<QSslCertificate> m_chain;
    QTimer m_renewTimer;
    QPointer<ApiReply> m_inFlight;
    quint64 m_generation = 0; // bumps on every new login/logout: late callbacks of an old one are dropped
};

} // namespace haip::platform
