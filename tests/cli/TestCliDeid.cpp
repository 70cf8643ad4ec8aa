// `haip-cli deid`: one JSON line per input (never an original value), outputs named by their
// new SOP Instance UID and readable by pydicom, options passed through, the installation secret
// kept by the OS (a real Secret Service: runs under tests/support/with-secret-service.sh) and
// reused, the encrypted re-identification map leading back to the originals, burned-in images
// refused (exit 1), usage errors (exit 2).
#include "TestSupport.h"
#include "dicom/ReidentificationStore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace Qt::StringLiterals;
using haip::test::jsonLines;

class TestCliDeid : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void deidentifiesFolder();
    void optionsPassThrough();
    void installationSecretAndMapKeptByTheOs();
    void burnedInExitsOne();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();

private:
    static test::ProcessResult deid(const QStringList &arguments)
    {
        return test::run(test::programPath(u"haip-cli"_s), QStringList {u"deid"_s} + arguments);
    }

    QTemporaryDir m_dir;
    QString m_inputs;
    QString m_secret;
};

void TestCliDeid::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The default secret lives in the application data folder: keep it inside the test.
    qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
    qputenv("HAIP_AUDIT_LOG", m_dir.filePath(u"audit.jsonl"_s).toUtf8());
    m_inputs = m_dir.filePath(u"in"_s);
    QVERIFY(QDir().mkpath(m_inputs));
    for (const char *name : {"CT_small.dcm", "MR_small.dcm"})
        QVERIFY(QFile::copy(test::pydicomFile(u"test_files/"_s + QLatin1String(name)),
                            m_inputs + u'/' + QLatin1String(name)));
    m_secret = m_dir.filePath(u"secret.key"_s);
    QFile secret(m_secret);
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("a test secret of thirty-two byte");
}

void TestCliDeid::deidentifiesFolder()
{
    const QString out = m_dir.filePath(u"out"_s);
    const test::ProcessResult r = deid({m_inputs, u"--out"_s, out, u"--secret-file"_s, m_secret});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 2);
    QStringList outputs;
    for (const QJsonObject &line : lines) {
        QVERIFY(line[u"in"_s].toString().startsWith(m_inputs));
        const QString path = line[u"out"_s].toString();
        QVERIFY(QFile::exists(path));
        QCOMPARE(QFileInfo(path).fileName(), line[u"sop_instance_uid"_s].toString() + u".dcm"_s);
        QVERIFY(line[u"actions"_s].toObject()[u"X"_s].toInt() > 0);
        QVERIFY(line[u"actions"_s].toObject()[u"U"_s].toInt() >= 3);
        QVERIFY(line[u"pseudonym"_s].toString().startsWith(u"HAIP-"_s));
        QCOMPARE(line[u"method_codes"_s].toArray(), QJsonArray {u"113100"_s});
        outputs << path;
    }
    // No original identifier reaches stdout: the inputs' names, IDs and UIDs (read by pydicom).
    const test::ProcessResult originals =
        test::run(u"/usr/bin/python3"_s,
                  {u"-c"_s,
                   u"import sys, pydicom\n"
                   "for p in sys.argv[1:]:\n"
                   "    ds = pydicom.dcmread(p)\n"
                   "    print(str(ds.PatientName)); print(ds.PatientID); print(ds.SOPInstanceUID); "
                   "print(ds.StudyInstanceUID)\n"_s,
                   m_inputs + u"/CT_small.dcm"_s,
                   m_inputs + u"/MR_small.dcm"_s});
    QCOMPARE(originals.exitCode, 0);
    for (const QByteArray &value : originals.out.split('\n')) {
        if (value.size() > 2)
            QVERIFY2(!r.out.contains(value) && !r.err.contains(value), value.constData());
    }
    // pydicom reads every output.
    const test::ProcessResult read =
        test::run(u"/usr/bin/python3"_s,
                  QStringList {u"-c"_s,
                               u"import sys, pydicom\n"
                               "for p in sys.argv[1:]:\n"
                               "    ds = pydicom.dcmread(p); assert ds.PatientIdentityRemoved == 'YES'\n"_s} +
                      outputs);
    QVERIFY2(read.exitCode == 0, read.err.constData());
    // Same secret, same names.
    const test::ProcessResult again = deid({m_inputs, u"--out"_s, out, u"--secret-file"_s, m_secret});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(QDir(out).entryList(QDir::Files).size(), 2);
}

void TestCliDeid::optionsPassThrough()
{
    const test::ProcessResult r = deid({m_inputs + u"/CT_small.dcm"_s,
                                        u"--out"_s,
                                        m_dir.filePath(u"out-options"_s),
                                        u"--secret-file"_s,
                                        m_secret,
                                        u"--retain-patient-characteristics"_s,
                                        u"--modified-dates"_s,
                                        u"--retain-device-identity"_s,
                                        u"--clean-descriptors"_s});
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0][u"method_codes"_s].toArray(),
             (QJsonArray {u"113100"_s, u"113108"_s, u"113107"_s, u"113109"_s, u"113105"_s}));
    QCOMPARE(lines[0][u"dates_shifted"_s].toBool(), true);
    QVERIFY(lines[0][u"actions"_s].toObject()[u"C"_s].toInt() > 0);
}

void TestCliDeid::installationSecretAndMapKeptByTheOs()
{
    const QString input = m_inputs + u"/CT_small.dcm"_s;
    const test::ProcessResult a = deid({input, u"--out"_s, m_dir.filePath(u"secret-1"_s)});
    const test::ProcessResult b = deid({input, u"--out"_s, m_dir.filePath(u"secret-2"_s)});
    QVERIFY2(a.exitCode == 0 && b.exitCode == 0, (a.out + a.err).constData());
    // The same installation secret both times (kept by the Secret Service, not in a file).
    const QString newUid = jsonLines(a.out)[0][u"sop_instance_uid"_s].toString();
    QCOMPARE(jsonLines(b.out)[0][u"sop_instance_uid"_s].toString(), newUid);
    QDirIterator files(m_dir.filePath(u"data"_s), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext())
        QVERIFY2(!files.next().endsWith(u".key"_s), qPrintable(files.filePath()));
    // The way back: in the encrypted map, which holds no original value in the clear …
    const QString mapPath = m_dir.filePath(u"data/HAIP/haip-workstation/deid/reidentification.sealed"_s);
    QFile mapFile(mapPath);
    QVERIFY2(mapFile.open(QIODevice::ReadOnly), qPrintable(mapPath));
    const QByteArray sealed = mapFile.readAll();
    const test::ProcessResult original =
        test::run(u"/usr/bin/python3"_s,
                  {u"-c"_s,
                   u"import pydicom,sys; d=pydicom.dcmread(sys.argv[1]); print(d.SOPInstanceUID); print(d.PatientID)"_s,
                   input},
                  30000);
    QCOMPARE(original.exitCode, 0);
    const QList<QByteArray> originals = original.out.trimmed().split('\n');
    QCOMPARE(originals.size(), 2);
    QVERIFY(!sealed.contains(originals[0]));
    QVERIFY(!sealed.contains(originals[1]));
    // … and that opens with the key the OS keeps.
    Result<crypto::SecureBuffer> key = dicom::ReidentificationStore::defaultKey();
    QVERIFY2(key, key ? "" : qPrintable(key.error().detail()));
    Result<dicom::ReidentificationStore> map = dicom::ReidentificationStore::open(mapPath, std::move(*key));
    QVERIFY2(map, map ? "" : qPrintable(map.error().detail()));
    QCOMPARE(map->originalUid(newUid).value_or(QString()), QString::fromLatin1(originals[0].trimmed()));
    const QString pseudonym = jsonLines(a.out)[0][u"pseudonym"_s].toString();
    QVERIFY(!pseudonym.isEmpty());
    QCOMPARE(map->originalPatientId(pseudonym).value_or(QString()), QString::fromLatin1(originals[1].trimmed()));
    // The audit trail has one deidentify record per file, naming the new study, never the original.
    QFile trail(m_dir.filePath(u"audit.jsonl"_s));
    QVERIFY(trail.open(QIODevice::ReadOnly));
    const QByteArray records = trail.readAll();
    QVERIFY(records.contains("\"type\":\"deidentify\""));
    QVERIFY(records.contains(jsonLines(a.out)[0][u"study_instance_uid"_s].toString().toLatin1()));
    QVERIFY(!records.contains(originals[0].trimmed()));
    QVERIFY(!records.contains(originals[1].trimmed()));
    // A different secret gives different identifiers and leaves the map alone.
    const test::ProcessResult c =
        deid({input, u"--out"_s, m_dir.filePath(u"secret-3"_s), u"--secret-file"_s, m_secret});
    QVERIFY(jsonLines(c.out)[0][u"sop_instance_uid"_s].toString() != newUid);
}

void TestCliDeid::burnedInExitsOne()
{
    const QString sc = test::pydicomFile(u"test_files/SC_rgb_rle.dcm"_s);
    const QString out = m_dir.filePath(u"out-burned"_s);
    const test::ProcessResult refused =
        deid({sc, m_inputs + u"/CT_small.dcm"_s, u"--out"_s, out, u"--secret-file"_s, m_secret});
    QCOMPARE(refused.exitCode, 1);
    const QList<QJsonObject> lines = jsonLines(refused.out);
    QCOMPARE(lines.size(), 2); // the refused file and the CT, which is still de-identified
    QCOMPARE(lines[0][u"error"_s].toString(), u"burned-in-annotation"_s);
    QCOMPARE(lines[0][u"path"_s].toString(), sc);
    QVERIFY(lines[1].contains(u"out"_s));
    QCOMPARE(QDir(out).entryList(QDir::Files).size(), 1);
    const test::ProcessResult allowed =
        deid({sc, u"--out"_s, out, u"--secret-file"_s, m_secret, u"--allow-burned-in"_s});
    QCOMPARE(allowed.exitCode, 0);
}

void TestCliDeid::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no output folder") << QStringList {u"x.dcm"_s};
    QTest::newRow("no input") << QStringList {u"--out"_s, u"/tmp/x"_s};
    QTest::newRow("unknown option") << QStringList {u"x.dcm"_s, u"--out"_s, u"/tmp/x"_s, u"--retain-uids"_s};
    QTest::newRow("missing secret file") << QStringList {
        u"x.dcm"_s, u"--out"_s, u"/tmp/x"_s, u"--secret-file"_s, u"/nonexistent/key"_s};
}

void TestCliDeid::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    const test::ProcessResult r = deid(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliDeid)
#include "TestCliDeid.moc"
