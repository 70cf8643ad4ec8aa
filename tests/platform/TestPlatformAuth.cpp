// Login against the real haip-platform over TLS on 127.0.0.1: card challenge/signature with a
// software card (RSA-2048 and ECC P-256 profiles from `init`), TOTP, the session certificate and
// mutual TLS with it — and every refusal: wrong signature or challenge, expired challenge,
// revoked or foreign card, wrong OTP ×5 (lock-out), replayed OTP, no or foreign client
// certificate, bearer value alone, expired session certificate, logout.
#include "PlatformLogin.h"
#include "PlatformProcess.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslKey>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace haip::test;
using namespace Qt::StringLiterals;

namespace {
QString problem(const char *name)
{
    return u"https://haip.example.jp/problems/"_s + QLatin1String(name);
}
} // namespace

class TestPlatformAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void loginWithRsaCard();
    void loginWithEccCard();
    void sessionCertificateNamesTheClinician();
    void wrongSignatureRefused();
    void signatureMustBindTheSessionKey();
    void unknownOrReusedChallengeRefused();
    void expiredChallengeRefused();
    void revokedCardRefused();
    void cardFromUntrustedCaRefused();
    void malformedCardRequestRefused();
    void replayedOtpRefused();
    void wrongOtpFiveTimesLocksOut();
    void requestWithoutClientCertificateRefused();
    void bearerValueAloneRefused();
    void clientCertificateFromAnotherCaRefused();
    void renewExtendsTheSession();
    void logoutRevokesTheSession();
    void expiredSessionCertificateRefused();
    void serverKeptServing();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PlatformProcess> m_platform;
    std::unique_ptr<PlatformLogin> m_login;
    QString m_otherState; // a second platform: its cards are untrusted here
    // One TOTP step per login and clinician: yamada's first session is shared by several tests;
    // sato logs in twice (login, logout), takahashi is locked out.
    Session m_yamada;
};

void TestPlatformAuth::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString state = m_dir.filePath(u"state"_s);
    m_otherState = m_dir.filePath(u"other"_s);
    Result<QByteArray> init = PlatformProcess::init(state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    init = PlatformProcess::init(m_otherState);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    m_platform = std::make_unique<PlatformProcess>(state);
    // Generous public rate limits (this test logs in many times); 2 s challenges.
    const Result<void> started = m_platform->start(
        {u"--public-rate"_s, u"500"_s, u"--public-burst"_s, u"1000"_s, u"--challenge-validity-seconds"_s, u"2"_s});
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    m_login = std::make_unique<PlatformLogin>(*m_platform);
}

void TestPlatformAuth::cleanupTestCase()
{
    if (m_platform && QTest::currentTestFailed())
        qWarning().noquote() << m_platform->serverLog();
    m_login.reset();
    m_platform.reset();
}

void TestPlatformAuth::loginWithRsaCard()
{
    QCOMPARE(m_login->card(u"yamada"_s).algorithm(), u"RSA-2048"_s);
    QString error;
    m_yamada = m_login->login(u"yamada"_s, &error);
    Session &s = m_yamada;
    QVERIFY2(s.client, qPrintable(error));
    const HttpResult me = s.client->get(u"/v1/auth/session"_s);
    QVERIFY2(me.status == 200, qPrintable(me.describe()));
    QCOMPARE(me.json()[u"clinician"_s][u"id"_s].toString(), u"yamada"_s);
    QCOMPARE(me.json()[u"clinician"_s][u"name"_s][u"ja"_s].toString(), u"山田 太郎"_s);
    QCOMPARE(me.json()[u"sessionId"_s].toString(), s.sessionId);
}

void TestPlatformAuth::loginWithEccCard()
{
    QCOMPARE(m_login->card(u"sato"_s).algorithm(), u"ECC-P256"_s);
    QString error;
    Session s = m_login->login(u"sato"_s, &error);
    QVERIFY2(s.client, qPrintable(error));
    const HttpResult me = s.client->get(u"/v1/auth/session"_s);
    QVERIFY2(me.status == 200, qPrintable(me.describe()));
    QCOMPARE(me.json()[u"clinician"_s][u"id"_s].toString(), u"sato"_s);
}

void TestPlatformAuth::sessionCertificateNamesTheClinician()
{
    const Session &s = m_yamada;
    QVERIFY(s.client);
    QCOMPARE(s.chain.size(), 2);
    const QSslCertificate &cert = s.chain.front();
    QCOMPARE(cert.subjectInfo(QSslCertificate::CommonName).value(0), u"山田 太郎"_s);
    QCOMPARE(cert.subjectInfo(QByteArray("UID")).value(0), u"yamada"_s);
    QCOMPARE(cert.issuerDisplayName(), u"HAIP Session CA (test only)"_s);
    // Minutes, not hours: 15 minutes after now (+ a little), back-dated 5 minutes for skew.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(cert.expiryDate() > now.addSecs(14 * 60));
    QVERIFY(cert.expiryDate() <= now.addSecs(15 * 60 + 5));
    QVERIFY(cert.effectiveDate() <= now.addSecs(-4 * 60));
    // It certifies the key the client generated, nothing else.
    QCOMPARE(QSslKey(s.key.publicKeyDer(), QSsl::Ec, QSsl::Der, QSsl::PublicKey).toDer(), cert.publicKey().toDer());
}

void TestPlatformAuth::wrongSignatureRefused()
{
    const SoftwareCard card = m_login->card(u"yamada"_s);
    const SessionKey key = SessionKey::generate();
    const HttpResult ch = m_login->challenge();
    QCOMPARE(ch.status, 201);
    // A genuine card signature, over the wrong bytes (another challenge).
    const QByteArray wrong = card.sign(PlatformLogin::loginMessage(QByteArray(32, 'x'), key.publicKeyDer())).value();
    const HttpResult r = m_login->cardStep(card, ch.json(), key, wrong);
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QCOMPARE(r.problemType(), problem("authentication-failed"));
    // Another clinician's card signing for this certificate: refused as well.
    const HttpResult ch2 = m_login->challenge();
    const QByteArray challenge2 = QByteArray::fromBase64(ch2.json()[u"challenge"_s].toString().toLatin1());
    const QByteArray bySato =
        m_login->card(u"sato"_s).sign(PlatformLogin::loginMessage(challenge2, key.publicKeyDer())).value();
    const HttpResult r2 = m_login->cardStep(card, ch2.json(), key, bySato);
    QVERIFY2(r2.status == 401, qPrintable(r2.describe()));
    QCOMPARE(r2.problemType(), problem("authentication-failed"));
}

void TestPlatformAuth::signatureMustBindTheSessionKey()
{
    // The card signed for key A; the request names key B (a stolen signature reused for an
    // attacker's key): the signature no longer verifies.
    const SoftwareCard card = m_login->card(u"sato"_s);
    const SessionKey a = SessionKey::generate();
    const SessionKey b = SessionKey::generate();
    const HttpResult ch = m_login->challenge();
    const QByteArray challenge = QByteArray::fromBase64(ch.json()[u"challenge"_s].toString().toLatin1());
    const QByteArray signatureForA = card.sign(PlatformLogin::loginMessage(challenge, a.publicKeyDer())).value();
    const HttpResult r = m_login->cardStep(card, ch.json(), b, signatureForA);
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QCOMPARE(r.problemType(), problem("authentication-failed"));
}

void TestPlatformAuth::unknownOrReusedChallengeRefused()
{
    const SoftwareCard card = m_login->card(u"yamada"_s);
    const SessionKey key = SessionKey::generate();
    QJsonObject forged {{u"challengeId"_s, u"no-such-challenge"_s},
                        {u"challenge"_s, QString::fromLatin1(QByteArray(32, 'a').toBase64())}};
    HttpResult r = m_login->cardStep(card, forged, key);
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QCOMPARE(r.problemType(), problem("authentication-failed"));

    const HttpResult ch = m_login->challenge();
    r = m_login->cardStep(card, ch.json(), key);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    r = m_login->cardStep(card, ch.json(), key); // the same challenge again
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
}

void TestPlatformAuth::expiredChallengeRefused()
{
    const SoftwareCard card = m_login->card(u"yamada"_s);
    const SessionKey key = SessionKey::generate();
    const HttpResult ch = m_login->challenge();
    QCOMPARE(ch.status, 201);
    const QDateTime expires = QDateTime::fromString(ch.json()[u"expiresAt"_s].toString(), Qt::ISODateWithMs);
    QVERIFY(expires.isValid());
    QVERIFY(expires <= QDateTime::currentDateTimeUtc().addSecs(3)); // the server was told 2 s
    QTest::qWait(2500);
    const HttpResult r = m_login->cardStep(card, ch.json(), key);
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QCOMPARE(r.problemType(), problem("authentication-failed"));
}

void TestPlatformAuth::revokedCardRefused()
{
    const SoftwareCard card = m_login->card(u"suzuki"_s);
    const HttpResult ch = m_login->challenge();
    const HttpResult r = m_login->cardStep(card, ch.json(), SessionKey::generate());
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QCOMPARE(r.problemType(), problem("certificate-rejected"));
    QVERIFY2(r.json()[u"detail"_s].toString().contains(u"revoked"_s), qPrintable(r.describe()));
}

void TestPlatformAuth::cardFromUntrustedCaRefused()
{
    Result<SoftwareCard> foreign = SoftwareCard::load(QDir(m_otherState).filePath(u"clinicians/yamada/card.json"_s));
    QVERIFY(foreign);
    const HttpResult ch = m_login->challenge();
    const HttpResult r = m_login->cardStep(*foreign, ch.json(), SessionKey::generate());
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QCOMPARE(r.problemType(), problem("certificate-rejected"));
    QVERIFY2(r.json()[u"detail"_s].toString().contains(u"trusted CA"_s), qPrintable(r.describe()));
}

void TestPlatformAuth::malformedCardRequestRefused()
{
    const HttpResult ch = m_login->challenge();
    HttpResult r = m_login->anonymous().post(u"/v1/auth/card"_s, {{u"challengeId"_s, ch.json()[u"challengeId"_s]}});
    QVERIFY2(r.status == 400, qPrintable(r.describe()));
    QCOMPARE(r.problemType(), problem("invalid-argument"));
    r = m_login->anonymous().post(u"/v1/auth/card"_s,
                                  {{u"challengeId"_s, ch.json()[u"challengeId"_s]},
                                   {u"certificate"_s, u"***not base64***"_s},
                                   {u"sessionPublicKey"_s, u"AAAA"_s},
                                   {u"signature"_s, u"AAAA"_s}});
    QVERIFY2(r.status == 400, qPrintable(r.describe()));
}

void TestPlatformAuth::replayedOtpRefused()
{
    const SoftwareCard card = m_login->card(u"yamada"_s);
    const QString code = m_login->nextCode(u"yamada"_s);
    SessionKey key = SessionKey::generate();
    HttpResult c1 = m_login->cardStep(card, m_login->challenge().json(), key);
    QCOMPARE(c1.status, 200);
    HttpResult o1 = m_login->otpStep(c1.json()[u"loginId"_s].toString(), code);
    QVERIFY2(o1.status == 201, qPrintable(o1.describe()));
    // The same code once more, in a fresh login: refused.
    key = SessionKey::generate();
    HttpResult c2 = m_login->cardStep(card, m_login->challenge().json(), key);
    QCOMPARE(c2.status, 200);
    HttpResult o2 = m_login->otpStep(c2.json()[u"loginId"_s].toString(), code);
    QVERIFY2(o2.status == 401, qPrintable(o2.describe()));
    QCOMPARE(o2.problemType(), problem("authentication-failed"));
}

void TestPlatformAuth::wrongOtpFiveTimesLocksOut()
{
    const SoftwareCard card = m_login->card(u"takahashi"_s);
    const HttpResult c = m_login->cardStep(card, m_login->challenge().json(), SessionKey::generate());
    QCOMPARE(c.status, 200);
    const QString loginId = c.json()[u"loginId"_s].toString();
    // A code that is wrong for every step the server could accept now.
    const qint64 step = m_login->currentStep();
    const QString wrong = m_login->codeForStep(u"takahashi"_s, step + 100);
    for (qint64 s = step - 2; s <= step + 2; ++s)
        QVERIFY(m_login->codeForStep(u"takahashi"_s, s) != wrong);
    for (int i = 1; i <= 4; ++i) {
        const HttpResult r = m_login->otpStep(loginId, wrong);
        QVERIFY2(r.status == 401, qPrintable(r.describe()));
        QCOMPARE(r.problemType(), problem("authentication-failed"));
    }
    const HttpResult fifth = m_login->otpStep(loginId, wrong);
    QVERIFY2(fifth.status == 429, qPrintable(fifth.describe()));
    QCOMPARE(fifth.problemType(), problem("account-locked"));
    QVERIFY(fifth.header("Retry-After").toInt() > 0);
    // Locked: even the right code is refused now.
    const HttpResult right = m_login->otpStep(loginId, m_login->nextCode(u"takahashi"_s));
    QVERIFY2(right.status == 429, qPrintable(right.describe()));
    QCOMPARE(right.problemType(), problem("account-locked"));
    QVERIFY(right.header("Retry-After").toInt() > 250); // default lock-out 300 s
}

void TestPlatformAuth::requestWithoutClientCertificateRefused()
{
    const HttpResult r = m_login->anonymous().get(u"/v1/auth/session"_s);
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QCOMPARE(r.problemType(), problem("authentication-required"));
    const HttpResult renew = m_login->anonymous().post(u"/v1/auth/renew"_s, {});
    QCOMPARE(renew.status, 401);
}

void TestPlatformAuth::bearerValueAloneRefused()
{
    const Session &s = m_yamada;
    QVERIFY(s.client);
    QCOMPARE(s.client->get(u"/v1/auth/session"_s).status, 200); // the session itself is fine
    // Everything the client knows, as headers, without the certificate on the TLS layer.
    const QByteArray certificate = s.chain.front().toDer().toBase64();
    const HttpResult r = m_login->anonymous().get(
        u"/v1/auth/session"_s,
        {{"Authorization", "Bearer " + s.sessionId.toLatin1()}, {"X-Client-Certificate", certificate}});
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QCOMPARE(r.problemType(), problem("authentication-required"));
}

void TestPlatformAuth::clientCertificateFromAnotherCaRefused()
{
    // A perfectly valid client certificate and key — the card's own — but not a session certificate.
    const SoftwareCard card = m_login->card(u"yamada"_s);
    QFile profile(m_platform->statePath(u"clinicians/yamada/card.json"_s));
    QVERIFY(profile.open(QIODevice::ReadOnly));
    const QJsonObject slot = QJsonDocument::fromJson(profile.readAll())[u"slots"_s][u"9A"_s].toObject();
    const QSslKey cardKey(slot[u"privateKeyPkcs8Pem"_s].toString().toLatin1(), QSsl::Rsa, QSsl::Pem);
    QVERIFY(!cardKey.isNull());
    auto client = m_login->clientFor({QSslCertificate(card.certificateDer(), QSsl::Der)}, cardKey);
    const HttpResult r = client->get(u"/v1/auth/session"_s);
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QCOMPARE(r.problemType(), problem("authentication-required"));
}

void TestPlatformAuth::renewExtendsTheSession()
{
    const Session &s = m_yamada;
    QVERIFY(s.client);
    QTest::qWait(1100); // certificate times have one-second resolution
    const HttpResult r = s.client->post(u"/v1/auth/renew"_s, {});
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(r.json()[u"sessionId"_s].toString(), s.sessionId);
    const QSslCertificate renewed(QByteArray::fromBase64(r.json()[u"certificate"_s].toString().toLatin1()), QSsl::Der);
    QVERIFY(renewed.expiryDate() > s.chain.front().expiryDate());
    QVERIFY(renewed.serialNumber() != s.chain.front().serialNumber());
    QCOMPARE(renewed.publicKey().toDer(), s.chain.front().publicKey().toDer()); // same session key
    auto renewedClient = m_login->clientFor({renewed, s.chain.back()}, s.key.privateKey());
    const HttpResult me = renewedClient->get(u"/v1/auth/session"_s);
    QVERIFY2(me.status == 200, qPrintable(me.describe()));
    QCOMPARE(me.json()[u"sessionId"_s].toString(), s.sessionId);
}

void TestPlatformAuth::logoutRevokesTheSession()
{
    QString error;
    Session s = m_login->login(u"sato"_s, &error);
    QVERIFY2(s.client, qPrintable(error));
    const HttpResult renew = s.client->post(u"/v1/auth/renew"_s, {});
    QCOMPARE(renew.status, 200);
    const QSslCertificate renewed(QByteArray::fromBase64(renew.json()[u"certificate"_s].toString().toLatin1()),
                                  QSsl::Der);
    QCOMPARE(s.client->get(u"/v1/auth/session"_s).status, 200);
    const HttpResult out = s.client->post(u"/v1/auth/logout"_s, {});
    QVERIFY2(out.status == 204, qPrintable(out.describe()));
    HttpResult after = s.client->get(u"/v1/auth/session"_s);
    QVERIFY2(after.status == 401, qPrintable(after.describe()));
    QCOMPARE(after.problemType(), problem("session-expired"));
    // Every certificate of the session is dead, the renewed one included — also over a new connection.
    auto fresh = m_login->clientFor({renewed, s.chain.back()}, s.key.privateKey());
    after = fresh->get(u"/v1/auth/session"_s);
    QVERIFY2(after.status == 401, qPrintable(after.describe()));
    QCOMPARE(fresh->post(u"/v1/auth/renew"_s, {}).status, 401);
}

void TestPlatformAuth::expiredSessionCertificateRefused()
{
    // The other platform, with 2-second session certificates.
    PlatformProcess shortLived(m_otherState);
    const Result<void> started = shortLived.start({u"--session-validity-seconds"_s, u"2"_s});
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    PlatformLogin login(shortLived);
    QString error;
    Session s = login.login(u"sato"_s, &error);
    QVERIFY2(s.client, qPrintable(error));
    QVERIFY(s.chain.front().expiryDate() <= QDateTime::currentDateTimeUtc().addSecs(3));
    const HttpResult fresh = s.client->get(u"/v1/auth/session"_s);
    QVERIFY2(fresh.status == 200, qPrintable(fresh.describe()));
    QTest::qWait(3200);
    const HttpResult expired = s.client->get(u"/v1/auth/session"_s);
    QVERIFY2(expired.status == 401, qPrintable(expired.describe()));
    QCOMPARE(expired.problemType(), problem("session-expired"));
    const HttpResult renew = s.client->post(u"/v1/auth/renew"_s, {});
    QCOMPARE(renew.status, 401); // an expired certificate cannot be renewed: log in again
    QVERIFY(shortLived.isRunning());
}

void TestPlatformAuth::serverKeptServing()
{
    QVERIFY(m_platform->isRunning());
    const HttpResult r = m_login->anonymous().get(u"/v1/health"_s);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(r.json()[u"status"_s].toString(), u"ok"_s);
}

QTEST_GUILESS_MAIN(TestPlatformAuth)
#include "TestPlatformAuth.moc"
