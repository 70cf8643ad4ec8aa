// TestCliAudit: `haip-cli audit verify [FILE]` — exit 0 and {"ok":true,"records":n,…} on a good
// log (named, or the default path through $HAIP_AUDIT_LOG), exit 1 and
// {"ok":false,"line":k,"problem":…} on a tampered one, exit 1 with a JSON error for a missing
// file, exit 2 on a usage error.
#include "AuditTestLog.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;

class TestCliAudit : public QObject
{
    Q_OBJECT

private slots:
    void goodLogVerifies();
    void defaultLogFollowsEnvironment();
    void tamperedLogFails();
    void missingFileIsAnError();
    void usageErrors();

private:
    static test::ProcessResult cli(const QStringList &arguments)
    {
        return test::run(test::programPath(u"haip-cli"_s), arguments, 30000);
    }
    static QJsonObject json(const QByteArray &out) { return QJsonDocument::fromJson(out.trimmed()).object(); }

    QTemporaryDir m_dir;
};

void TestCliAudit::goodLogVerifies()
{
    const QString path = m_dir.filePath(u"good.jsonl"_s);
    QVERIFY(test::writeSampleLog(path, 12));
    const test::ProcessResult r = cli({u"audit"_s, u"verify"_s, path});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 1);
    const QJsonObject o = json(r.out);
    QCOMPARE(o.value(u"ok"_s).toBool(), true);
    QCOMPARE(o.value(u"records"_s).toInt(), 12);
    QCOMPARE(o.value(u"lastSeq"_s).toInt(), 12);
    QCOMPARE(o.value(u"lastSha256"_s).toString().size(), 64);
    QCOMPARE(o.value(u"incompleteTail"_s).toBool(), false);
}

void TestCliAudit::defaultLogFollowsEnvironment()
{
    const QString path = m_dir.filePath(u"env.jsonl"_s);
    QVERIFY(test::writeSampleLog(path, 4));
    qputenv("HAIP_AUDIT_LOG", path.toUtf8());
    const test::ProcessResult r = cli({u"audit"_s, u"verify"_s});
    qunsetenv("HAIP_AUDIT_LOG");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(json(r.out).value(u"records"_s).toInt(), 4);
    QCOMPARE(json(r.out).value(u"path"_s).toString(), path);
}

void TestCliAudit::tamperedLogFails()
{
    const QString path = m_dir.filePath(u"tampered.jsonl"_s);
    QVERIFY(test::writeSampleLog(path, 10));
    QByteArrayList lines = test::readLines(path);
    lines.removeAt(6);
    QVERIFY(test::writeLines(path, lines));
    const test::ProcessResult r = cli({u"audit"_s, u"verify"_s, path});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = json(r.out);
    QCOMPARE(o.value(u"ok"_s).toBool(), false);
    QCOMPARE(o.value(u"line"_s).toInt(), 7);
    QCOMPARE(o.value(u"problem"_s).toString(), u"deleted"_s);
}

void TestCliAudit::missingFileIsAnError()
{
    const test::ProcessResult r = cli({u"audit"_s, u"verify"_s, m_dir.filePath(u"none.jsonl"_s)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(json(r.err).value(u"error"_s).toString(), u"file-unreadable"_s);
}

void TestCliAudit::usageErrors()
{
    QCOMPARE(cli({u"audit"_s}).exitCode, 2);
    QCOMPARE(cli({u"audit"_s, u"check"_s}).exitCode, 2);
    QCOMPARE(cli({u"audit"_s, u"verify"_s, u"a"_s, u"b"_s}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliAudit)
#include "TestCliAudit.moc"
