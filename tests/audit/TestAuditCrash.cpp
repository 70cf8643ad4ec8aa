// TestAuditCrash: a child process appending to the audit log in a loop (haip-audit-appender,
// printing each acknowledged seq) is killed with SIGKILL at 20 random moments. After each kill
// the log verifies, every acknowledged record is in it, and at most the one record being written
// at the moment of the kill is there without having been acknowledged. The next child continues
// the same chain.
#include "TestSupport.h"
#include "audit/AuditVerifier.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;

class TestAuditCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedWritersLoseNothingAcknowledged();
};

void TestAuditCrash::killedWritersLoseNothingAcknowledged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"audit/audit.jsonl"_s);
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    qInfo("seed %u", seed);
    qint64 lastSeq = 0;
    int unacknowledgedKept = 0;
    int tails = 0;
    for (int round = 0; round < 20; ++round) {
        QProcess child;
        child.start(test::programPath(u"haip-audit-appender"_s), {path, u"0"_s});
        QVERIFY(child.waitForStarted(10000));
        // Let it run for a random while once it is writing: 0–60 ms after its first record.
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < 20000) {
            child.waitForReadyRead(100);
            out += child.readAllStandardOutput();
        }
        QVERIFY2(out.contains('\n'), child.readAllStandardError().constData());
        QTest::qWait(int(random.bounded(60)));
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        out += child.readAllStandardOutput();

        qint64 maxAcknowledged = 0;
        for (const QByteArray &line : out.split('\n')) {
            if (line.isEmpty())
                continue;
            const qint64 seq = line.toLongLong();
            QCOMPARE(seq, maxAcknowledged == 0 ? lastSeq + 1 : maxAcknowledged + 1);
            maxAcknowledged = seq;
        }
        const audit::AuditVerification v = audit::AuditVerifier::verifyFile(path);
        QVERIFY2(v.ok(), qPrintable(v.detail));
        // Every acknowledged record is there; at most the one in flight is there unacknowledged
        // (written and synced, killed before it printed its seq).
        QVERIFY2(
            v.lastSeq >= maxAcknowledged,
            qPrintable(u"round %1: acknowledged %2, log ends at %3"_s.arg(round).arg(maxAcknowledged).arg(v.lastSeq)));
        QVERIFY(v.lastSeq <= maxAcknowledged + 1);
        unacknowledgedKept += int(v.lastSeq - maxAcknowledged);
        tails += v.incompleteTail ? 1 : 0;
        lastSeq = v.lastSeq;
    }
    qInfo("20 kills: %lld records, %d in flight kept unacknowledged, %d incomplete tails",
          lastSeq,
          unacknowledgedKept,
          tails);
}

QTEST_GUILESS_MAIN(TestAuditCrash)
#include "TestAuditCrash.moc"
