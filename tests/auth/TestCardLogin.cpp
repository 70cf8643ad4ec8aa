// The clinician's login and the session's lock through the real parts: pcscd with the vpcd
// driver, haip-vcard playing the demo clinicians' cards, haip-platform over TLS. ReaderMonitor,
// CardThread, CardLogin and SessionGuard are driven the way the login and lock screens drive
// them: RSA and ECC cards to a session, wrong PIN counted down to blocked, wrong / expired /
// replayed one-time passwords, the card pulled while the PIN is asked, while it signs and after
// login (lock, unlock with the same card, another card ends the session), the idle lock, the
// policy that keeps the session, an unreachable platform and the smart-card service going away.
#include "CardHarness.h"
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "auth/CardLogin.h"
#include "auth/SessionGuard.h"
#include "card/PcscCard.h"
#include "card/ReaderMonitor.h"
#include "platform/ApiClient.h"
#include "platform/LoginSession.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::auth;
using Step = haip::auth::CardLogin::Step;

namespace {
constexpr int kTimeoutMs = 15000;
const QString kReader = u"Virtual PCD 00 00"_s;

crypto::SecureBuffer pin(const char *digits)
{
    return crypto::SecureBuffer::fromBytes(QByteArrayView(digits));
}
} // namespace

class TestCardLogin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void rsaCardSignsIn();
    void pkcs11BackendSignsIn();
    void eccCardSignsInAfterAWrongCode();
    void expiredAndReplayedCodesAreRefused();
    void wrongPinCountsDownToBlocked();
    void cardPulledWhilePinIsAsked();
    void twoCardsTheUserPicksTheReader();
    void cardPulledWhileSigning();
    void unreachablePlatformLeavesTheCardReady();
    void pulledCardLocksAndTheSameCardUnlocks();
    void anotherCardEndsTheSession();
    void policyKeepsTheSessionWhenTheCardIsPulled();
    void idleSessionLocks();
    void smartCardServiceGoingAway();
    void emergencyAccessWithoutCard();

private:
    // haip-vcard with a private copy of `clinician`'s card profile (its counters are its own).
    void insertCard(const QString &clinician);
    QString profileCopy(const QString &clinician);
    bool waitForStep(Step step, int timeoutMs = kTimeoutMs);
    void signInWithPin(const char *digits);
    // The card opened in the card thread with its PIN verified, as after a login — for the
    // guard's tests, which need no platform session.
    std::optional<CardIdentity> openVerifiedCard();
    QString describe(const QSignalSpy &problems) const;

    QTemporaryDir m_dir;
    test::CardHarness m_harness;
    std::unique_ptr<test::PlatformProcess> m_platform;
    std::unique_ptr<test::PlatformLogin> m_codes;
    int m_copies = 0;

    // Per test: the client side as the workstation builds it.
    std::unique_ptr<card::ReaderMonitor> m_monitor;
    std::unique_ptr<CardThread> m_card;
    std::unique_ptr<platform::ApiClient> m_api;
    std::unique_ptr<platform::LoginSession> m_session;
    std::unique_ptr<CardLogin> m_login;
    std::unique_ptr<QSignalSpy> m_problems;
};

void TestCardLogin::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // pcsc-lite reads the socket name once per process: point it at our pcscd first.
    qputenv("PCSCLITE_CSOCK_NAME", m_harness.socketPath().toLocal8Bit());
    const QString state = m_dir.filePath(u"state"_s);
    Result<QByteArray> init = test::PlatformProcess::init(state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    m_platform = std::make_unique<test::PlatformProcess>(state);
    Result<void> started = m_platform->start({u"--emergency-access"_s, u"--emergency-minutes"_s, u"5"_s});
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    m_codes = std::make_unique<test::PlatformLogin>(*m_platform);
    Result<void> pcscd = m_harness.startPcscd();
    QVERIFY2(pcscd, pcscd ? "" : qPrintable(pcscd.error().detail()));
}

void TestCardLogin::cleanupTestCase()
{
    m_harness.stop();
    if (m_platform)
        m_platform->stop();
}

void TestCardLogin::init()
{
    m_monitor = std::make_unique<card::ReaderMonitor>();
    m_card = std::make_unique<CardThread>(CardThread::pivOpener());
    m_api =
        std::make_unique<platform::ApiClient>(platform::PlatformEndpoint {m_platform->url(), m_platform->pin(), {}});
    m_session = std::make_unique<platform::LoginSession>(*m_api);
    m_login = std::make_unique<CardLogin>(*m_monitor, *m_card, *m_session);
    m_problems = std::make_unique<QSignalSpy>(m_login.get(), &CardLogin::problem);
    m_monitor->start();
}

void TestCardLogin::cleanup()
{
    m_login.reset();
    m_session.reset();
    m_api.reset();
    m_card.reset();
    m_monitor.reset();
    m_harness.stopCard();
    // The next test starts with an empty reader: pcscd notices the card gone at its next poll.
    QVERIFY(QTest::qWaitFor([] { return !card::PcscCard::connect(kReader); }, 5000));
}

std::optional<CardIdentity> TestCardLogin::openVerifiedCard()
{
    if (!QTest::qWaitFor([&] { return m_monitor->readersWithCard().contains(kReader); }, kTimeoutMs))
        return std::nullopt;
    std::optional<Result<QByteArray>> certificate;
    m_card->open(kReader, [&](Result<void> opened) {
        if (!opened) {
            certificate = opened.error();
            return;
        }
        m_card->run<QByteArray>(
            [](card::Token &token) -> Result<QByteArray> {
                if (Result<void> verified = token.verifyPin("123456"); !verified)
                    return verified.error();
                return token.certificateDer();
            },
            [&](Result<QByteArray> r) { certificate = std::move(r); });
    });
    if (!QTest::qWaitFor([&] { return certificate.has_value(); }, kTimeoutMs) || !certificate->ok())
        return std::nullopt;
    Result<CardIdentity> identity = CardIdentity::fromCertificate(kReader, certificate->value());
    if (!identity)
        return std::nullopt;
    return *identity;
}

QString TestCardLogin::profileCopy(const QString &clinician)
{
    const QString copy = m_dir.filePath(u"%1-%2.json"_s.arg(clinician).arg(++m_copies));
    // An empty path when the copy fails: haip-vcard then refuses to start, and the test says so.
    return test::PlatformProcess::copyCardProfile(m_platform->stateDir(), clinician, copy) ? copy : QString();
}

void TestCardLogin::insertCard(const QString &clinician)
{
    Result<void> card = m_harness.startCard(profileCopy(clinician));
    QVERIFY2(card, card ? "" : qPrintable(card.error().detail()));
}

bool TestCardLogin::waitForStep(Step step, int timeoutMs)
{
    const bool reached = QTest::qWaitFor([&] { return m_login->step() == step; }, timeoutMs);
    if (!reached)
        qWarning() << "step" << m_login->step() << "instead of" << step << describe(*m_problems);
    return reached;
}

QString TestCardLogin::describe(const QSignalSpy &problems) const
{
    QStringList said;
    for (const QList<QVariant> &p : problems) {
        const Error e = p.at(0).value<Error>();
        said << e.codeName() + u": "_s + e.detail();
    }
    return said.join(u"; "_s);
}

void TestCardLogin::signInWithPin(const char *digits)
{
    QVERIFY(waitForStep(Step::NeedPin));
    m_login->submitPin(pin(digits));
    QVERIFY(waitForStep(Step::NeedOtp));
}

void TestCardLogin::rsaCardSignsIn()
{
    m_login->start();
    QVERIFY(waitForStep(Step::WaitingForCard));
    insertCard(u"yamada"_s);
    QVERIFY(waitForStep(Step::NeedPin));
    QCOMPARE(m_login->identity().holderName, u"YAMADA Taro"_s);
    QCOMPARE(m_login->identity().reader, kReader);
    QCOMPARE(m_login->pinStatus().triesLeft, 3);
    QSignalSpy signedIn(m_login.get(), &CardLogin::signedIn);
    signInWithPin("123456");
    QCOMPARE(m_login->otpPrompt().clinician.nameJa, u"山田 太郎"_s);
    m_login->submitOtp(m_codes->nextCode(u"yamada"_s));
    QVERIFY(waitForStep(Step::SignedIn));
    QCOMPARE(signedIn.size(), 1);
    QCOMPARE(m_session->state(), platform::LoginSession::State::SignedIn);
    QCOMPARE(m_session->info().clinician.id, u"yamada"_s);
    QVERIFY(m_session->info().notAfter > QDateTime::currentDateTimeUtc());
    QVERIFY2(m_problems->isEmpty(), qPrintable(describe(*m_problems)));
}

// The same card reached through OpenSC's PKCS#11 module (as HPKI middleware would be), the
// readers still watched over PC/SC.
void TestCardLogin::pkcs11BackendSignsIn()
{
    const QString module = u"/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"_s;
    QVERIFY2(QFile::exists(module), "opensc-pkcs11.so is missing: install the Debian package opensc-pkcs11");
    m_login.reset();
    m_card = std::make_unique<CardThread>(CardThread::pkcs11Opener(module));
    m_login = std::make_unique<CardLogin>(*m_monitor, *m_card, *m_session);
    m_problems = std::make_unique<QSignalSpy>(m_login.get(), &CardLogin::problem);
    insertCard(u"yamada"_s);
    m_login->start();
    QVERIFY(waitForStep(Step::NeedPin));
    QCOMPARE(m_login->identity().holderName, u"YAMADA Taro"_s);
    QCOMPARE(m_login->pinStatus().triesLeft, -1); // PKCS#11 raises flags, it does not count
    signInWithPin("123456");
    m_login->submitOtp(m_codes->nextCode(u"yamada"_s));
    QVERIFY(waitForStep(Step::SignedIn));
    QCOMPARE(m_session->info().clinician.id, u"yamada"_s);
    QVERIFY2(m_problems->isEmpty(), qPrintable(describe(*m_problems)));
}

void TestCardLogin::eccCardSignsInAfterAWrongCode()
{
    insertCard(u"sato"_s);
    m_login->start();
    signInWithPin("123456");
    const QString right = m_codes->nextCode(u"sato"_s);
    const QString wrong = right == u"000000"_s ? u"111111"_s : u"000000"_s;
    m_login->submitOtp(wrong);
    QVERIFY(QTest::qWaitFor([&] { return m_login->otpPrompt().attempt == 2; }, kTimeoutMs));
    QCOMPARE(m_login->step(), Step::NeedOtp);
    QCOMPARE(m_problems->size(), 1);
    QCOMPARE(m_problems->at(0).at(0).value<Error>().code(), ErrorCode::AuthenticationFailed);
    m_login->submitOtp(right);
    QVERIFY(waitForStep(Step::SignedIn));
    QCOMPARE(m_session->info().clinician.id, u"sato"_s);
}

void TestCardLogin::expiredAndReplayedCodesAreRefused()
{
    insertCard(u"takahashi"_s);
    m_login->start();
    signInWithPin("123456");
    // A code of four steps ago (two minutes) is out of the ±1 step window.
    m_login->submitOtp(m_codes->codeForStep(u"takahashi"_s, m_codes->currentStep() - 4));
    QVERIFY(QTest::qWaitFor([&] { return m_login->otpPrompt().attempt == 2; }, kTimeoutMs));
    QCOMPARE(m_problems->last().at(0).value<Error>().code(), ErrorCode::AuthenticationFailed);
    const QString code = m_codes->nextCode(u"takahashi"_s);
    m_login->submitOtp(code);
    QVERIFY(waitForStep(Step::SignedIn));

    // The same code for a second login: refused, the card is asked for its PIN again.
    m_session->logout();
    m_problems->clear();
    m_login->restart();
    signInWithPin("123456");
    m_login->submitOtp(code);
    QVERIFY(QTest::qWaitFor([&] { return m_login->otpPrompt().attempt == 2; }, kTimeoutMs));
    QCOMPARE(m_problems->last().at(0).value<Error>().code(), ErrorCode::AuthenticationFailed);
    m_login->cancel();
    QVERIFY(waitForStep(Step::NeedPin));
    QCOMPARE(m_session->state(), platform::LoginSession::State::SignedOut);
}

void TestCardLogin::wrongPinCountsDownToBlocked()
{
    insertCard(u"takahashi"_s);
    m_login->start();
    QVERIFY(waitForStep(Step::NeedPin));
    QCOMPARE(m_login->pinStatus().triesLeft, 3);
    for (int left = 2; left >= 1; --left) {
        m_login->submitPin(pin("999999"));
        QVERIFY(QTest::qWaitFor([&] { return m_login->pinStatus().triesLeft == left; }, kTimeoutMs));
        QCOMPARE(m_login->step(), Step::NeedPin);
        QCOMPARE(m_problems->last().at(0).value<Error>().code(), ErrorCode::PinIncorrect);
    }
    QVERIFY(m_login->pinStatus().finalTry);
    m_login->submitPin(pin("999999"));
    QVERIFY(waitForStep(Step::CardBlocked));
    QVERIFY(m_login->pinStatus().blocked);
    // The right PIN is refused too: a blocked card waits for IT and its PUK.
    m_login->submitPin(pin("123456"));
    QCOMPARE(m_login->step(), Step::CardBlocked);
    QCOMPARE(m_session->state(), platform::LoginSession::State::SignedOut);
}

void TestCardLogin::cardPulledWhilePinIsAsked()
{
    insertCard(u"yamada"_s);
    m_login->start();
    QVERIFY(waitForStep(Step::NeedPin));
    QVERIFY(m_harness.control("remove"));
    QVERIFY(waitForStep(Step::WaitingForCard));
    QCOMPARE(m_problems->last().at(0).value<Error>().code(), ErrorCode::CardRemoved);
    QVERIFY(m_login->identity().certificateDer.isEmpty());
    QVERIFY(m_harness.control("insert"));
    QVERIFY(waitForStep(Step::NeedPin));
}

// vpcd's second reader holds sato's card while yamada's is in the first: the user picks.
void TestCardLogin::twoCardsTheUserPicksTheReader()
{
    insertCard(u"yamada"_s);
    QProcess second;
    second.start(test::programPath(u"haip-vcard"_s),
                 {u"--profile"_s, profileCopy(u"sato"_s), u"--vpcd"_s, u"127.0.0.1:35964"_s});
    QVERIFY(second.waitForStarted(5000));
    auto stopSecond = qScopeGuard([&] {
        second.terminate();
        second.waitForFinished(5000);
    });
    // Both cards in before the login looks (a card arriving while the PIN is asked does not
    // interrupt the user).
    QVERIFY(QTest::qWaitFor([&] { return m_monitor->readersWithCard().size() == 2; }, kTimeoutMs));
    m_login->start();
    QVERIFY(waitForStep(Step::ChooseReader));
    const QString other = u"Virtual PCD 00 01"_s;
    QVERIFY2(m_login->readersWithCard().contains(other), qPrintable(m_login->readersWithCard().join(u", "_s)));
    QCOMPARE(m_login->readersWithCard().size(), 2);
    m_login->chooseReader(other);
    QVERIFY(waitForStep(Step::NeedPin));
    QCOMPARE(m_login->identity().holderName, u"SATO Hanako"_s);
    QCOMPARE(m_login->reader(), other);
    stopSecond.dismiss();
    second.terminate();
    QVERIFY(second.waitForFinished(5000));
    // Its card gone, the login goes back to the one card left.
    QVERIFY(waitForStep(Step::NeedPin));
    QVERIFY(QTest::qWaitFor([&] { return m_login->identity().holderName == u"YAMADA Taro"_s; }, kTimeoutMs));
}

void TestCardLogin::cardPulledWhileSigning()
{
    insertCard(u"yamada"_s);
    m_login->start();
    QVERIFY(waitForStep(Step::NeedPin));
    // Pulled the moment the PIN is accepted, before the card has signed the platform's challenge.
    connect(m_login.get(), &CardLogin::stepChanged, this, [this](Step step) {
        if (step == Step::ContactingPlatform)
            QVERIFY(m_harness.control("remove"));
    });
    m_login->submitPin(pin("123456"));
    QVERIFY(waitForStep(Step::WaitingForCard));
    QVERIFY(m_problems->size() >= 1);
    QCOMPARE(m_problems->last().at(0).value<Error>().code(), ErrorCode::CardRemoved);
    QCOMPARE(m_session->state(), platform::LoginSession::State::SignedOut);
    QCOMPARE(m_login->step(), Step::WaitingForCard);
}

void TestCardLogin::unreachablePlatformLeavesTheCardReady()
{
    // A port nobody listens on: take one and close it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    QUrl dead = m_platform->url();
    dead.setPort(probe.serverPort());
    probe.close();
    m_login.reset();
    m_session.reset();
    m_api = std::make_unique<platform::ApiClient>(platform::PlatformEndpoint {dead, m_platform->pin(), {}});
    m_session = std::make_unique<platform::LoginSession>(*m_api);
    m_login = std::make_unique<CardLogin>(*m_monitor, *m_card, *m_session);
    m_problems = std::make_unique<QSignalSpy>(m_login.get(), &CardLogin::problem);
    insertCard(u"yamada"_s);
    m_login->start();
    QVERIFY(waitForStep(Step::NeedPin));
    m_login->submitPin(pin("123456"));
    QVERIFY(QTest::qWaitFor([&] { return !m_problems->isEmpty(); }, kTimeoutMs));
    QCOMPARE(m_problems->last().at(0).value<Error>().code(), ErrorCode::NetworkUnavailable);
    QVERIFY(waitForStep(Step::NeedPin));
    QCOMPARE(m_login->identity().holderName, u"YAMADA Taro"_s);
}

void TestCardLogin::pulledCardLocksAndTheSameCardUnlocks()
{
    insertCard(u"yamada"_s);
    // The lock needs no platform session: a PIN-verified card is what it guards.
    const std::optional<CardIdentity> card = openVerifiedCard();
    QVERIFY(card);
    SessionGuard guard(*m_monitor, *m_card, AuthPolicy {});
    guard.activate(*card);
    QSignalSpy locked(&guard, &SessionGuard::locked);
    QSignalSpy unlocked(&guard, &SessionGuard::unlocked);
    QSignalSpy failures(&guard, &SessionGuard::unlockFailed);
    QTest::qWait(300); // the probe runs and finds the card
    QCOMPARE(guard.state(), SessionGuard::State::Active);

    QElapsedTimer sincePull;
    QVERIFY(m_harness.control("remove"));
    sincePull.start();
    QVERIFY(QTest::qWaitFor([&] { return !locked.isEmpty(); }, 5000));
    qInfo("locked %lld ms after the pull", sincePull.elapsed());
    QCOMPARE(locked.at(0).at(0).value<SessionGuard::LockReason>(), SessionGuard::LockReason::CardRemoved);
    QVERIFY(!guard.sessionCardPresent());
    guard.unlock(pin("123456"));
    QCOMPARE(failures.last().at(0).value<Error>().code(), ErrorCode::CardRemoved);

    QSignalSpy back(&guard, &SessionGuard::sessionCardChanged);
    QVERIFY(m_harness.control("insert"));
    QVERIFY(QTest::qWaitFor([&] { return guard.sessionCardPresent(); }, kTimeoutMs));
    guard.unlock(pin("654321"));
    QVERIFY(QTest::qWaitFor([&] { return failures.size() == 2; }, kTimeoutMs));
    QCOMPARE(failures.last().at(0).value<Error>().code(), ErrorCode::PinIncorrect);
    QCOMPARE(guard.pinStatus().triesLeft, 2);
    QCOMPARE(guard.state(), SessionGuard::State::Locked);
    guard.unlock(pin("123456"));
    QVERIFY(QTest::qWaitFor([&] { return !unlocked.isEmpty(); }, kTimeoutMs));
    QCOMPARE(guard.state(), SessionGuard::State::Active);
    QTest::qWait(300); // and the probe keeps finding the card
    QCOMPARE(guard.state(), SessionGuard::State::Active);
}

void TestCardLogin::anotherCardEndsTheSession()
{
    insertCard(u"yamada"_s);
    const std::optional<CardIdentity> card = openVerifiedCard();
    QVERIFY(card);
    SessionGuard guard(*m_monitor, *m_card, AuthPolicy {});
    guard.activate(*card);
    QSignalSpy other(&guard, &SessionGuard::otherCardInserted);
    m_harness.stopCard();
    QVERIFY(QTest::qWaitFor([&] { return guard.state() == SessionGuard::State::Locked; }, 5000));
    insertCard(u"sato"_s);
    QVERIFY(QTest::qWaitFor([&] { return !other.isEmpty(); }, kTimeoutMs));
    QCOMPARE(other.at(0).at(0).value<CardIdentity>().holderName, u"SATO Hanako"_s);
    QCOMPARE(guard.state(), SessionGuard::State::Locked);
}

void TestCardLogin::policyKeepsTheSessionWhenTheCardIsPulled()
{
    insertCard(u"yamada"_s);
    const std::optional<CardIdentity> card = openVerifiedCard();
    QVERIFY(card);
    AuthPolicy policy;
    policy.lockOnCardRemoval = false;
    SessionGuard guard(*m_monitor, *m_card, policy);
    guard.activate(*card);
    QVERIFY(m_harness.control("remove"));
    QVERIFY(QTest::qWaitFor([&] { return m_monitor->readersWithCard().isEmpty(); }, 5000));
    QTest::qWait(300);
    QCOMPARE(guard.state(), SessionGuard::State::Active);
}

void TestCardLogin::idleSessionLocks()
{
    insertCard(u"yamada"_s);
    const std::optional<CardIdentity> card = openVerifiedCard();
    QVERIFY(card);
    AuthPolicy policy;
    policy.idleLockSeconds = 1;
    SessionGuard guard(*m_monitor, *m_card, policy);
    QSignalSpy locked(&guard, &SessionGuard::locked);
    guard.activate(*card);
    QVERIFY(QTest::qWaitFor([&] { return !locked.isEmpty(); }, 5000));
    QCOMPARE(locked.at(0).at(0).value<SessionGuard::LockReason>(), SessionGuard::LockReason::Idle);
    // The card is still in and open: its PIN unlocks at once.
    QVERIFY(guard.sessionCardPresent());
    QSignalSpy unlocked(&guard, &SessionGuard::unlocked);
    guard.unlock(pin("123456"));
    QVERIFY(QTest::qWaitFor([&] { return !unlocked.isEmpty(); }, kTimeoutMs));
}

void TestCardLogin::smartCardServiceGoingAway()
{
    insertCard(u"yamada"_s);
    m_login->start();
    QVERIFY(waitForStep(Step::NeedPin));
    m_harness.stop(); // pcscd and the card go: as if the service stopped or the reader were unplugged
    QVERIFY(waitForStep(Step::ServiceUnavailable));
    QVERIFY(!m_problems->isEmpty());
    const Error why = m_problems->last().at(0).value<Error>();
    QVERIFY2(why.code() == ErrorCode::CardUnavailable || why.code() == ErrorCode::CardRemoved,
             qPrintable(why.codeName() + u": "_s + why.detail()));
    // pcscd back: the monitor finds it again within its retry second.
    Result<void> pcscd = m_harness.startPcscd();
    QVERIFY2(pcscd, pcscd ? "" : qPrintable(pcscd.error().detail()));
    QVERIFY(waitForStep(Step::WaitingForCard));
}

// suzuki's card is revoked: emergency access (user id + one-time password + IT's one-time code)
// is the way in. Without a code from IT it is refused; with one it opens a short session marked
// as emergency, and the code is spent.
void TestCardLogin::emergencyAccessWithoutCard()
{
    m_login->start();
    QVERIFY(waitForStep(Step::WaitingForCard));
    m_login->signInWithoutCard(u"suzuki"_s, m_codes->nextCode(u"suzuki"_s), u"000000000000"_s);
    QVERIFY(QTest::qWaitFor([&] { return !m_problems->isEmpty(); }, kTimeoutMs));
    QCOMPARE(m_problems->last().at(0).value<Error>().code(), ErrorCode::AuthenticationFailed);
    QCOMPARE(m_login->step(), Step::WaitingForCard);

    const test::ProcessResult issued =
        test::run(test::programPath(u"haip-platform"_s),
                  {u"emergency-code"_s, u"--state"_s, m_platform->stateDir(), u"suzuki"_s});
    QVERIFY2(issued.exitCode == 0, issued.err.constData());
    const QString code = QJsonDocument::fromJson(issued.out).object().value(u"code"_s).toString();
    QCOMPARE(code.size(), 12);
    QSignalSpy signedIn(m_login.get(), &CardLogin::signedIn);
    m_login->signInWithoutCard(u"suzuki"_s, m_codes->nextCode(u"suzuki"_s), code);
    QVERIFY(waitForStep(Step::SignedIn));
    QCOMPARE(signedIn.size(), 1);
    QVERIFY(signedIn.at(0).at(1).value<CardIdentity>().certificateDer.isEmpty());
    QVERIFY(m_session->info().emergency);
    QCOMPARE(m_session->info().clinician.id, u"suzuki"_s);
    QVERIFY(m_session->info().notAfter <= QDateTime::currentDateTimeUtc().addSecs(5 * 60 + 5));
    // The code is spent: IT's file no longer holds one for suzuki.
    QFile codes(m_platform->statePath(u"auth/emergency-codes.json"_s));
    QVERIFY(codes.open(QIODevice::ReadOnly));
    QVERIFY(!QJsonDocument::fromJson(codes.readAll()).object().contains(u"suzuki"_s));
    QVERIFY(m_platform->serverLog().contains("EMERGENCY ACCESS"));
}

QTEST_GUILESS_MAIN(TestCardLogin)
#include "TestCardLogin.moc"
