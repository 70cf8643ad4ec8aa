#include "PlatformLogin.h"

#include "crypto/Totp.h"
#include "platform/LoginSession.h"
#include "platform/SoftwareCardSigner.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <optional>

namespace haip::test {

namespace {

// Last TOTP step used per "stateDir/clinician" in this test process.
QHash<QString, qint64> &usedSteps()
{
    static QHash<QString, qint64> steps;
    return steps;
}

} // namespace

PlatformLogin::PlatformLogin(PlatformProcess &platform)
    : m_platform(platform), m_anonymous(platform.url(), platform.clientTls())
{ }

SoftwareCard PlatformLogin::card(const QString &clinicianId) const
{
    Result<SoftwareCard> c =
        SoftwareCard::load(m_platform.statePath(QStringLiteral("clinicians/%1/card.json").arg(clinicianId)));
    return c ? *c : SoftwareCard();
}

QByteArray PlatformLogin::loginMessage(const QByteArray &challenge, const QByteArray &sessionPublicKeyDer)
{
    return QByteArrayLiteral("HAIP-CARD-LOGIN-V1") + '\0' + challenge + sessionPublicKeyDer;
}

HttpResult PlatformLogin::challenge()
{
    return m_anonymous.post(QStringLiteral("/v1/auth/challenge"), {});
}

HttpResult PlatformLogin::cardStep(const SoftwareCard &card,
                                   const QJsonObject &challenge,
                                   const SessionKey &key,
                                   const QByteArray &signatureOverride)
{
    QByteArray signature = signatureOverride;
    if (signature.isEmpty()) {
        const QByteArray bytes =
            QByteArray::fromBase64(challenge.value(QStringLiteral("challenge")).toString().toLatin1());
        Result<QByteArray> s = card.sign(loginMessage(bytes, key.publicKeyDer()));
        signature = s ? *s : QByteArray();
    }
    return m_anonymous.post(QStringLiteral("/v1/auth/card"),
                            {{QStringLiteral("challengeId"), challenge.value(QStringLiteral("challengeId"))},
                             {QStringLiteral("certificate"), QString::fromLatin1(card.certificateDer().toBase64())},
                             {QStringLiteral("sessionPublicKey"), QString::fromLatin1(key.publicKeyDer().toBase64())},
                             {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}});
}

HttpResult PlatformLogin::otpStep(const QString &loginId, const QString &code)
{
    return m_anonymous.post(QStringLiteral("/v1/auth/otp"),
                            {{QStringLiteral("loginId"), loginId}, {QStringLiteral("code"), code}});
}

qint64 PlatformLogin::currentStep() const
{
    // The clinician's OTP token keeps the platform's time, whatever this computer's clock says.
    return (QDateTime::currentSecsSinceEpoch() + m_platform.clockOffset()) / 30;
}

QString PlatformLogin::codeForStep(const QString &clinicianId, qint64 step) const
{
    QFile file(m_platform.statePath(QStringLiteral("clinicians/directory.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QJsonValue &v :
         QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("clinicians")).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("id")).toString() != clinicianId)
            continue;
        Result<QByteArray> secret = crypto::Totp::base32Decode(
            c.value(QStringLiteral("totp")).toObject().value(QStringLiteral("secret")).toString());
        if (!secret)
            return {};
        return crypto::Totp::hotp(*secret, quint64(step), crypto::TotpAlgorithm::Sha1, 6);
    }
    return {};
}

QString PlatformLogin::nextCode(const QString &clinicianId)
{
    const QString key = m_platform.stateDir() + u'/' + clinicianId;
    qint64 step = qMax(usedSteps().value(key, -1) + 1, currentStep());
    // The server accepts current ± 1: wait until `step` is no more than one ahead.
    while (step > currentStep() + 1)
        QTest::qWait(500);
    usedSteps().insert(key, step);
    return codeForStep(clinicianId, step);
}

std::unique_ptr<ApiTestClient> PlatformLogin::clientFor(const QList<QSslCertificate> &chain, const QSslKey &key) const
{
    return std::make_unique<ApiTestClient>(m_platform.url(), m_platform.clientTls(chain, key));
}

Session PlatformLogin::login(const QString &clinicianId, QString *error)
{
    Session session;
    session.key = SessionKey::generate();
    const SoftwareCard c = card(clinicianId);
    const HttpResult ch = challenge();
    if (ch.status != 201) {
        *error = QStringLiteral("challenge: ") + ch.describe();
        return session;
    }
    const HttpResult cardAnswer = cardStep(c, ch.json(), session.key);
    if (cardAnswer.status != 200) {
        *error = QStringLiteral("card: ") + cardAnswer.describe();
        return session;
    }
    const HttpResult otp =
        otpStep(cardAnswer.json().value(QStringLiteral("loginId")).toString(), nextCode(clinicianId));
    if (otp.status != 201) {
        *error = QStringLiteral("otp: ") + otp.describe();
        return session;
    }
    session.issued = otp.json();
    session.sessionId = session.issued.value(QStringLiteral("sessionId")).toString();
    session.chain.append(QSslCertificate(
        QByteArray::fromBase64(session.issued.value(QStringLiteral("certificate")).toString().toLatin1()), QSsl::Der));
    for (const QJsonValue &v : session.issued.value(QStringLiteral("caCertificates")).toArray())
        session.chain.append(QSslCertificate(QByteArray::fromBase64(v.toString().toLatin1()), QSsl::Der));
    session.client = clientFor(session.chain, session.key.privateKey());
    return session;
}

bool PlatformLogin::signIn(platform::LoginSession &session, const QString &clinicianId, QString *why)
{
    Result<platform::SoftwareCardSigner> card = platform::SoftwareCardSigner::fromCardProfile(
        m_platform.statePath(QStringLiteral("clinicians/%1/card.json").arg(clinicianId)));
    if (!card) {
        *why = card.error().detail();
        return false;
    }
    std::optional<Error> failed;
    bool signedIn = false;
    QObject context;
    QObject::connect(&session, &platform::LoginSession::signedIn, &context, [&] { signedIn = true; });
    QObject::connect(&session, &platform::LoginSession::loginFailed, &context, [&](const Error &e) { failed = e; });
    session.login(*card, [this, clinicianId](const platform::OtpPrompt &, platform::OtpAnswer answer) {
        answer(nextCode(clinicianId));
    });
    if (!QTest::qWaitFor([&] { return signedIn || failed.has_value(); }, 30000)) {
        *why = QStringLiteral("no answer to the login");
        return false;
    }
    if (failed)
        *why = failed->codeName() + QStringLiteral(": ") + failed->detail();
    return signedIn;
}

} // namespace haip::test
