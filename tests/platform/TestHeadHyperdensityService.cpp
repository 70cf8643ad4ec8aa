// services::HeadHyperdensityService on generated head phantoms (256², 40 slices of 2.5 mm): the
// planted haemorrhage found (centroid ≤ 2 mm, volume ≤ 20 %, reported in mL), nothing else and
// nothing on the lesion-free phantom, SEG and SR clean under dciodvfy, the SEG's frames read back
// independently matching the findings, the input constraints enforced, cancellation honoured.
#include "ServiceTestKit.h"
#include "TestSupport.h"
#include "common/Library.h"
#include "services/ServiceRegistry.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace haip;
using namespace haip::test;
using namespace Qt::StringLiterals;

class TestHeadHyperdensityService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findsThePlantedHaemorrhage();
    void findsNothingOnLesionFreePhantom();
    void objectsPassDciodvfy_data();
    void objectsPassDciodvfy();
    void segmentationFramesMatchFindings();
    void reportMeasuresEveryFinding();
    void reportsSayResearchUseOnly();
    void refusesTooFewSlices();
    void honoursCancel();

private:
    struct Run
    {
        dicom::PhantomResult phantom;
        services::ServiceBundle bundle;
        QString dir;
    };
    void analyse(bool lesions, Run &run);

    std::unique_ptr<LibraryScope> m_library;
    QTemporaryDir m_dir;
    services::ServiceRegistry m_registry;
    const services::ReferenceService *m_service = nullptr;
    Run m_lesions;
    Run m_normal;
};

void TestHeadHyperdensityService::analyse(bool lesions, Run &run)
{
    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::HeadCt;
    o.rows = o.columns = 256; // 0.98 mm pixels
    o.slices = 40;
    o.sliceSpacing = 2.5; // z −49…+49 mm: the haemorrhage at +18 mm and the skull base
    o.lesions = lesions;
    o.outputDir = m_dir.filePath(lesions ? u"lesions/input"_s : u"normal/input"_s);
    QString error;
    QVERIFY2(makePhantom(o, run.phantom, error), qPrintable(error));
    Result<services::ServiceBundle> bundle = m_service->analyse(run.phantom.files, nullptr, {});
    QVERIFY2(bundle, qPrintable(bundle ? QString() : bundle.error().message() + u" "_s + bundle.error().detail()));
    run.bundle = *bundle;
    run.dir = m_dir.filePath(lesions ? u"lesions/result"_s : u"normal/result"_s);
    QVERIFY(writeBundle(run.bundle, run.dir));
}

void TestHeadHyperdensityService::initTestCase()
{
    m_library = std::make_unique<LibraryScope>();
    QVERIFY(m_dir.isValid());
    QVERIFY(m_registry.valid());
    m_service = m_registry.find(u"head-ct-hyperdensity"_s);
    QVERIFY(m_service != nullptr);
    analyse(true, m_lesions);
    analyse(false, m_normal);
}

void TestHeadHyperdensityService::findsThePlantedHaemorrhage()
{
    const QList<TruthLesion> truth = readGroundTruth(m_lesions.phantom.groundTruthPath);
    QCOMPARE(truth.size(), 1);
    const QString problems = compareWithTruth(m_lesions.bundle.findings, truth, 2.0, 0.2, false);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const QJsonObject f = m_lesions.bundle.findings.value(u"findings"_s).toArray().at(0).toObject();
    QVERIFY(std::abs(f.value(u"volume_ml"_s).toDouble() - f.value(u"volume_mm3"_s).toDouble() / 1000.0) < 0.001);
    QCOMPARE(f.value(u"finding"_s).toObject().value(u"meaning"_s).toString(), u"Hemorrhage"_s);
    QCOMPARE(f.value(u"site"_s).toObject().value(u"meaning"_s).toString(), u"Brain"_s);
    const double hu = f.value(u"mean_hu"_s).toDouble();
    QVERIFY2(hu >= 50.0 && hu <= 90.0, qPrintable(QString::number(hu))); // the blood range
    QVERIFY(m_lesions.bundle.htmlReport.contains(u"mL"_s));
}

void TestHeadHyperdensityService::findsNothingOnLesionFreePhantom()
{
    QVERIFY(readGroundTruth(m_normal.phantom.groundTruthPath).isEmpty());
    const QJsonObject &f = m_normal.bundle.findings;
    QVERIFY2(f.value(u"findings"_s).toArray().isEmpty(), qPrintable(compareWithTruth(f, {}, 2.0, 0.2, false)));
    QVERIFY(m_normal.bundle.segmentation.isEmpty()); // a SEG needs a non-empty frame
    QVERIFY(f.value(u"objects"_s).toObject().value(u"segmentation"_s).isNull());
    QVERIFY(!m_normal.bundle.structuredReport.isEmpty());
}

void TestHeadHyperdensityService::objectsPassDciodvfy_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("SEG") << m_lesions.dir + u"/seg.dcm"_s;
    QTest::newRow("SR") << m_lesions.dir + u"/sr.dcm"_s;
    QTest::newRow("SR, nothing found") << m_normal.dir + u"/sr.dcm"_s;
}

void TestHeadHyperdensityService::objectsPassDciodvfy()
{
    QFETCH(QString, path);
    const QString errors = checkDciodvfy(path);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

void TestHeadHyperdensityService::segmentationFramesMatchFindings()
{
    const QString problems = checkSegmentation(
        m_lesions.dir + u"/seg.dcm"_s, m_lesions.bundle.findings, sopInstanceUids(m_lesions.phantom.files), true, 0.05);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const SegReadBack seg = readSegmentation(m_lesions.dir + u"/seg.dcm"_s);
    QCOMPARE(seg.segmentationType, u"BINARY"_s);
    QCOMPARE(seg.segments.size(), 1);
}

void TestHeadHyperdensityService::reportsSayResearchUseOnly()
{
    const QString &html = m_lesions.bundle.htmlReport;
    QVERIFY(html.contains(u"Research use only"_s));
    QVERIFY(html.contains(u"研究用途限定"_s));
    QVERIFY(!html.contains(u"<script"_s, Qt::CaseInsensitive));
    QVERIFY(!html.contains(u"http://"_s) && !html.contains(u"https://"_s));
    const QJsonObject &f = m_lesions.bundle.findings;
    QCOMPARE(f.value(u"schema"_s).toString(), u"haip-findings/1"_s);
    QCOMPARE(f.value(u"service"_s).toObject().value(u"regulatory_status"_s).toString(), u"research-use-only"_s);
    QCOMPARE(f.value(u"source"_s).toObject().value(u"series_instance_uid"_s).toString(),
             m_lesions.phantom.seriesInstanceUid);
}

void TestHeadHyperdensityService::refusesTooFewSlices()
{
    // The catalog asks for at least 20 slices.
    const Result<services::ServiceBundle> r = m_service->analyse(m_normal.phantom.files.mid(0, 10), nullptr, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
    QVERIFY2(r.error().detail().contains(u"at least 20 slices"_s), qPrintable(r.error().detail()));
}

void TestHeadHyperdensityService::honoursCancel()
{
    const std::atomic<bool> cancel {true};
    const Result<services::ServiceBundle> r = m_service->analyse(m_normal.phantom.files, &cancel, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::Cancelled);
}

void TestHeadHyperdensityService::reportMeasuresEveryFinding()
{
    for (const Run *run : {&m_lesions, &m_normal}) {
        const QString problems = checkReport(run->dir + u"/sr.dcm"_s, run->bundle.findings);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
}

QTEST_GUILESS_MAIN(TestHeadHyperdensityService)
#include "TestHeadHyperdensityService.moc"
