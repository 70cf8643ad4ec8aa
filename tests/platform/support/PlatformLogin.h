// PlatformLogin: the whole login of the API driven step by step for tests — challenge, card
// signature (SoftwareCard), OTP (computed from the directory's TOTP secret) — and the session
// that results: an ApiTestClient presenting the session certificate over mutual TLS.
// OTP steps: a code's step can be used once per clinician, so codes are taken for successive
// steps (current, then current + 1 …), waiting for the clock when a test needs more.
#pragma once

#include "ApiTestClient.h"
#include "PlatformProcess.h"
#include "SoftwareCard.h"

#include <QList>
#include <QSslCertificate>

#include <memory>

namespace haip::platform {
class LoginSession;
}

namespace haip::test {

struct Session
{
    QString sessionId;
    QList<QSslCertificate> chain; // session certificate, then the session CA
    SessionKey key;
    QJsonObject issued; // the OTP (or renew) answer
    std::unique_ptr<ApiTestClient> client; // presents the session certificate
};

class PlatformLogin
{
public:
    explicit PlatformLogin(PlatformProcess &platform);

    SoftwareCard card(const QString &clinicianId) const;
    // The login message the card signs (docs/api/README.md).
    static QByteArray loginMessage(const QByteArray &challenge, const QByteArray &sessionPublicKeyDer);

    HttpResult challenge();
    // Card step with the challenge answer; signs loginMessage(challenge, key) unless told otherwise.
    HttpResult cardStep(const SoftwareCard &card,
                        const QJsonObject &challenge,
                        const SessionKey &key,
                        const QByteArray &signatureOverride = {});
    HttpResult otpStep(const QString &loginId, const QString &code);

    // A code for the next unused step of the clinician (tracked per process).
    QString nextCode(const QString &clinicianId);
    QString codeForStep(const QString &clinicianId, qint64 step) const;
    qint64 currentStep() const;

    // The full login; on failure the returned session has no client and `error` says why.
    Session login(const QString &clinicianId, QString *error);
    // The client's own login (platform::LoginSession over its ApiClient) with this clinician's
    // software card and the next OTP code; false with the reason in `why`.
    bool signIn(platform::LoginSession &session, const QString &clinicianId, QString *why);
    // A client presenting the given chain and key.
    std::unique_ptr<ApiTestClient> clientFor(const QList<QSslCertificate> &chain, const QSslKey &key) const;
    ApiTestClient &anonymous() { return m_anonymous; }

private:
    PlatformProcess &m_platform;
    ApiTestClient m_anonymous;
};

} // namespace haip::test
