// services::ChestNoduleService on generated chest phantoms (320², 160 slices of 1.25 mm, all six
// planted nodules in range): every nodule found (centroid ≤ 2 mm, volume ≤ 20 %, the part-solid
// one by its solid core), nothing else and nothing on the lesion-free phantom, SEG and SR clean
// under dciodvfy, the SEG's frames read back independently and the SR (dsrdump) matching the
// findings, the input constraints enforced and cancellation honoured.
#include "ServiceTestKit.h"
#include "TestSupport.h"
#include "common/Library.h"
#include "services/ServiceRegistry.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace haip;
using namespace haip::test;
using namespace Qt::StringLiterals;

class TestChestNoduleService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findsEveryPlantedNodule();
    void findsNothingOnLesionFreePhantom();
    void objectsPassDciodvfy_data();
    void objectsPassDciodvfy();
    void segmentationFramesMatchFindings();
    void reportMeasuresEveryFinding();
    void reportsSayResearchUseOnly();
    void refusesTooThickSlices();
    void refusesOtherModality();
    void refusesMixedSeries();
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

void TestChestNoduleService::analyse(bool lesions, Run &run)
{
    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::ChestCt;
    o.rows = o.columns = 320; // 1.125 mm pixels
    o.slices = 160;
    o.sliceSpacing = 1.25; // z −99…+99 mm: every nodule
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

void TestChestNoduleService::initTestCase()
{
    m_library = std::make_unique<LibraryScope>();
    QVERIFY(m_dir.isValid());
    QVERIFY(m_registry.valid());
    m_service = m_registry.find(u"chest-ct-nodule"_s);
    QVERIFY(m_service != nullptr);
    analyse(true, m_lesions);
    analyse(false, m_normal);
}

void TestChestNoduleService::findsEveryPlantedNodule()
{
    const QList<TruthLesion> truth = readGroundTruth(m_lesions.phantom.groundTruthPath);
    QCOMPARE(truth.size(), 6);
    const QString problems = compareWithTruth(m_lesions.bundle.findings, truth, 2.0, 0.2, false);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    // Sites: negative patient x is the patient's right.
    for (const QJsonValue &v : m_lesions.bundle.findings.value(u"findings"_s).toArray()) {
        const QJsonObject f = v.toObject();
        const double x = f.value(u"centroid_mm"_s).toArray().at(0).toDouble();
        QCOMPARE(f.value(u"site"_s).toObject().value(u"meaning"_s).toString(),
                 x < 0 ? u"Right lung"_s : u"Left lung"_s);
        QVERIFY(f.value(u"mean_hu"_s).toDouble() > 0.0); // soft tissue (the phantom's nodules are 30 HU)
    }
}

void TestChestNoduleService::findsNothingOnLesionFreePhantom()
{
    QVERIFY(readGroundTruth(m_normal.phantom.groundTruthPath).isEmpty());
    const QJsonObject &f = m_normal.bundle.findings;
    QVERIFY2(f.value(u"findings"_s).toArray().isEmpty(), qPrintable(compareWithTruth(f, {}, 2.0, 0.2, false)));
    QVERIFY(m_normal.bundle.segmentation.isEmpty()); // a SEG needs a non-empty frame
    QVERIFY(f.value(u"objects"_s).toObject().value(u"segmentation"_s).isNull());
    QVERIFY(!m_normal.bundle.structuredReport.isEmpty());
}

void TestChestNoduleService::objectsPassDciodvfy_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("SEG") << m_lesions.dir + u"/seg.dcm"_s;
    QTest::newRow("SR") << m_lesions.dir + u"/sr.dcm"_s;
    QTest::newRow("SR, nothing found") << m_normal.dir + u"/sr.dcm"_s;
    QTest::newRow("GSPS") << m_lesions.dir + u"/gsps.dcm"_s;
}

void TestChestNoduleService::objectsPassDciodvfy()
{
    QFETCH(QString, path);
    const QString errors = checkDciodvfy(path);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

void TestChestNoduleService::segmentationFramesMatchFindings()
{
    const QString problems = checkSegmentation(
        m_lesions.dir + u"/seg.dcm"_s, m_lesions.bundle.findings, sopInstanceUids(m_lesions.phantom.files), true, 0.05);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const SegReadBack seg = readSegmentation(m_lesions.dir + u"/seg.dcm"_s);
    QCOMPARE(seg.segmentationType, u"BINARY"_s);
    QCOMPARE(seg.segments.size(), 6);
}

void TestChestNoduleService::reportsSayResearchUseOnly()
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

void TestChestNoduleService::refusesTooThickSlices()
{
    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::ChestCt;
    o.rows = o.columns = 32;
    o.slices = 24;
    o.sliceSpacing = 5.0; // the catalog accepts ≤ 2.5 mm
    o.outputDir = m_dir.filePath(u"thick"_s);
    dicom::PhantomResult thick;
    QString error;
    QVERIFY2(makePhantom(o, thick, error), qPrintable(error));
    const Result<services::ServiceBundle> r = m_service->analyse(thick.files, nullptr, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
    QVERIFY2(r.error().detail().contains(u"thicker"_s), qPrintable(r.error().detail()));
}

void TestChestNoduleService::refusesOtherModality()
{
    const QString mr = pydicomFile(u"test_files/MR_small.dcm"_s);
    QVERIFY2(QFile::exists(mr), "python3-pydicom's test files are missing (Debian package python3-pydicom)");
    const Result<services::ServiceBundle> r = m_service->analyse({mr}, nullptr, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
    QVERIFY2(r.error().detail().contains(u"not MR"_s), qPrintable(r.error().detail()));
}

void TestChestNoduleService::refusesMixedSeries()
{
    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::HeadCt;
    o.rows = o.columns = 16;
    o.slices = 4;
    o.outputDir = m_dir.filePath(u"head"_s);
    dicom::PhantomResult head;
    QString error;
    QVERIFY2(makePhantom(o, head, error), qPrintable(error));
    const Result<services::ServiceBundle> r = m_service->analyse(m_normal.phantom.files + head.files, nullptr, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
    QVERIFY2(r.error().detail().contains(u"2 series"_s), qPrintable(r.error().detail()));
}

void TestChestNoduleService::honoursCancel()
{
    const std::atomic<bool> cancel {true};
    const Result<services::ServiceBundle> r = m_service->analyse(m_normal.phantom.files, &cancel, {});
    QVERIFY(!r);
    QCOMPARE(r.error().code(), ErrorCode::Cancelled);
}

void TestChestNoduleService::reportMeasuresEveryFinding()
{
    for (const Run *run : {&m_lesions, &m_normal}) {
        const QString problems = checkReport(run->dir + u"/sr.dcm"_s, run->bundle.findings);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
}

QTEST_GUILESS_MAIN(TestChestNoduleService)
#include "TestChestNoduleService.moc"
