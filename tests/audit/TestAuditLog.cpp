// TestAuditLog: the audit log on disk — the record format and its hash chain, the chain across
// reopening, two processes appending to one log at once, tampering of every kind done to the
// real file (the verifier names the line and the kind), an incomplete last line (reported, not a
// failure; cut off and continued by the next AuditLog), and that only pseudonyms are accepted.
#include "AuditTestLog.h"
#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace haip;
using haip::audit::AuditProblem;

namespace {

using Tamper = std::function<QByteArrayList(const QByteArrayList &lines, const QString &dir)>;

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// A record the log never wrote, with the log's own id, a valid shape and the given link.
QByteArray forged(const QByteArrayList &lines, qint64 seq, const QByteArray &prev)
{
    Result<audit::AuditRecord> model = audit::AuditRecord::parse(lines.front());
    audit::SendDetails d;
    d.serviceId = u"chest-ct-nodule"_s;
    d.jobId = u"forged"_s;
    d.bytes = 1;
    return audit::AuditRecord::make(audit::AuditEvent::send(u"sato"_s, d), seq, u"ws-test"_s, model->logId, prev).line;
}

// What a crash in the middle of a write leaves at the end of the file.
const QByteArray kPartialLine = "{\"seq\":4,\"time\":\"2025-01-0";

} // namespace

Q_DECLARE_METATYPE(Tamper)
Q_DECLARE_METATYPE(haip::audit::AuditProblem)

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void recordFormatAndChain();
    void chainContinuesAcrossReopen();
    void twoProcessesAppendToOneChain();
    void tamperIsLocated_data();
    void tamperIsLocated();
    void incompleteTailIsReportedNotFailed();
    void reopenCutsTailAndContinues();
    void editedLastRecordStopsAppending();
    void onlyPseudonymsAreAccepted_data();
    void onlyPseudonymsAreAccepted();

private:
    QTemporaryDir m_dir;
};

void TestAuditLog::recordFormatAndChain()
{
    const QString path = m_dir.filePath(u"format/audit.jsonl"_s);
    QVERIFY(test::writeSampleLog(path, 3));
    const QByteArrayList lines = test::readLines(path);
    QCOMPARE(lines.size(), 3);
    // Byte for byte: fixed key order, compact, UTC time with milliseconds.
    static const QRegularExpression shape(
        u"^\\{\"seq\":1,\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\",\"type\":\"login-success\","
        "\"actor\":\"sato\",\"workstation\":\"ws-test\",\"data\":\\{\"outcome\":\"success\"\\},"
        "\"logId\":\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\",\"prev\":\"0{64}\"\\}$"_s);
    QVERIFY2(shape.match(QString::fromUtf8(lines[0])).hasMatch(), lines[0].constData());
    for (int i = 1; i < lines.size(); ++i) {
        const QJsonObject o = QJsonDocument::fromJson(lines[i]).object();
        QCOMPARE(o.value(u"seq"_s).toInteger(), i + 1);
        QCOMPARE(o.value(u"prev"_s).toString().toLatin1(), sha256Hex(lines[i - 1]));
    }
    const QJsonObject send = QJsonDocument::fromJson(lines[1]).object().value(u"data"_s).toObject();
    QCOMPARE(send.value(u"study"_s).toString(), u"2.25.9001"_s);
    QCOMPARE(send.value(u"bytes"_s).toInteger(), 1001);
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    const audit::AuditVerification v = audit::AuditVerifier::verifyFile(path);
    QVERIFY2(v.ok(), qPrintable(v.detail));
    QCOMPARE(v.lastSha256, sha256Hex(lines[2]));
}

void TestAuditLog::chainContinuesAcrossReopen()
{
    const QString path = m_dir.filePath(u"reopen.jsonl"_s);
    QString logId;
    {
        Result<audit::AuditLog> log = audit::AuditLog::open(path, u"ws-test"_s);
        QVERIFY(log);
        logId = log->logId();
        for (int i = 0; i < 3; ++i)
            QVERIFY(log->append(test::sampleEvent(i)));
    }
    Result<audit::AuditLog> again = audit::AuditLog::open(path, u"ws-test"_s);
    QVERIFY(again);
    QCOMPARE(again->logId(), logId);
    QCOMPARE(again->lastSeq(), 3);
    Result<audit::AuditRecord> r = again->append(test::sampleEvent(3));
    QVERIFY(r);
    QCOMPARE(r->seq, 4);
    QCOMPARE(r->logId, logId);
    const audit::AuditVerification v = audit::AuditVerifier::verifyFile(path);
    QVERIFY2(v.ok(), qPrintable(v.detail));
    QCOMPARE(v.records, 4);
    QCOMPARE(v.logId, logId);
}

void TestAuditLog::twoProcessesAppendToOneChain()
{
    const QString path = m_dir.filePath(u"shared.jsonl"_s);
    constexpr int perProcess = 150;
    QProcess a, b;
    for (QProcess *p : {&a, &b})
        p->start(test::programPath(u"haip-audit-appender"_s), {path, QString::number(perProcess)});
    QSet<qint64> acknowledged;
    for (QProcess *p : {&a, &b}) {
        QVERIFY(p->waitForFinished(60000));
        QCOMPARE(p->exitCode(), 0);
        for (const QByteArray &line : p->readAllStandardOutput().split('\n')) {
            if (!line.isEmpty())
                acknowledged.insert(line.toLongLong());
        }
    }
    // Every seq from 1 to 300 handed out exactly once, the whole log one valid chain.
    QCOMPARE(acknowledged.size(), 2 * perProcess);
    QCOMPARE(*std::max_element(acknowledged.cbegin(), acknowledged.cend()), 2 * perProcess);
    const audit::AuditVerification v = audit::AuditVerifier::verifyFile(path);
    QVERIFY2(v.ok(), qPrintable(v.detail));
    QCOMPARE(v.records, 2 * perProcess);
    // Both processes did append while the other was running (the records interleave).
    QSet<QString> writersOfFirstHalf;
    const QByteArrayList lines = test::readLines(path);
    for (int i = 0; i < perProcess; ++i)
        writersOfFirstHalf.insert(QJsonDocument::fromJson(lines[i]).object().value(u"workstation"_s).toString());
    qInfo("writers among the first %d records: %lld", perProcess, qint64(writersOfFirstHalf.size()));
}

void TestAuditLog::tamperIsLocated_data()
{
    QTest::addColumn<Tamper>("tamper");
    QTest::addColumn<AuditProblem>("problem");
    QTest::addColumn<int>("line");

    QTest::newRow("value changed") << Tamper([](QByteArrayList l, const QString &) {
        l[3].replace("\"instances\":13", "\"instances\":14");
        return l;
    }) << AuditProblem::Edited << 4;
    QTest::newRow("record no longer parses") << Tamper([](QByteArrayList l, const QString &) {
        l[3].chop(5);
        return l;
    }) << AuditProblem::Edited << 4;
    QTest::newRow("prev field changed") << Tamper([](QByteArrayList l, const QString &) {
        l[3].replace(l[3].indexOf("\"prev\":\"") + 8, 4, "ffff");
        return l;
    }) << AuditProblem::Edited << 4;
    QTest::newRow("middle record deleted") << Tamper([](QByteArrayList l, const QString &) {
        l.removeAt(4);
        return l;
    }) << AuditProblem::Deleted << 5;
    QTest::newRow("three records deleted") << Tamper([](QByteArrayList l, const QString &) {
        l.remove(2, 3);
        return l;
    }) << AuditProblem::Deleted << 3;
    QTest::newRow("forged record with plausible hash") << Tamper([](QByteArrayList l, const QString &) {
        l.insert(3, forged(l, 4, sha256Hex(l[2])));
        return l;
    }) << AuditProblem::Inserted << 4;
    QTest::newRow("forged record out of sequence") << Tamper([](QByteArrayList l, const QString &) {
        l.insert(3, forged(l, 99, QByteArray(64, 'b')));
        return l;
    }) << AuditProblem::Inserted << 4;
    QTest::newRow("two records swapped") << Tamper([](QByteArrayList l, const QString &) {
        l.swapItemsAt(2, 3);
        return l;
    }) << AuditProblem::Reordered << 3;
    QTest::newRow("distant records swapped") << Tamper([](QByteArrayList l, const QString &) {
        l.swapItemsAt(1, 5);
        return l;
    }) << AuditProblem::Reordered << 2;
    QTest::newRow("head deleted") << Tamper([](QByteArrayList l, const QString &) {
        l.removeFirst();
        return l;
    }) << AuditProblem::DeletedHead
                                  << 1;
    QTest::newRow("head and next swapped") << Tamper([](QByteArrayList l, const QString &) {
        l.swapItemsAt(0, 1);
        return l;
    }) << AuditProblem::Reordered << 1;
    QTest::newRow("record of another log spliced in") << Tamper([](QByteArrayList l, const QString &dir) {
        const QString other = dir + u"/other.jsonl"_s;
        if (!test::writeSampleLog(other, 8))
            return QByteArrayList();
        l[4] = test::readLines(other)[4]; // same seq, same shape, another logId
        return l;
    }) << AuditProblem::Foreign << 5;
}

void TestAuditLog::tamperIsLocated()
{
    QFETCH(Tamper, tamper);
    QFETCH(AuditProblem, problem);
    QFETCH(int, line);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"audit.jsonl"_s);
    QVERIFY(test::writeSampleLog(path, 8));
    QVERIFY(audit::AuditVerifier::verifyFile(path).ok());
    const QByteArrayList tampered = tamper(test::readLines(path), dir.path());
    QVERIFY(!tampered.isEmpty());
    QVERIFY(test::writeLines(path, tampered));
    const audit::AuditVerification v = audit::AuditVerifier::verifyFile(path);
    QVERIFY(!v.ok());
    QCOMPARE(audit::auditProblemName(v.problem), audit::auditProblemName(problem));
    QCOMPARE(v.line, line);
    qInfo("%s", QJsonDocument(v.toJson()).toJson(QJsonDocument::Compact).constData());
}

void TestAuditLog::incompleteTailIsReportedNotFailed()
{
    const QString path = m_dir.filePath(u"tail.jsonl"_s);
    QVERIFY(test::writeSampleLog(path, 3));
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    QCOMPARE(file.write(kPartialLine), kPartialLine.size());
    file.close();
    const audit::AuditVerification v = audit::AuditVerifier::verifyFile(path);
    QVERIFY2(v.ok(), qPrintable(v.detail));
    QVERIFY(v.incompleteTail);
    QCOMPARE(v.tailBytes, kPartialLine.size());
    QCOMPARE(v.records, 3);
}

void TestAuditLog::reopenCutsTailAndContinues()
{
    const QString path = m_dir.filePath(u"tail.jsonl"_s); // left with a partial line above
    const qint64 sizeBefore = QFileInfo(path).size();
    Result<audit::AuditLog> log = audit::AuditLog::open(path, u"ws-test"_s);
    QVERIFY(log);
    QCOMPARE(log->recoveredTailBytes(), kPartialLine.size());
    QCOMPARE(QFileInfo(path).size(), sizeBefore - kPartialLine.size());
    Result<audit::AuditRecord> r = log->append(test::sampleEvent(3));
    QVERIFY(r);
    QCOMPARE(r->seq, 4);
    const audit::AuditVerification v = audit::AuditVerifier::verifyFile(path);
    QVERIFY2(v.ok(), qPrintable(v.detail));
    QVERIFY(!v.incompleteTail);
    QCOMPARE(v.records, 4);
}

void TestAuditLog::editedLastRecordStopsAppending()
{
    const QString path = m_dir.filePath(u"edited-last.jsonl"_s);
    QVERIFY(test::writeSampleLog(path, 2));
    QByteArrayList lines = test::readLines(path);
    lines[1] = "{\"seq\":2,\"hacked\":true}";
    QVERIFY(test::writeLines(path, lines));
    Result<audit::AuditLog> log = audit::AuditLog::open(path, u"ws-test"_s);
    QVERIFY(!log);
    QCOMPARE(log.error().code(), ErrorCode::FileUnreadable);
}

void TestAuditLog::onlyPseudonymsAreAccepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("de-identified study UID") << u"2.25.329800735698586629295641978511506172918"_s << true;
    QTest::newRow("SHA-256") << QString(64, u'0') << true;
    QTest::newRow("UUID") << u"0f8fad5b-d9cb-469f-a165-70867728950e"_s << true;
    QTest::newRow("patient name") << u"YAMADA^TARO"_s << false;
    QTest::newRow("Japanese name") << u"山田^太郎"_s << false;
    QTest::newRow("patient ID") << u"00123456"_s << false;
    QTest::newRow("numeric ID with a dot") << u"2024.117"_s << false;
    QTest::newRow("UID with leading zero") << u"1.02.3"_s << false;
    QTest::newRow("too long") << u"1.2."_s + QString(70, u'3') << false;
}

void TestAuditLog::onlyPseudonymsAreAccepted()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QCOMPARE(audit::Pseudonym::fromString(text).has_value(), accepted);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
