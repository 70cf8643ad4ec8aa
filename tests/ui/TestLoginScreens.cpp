// The login, one-time-password and lock screens in Japanese over the real stack (pcscd with
// vpcd, haip-vcard, haip-platform): typed into as a doctor would, with screenshots saved to
// test-artifacts (login-pin-ja.png, login-otp-ja.png, lock-ja.png). After sign-in the main
// window's work shows; pulling the card hides it under the lock screen, the card and its PIN
// bring it back; signing out puts the series away and returns to the login screen.
#include "CardHarness.h"
#include "MainWindow.h"
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "audit/AuditVerifier.h"
#include "auth/ClinicianSession.h"
#include "auth/LockScreen.h"
#include "auth/LoginScreen.h"
#include "common/Library.h"
#include "common/Translations.h"
#include "theme/Theme.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;
using Step = haip::auth::CardLogin::Step;

namespace {
constexpr int kTimeoutMs = 15000;

// The visible QLineEdit of a screen (the PIN or the code field, whichever the step shows).
QLineEdit *visibleField(QWidget *screen)
{
    for (QLineEdit *field : screen->findChildren<QLineEdit *>()) {
        if (field->isVisibleTo(screen))
            return field;
    }
    return nullptr;
}

bool showsText(QWidget *screen, const QString &text)
{
    for (QLabel *label : screen->findChildren<QLabel *>()) {
        if (label->isVisibleTo(screen) && label->text().contains(text))
            return true;
    }
    return false;
}
} // namespace

class TestLoginScreens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void signInLockUnlockSignOut();

private:
    void save(QWidget &window, const QString &name);

    QTemporaryDir m_dir;
    test::CardHarness m_harness;
    std::unique_ptr<test::PlatformProcess> m_platform;
    std::unique_ptr<LibraryScope> m_library;
};

void TestLoginScreens::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("PCSCLITE_CSOCK_NAME", m_harness.socketPath().toLocal8Bit());
    m_library = std::make_unique<LibraryScope>();
    QCOMPARE(installTranslators(*qApp, u"ja"_s), u"ja"_s);
    ui::Theme::applyFonts(u"ja"_s);
    ui::Theme(ui::ThemeKind::Dark).apply(*qApp);
    const QString state = m_dir.filePath(u"state"_s);
    Result<QByteArray> init = test::PlatformProcess::init(state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    m_platform = std::make_unique<test::PlatformProcess>(state);
    Result<void> started = m_platform->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    Result<void> pcscd = m_harness.startPcscd();
    QVERIFY2(pcscd, pcscd ? "" : qPrintable(pcscd.error().detail()));
    const QString profile = m_dir.filePath(u"yamada.json"_s);
    QVERIFY(test::PlatformProcess::copyCardProfile(state, u"yamada"_s, profile));
    Result<void> card = m_harness.startCard(profile);
    QVERIFY2(card, card ? "" : qPrintable(card.error().detail()));
}

void TestLoginScreens::cleanupTestCase()
{
    m_harness.stop();
    if (m_platform)
        m_platform->stop();
}

void TestLoginScreens::save(QWidget &window, const QString &name)
{
    QCoreApplication::processEvents();
    const QString path = QDir(test::artifactsDir()).filePath(name);
    QVERIFY(window.grab().save(path));
}

void TestLoginScreens::signInLockUnlockSignOut()
{
    QSettings settings(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    ui::MainWindow window(m_dir.filePath(u"index/index.sqlite"_s), settings);
    window.resize(1280, 820);
    ui::ClinicianSession::Settings sign;
    sign.platform = platform::PlatformEndpoint {m_platform->url(), m_platform->pin(), {}};
    sign.language = u"ja"_s;
    sign.auditLogPath = m_dir.filePath(u"audit/audit.jsonl"_s);
    ui::ClinicianSession session(sign, window);
    session.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isSessionLocked());
    QVERIFY(window.centralWidget()->isHidden());

    ui::LoginScreen *login = session.loginScreen();
    QVERIFY(QTest::qWaitFor([&] { return session.login().step() == Step::NeedPin; }, kTimeoutMs));
    QVERIFY(showsText(login, u"YAMADA Taro"_s));
    QVERIFY(showsText(login, u"あと 3 回"_s)); // tries left, in Japanese
    QLineEdit *pin = visibleField(login);
    QVERIFY(pin);
    QCOMPARE(pin->echoMode(), QLineEdit::Password);
    QTest::keyClicks(pin, u"123456"_s);
    save(window, u"login-pin-ja.png"_s);
    QTest::keyClick(pin, Qt::Key_Return);
    QVERIFY(pin->text().isEmpty()); // the PIN left the field when it went to the card

    QVERIFY(QTest::qWaitFor([&] { return session.login().step() == Step::NeedOtp; }, kTimeoutMs));
    QVERIFY(showsText(login, u"山田 太郎"_s));
    QLineEdit *otp = visibleField(login);
    QVERIFY(otp && otp != pin);
    test::PlatformLogin codes(*m_platform);
    QTest::keyClicks(otp, codes.nextCode(u"yamada"_s));
    save(window, u"login-otp-ja.png"_s);
    QTest::keyClick(otp, Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return session.login().step() == Step::SignedIn; }, kTimeoutMs));
    QVERIFY(!window.isSessionLocked());
    QVERIFY(!window.centralWidget()->isHidden());
    QVERIFY(login->isHidden());
    QVERIFY(window.statusBar()->findChild<QLabel *>(u"clinicianLabel"_s)->text().contains(u"山田 太郎"_s));

    // Pulled: locked, the work hidden beneath the lock screen.
    QVERIFY(m_harness.control("remove"));
    QVERIFY(QTest::qWaitFor([&] { return window.isSessionLocked(); }, 5000));
    ui::LockScreen *lock = session.lockScreen();
    QVERIFY(lock->isVisible());
    QVERIFY(window.centralWidget()->isHidden());
    QVERIFY(showsText(lock, u"カード"_s));
    save(window, u"lock-ja.png"_s);
    QVERIFY(m_harness.control("insert"));
    QVERIFY(QTest::qWaitFor([&] { return session.guard().sessionCardPresent(); }, kTimeoutMs));
    QLineEdit *unlockPin = visibleField(lock);
    QVERIFY(unlockPin);
    QTest::keyClicks(unlockPin, u"123456"_s);
    QTest::keyClick(unlockPin, Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return !window.isSessionLocked(); }, kTimeoutMs));
    QVERIFY(lock->isHidden());
    QVERIFY(!window.centralWidget()->isHidden());
    // While signed in, the trail reaches the platform's audit endpoint within moments.
    const auto forwarded = [&] {
        QFile received(m_platform->statePath(u"audit/events.jsonl"_s));
        return received.open(QIODevice::ReadOnly) ? received.readAll() : QByteArray();
    };
    const auto forwardedTypes = [&] {
        QStringList seen;
        for (const QByteArray &line : forwarded().split('\n'))
            seen.append(
                QJsonDocument::fromJson(line).object().value(u"event"_s).toObject().value(u"type"_s).toString());
        return seen;
    };
    QVERIFY2(QTest::qWaitFor([&] { return forwardedTypes().contains(u"unlock"_s); }, kTimeoutMs),
             qPrintable(forwardedTypes().join(u' ')));

    // Ctrl+L locks by hand; signing out from the lock screen returns to the login screen.
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(QTest::qWaitFor([&] { return window.isSessionLocked(); }, 5000));
    QCOMPARE(session.guard().reason(), auth::SessionGuard::LockReason::Manual);
    QPushButton *signOut = nullptr;
    for (QPushButton *b : lock->findChildren<QPushButton *>()) {
        if (b->text() == QCoreApplication::translate("haip::ui::LockScreen", "Sign out"))
            signOut = b;
    }
    QVERIFY(signOut);
    QTest::mouseClick(signOut, Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return session.login().step() == Step::NeedPin; }, kTimeoutMs));
    QVERIFY(login->isVisible());
    QVERIFY(window.isSessionLocked());
    QCOMPARE(session.session().state(), platform::LoginSession::State::SignedOut);

    // The whole session is in the audit trail, in order, as a valid chain.
    QStringList types;
    QFile trail(sign.auditLogPath);
    QVERIFY(trail.open(QIODevice::ReadOnly));
    for (const QByteArray &line : trail.readAll().split('\n')) {
        const QString type = QJsonDocument::fromJson(line).object().value(u"type"_s).toString();
        if (!type.isEmpty() && type != u"card-inserted"_s && type != u"card-removed"_s)
            types.append(type);
    }
    QCOMPARE(types, QStringList({u"login-success"_s, u"lock"_s, u"unlock"_s, u"lock"_s, u"logout"_s}));
    const audit::AuditVerification chain = audit::AuditVerifier::verifyFile(sign.auditLogPath);
    QVERIFY2(chain.ok(), qPrintable(chain.detail));
}

QTEST_MAIN(TestLoginScreens)
#include "TestLoginScreens.moc"
