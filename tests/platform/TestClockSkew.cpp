// TestClockSkew: the workstation against a platform whose clock is off (the real `haip-platform
// serve` and `init` under libfaketime, its workers too). A few minutes either way: sign-in, the
// signed catalog and authenticated requests work. 50 minutes ahead and 2 hours behind: the session
// certificate is still renewed on time and only once — the renewal is timed on the platform's
// clock (measured from its Date header), so a clock behind does not miss it and a clock ahead
// does not renew in a loop — and a catalog dated ahead of this computer's clock is refused with a
// reason naming the clock. 2 hours ahead, the platform's own TLS certificate is not yet valid
// here: sign-in fails as a TLS failure saying so, never "ignored".
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "platform/ApiClient.h"
#include "platform/JobClient.h"
#include "platform/LoginSession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::platform;

namespace {
constexpr int kValiditySeconds = 24; // renewAfter at two thirds: 16 s
const QString kNoSuchJob = QString(32, u'0');
} // namespace

class TestClockSkew : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void skewedPlatform_data();
    void skewedPlatform();

private:
    QTemporaryDir m_dir;
};

void TestClockSkew::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!test::findTool(u"faketime"_s).isEmpty(), "faketime is missing (Debian package faketime)");
}

void TestClockSkew::skewedPlatform_data()
{
    QTest::addColumn<qint64>("offset"); // seconds the platform's clock is ahead of ours
    QTest::addColumn<bool>("signInWorks");
    QTest::addColumn<bool>("catalogAccepted");
    QTest::addColumn<bool>("waitForRenewal");
    QTest::newRow("platform 3 min ahead") << qint64(180) << true << true << false;
    QTest::newRow("platform 3 min behind") << qint64(-180) << true << true << false;
    QTest::newRow("platform 50 min ahead") << qint64(3000) << true << false << true;
    QTest::newRow("platform 2 h behind") << qint64(-7200) << true << true << true;
    QTest::newRow("platform 2 h ahead") << qint64(7200) << false << false << false;
}

void TestClockSkew::skewedPlatform()
{
    QFETCH(qint64, offset);
    QFETCH(bool, signInWorks);
    QFETCH(bool, catalogAccepted);
    QFETCH(bool, waitForRenewal);
    const QString state = m_dir.filePath(u"state%1"_s.arg(offset));
    // The platform's host has its clock off from the start: init (its CAs, its CRL) too.
    Result<QByteArray> init = test::PlatformProcess::init(state, offset);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    Result<crypto::SpkiPin> pin = test::catalogPin(state);
    QVERIFY(pin);
    test::PlatformProcess platform(state);
    platform.setClockOffset(offset);
    const Result<void> started = platform.start({u"--session-validity-seconds"_s, QString::number(kValiditySeconds)});
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));

    ApiClient api(PlatformEndpoint {platform.url(), platform.pin(), {}});
    LoginSession session(api);
    test::PlatformLogin codes(platform);
    QString why;
    if (!signInWorks) {
        // Its server certificate (back-dated one hour at init) starts in this computer's future.
        QVERIFY2(!codes.signIn(session, u"yamada"_s, &why), "a certificate not yet valid was accepted");
        QVERIFY2(why.contains(u"not yet valid"_s), qPrintable(why));
        return;
    }
    QVERIFY2(codes.signIn(session, u"yamada"_s, &why), qPrintable(why));
    // The client measured the skew from the platform's Date header.
    QVERIFY2(qAbs(api.serverClockOffsetMs() - offset * 1000) < 3000,
             qPrintable(QString::number(api.serverClockOffsetMs())));

    JobClient jobs(api);
    std::optional<Result<Catalog>> catalog;
    jobs.fetchCatalog(*pin, [&](Result<Catalog> c) { catalog = std::move(c); });
    QTRY_VERIFY_WITH_TIMEOUT(catalog.has_value(), 20000);
    if (catalogAccepted) {
        QVERIFY2(*catalog, *catalog ? "" : qPrintable(catalog->error().detail()));
    } else {
        QVERIFY2(!*catalog, "a catalog dated far ahead was taken");
        QVERIFY2(catalog->error().detail().contains(u"clock"_s), qPrintable(catalog->error().detail()));
    }

    // An authenticated request: "no such job" (404), not "session expired" (401).
    const auto ask = [&] {
        std::optional<Result<JobStatus>> status;
        jobs.status(kNoSuchJob, [&](Result<JobStatus> s) { status = std::move(s); });
        return QTest::qWaitFor([&] { return status.has_value(); }, 20000) && !*status ? status->error().code()
                                                                                      : ErrorCode::Internal;
    };
    QCOMPARE(ask(), ErrorCode::NotFound);
    if (!waitForRenewal)
        return;

    // Past the first certificate's end: renewed once, on time, and still signed in.
    QSignalSpy renewed(&session, &LoginSession::renewed);
    QSignalSpy ended(&session, &LoginSession::sessionEnded);
    QTest::qWait((kValiditySeconds + 3) * 1000);
    QCOMPARE(ended.count(), 0);
    QCOMPARE(session.state(), LoginSession::State::SignedIn);
    QCOMPARE(renewed.count(), 1); // not a renewal every second
    QCOMPARE(ask(), ErrorCode::NotFound);
    platform.stop();
}

QTEST_GUILESS_MAIN(TestClockSkew)
#include "TestClockSkew.moc"
