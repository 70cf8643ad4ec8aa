// haip-cli import as scripts use it: JSON lines out, exit codes, the default index location
// (HAIP_INDEX_DIR), and a second run over the same copy that adds nothing.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct CliRun
{
    int exitCode = -1;
    QList<QJsonObject> lines;
    QByteArray err;
};

CliRun importWith(const QStringList &arguments, const QString &indexDir = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!indexDir.isEmpty())
        env.insert(u"HAIP_INDEX_DIR"_s, indexDir);
    process.setProcessEnvironment(env);
    process.start(haip::test::programPath(u"haip-cli"_s), QStringList {u"import"_s} + arguments);
    CliRun run;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.err = process.readAllStandardError();
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            run.lines.append(QJsonObject {{u"unparsable"_s, QString::fromUtf8(line)}});
            continue;
        }
        run.lines.append(doc.object());
    }
    return run;
}

void copyTree(const QString &from, const QString &to)
{
    QVERIFY(QDir().mkpath(to));
    for (const QFileInfo &entry : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + entry.fileName();
        if (entry.isDir())
            copyTree(entry.absoluteFilePath(), target);
        else
            QVERIFY(QFile::copy(entry.absoluteFilePath(), target));
    }
}

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT
private slots:
    void testImportTwiceSecondAddsNothing();
    void testErrorsAreJsonLinesAndExitOne();
    void testDefaultIndexLocation();
    void testUsageErrors_data();
    void testUsageErrors();
};

void TestCliImport::testImportTwiceSecondAddsNothing()
{
    QTemporaryDir dir;
    const QString cd = dir.filePath(u"CD"_s);
    copyTree(haip::test::pydicomFile(u"test_files/dicomdirtests"_s), cd);
    const QString db = dir.filePath(u"index.sqlite"_s);

    const CliRun first = importWith({cd, u"--db"_s, db});
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.lines.size(), 1); // no errors: only the summary
    const QJsonObject s1 = first.lines.back();
    QCOMPARE(s1.value(u"files"_s).toInt(), 31); // the CD's DICOMDIR
    QCOMPARE(s1.value(u"instances"_s).toInt(), 31);
    QCOMPARE(s1.value(u"added"_s).toInt(), 31);
    QCOMPARE(s1.value(u"unchanged"_s).toInt(), 0);
    QCOMPARE(s1.value(u"errors"_s).toInt(), 0);
    QCOMPARE(s1.value(u"studies"_s).toArray().size(), 6);
    QCOMPARE(s1.value(u"database"_s).toString(), db);
    QVERIFY(QFileInfo::exists(db));

    const CliRun second = importWith({cd, u"--db="_s + db});
    QCOMPARE(second.exitCode, 0);
    const QJsonObject s2 = second.lines.back();
    QCOMPARE(s2.value(u"added"_s).toInt(), 0);
    QCOMPARE(s2.value(u"updated"_s).toInt(), 0);
    QCOMPARE(s2.value(u"unchanged"_s).toInt(), 31);
    QCOMPARE(s2.value(u"studies"_s).toArray(), s1.value(u"studies"_s).toArray());
}

void TestCliImport::testErrorsAreJsonLinesAndExitOne()
{
    QTemporaryDir dir;
    const QString notDicom = dir.filePath(u"notes.txt"_s);
    QFile f(notDicom);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.write("not an image") > 0);
    f.close();
    const QString missing = dir.filePath(u"missing.dcm"_s);
    const QString ct = haip::test::pydicomFile(u"test_files/CT_small.dcm"_s);

    const CliRun run = importWith({notDicom, missing, ct, u"--db"_s, dir.filePath(u"i.sqlite"_s)});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.lines.size(), 3);
    // The scanner's error comes first (missing path), then the reader's.
    QCOMPARE(run.lines[0].value(u"path"_s).toString(), missing);
    QCOMPARE(run.lines[0].value(u"error"_s).toString(), u"file-not-found"_s);
    QCOMPARE(run.lines[1].value(u"path"_s).toString(), notDicom);
    QCOMPARE(run.lines[1].value(u"error"_s).toString(), u"not-dicom"_s);
    QVERIFY(run.lines[1].value(u"message"_s).toString().contains(notDicom));
    const QJsonObject summary = run.lines[2];
    QCOMPARE(summary.value(u"files"_s).toInt(), 2);
    QCOMPARE(summary.value(u"instances"_s).toInt(), 1);
    QCOMPARE(summary.value(u"added"_s).toInt(), 1);
    QCOMPARE(summary.value(u"errors"_s).toInt(), 2);
}

void TestCliImport::testDefaultIndexLocation()
{
    QTemporaryDir dir;
    const QString indexDir = dir.filePath(u"haip-index"_s);
    const CliRun run = importWith({haip::test::pydicomFile(u"test_files/CT_small.dcm"_s)}, indexDir);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.lines.back().value(u"database"_s).toString(), indexDir + u"/index.sqlite"_s);
    QVERIFY(QFileInfo::exists(indexDir + u"/index.sqlite"_s));
}

void TestCliImport::testUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no paths") << QStringList {};
    QTest::newRow("--db without a file") << QStringList {u"x.dcm"_s, u"--db"_s};
    QTest::newRow("unknown option") << QStringList {u"--frobnicate"_s, u"x.dcm"_s};
}

void TestCliImport::testUsageErrors()
{
    QFETCH(QStringList, arguments);
    QTemporaryDir dir;
    const CliRun run = importWith(arguments, dir.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.lines.isEmpty());
    QVERIFY(!run.err.isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath(u"index.sqlite"_s))); // nothing created
}

QTEST_GUILESS_MAIN(TestCliImport)
#include "TestCliImport.moc"
