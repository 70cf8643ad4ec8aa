// dicom::StructuredReportReader on the TID 1500 reports the platform's chest-ct-nodule service
// writes over a chest phantom: every finding with its tracking id, site, measurements and units,
// the segment it references — equal to the service's findings JSON and to what pydicom reads
// independently; a lesion-free report says "No abnormality detected"; other SRs, images and
// damaged bytes are errors, never a crash. (The JSON rounds half away from zero, the SR as printf
// does, so values agree to one unit of the last decimal.)
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/Phantom.h"
#include "dicom/StructuredReportReader.h"
#include "services/ServiceRegistry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace haip;
using namespace haip::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(haip::ErrorCode)

class TestStructuredReportReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsEveryFindingOfTheService();
    void matchesPydicom();
    void saysNoAbnormalityWhenNothingFound();
    void refusesWhatIsNotAMeasurementReport_data();
    void refusesWhatIsNotAMeasurementReport();
    void survivesDamagedBytes();

private:
    services::ServiceBundle analyse(bool lesions, const QString &dir, int slices, int matrix);

    std::unique_ptr<LibraryScope> m_library;
    QTemporaryDir m_dir;
    services::ServiceRegistry m_registry;
    QString m_seriesUid;
    services::ServiceBundle m_lesions;
    services::ServiceBundle m_normal;
    dicom::StructuredReport m_report;
};

services::ServiceBundle TestStructuredReportReader::analyse(bool lesions, const QString &dir, int slices, int matrix)
{
    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::ChestCt;
    o.rows = o.columns = matrix;
    o.slices = slices;
    o.sliceSpacing = 2.5;
    o.lesions = lesions;
    o.outputDir = m_dir.filePath(dir);
    Result<dicom::PhantomResult> phantom = dicom::PhantomGenerator::generate(o);
    if (!phantom) {
        qWarning("phantom: %s", qPrintable(phantom.error().detail()));
        return {};
    }
    if (lesions)
        m_seriesUid = phantom->seriesInstanceUid;
    const services::ReferenceService *service = m_registry.find(u"chest-ct-nodule"_s);
    Result<services::ServiceBundle> bundle = service->analyse(phantom->files, nullptr, {});
    if (!bundle) {
        qWarning("analyse: %s", qPrintable(bundle.error().detail()));
        return {};
    }
    return *bundle;
}

void TestStructuredReportReader::initTestCase()
{
    m_library = std::make_unique<LibraryScope>();
    QVERIFY(m_dir.isValid());
    QVERIFY(m_registry.valid());
    m_lesions = analyse(true, u"lesions"_s, 80, 256);
    QVERIFY(!m_lesions.structuredReport.isEmpty());
    m_normal = analyse(false, u"normal"_s, 24, 128);
    QVERIFY(!m_normal.structuredReport.isEmpty());
    Result<dicom::StructuredReport> report =
        dicom::StructuredReportReader::fromBytes(m_lesions.structuredReport, u"sr"_s);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message() + u": "_s + report.error().detail()));
    m_report = *report;
}

void TestStructuredReportReader::readsEveryFindingOfTheService()
{
    const QJsonArray expected = m_lesions.findings.value(u"findings"_s).toArray();
    QVERIFY(expected.size() >= 2); // the phantom plants several nodules in this range
    QCOMPARE(m_report.findings.size(), expected.size());
    QVERIFY(m_report.title.is("126000", "DCM"));
    QVERIFY(!m_report.observer.isEmpty()); // the device observer: the service
    const QString segUid = m_lesions.findings.value(u"objects"_s)
                               .toObject()
                               .value(u"segmentation"_s)
                               .toObject()
                               .value(u"sop_instance_uid"_s)
                               .toString();
    QVERIFY(!segUid.isEmpty());
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject e = expected[i].toObject();
        const dicom::ReportFinding &f = m_report.findings[i];
        QCOMPARE(f.trackingId, e.value(u"tracking_id"_s).toString());
        QCOMPARE(f.trackingUid, e.value(u"tracking_uid"_s).toString());
        QVERIFY(f.finding.is("27925004", "SCT"));
        QCOMPARE(f.finding.meaning, u"Nodule"_s);
        QCOMPARE(f.site.meaning, e.value(u"site"_s).toObject().value(u"meaning"_s).toString());
        QCOMPARE(f.segmentNumber, e.value(u"segment_number"_s).toInt());
        QCOMPARE(f.segmentationInstanceUid, segUid);
        QCOMPARE(f.sourceSeriesUid, m_seriesUid);
        QVERIFY(!f.algorithmName.isEmpty());

        const dicom::ReportMeasurement *diameter = f.measurement("81827009", "SCT");
        QVERIFY(diameter != nullptr);
        QCOMPARE(diameter->unit.value, u"mm"_s);
        QVERIFY(qAbs(diameter->value - e.value(u"equivalent_diameter_mm"_s).toDouble()) < 0.011);
        bool volumeFound = false;
        bool meanFound = false;
        for (const dicom::ReportMeasurement &m : f.measurements) {
            if (m.unit.value == u"mm3"_s) {
                volumeFound = true;
                QVERIFY(qAbs(m.value - e.value(u"volume_mm3"_s).toDouble()) < 0.11);
            }
            if (m.unit.value == u"[hnsf'U]"_s) {
                meanFound = true;
                QCOMPARE(m.derivation.meaning, u"Mean"_s);
                QVERIFY2(qAbs(m.value - e.value(u"mean_hu"_s).toDouble()) < 0.11,
                         qPrintable(m.valueText + u" vs "_s + QString::number(e.value(u"mean_hu"_s).toDouble())));
            }
        }
        QVERIFY(volumeFound);
        QVERIFY(meanFound);
    }
    QVERIFY(m_report.evaluations.isEmpty());
}

void TestStructuredReportReader::matchesPydicom()
{
    const QString path = m_dir.filePath(u"sr.dcm"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(m_lesions.structuredReport), qint64(m_lesions.structuredReport.size()));
    file.close();
    QVERIFY2(QFileInfo(u"/usr/bin/python3"_s).isExecutable(), "needs /usr/bin/python3 (python3-pydicom)");
    QProcess python;
    python.start(u"/usr/bin/python3"_s, {QStringLiteral(HAIP_SOURCE_DIR "/tests/dicom/sr_reference.py"), path});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(
        python.exitCode() == 0,
        qPrintable(u"sr_reference.py failed (python3-pydicom): "_s + QString::fromUtf8(python.readAllStandardError())));
    const QJsonArray groups =
        QJsonDocument::fromJson(python.readAllStandardOutput()).object().value(u"groups"_s).toArray();
    QCOMPARE(groups.size(), m_report.findings.size());
    for (int i = 0; i < groups.size(); ++i) {
        const QJsonObject g = groups[i].toObject();
        const dicom::ReportFinding &f = m_report.findings[i];
        QCOMPARE(f.trackingId, g.value(u"tracking_id"_s).toString());
        QCOMPARE(f.finding.value, g.value(u"finding"_s).toArray().at(0).toString());
        QCOMPARE(f.site.value, g.value(u"site"_s).toArray().at(0).toString());
        QCOMPARE(f.segmentNumber, g.value(u"segment"_s).toInt());
        const QJsonArray ms = g.value(u"measurements"_s).toArray();
        QCOMPARE(f.measurements.size(), ms.size());
        for (int k = 0; k < ms.size(); ++k) {
            const QJsonObject m = ms[k].toObject();
            QCOMPARE(f.measurements[k].name.value, m.value(u"concept"_s).toArray().at(0).toString());
            QCOMPARE(f.measurements[k].valueText, m.value(u"value"_s).toString());
            QCOMPARE(f.measurements[k].unit.value, m.value(u"unit"_s).toString());
        }
    }
}

void TestStructuredReportReader::saysNoAbnormalityWhenNothingFound()
{
    Result<dicom::StructuredReport> report =
        dicom::StructuredReportReader::fromBytes(m_normal.structuredReport, u"sr"_s);
    QVERIFY(report);
    QVERIFY(report->findings.isEmpty());
    QCOMPARE(report->evaluations.size(), 1);
    QVERIFY(report->evaluations.front().is("281900007", "SCT"));
    QCOMPARE(report->evaluations.front().meaning, u"No abnormality detected"_s);
}

void TestStructuredReportReader::refusesWhatIsNotAMeasurementReport_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<haip::ErrorCode>("code");
    // pydicom's SR is a Comprehensive SR of another template; CT_small is an image.
    QTest::newRow("another SR template") << pydicomFile(u"test_files/test-SR.dcm"_s) << ErrorCode::InvalidAttribute;
    QTest::newRow("an image") << pydicomFile(u"test_files/CT_small.dcm"_s) << ErrorCode::InvalidAttribute;
    QTest::newRow("missing") << m_dir.filePath(u"absent.dcm"_s) << ErrorCode::FileNotFound;
}

void TestStructuredReportReader::refusesWhatIsNotAMeasurementReport()
{
    QFETCH(QString, path);
    QFETCH(haip::ErrorCode, code);
    Result<dicom::StructuredReport> report = dicom::StructuredReportReader::fromFile(path);
    QVERIFY(!report);
    QCOMPARE(report.error().code(), code);
    QVERIFY(!report.error().message().isEmpty());
}

void TestStructuredReportReader::survivesDamagedBytes()
{
    // Every truncation and a sweep of flipped bytes: an error or a report, never a crash; a
    // report read from damaged bytes never has more findings than the original.
    const QByteArray good = m_lesions.structuredReport;
    int refused = 0;
    for (qsizetype cut = 0; cut < good.size(); cut += 97) {
        Result<dicom::StructuredReport> r = dicom::StructuredReportReader::fromBytes(good.left(cut), u"cut"_s);
        if (!r)
            ++refused;
        else
            QVERIFY(r->findings.size() <= m_report.findings.size());
    }
    QVERIFY(refused > 0);
    for (qsizetype at = 132; at < good.size(); at += 61) {
        QByteArray bad = good;
        bad[at] = char(bad[at] ^ 0x5A);
        Result<dicom::StructuredReport> r = dicom::StructuredReportReader::fromBytes(bad, u"flipped"_s);
        if (r)
            QVERIFY(r->findings.size() <= m_report.findings.size());
    }
    QVERIFY(!dicom::StructuredReportReader::fromBytes(QByteArray(4096, 'x'), u"noise"_s));
}

QTEST_GUILESS_MAIN(TestStructuredReportReader)
#include "TestStructuredReportReader.moc"
