// ServiceEligibility: which open series a catalog service accepts, and the reasons it gives when
// it does not — checked against the reference services' real input constraints.
#include "CatalogTestKit.h"
#include "dicom/DicomFile.h"
#include "dicom/Phantom.h"
#include "dicom/SeriesAssembler.h"
#include "platform/ServiceEligibility.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace haip::platform;
using namespace Qt::StringLiterals;

class TestServiceEligibility : public QObject
{
    Q_OBJECT

private:
    Catalog m_catalog = test::referenceCatalog();

    static SeriesFacts facts(const QString &modality, int slices, double thickness, double spacing)
    {
        SeriesFacts f;
        f.modality = modality;
        f.sliceCount = slices;
        f.sliceThicknessMm = thickness;
        f.sliceSpacingMm = spacing;
        f.singleImage = slices == 1;
        return f;
    }

private slots:
    void referenceConstraints()
    {
        // The rules below rely on the reference entries' numbers; a change there must show here.
        const CatalogService *nodule = m_catalog.find(QStringLiteral("chest-ct-nodule"));
        QVERIFY(nodule);
        QCOMPARE(nodule->inputModalities, QStringList {QStringLiteral("CT")});
        QCOMPARE(nodule->minSlices, 20);
        QCOMPARE(nodule->maxSliceThicknessMm, 2.5);
        QVERIFY(!nodule->acceptsSingleImages);
        const CatalogService *heat = m_catalog.find(QStringLiteral("anomaly-heatmap"));
        QVERIFY(heat);
        QVERIFY(heat->acceptsSingleImages);
    }

    void check_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("modality");
        QTest::addColumn<int>("slices");
        QTest::addColumn<double>("thickness");
        QTest::addColumn<double>("spacing");
        QTest::addColumn<QStringList>("reasons");

        const QString nodule = QStringLiteral("chest-ct-nodule");
        const QString heat = QStringLiteral("anomaly-heatmap");
        QTest::newRow("thin chest CT") << nodule << u"CT"_s << 120 << 1.0 << 1.0 << QStringList {};
        QTest::newRow("exactly the minimum") << nodule << u"CT"_s << 20 << 2.5 << 2.5 << QStringList {};
        QTest::newRow("MR") << nodule << u"MR"_s << 120 << 1.0 << 1.0
                            << QStringList {u"wrong modality: needs CT, this series is MR"_s};
        QTest::newRow("12 slices") << nodule << u"CT"_s << 12 << 1.0 << 1.0
                                   << QStringList {u"too few slices: needs ≥ 20, this series has 12"_s};
        QTest::newRow("too many") << nodule << u"CT"_s << 1200 << 1.0 << 1.0
                                  << QStringList {u"too many slices: accepts ≤ 1000, this series has 1200"_s};
        QTest::newRow("5 mm slices") << nodule << u"CT"_s << 60 << 5.0 << 5.0
                                     << QStringList {u"slices too thick: needs ≤ 2.5 mm, this series has 5 mm"_s};
        // Thin slices with gaps: the spacing decides, as the service measures it.
        QTest::newRow("1 mm slices 3 mm apart")
            << nodule << u"CT"_s << 60 << 1.0 << 3.0
            << QStringList {u"slices too thick: needs ≤ 2.5 mm, this series has 3 mm"_s};
        QTest::newRow("MR with 12 thick slices: every reason")
            << nodule << u"MR"_s << 12 << 6.0 << 6.0
            << QStringList {u"wrong modality: needs CT, this series is MR"_s,
                            u"too few slices: needs ≥ 20, this series has 12"_s,
                            u"slices too thick: needs ≤ 2.5 mm, this series has 6 mm"_s};
        QTest::newRow("single CT image, volume service")
            << nodule << u"CT"_s << 1 << 5.0 << 0.0
            << QStringList {u"a single image: this service needs a volume of at least 20 slices"_s};
        QTest::newRow("radiograph, single-image service") << heat << u"DX"_s << 1 << 0.0 << 0.0 << QStringList {};
        QTest::newRow("MG, heat map service")
            << heat << u"MG"_s << 1 << 0.0 << 0.0
            << QStringList {u"wrong modality: needs CT, CR or DX, this series is MG"_s};
        QTest::newRow("no modality") << nodule << QString() << 40 << 1.0 << 1.0
                                     << QStringList {
                                            u"wrong modality: needs CT, this series is of no known modality"_s};
    }

    void check()
    {
        QFETCH(QString, service);
        QFETCH(QString, modality);
        QFETCH(int, slices);
        QFETCH(double, thickness);
        QFETCH(double, spacing);
        QFETCH(QStringList, reasons);
        const CatalogService *s = m_catalog.find(service);
        QVERIFY(s);
        const Eligibility e = ServiceEligibility::check(*s, facts(modality, slices, thickness, spacing));
        QCOMPARE(e.reasons, reasons);
        QCOMPARE(e.accepted, reasons.isEmpty());
    }

    void factsOfARealSeries_data()
    {
        QTest::addColumn<int>("slices");
        QTest::addColumn<double>("spacing");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("30 slices 2 mm apart") << 30 << 2.0 << true;
        QTest::newRow("12 slices") << 12 << 2.0 << false;
        QTest::newRow("30 slices 4 mm apart") << 30 << 4.0 << false;
    }

    void factsOfARealSeries()
    {
        // A phantom chest CT written to disk, read back and assembled as the viewer does.
        QFETCH(int, slices);
        QFETCH(double, spacing);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        dicom::PhantomOptions options;
        options.outputDir = dir.path();
        options.slices = slices;
        options.rows = 64;
        options.columns = 64;
        options.sliceSpacing = spacing;
        options.threads = 1;
        Result<dicom::PhantomResult> phantom = dicom::PhantomGenerator::generate(options);
        QVERIFY2(phantom.ok(), qPrintable(phantom ? QString() : phantom.error().detail()));
        QList<dicom::InstanceInfo> infos;
        for (const QString &file : phantom->files) {
            Result<dicom::DicomFile> f = dicom::DicomFile::open(file);
            QVERIFY(f.ok());
            infos.append(f->info());
        }
        const QList<dicom::Series> series = dicom::SeriesAssembler::assemble(infos);
        QCOMPARE(series.size(), 1);
        const SeriesFacts f = SeriesFacts::of(series.front());
        QCOMPARE(f.seriesInstanceUid, phantom->seriesInstanceUid);
        QCOMPARE(f.modality, u"CT"_s);
        QCOMPARE(f.sliceCount, slices);
        QVERIFY(qAbs(f.sliceSpacingMm - spacing) < 0.01);
        QVERIFY(!f.singleImage);
        const CatalogService *nodule = m_catalog.find(u"chest-ct-nodule"_s);
        QVERIFY(nodule);
        QCOMPARE(ServiceEligibility::check(*nodule, f).accepted, accepted);
        QVERIFY(SeriesFacts::of(series.front(), 5).isEmpty());
    }

    void unknownThicknessIsLeftToTheService()
    {
        // A stack whose thickness and spacing are unknown is not refused here; the platform's
        // own header check (VolumeReader) decides with the files in hand.
        const CatalogService *s = m_catalog.find(QStringLiteral("chest-ct-nodule"));
        QVERIFY(s);
        QVERIFY(ServiceEligibility::check(*s, facts(QStringLiteral("CT"), 40, 0, 0)).accepted);
    }
};

QTEST_GUILESS_MAIN(TestServiceEligibility)
#include "TestServiceEligibility.moc"
