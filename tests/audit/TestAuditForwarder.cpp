// TestAuditForwarder: AuditForwarder against the real `haip-platform serve` over mutual TLS with
// a clinician's session — records arrive in <state>/audit/events.jsonl as DICOM audit messages
// (EventIdentification, ActiveParticipant, AuditSourceIdentification,
// ParticipantObjectIdentification with the pseudonym only); batches stay within the endpoint's
// limits; with the platform stopped the records stay queued (cursor unchanged, nothing lost), and
// once it runs again each is delivered exactly once and the cursor reaches the end.
#include "AuditTestLog.h"
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "audit/AuditForwarder.h"
#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "platform/ApiClient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;
using haip::test::PlatformLogin;
using haip::test::PlatformProcess;

namespace {

QList<QJsonObject> storedLines(const QString &path)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : test::readLines(path))
        lines.append(QJsonDocument::fromJson(line).object());
    return lines;
}

audit::AuditForwarder::Options fastRetry()
{
    audit::AuditForwarder::Options o;
    o.initialRetryMs = 100;
    o.maxRetryMs = 800;
    o.pollIntervalMs = 0;
    return o;
}

} // namespace

class TestAuditForwarder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recordsArriveAsDicomAuditMessages();
    void batchesStayWithinEndpointLimits();
    void offlineQueuesThenDeliversOnce();
    void cliLoginAndLogoutAreAudited();

private:
    QString eventsFile() const { return m_platform->statePath(u"audit/events.jsonl"_s); }
    bool waitCaughtUp(audit::AuditForwarder &forwarder, qint64 seq, int timeoutMs = 30000);

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformProcess> m_platform;
    std::unique_ptr<PlatformLogin> m_codes;
    std::unique_ptr<platform::ApiClient> m_api;
    QString m_log;
};

bool TestAuditForwarder::waitCaughtUp(audit::AuditForwarder &forwarder, qint64 seq, int timeoutMs)
{
    QSignalSpy caughtUp(&forwarder, &audit::AuditForwarder::caughtUp);
    forwarder.forwardNow();
    QElapsedTimer timer;
    timer.start();
    while (forwarder.cursor().seq < seq || forwarder.isSending()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        caughtUp.wait(200);
    }
    return true;
}

void TestAuditForwarder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString state = m_dir.filePath(u"state"_s);
    QVERIFY(PlatformProcess::init(state));
    m_platform = std::make_unique<PlatformProcess>(state);
    const Result<void> started = m_platform->start({u"--no-workers"_s});
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    m_codes = std::make_unique<PlatformLogin>(*m_platform);
    QString why;
    const test::Session session = m_codes->login(u"sato"_s, &why);
    QVERIFY2(session.client, qPrintable(why));
    m_api = std::make_unique<platform::ApiClient>(
        platform::PlatformEndpoint {m_platform->url(), m_platform->pin(), m_platform->caCandidates()});
    m_api->setClientCertificate(session.chain, session.key.privateKey());
    m_log = m_dir.filePath(u"ws/audit/audit.jsonl"_s);
}

void TestAuditForwarder::recordsArriveAsDicomAuditMessages()
{
    QVERIFY(test::writeSampleLog(m_log, 6, u"ws-forward"_s));
    audit::AuditForwarder forwarder(*m_api, m_log, fastRetry());
    QSignalSpy failed(&forwarder, &audit::AuditForwarder::deliveryFailed);
    forwarder.start();
    QVERIFY2(waitCaughtUp(forwarder, 6),
             failed.isEmpty() ? "no answer" : qPrintable(failed.last().at(0).value<Error>().detail()));

    const QByteArrayList records = test::readLines(m_log);
    const QList<QJsonObject> stored = storedLines(eventsFile());
    QCOMPARE(stored.size(), 6);
    // EventID / EventTypeCode per record type (the table in DicomAuditMessage.cpp).
    const QStringList eventIds {u"110114"_s, u"110104"_s, u"110114"_s, u"110103"_s, u"110114"_s, u"110113"_s};
    const QStringList outcomes {u"0"_s, u"0"_s, u"0"_s, u"0"_s, u"4"_s, u"0"_s};
    const QString logId = audit::AuditVerifier::verifyFile(m_log).logId;
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(stored[i].value(u"clinician"_s).toString(), u"sato"_s);
        const QJsonObject e = stored[i].value(u"event"_s).toObject();
        QCOMPARE(e.value(u"eventId"_s).toString(), u"%1:%2"_s.arg(logId).arg(i + 1));
        const QJsonObject id = e.value(u"EventIdentification"_s).toObject();
        QCOMPARE(id.value(u"EventID"_s).toObject().value(u"csd-code"_s).toString(), eventIds[i]);
        QCOMPARE(id.value(u"EventID"_s).toObject().value(u"codeSystemName"_s).toString(), u"DCM"_s);
        QCOMPARE(QString::number(id.value(u"EventOutcomeIndicator"_s).toInt()), outcomes[i]);
        QVERIFY(!id.value(u"EventDateTime"_s).toString().isEmpty());
        QCOMPARE(e.value(u"AuditSourceIdentification"_s).toObject().value(u"AuditSourceID"_s).toString(),
                 u"ws-forward"_s);
        const QJsonObject requestor = e.value(u"ActiveParticipant"_s).toArray().at(0).toObject();
        QCOMPARE(requestor.value(u"UserIsRequestor"_s).toBool(), true);
        QCOMPARE(requestor.value(u"NetworkAccessPointID"_s).toString(), u"ws-forward"_s);
        // The record's place in the local chain travels with it.
        QCOMPARE(e.value(u"record"_s).toObject().value(u"sha256"_s).toString().toLatin1(),
                 QCryptographicHash::hash(records[i], QCryptographicHash::Sha256).toHex());
    }
    const QJsonObject login = stored[0].value(u"event"_s).toObject();
    QCOMPARE(login.value(u"EventIdentification"_s)
                 .toObject()
                 .value(u"EventTypeCode"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"csd-code"_s)
                 .toString(),
             u"110122"_s);
    // The send: the workstation is the source, the service the destination, the study a pseudonym.
    const QJsonObject send = stored[1].value(u"event"_s).toObject();
    QCOMPARE(send.value(u"EventIdentification"_s).toObject().value(u"EventActionCode"_s).toString(), u"R"_s);
    const QJsonArray participants = send.value(u"ActiveParticipant"_s).toArray();
    QCOMPARE(participants.size(), 2);
    QCOMPARE(participants[1].toObject().value(u"UserID"_s).toString(), u"chest-ct-nodule"_s);
    QCOMPARE(participants[1].toObject().value(u"RoleIDCode"_s).toObject().value(u"csd-code"_s).toString(), u"110152"_s);
    const QJsonObject study = send.value(u"ParticipantObjectIdentification"_s).toArray().at(0).toObject();
    QCOMPARE(study.value(u"ParticipantObjectID"_s).toString(), u"2.25.9001"_s);
    QCOMPARE(study.value(u"ParticipantObjectIDTypeCode"_s).toObject().value(u"csd-code"_s).toString(), u"110180"_s);
    QVERIFY(!study.contains(u"ParticipantObjectName"_s));
    // The cursor on disk says how far delivery went.
    Result<audit::AuditCursor> cursor = audit::AuditCursor::load(audit::AuditCursor::pathFor(m_log));
    QVERIFY(cursor);
    QCOMPARE(cursor->seq, 6);
    QCOMPARE(cursor->logId, logId);
    QCOMPARE(cursor->offset, QFileInfo(m_log).size());
}

void TestAuditForwarder::batchesStayWithinEndpointLimits()
{
    Result<audit::AuditLog> log = audit::AuditLog::open(m_log, u"ws-forward"_s);
    QVERIFY(log);
    for (int i = 0; i < 250; ++i)
        QVERIFY(log->append(test::sampleEvent(1)));
    audit::AuditForwarder forwarder(*m_api, m_log, fastRetry());
    QSignalSpy forwarded(&forwarder, &audit::AuditForwarder::forwarded);
    QSignalSpy failed(&forwarder, &audit::AuditForwarder::deliveryFailed);
    QVERIFY(waitCaughtUp(forwarder, 256));
    QCOMPARE(failed.size(), 0);
    QVERIFY(forwarded.size() >= 3);
    int total = 0;
    for (const QList<QVariant> &f : std::as_const(forwarded)) {
        QVERIFY(f.at(1).toInt() <= 100);
        total += f.at(1).toInt();
    }
    QCOMPARE(total, 250);
    QCOMPARE(storedLines(eventsFile()).size(), 256);
    qInfo("250 records in %lld requests", qint64(forwarded.size()));
}

void TestAuditForwarder::offlineQueuesThenDeliversOnce()
{
    const quint16 port = m_platform->port();
    m_platform->stop();
    Result<audit::AuditLog> log = audit::AuditLog::open(m_log, u"ws-forward"_s);
    QVERIFY(log);
    for (int i = 0; i < 7; ++i)
        QVERIFY(log->append(test::sampleEvent(i)));
    const qint64 last = log->lastSeq();
    const QByteArray cursorBefore = [this] {
        QFile f(audit::AuditCursor::pathFor(m_log));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();

    audit::AuditForwarder forwarder(*m_api, m_log, fastRetry());
    QSignalSpy failed(&forwarder, &audit::AuditForwarder::deliveryFailed);
    forwarder.start();
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 3, 20000); // retried with back-off
    QCOMPARE(failed.first().at(0).value<Error>().code(), ErrorCode::NetworkUnavailable);
    QCOMPARE(forwarder.cursor().seq, 256);
    QFile cursorFile(audit::AuditCursor::pathFor(m_log));
    QVERIFY(cursorFile.open(QIODevice::ReadOnly));
    QCOMPARE(cursorFile.readAll(), cursorBefore);
    QCOMPARE(audit::AuditVerifier::verifyFile(m_log).records, last);

    // The platform comes back on the same address: the queue drains by itself.
    const Result<void> started = m_platform->start({u"--no-workers"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)});
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    QElapsedTimer timer;
    timer.start();
    QSignalSpy caughtUp(&forwarder, &audit::AuditForwarder::caughtUp);
    QTRY_VERIFY_WITH_TIMEOUT(forwarder.cursor().seq == last && !forwarder.isSending(), 30000);
    qInfo("delivered %lld ms after the platform was back", timer.elapsed());
    QSet<QString> ids;
    const QList<QJsonObject> stored = storedLines(eventsFile());
    for (const QJsonObject &line : stored)
        ids.insert(line.value(u"event"_s).toObject().value(u"eventId"_s).toString());
    QCOMPARE(stored.size(), int(last)); // each record once
    QCOMPARE(ids.size(), int(last));
    Result<audit::AuditCursor> cursor = audit::AuditCursor::load(audit::AuditCursor::pathFor(m_log));
    QVERIFY(cursor);
    QCOMPARE(cursor->seq, last);
}

// haip-cli login and logout write their records to $HAIP_AUDIT_LOG; a wrong code is recorded as a
// failure with the error's code name.
void TestAuditForwarder::cliLoginAndLogoutAreAudited()
{
    const QString log = m_dir.filePath(u"cli/audit.jsonl"_s);
    qputenv("HAIP_AUDIT_LOG", log.toUtf8());
    const QString session = m_dir.filePath(u"session.json"_s);
    const auto login = [&](const QString &code) {
        return test::run(
            test::programPath(u"haip-cli"_s), m_platform->cliLoginArguments(u"sato"_s, code, session), 60000);
    };
    // A code that no step around now accepts.
    QString wrong = u"000000"_s;
    for (qint64 step = m_codes->currentStep() - 1; step <= m_codes->currentStep() + 2; ++step) {
        if (m_codes->codeForStep(u"sato"_s, step) == wrong)
            wrong = u"111111"_s;
    }
    test::ProcessResult r = login(wrong);
    QCOMPARE(r.exitCode, 1);
    r = login(m_codes->nextCode(u"sato"_s));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = test::run(test::programPath(u"haip-cli"_s), {u"logout"_s, u"--session"_s, session}, 60000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    qunsetenv("HAIP_AUDIT_LOG");

    const audit::AuditVerification v = audit::AuditVerifier::verifyFile(log);
    QVERIFY2(v.ok(), qPrintable(v.detail));
    const QList<QJsonObject> records = storedLines(log);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records[0].value(u"type"_s).toString(), u"login-failure"_s);
    QCOMPARE(records[0].value(u"actor"_s).toString(), u"sato"_s);
    QCOMPARE(records[0].value(u"data"_s).toObject().value(u"outcome"_s).toString(), u"minor-failure"_s);
    QVERIFY(!records[0].value(u"data"_s).toObject().value(u"reason"_s).toString().isEmpty());
    QCOMPARE(records[1].value(u"type"_s).toString(), u"login-success"_s);
    QCOMPARE(records[2].value(u"type"_s).toString(), u"logout"_s);
    QCOMPARE(records[2].value(u"data"_s).toObject().value(u"outcome"_s).toString(), u"success"_s);
}

QTEST_GUILESS_MAIN(TestAuditForwarder)
#include "TestAuditForwarder.moc"
