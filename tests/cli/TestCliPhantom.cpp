// `haip-cli phantom`: the JSON summary line, the files it names, and exit codes 0/1/2.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace Qt::StringLiterals;

class TestCliPhantom : public QObject
{
    Q_OBJECT

private slots:
    void printsSummary();
    void seedSelectsIdentifiers();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void unwritableFolderExitsOne();

private:
    static test::ProcessResult phantom(const QStringList &arguments)
    {
        return test::run(test::programPath(u"haip-cli"_s), QStringList {u"phantom"_s} + arguments);
    }
};

void TestCliPhantom::printsSummary()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"頭部 study"_s); // non-ASCII folder, created on demand
    const test::ProcessResult r = phantom({u"--kind"_s,
                                           u"head-ct"_s,
                                           u"--out"_s,
                                           out,
                                           u"--slices"_s,
                                           u"5"_s,
                                           u"--rows"_s,
                                           u"32"_s,
                                           u"--columns"_s,
                                           u"48"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.count('\n'), 1); // exactly one JSON line
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json[u"files"_s].toInt(), 5);
    QCOMPARE(json[u"directory"_s].toString(), QDir(out).absolutePath());
    QCOMPARE(QDir(out).entryList({u"*.dcm"_s}, QDir::Files).size(), 5);
    QFile truthFile(json[u"ground_truth"_s].toString());
    QVERIFY(truthFile.open(QIODevice::ReadOnly));
    const QJsonObject truth = QJsonDocument::fromJson(truthFile.readAll()).object();
    QCOMPARE(truth[u"kind"_s].toString(), u"head-ct"_s);
    QCOMPARE(truth[u"rows"_s].toInt(), 32);
    QCOMPARE(truth[u"columns"_s].toInt(), 48);
    QCOMPARE(truth[u"study_instance_uid"_s].toString(), json[u"study_instance_uid"_s].toString());
    QCOMPARE(truth[u"series_instance_uid"_s].toString(), json[u"series_instance_uid"_s].toString());
    QVERIFY(json[u"study_instance_uid"_s].toString().startsWith(u"2.25."_s));
}

void TestCliPhantom::seedSelectsIdentifiers()
{
    QTemporaryDir dir;
    auto uid = [&](const QString &seed, const QString &sub) {
        const test::ProcessResult r = phantom({u"--out"_s,
                                               dir.filePath(sub),
                                               u"--slices"_s,
                                               u"1"_s,
                                               u"--rows"_s,
                                               u"16"_s,
                                               u"--columns"_s,
                                               u"16"_s,
                                               u"--seed"_s,
                                               seed});
        return r.exitCode == 0 ? QJsonDocument::fromJson(r.out).object()[u"study_instance_uid"_s].toString()
                               : QString();
    };
    const QString a = uid(u"7"_s, u"a"_s);
    QVERIFY(!a.isEmpty());
    QCOMPARE(uid(u"7"_s, u"b"_s), a);
    QVERIFY(uid(u"8"_s, u"c"_s) != a);
}

void TestCliPhantom::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no --out") << QStringList {u"--kind"_s, u"chest-ct"_s};
    QTest::newRow("unknown kind") << QStringList {u"--kind"_s, u"knee-mr"_s, u"--out"_s, u"x"_s};
    QTest::newRow("slices not a number") << QStringList {u"--out"_s, u"x"_s, u"--slices"_s, u"many"_s};
    QTest::newRow("zero slices") << QStringList {u"--out"_s, u"x"_s, u"--slices"_s, u"0"_s};
    QTest::newRow("rows out of range") << QStringList {u"--out"_s, u"x"_s, u"--rows"_s, u"2"_s};
    QTest::newRow("unknown option") << QStringList {u"--out"_s, u"x"_s, u"--colour"_s};
    QTest::newRow("stray argument") << QStringList {u"--out"_s, u"x"_s, u"extra"_s};
}

void TestCliPhantom::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    QTemporaryDir dir;
    QVERIFY(QDir::setCurrent(dir.path()));
    const test::ProcessResult r = phantom(arguments);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath(u"x/CT000001.dcm"_s)));
}

void TestCliPhantom::unwritableFolderExitsOne()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const test::ProcessResult r = phantom({u"--out"_s, dir.filePath(u"blocker/study"_s), u"--slices"_s, u"1"_s});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(json[u"error"_s].toString(), u"write-failed"_s);
}

QTEST_GUILESS_MAIN(TestCliPhantom)
#include "TestCliPhantom.moc"
