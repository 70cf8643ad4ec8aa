// haip-cli info, run as a real process on pydicom's corpus: the exact JSON fields and values,
// one line per instance, error objects for files that fail, folders walked recursively, exit
// codes 0 / 1 / 2, and a Japanese person name decoded whole with its '=' groups.
#include "TestSupport.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace haip::test;

namespace {

ProcessResult info(const QStringList &arguments)
{
    return run(programPath(QStringLiteral("haip-cli")), QStringList {QStringLiteral("info")} + arguments);
}

} // namespace

class TestCliInfo : public QObject
{
    Q_OBJECT

private slots:
    void printsExactlyTheDocumentedFields();
    void valuesMatchTheFile();
    void multiFrameAndColourFiles();
    void failingFileGivesErrorObjectAndExitOne();
    void unknownVrAttributesAreReadWithTheirRealVr();
    void foldersAreScannedRecursively();
    void japaneseNameIsDecodedWhole();
    void usageErrorsExitTwo();
};

void TestCliInfo::printsExactlyTheDocumentedFields()
{
    const ProcessResult r = info({pydicomFile(QStringLiteral("test_files/CT_small.dcm"))});
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 1);
    QStringList keys = lines.front().keys();
    keys.sort();
    QStringList expected {QStringLiteral("path"),
                          QStringLiteral("sop_class_uid"),
                          QStringLiteral("sop_instance_uid"),
                          QStringLiteral("study_instance_uid"),
                          QStringLiteral("series_instance_uid"),
                          QStringLiteral("patient_name"),
                          QStringLiteral("patient_id"),
                          QStringLiteral("modality"),
                          QStringLiteral("transfer_syntax_uid"),
                          QStringLiteral("rows"),
                          QStringLiteral("columns"),
                          QStringLiteral("number_of_frames"),
                          QStringLiteral("samples_per_pixel"),
                          QStringLiteral("bits_allocated"),
                          QStringLiteral("bits_stored"),
                          QStringLiteral("photometric_interpretation"),
                          QStringLiteral("pixel_representation")};
    expected.sort();
    QCOMPARE(keys, expected);
}

void TestCliInfo::valuesMatchTheFile()
{
    const QString path = pydicomFile(QStringLiteral("test_files/CT_small.dcm"));
    const QList<QJsonObject> lines = jsonLines(info({path}).out);
    QCOMPARE(lines.size(), 1);
    const QJsonObject o = lines.front();
    QCOMPARE(o[u"path"].toString(), path);
    QCOMPARE(o[u"sop_class_uid"].toString(), QStringLiteral("1.2.840.10008.5.1.4.1.1.2"));
    QCOMPARE(o[u"sop_instance_uid"].toString(), QStringLiteral("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322"));
    QCOMPARE(o[u"study_instance_uid"].toString(), QStringLiteral("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"));
    QCOMPARE(o[u"series_instance_uid"].toString(), QStringLiteral("1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322"));
    QCOMPARE(o[u"patient_name"].toString(), QStringLiteral("CompressedSamples^CT1"));
    QCOMPARE(o[u"patient_id"].toString(), QStringLiteral("1CT1"));
    QCOMPARE(o[u"modality"].toString(), QStringLiteral("CT"));
    QCOMPARE(o[u"transfer_syntax_uid"].toString(), QStringLiteral("1.2.840.10008.1.2.1"));
    QCOMPARE(o[u"rows"].toInt(), 128);
    QCOMPARE(o[u"columns"].toInt(), 128);
    QCOMPARE(o[u"number_of_frames"].toInt(), 1);
    QCOMPARE(o[u"samples_per_pixel"].toInt(), 1);
    QCOMPARE(o[u"bits_allocated"].toInt(), 16);
    QCOMPARE(o[u"bits_stored"].toInt(), 16);
    QCOMPARE(o[u"photometric_interpretation"].toString(), QStringLiteral("MONOCHROME2"));
    QCOMPARE(o[u"pixel_representation"].toInt(), 1);
}

void TestCliInfo::multiFrameAndColourFiles()
{
    const ProcessResult r = info({pydicomFile(QStringLiteral("test_files/rtdose.dcm")),
                                  pydicomFile(QStringLiteral("test_files/SC_rgb_dcmtk_+eb+cy+s2.dcm")),
                                  pydicomFile(QStringLiteral("test_files/rtplan.dcm"))});
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0][u"number_of_frames"].toInt(), 15);
    QCOMPARE(lines[0][u"bits_allocated"].toInt(), 32);
    QCOMPARE(lines[1][u"samples_per_pixel"].toInt(), 3);
    QCOMPARE(lines[1][u"photometric_interpretation"].toString(), QStringLiteral("YBR_FULL_422")); // as stored
    QCOMPARE(lines[1][u"transfer_syntax_uid"].toString(), QStringLiteral("1.2.840.10008.1.2.4.50"));
    QCOMPARE(lines[2][u"modality"].toString(), QStringLiteral("RTPLAN"));
    QCOMPARE(lines[2][u"number_of_frames"].toInt(), 0); // no pixel data
}

void TestCliInfo::unknownVrAttributesAreReadWithTheirRealVr()
{
    // gdcmconv wrote every attribute of rtdose_rle.dcm as UN; they read as in rtdose.dcm.
    const ProcessResult r = info({pydicomFile(QStringLiteral("test_files/rtdose_rle.dcm")),
                                  pydicomFile(QStringLiteral("test_files/rtdose.dcm"))});
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0][u"modality"].toString(), QStringLiteral("RTDOSE"));
    for (const char *key : {"sop_instance_uid", "patient_name", "patient_id", "rows", "number_of_frames"})
        QCOMPARE(lines[0][QLatin1String(key)], lines[1][QLatin1String(key)]);
}

void TestCliInfo::failingFileGivesErrorObjectAndExitOne()
{
    const QString good = pydicomFile(QStringLiteral("test_files/MR_small.dcm"));
    const QString truncated = pydicomFile(QStringLiteral("test_files/MR_truncated.dcm"));
    const QString badVr = pydicomFile(QStringLiteral("test_files/badVR.dcm"));
    const ProcessResult r = info({good, truncated, badVr});
    QCOMPARE(r.exitCode, 1);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0][u"path"].toString(), good);
    QVERIFY(!lines[0].contains(u"error"));
    QCOMPARE(lines[1][u"path"].toString(), truncated);
    QCOMPARE(lines[1][u"error"].toString(), QStringLiteral("truncated-file"));
    QVERIFY(lines[1][u"message"].toString().contains(truncated));
    QVERIFY(!lines[1][u"detail"].toString().isEmpty());
    QCOMPARE(lines[2][u"error"].toString(), QStringLiteral("invalid-attribute"));
    QVERIFY(lines[2][u"detail"].toString().contains(QStringLiteral("1A")));
}

void TestCliInfo::foldersAreScannedRecursively()
{
    // Two patient folders of the DICOMDIR sample (no DICOMDIR inside them): every file below.
    const QStringList folders {pydicomFile(QStringLiteral("test_files/dicomdirtests/77654033")),
                               pydicomFile(QStringLiteral("test_files/dicomdirtests/98892003"))};
    QStringList expected;
    for (const QString &folder : folders) {
        for (QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
            expected << it.next();
    }
    QCOMPARE(expected.size(), 7 + 17);
    const ProcessResult r = info(folders);
    QCOMPARE(r.exitCode, 0);
    QStringList printed;
    for (const QJsonObject &o : jsonLines(r.out)) {
        QVERIFY(!o.contains(u"error"));
        QCOMPARE(o[u"rows"].toInt(), 16);
        printed << o[u"path"].toString();
    }
    expected.sort();
    printed.sort();
    QCOMPARE(printed, expected);
}

void TestCliInfo::japaneseNameIsDecodedWhole()
{
    const ProcessResult r = info({pydicomFile(QStringLiteral("charset_files/chrH31.dcm"))});
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.front()[u"patient_name"].toString(),
             QStringLiteral("Yamada^Tarou=\u5c71\u7530^\u592a\u90ce=\u3084\u307e\u3060^\u305f\u308d\u3046"));
}

void TestCliInfo::usageErrorsExitTwo()
{
    QCOMPARE(info({}).exitCode, 2);
    QCOMPARE(info({QStringLiteral("--bogus"), pydicomFile(QStringLiteral("test_files/CT_small.dcm"))}).exitCode, 2);
    const ProcessResult missing = info({QStringLiteral("/nonexistent/x.dcm")});
    QCOMPARE(missing.exitCode, 1); // a missing file is a failed input, not a usage error
    QCOMPARE(jsonLines(missing.out).value(0)[u"error"].toString(), QStringLiteral("file-not-found"));
}

QTEST_GUILESS_MAIN(TestCliInfo)
#include "TestCliInfo.moc"
