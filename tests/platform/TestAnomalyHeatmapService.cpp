// services::AnomalyHeatmapService on generated head phantoms (256², 40 slices of 2.5 mm) and on
// a single image: the planted haemorrhage is the one hot region (centroid ≤ 2 mm, volume ≤ 20 %)
// and the lesion-free phantom has none; the SEG is FRACTIONAL (probability) with the heat map
// as segment 1 and one segment per region, its frames read back independently put each
// region's heat where the finding is; SEG and SR clean under dciodvfy.
#include "ServiceTestKit.h"
#include "TestSupport.h"
#include "common/Library.h"
#include "services/ServiceRegistry.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>
#include <numbers>

using namespace haip;
using namespace haip::test;
using namespace Qt::StringLiterals;

class TestAnomalyHeatmapService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theHaemorrhageIsTheHotRegion();
    void findsNothingOnLesionFreePhantom();
    void singleImageShowsTheHaemorrhage();
    void objectsPassDciodvfy_data();
    void objectsPassDciodvfy();
    void segmentationIsAProbabilityMap();
    void segmentationFramesMatchFindings();
    void reportMeasuresEveryFinding();

private:
    struct Run
    {
        QStringList files;
        QString groundTruth;
        services::ServiceBundle bundle;
        QString dir;
    };
    void analyse(const QStringList &files, const QString &name, Run &run);

    std::unique_ptr<LibraryScope> m_library;
    QTemporaryDir m_dir;
    services::ServiceRegistry m_registry;
    const services::ReferenceService *m_service = nullptr;
    Run m_lesions;
    Run m_normal;
    Run m_single;
};

void TestAnomalyHeatmapService::analyse(const QStringList &files, const QString &name, Run &run)
{
    run.files = files;
    Result<services::ServiceBundle> bundle = m_service->analyse(files, nullptr, {});
    QVERIFY2(bundle, qPrintable(bundle ? QString() : bundle.error().message() + u" "_s + bundle.error().detail()));
    run.bundle = *bundle;
    run.dir = m_dir.filePath(name + u"/result"_s);
    QVERIFY(writeBundle(run.bundle, run.dir));
}

void TestAnomalyHeatmapService::initTestCase()
{
    m_library = std::make_unique<LibraryScope>();
    QVERIFY(m_dir.isValid());
    QVERIFY(m_registry.valid());
    m_service = m_registry.find(u"anomaly-heatmap"_s);
    QVERIFY(m_service != nullptr);
    for (const bool lesions : {true, false}) {
        dicom::PhantomOptions o;
        o.kind = dicom::PhantomKind::HeadCt;
        o.rows = o.columns = 256;
        o.slices = 40;
        o.sliceSpacing = 2.5;
        o.lesions = lesions;
        const QString name = lesions ? u"lesions"_s : u"normal"_s;
        o.outputDir = m_dir.filePath(name + u"/input"_s);
        dicom::PhantomResult phantom;
        QString error;
        QVERIFY2(makePhantom(o, phantom, error), qPrintable(error));
        Run &run = lesions ? m_lesions : m_normal;
        run.groundTruth = phantom.groundTruthPath;
        analyse(phantom.files, name, run);
    }
    // Slice 28 (z = +18.75 mm) cuts the haemorrhage (centre z = +18 mm) near its widest.
    m_single.groundTruth = m_lesions.groundTruth;
    analyse({m_lesions.files.at(27)}, u"single"_s, m_single);
}

void TestAnomalyHeatmapService::theHaemorrhageIsTheHotRegion()
{
    const QList<TruthLesion> truth = readGroundTruth(m_lesions.groundTruth);
    QCOMPARE(truth.size(), 1);
    const QString problems = compareWithTruth(m_lesions.bundle.findings, truth, 2.0, 0.2, false);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const QJsonObject f = m_lesions.bundle.findings.value(u"findings"_s).toArray().at(0).toObject();
    QVERIFY(f.value(u"peak_z_score"_s).toDouble() >= 8.0); // denser than expected
}

void TestAnomalyHeatmapService::findsNothingOnLesionFreePhantom()
{
    const QJsonArray findings = m_normal.bundle.findings.value(u"findings"_s).toArray();
    QVERIFY2(findings.isEmpty(), qPrintable(compareWithTruth(m_normal.bundle.findings, {}, 2.0, 0.2, false)));
    QVERIFY(m_normal.bundle.htmlReport.contains(u"No candidate findings were detected."_s));
}

void TestAnomalyHeatmapService::singleImageShowsTheHaemorrhage()
{
    const QJsonObject &json = m_single.bundle.findings;
    QCOMPARE(json.value(u"source"_s).toObject().value(u"slices"_s).toInt(), 1);
    const QJsonArray findings = json.value(u"findings"_s).toArray();
    QCOMPARE(findings.size(), 1);
    const QJsonObject f = findings.at(0).toObject();
    // In the plane of the slice: the haemorrhage (radius 12 mm, centre 0.75 mm away) cut as a disc.
    const TruthLesion truth = readGroundTruth(m_single.groundTruth).at(0);
    const QJsonArray c = f.value(u"centroid_mm"_s).toArray();
    QVERIFY(std::hypot(c[0].toDouble() - truth.centre.x, c[1].toDouble() - truth.centre.y) <= 2.0);
    const double area = std::numbers::pi * (144.0 - 0.75 * 0.75);
    const double measured = f.value(u"area_mm2"_s).toDouble();
    QVERIFY2(std::abs(measured - area) / area <= 0.2, qPrintable(u"%1 mm² vs %2"_s.arg(measured).arg(area)));
    QVERIFY(!f.contains(u"volume_mm3"_s));
}

void TestAnomalyHeatmapService::objectsPassDciodvfy_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("SEG") << m_lesions.dir + u"/seg.dcm"_s;
    QTest::newRow("SR") << m_lesions.dir + u"/sr.dcm"_s;
    QTest::newRow("SEG, nothing found") << m_normal.dir + u"/seg.dcm"_s;
    QTest::newRow("SR, nothing found") << m_normal.dir + u"/sr.dcm"_s;
    QTest::newRow("SEG, single image") << m_single.dir + u"/seg.dcm"_s;
    QTest::newRow("SR, single image") << m_single.dir + u"/sr.dcm"_s;
}

void TestAnomalyHeatmapService::objectsPassDciodvfy()
{
    QFETCH(QString, path);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const QString errors = checkDciodvfy(path);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
}

void TestAnomalyHeatmapService::segmentationIsAProbabilityMap()
{
    const SegReadBack seg = readSegmentation(m_lesions.dir + u"/seg.dcm"_s);
    QVERIFY2(seg.error.isEmpty(), qPrintable(seg.error));
    QCOMPARE(seg.segmentationType, u"FRACTIONAL"_s);
    QCOMPARE(seg.segments.size(), 2); // the heat map and the haemorrhage's region
    // The heat map's hottest part is the haemorrhage: its heat-weighted centroid is pulled there
    // from the centre of the head.
    const TruthLesion truth = readGroundTruth(m_lesions.groundTruth).at(0);
    const SegSegment heat = seg.segments.value(1);
    QVERIFY(heat.voxels > seg.segments.value(2).voxels);
    QVERIFY((heat.centroid - truth.centre).length() < 20.0);
}

void TestAnomalyHeatmapService::segmentationFramesMatchFindings()
{
    for (const Run *run : {&m_lesions, &m_single}) {
        const QString problems =
            checkSegmentation(run->dir + u"/seg.dcm"_s, run->bundle.findings, sopInstanceUids(run->files), false, 2.0);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
}

void TestAnomalyHeatmapService::reportMeasuresEveryFinding()
{
    for (const Run *run : {&m_lesions, &m_normal, &m_single}) {
        const QString problems = checkReport(run->dir + u"/sr.dcm"_s, run->bundle.findings);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
}

QTEST_GUILESS_MAIN(TestAnomalyHeatmapService)
#include "TestAnomalyHeatmapService.moc"
