// dicom::SegmentPlacement: a SEG written by the platform's SegmentationWriter over a chest
// phantom lands on the slices that cut each planted lesion, its voxels centre on the planted
// centre and its volume matches the sphere; SEGs that do not fit (another frame of reference,
// flipped or rotated orientation, frames shifted along the normal or in plane, a source image
// not in the series, another matrix or pixel size) are refused with a reason that says so.
#include "SegmentationTestKit.h"
#include "common/Library.h"
#include "dicom/SegmentPlacement.h"
#include "dicom/SegmentationReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <cmath>
#include <memory>
#include <numbers>

using namespace haip;
using namespace haip::test;
using namespace Qt::StringLiterals;

class TestSegmentPlacement : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void placesFramesOnTheSlicesOfTheLesions();
    void measuresVolumesOfThePlantedSpheres();
    void findsTheRegionOfASegment();
    void placesFractionalMap();
    void refusesSegmentationsThatDoNotFit_data();
    void refusesSegmentationsThatDoNotFit();
    void refusesAgainstAnotherSeries();

private:
    Result<dicom::PlacedSegmentation> placeBytes(const QByteArray &bytes) const;

    std::unique_ptr<LibraryScope> m_library;
    QTemporaryDir m_dir;
    SegFixture m_fixture;
    QByteArray m_binary;
};

Result<dicom::PlacedSegmentation> TestSegmentPlacement::placeBytes(const QByteArray &bytes) const
{
    Result<dicom::Segmentation> seg = dicom::SegmentationReader::fromBytes(bytes, u"seg"_s);
    if (!seg)
        return seg.error();
    return dicom::SegmentPlacement::place(m_fixture.series, std::make_shared<const dicom::Segmentation>(*seg));
}

void TestSegmentPlacement::initTestCase()
{
    m_library = std::make_unique<LibraryScope>();
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(makeChestFixture(m_dir.filePath(u"ct"_s), FixtureOptions {}, m_fixture, error), qPrintable(error));
    Result<QByteArray> binary = writeLesionSegmentation(m_fixture, false);
    QVERIFY2(binary, qPrintable(binary ? QString() : binary.error().detail()));
    m_binary = *binary;
}

void TestSegmentPlacement::placesFramesOnTheSlicesOfTheLesions()
{
    Result<dicom::PlacedSegmentation> placed = placeBytes(m_binary);
    QVERIFY2(placed, qPrintable(placed ? QString() : placed.error().message()));
    const dicom::Series &series = m_fixture.series;
    const dicom::Stack &stack = series.stacks[0];
    QCOMPARE(placed->stack, 0);
    QCOMPARE(placed->sliceCount, stack.slices.size());
    const dicom::Segmentation &seg = *placed->segmentation;
    QCOMPARE(placed->sliceOfFrame.size(), seg.frames.size());
    for (int n = 1; n <= m_fixture.lesions.size(); ++n) {
        const PlantedLesion &lesion = m_fixture.lesions[n - 1];
        // Voxel-weighted centroid in patient mm, through the slices the frames were placed on.
        Vec3 sum;
        double count = 0;
        QSet<int> slices;
        for (int f = 0; f < seg.frames.size(); ++f) {
            const dicom::SegmentationFrame &frame = seg.frames[f];
            if (frame.segmentNumber != n)
                continue;
            const int slice = placed->sliceOfFrame[f];
            QVERIFY(placed->framesOnSlice(slice).contains(f));
            slices.insert(slice);
            const dicom::ImagePlane &p = series.instances[stack.slices[slice].instance].plane;
            const double dz = std::abs((lesion.centre - p.position).dot(p.normal()));
            QVERIFY2(dz < lesion.diameter / 2.0,
                     qPrintable(u"%1 drawn on slice %2, %3 mm from its centre"_s.arg(lesion.id).arg(slice).arg(dz)));
            for (int r = 0; r < seg.rows; ++r)
                for (int c = 0; c < seg.columns; ++c)
                    if (frame.pixels[r * seg.columns + c] != 0) {
                        sum = sum + p.position + p.rowDirection * (c * p.columnSpacing) +
                            p.columnDirection * (r * p.rowSpacing);
                        ++count;
                    }
        }
        // Every slice whose centre lies inside the sphere by more than a pixel holds a frame.
        for (int i = 0; i < stack.slices.size(); ++i) {
            const dicom::ImagePlane &p = series.instances[stack.slices[i].instance].plane;
            const double dz = std::abs((lesion.centre - p.position).dot(p.normal()));
            if (dz < lesion.diameter / 2.0 - p.columnSpacing)
                QVERIFY2(slices.contains(i), qPrintable(u"%1 missing on slice %2"_s.arg(lesion.id).arg(i)));
        }
        QVERIFY(count > 0);
        const Vec3 centroid = sum * (1.0 / count);
        // Within 1.5 mm; a 4–6 mm nodule is a handful of 2.9 mm pixels: within its radius.
        const double tolerance = lesion.diameter >= 8.0 ? 1.5 : lesion.diameter / 2.0;
        QVERIFY2((centroid - lesion.centre).length() < tolerance,
                 qPrintable(u"%1: centroid %2 mm from the planted centre"_s.arg(lesion.id).arg(
                     (centroid - lesion.centre).length())));
    }
}

void TestSegmentPlacement::measuresVolumesOfThePlantedSpheres()
{
    Result<dicom::PlacedSegmentation> placed = placeBytes(m_binary);
    QVERIFY(placed);
    QCOMPARE(placed->sliceSpacing, 4.0);
    QCOMPARE(placed->measures.size(), m_fixture.lesions.size());
    const double voxelMl = placed->rowSpacing * placed->columnSpacing * placed->sliceSpacing / 1000.0;
    for (const dicom::SegmentMeasure &m : std::as_const(placed->measures)) {
        const PlantedLesion &lesion = m_fixture.lesions[m.segmentNumber - 1];
        QCOMPARE(m.volumeMl, m.voxels * voxelMl);
        // Spheres of ≥ 8 mm on a 2.9 × 2.9 × 4 mm grid: within 35 % of 4/3 π r³.
        const double r = lesion.diameter / 2.0;
        const double sphereMl = 4.0 / 3.0 * std::numbers::pi * r * r * r / 1000.0;
        if (lesion.diameter >= 8.0)
            QVERIFY2(std::abs(m.volumeMl - sphereMl) < 0.35 * sphereMl,
                     qPrintable(u"%1: %2 mL for a sphere of %3 mL"_s.arg(lesion.id).arg(m.volumeMl).arg(sphereMl)));
        QVERIFY(m.slices >= 1);
    }
}

void TestSegmentPlacement::findsTheRegionOfASegment()
{
    Result<dicom::PlacedSegmentation> placed = placeBytes(m_binary);
    QVERIFY(placed);
    const dicom::Series &series = m_fixture.series;
    for (int n = 1; n <= m_fixture.lesions.size(); ++n) {
        const std::optional<dicom::SegmentRegion> region = placed->regionOf(n);
        QVERIFY(region.has_value());
        const PlantedLesion &lesion = m_fixture.lesions[n - 1];
        const dicom::ImagePlane &p = series.instances[series.stacks[0].slices[region->slice].instance].plane;
        // The largest cut is the slice nearest the centre (within half a slice).
        QVERIFY(std::abs((lesion.centre - p.position).dot(p.normal())) <= 2.0 + 1e-6);
        const Vec3 d = lesion.centre - p.position;
        const QPointF centre(d.dot(p.rowDirection) / p.columnSpacing, d.dot(p.columnDirection) / p.rowSpacing);
        QVERIFY(QRectF(region->imageRect).adjusted(-1, -1, 1, 1).contains(centre));
    }
    QVERIFY(!placed->regionOf(99).has_value());
}

void TestSegmentPlacement::placesFractionalMap()
{
    Result<QByteArray> bytes = writeLesionSegmentation(m_fixture, true);
    QVERIFY(bytes);
    Result<dicom::PlacedSegmentation> placed = placeBytes(*bytes);
    QVERIFY2(placed, qPrintable(placed ? QString() : placed.error().message()));
    // PROBABILITY counts the pixels at 50 % or more: exactly those the writer was given.
    const dicom::Stack &stack = m_fixture.series.stacks[0];
    for (const dicom::SegmentMeasure &m : std::as_const(placed->measures)) {
        int expected = 0;
        for (int k = 0; k < stack.slices.size(); ++k)
            for (char v : lesionFrame(m_fixture, m.segmentNumber, k, true))
                expected += 2 * int(quint8(v)) >= 255 ? 1 : 0;
        QCOMPARE(m.voxels, double(expected));
    }
}

void TestSegmentPlacement::refusesSegmentationsThatDoNotFit_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    const QByteArray seg = m_binary;
    const double spacing = m_fixture.series.stacks[0].spacing;
    const auto edited = [&seg](const std::function<void(DcmDataset &)> &edit) {
        return editDataset(seg, edit);
    };
    // Frame 1's Image Position (Patient), moved by `offset`.
    const auto moved = [&](const Vec3 &offset, int frame) {
        return edited([offset, frame](DcmDataset &set) {
            for (long i = 0;; ++i) {
                DcmItem *item = nullptr, *position = nullptr;
                if (set.findAndGetSequenceItem(DCM_PerFrameFunctionalGroupsSequence, item, i).bad())
                    break;
                if ((frame >= 0 && i != frame) ||
                    item->findAndGetSequenceItem(DCM_PlanePositionSequence, position, 0).bad())
                    continue;
                Float64 x = 0, y = 0, z = 0;
                position->findAndGetFloat64(DCM_ImagePositionPatient, x, 0);
                position->findAndGetFloat64(DCM_ImagePositionPatient, y, 1);
                position->findAndGetFloat64(DCM_ImagePositionPatient, z, 2);
                const QString value = u"%1\\%2\\%3"_s.arg(x + offset.x, 0, 'f', 4)
                                          .arg(y + offset.y, 0, 'f', 4)
                                          .arg(z + offset.z, 0, 'f', 4);
                position->putAndInsertString(DCM_ImagePositionPatient, value.toLatin1().constData());
            }
        });
    };
    const auto orientation = [&](const char *iop) {
        return edited([iop](DcmDataset &set) {
            setInFunctionalGroups(set, false, 0x0020, 0x9116, 0x0020, 0x0037, QString::fromLatin1(iop));
        });
    };

    QTest::newRow("another frame of reference")
        << edited([](DcmDataset &set) { set.putAndInsertString(DCM_FrameOfReferenceUID, "2.25.1234567890"); })
        << u"frame of reference 2.25.1234567890 is not that of the images"_s;
    QTest::newRow("rows mirrored (flipped left-right)")
        << orientation("-1\\0\\0\\0\\1\\0") << u"oriented differently from the images"_s;
    QTest::newRow("upside down (normal flipped)")
        << orientation("1\\0\\0\\0\\-1\\0") << u"oriented differently from the images"_s;
    QTest::newRow("rotated 90°") << orientation("0\\1\\0\\-1\\0\\0") << u"oriented differently from the images"_s;
    QTest::newRow("tilted 3°") << orientation("1\\0\\0\\0\\0.99863\\0.05234")
                               << u"oriented differently from the images"_s;
    QTest::newRow("frame 1 one slice off its source") << moved(Vec3 {0, 0, spacing}, 0) << u"but was made from slice"_s;
    QTest::newRow("every frame 1 mm off its source")
        << moved(Vec3 {0, 0, 1.0}, -1) << u"lies 1.00 mm from its source image"_s;
    QTest::newRow("frame 1 beyond the end of the stack")
        << moved(Vec3 {0, 0, 3 * spacing}, 0) << u"from the nearest slice"_s;
    QTest::newRow("shifted 0.5 mm in plane") << moved(Vec3 {0.5, 0, 0}, -1) << u"within the slice plane"_s;
    QTest::newRow("source image not in the series") << edited([](DcmDataset &set) {
        DcmItem *item = nullptr, *derivation = nullptr, *source = nullptr;
        set.findAndGetSequenceItem(DCM_PerFrameFunctionalGroupsSequence, item, 2);
        item->findAndGetSequenceItem(DCM_DerivationImageSequence, derivation, 0);
        derivation->findAndGetSequenceItem(DCM_SourceImageSequence, source, 0);
        source->putAndInsertString(DCM_ReferencedSOPInstanceUID, "2.25.42");
    }) << u"made from image 2.25.42, which is not in this series"_s;
    QTest::newRow("another matrix") << edited([](DcmDataset &set) { set.putAndInsertUint16(DCM_Columns, 120); })
                                    << u"has 120 × 123 pixels but its image has 125 × 123"_s;
    QTest::newRow("another pixel size") << edited([](DcmDataset &set) {
        setInFunctionalGroups(set, false, 0x0028, 0x9110, 0x0028, 0x0030, u"1\\1"_s);
    }) << u"has pixels of 1 × 1 mm"_s;
}

void TestSegmentPlacement::refusesSegmentationsThatDoNotFit()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    QVERIFY(!bytes.isEmpty());
    Result<dicom::PlacedSegmentation> placed = placeBytes(bytes);
    QVERIFY2(!placed, "a SEG that does not fit was placed");
    QVERIFY2(placed.error().code() == ErrorCode::SegmentationMismatch,
             qPrintable(placed.error().codeName() + u" "_s + placed.error().detail()));
    QVERIFY2(placed.error().detail().contains(reason), qPrintable(placed.error().detail()));
    QVERIFY(placed.error().message().contains(placed.error().detail()));
}

void TestSegmentPlacement::refusesAgainstAnotherSeries()
{
    // The same anatomy scanned again (another phantom run): another frame of reference and
    // other instances, so the SEG must not be drawn on it.
    SegFixture other;
    QString error;
    FixtureOptions options;
    options.slices = 12;
    options.sliceSpacing = 16.0;
    options.seed = 2;
    QVERIFY2(makeChestFixture(m_dir.filePath(u"other"_s), options, other, error), qPrintable(error));
    Result<dicom::Segmentation> seg = dicom::SegmentationReader::fromBytes(m_binary, u"seg"_s);
    QVERIFY(seg);
    Result<dicom::PlacedSegmentation> placed =
        dicom::SegmentPlacement::place(other.series, std::make_shared<const dicom::Segmentation>(*seg));
    QVERIFY(!placed);
    QCOMPARE(placed.error().code(), ErrorCode::SegmentationMismatch);
}

QTEST_GUILESS_MAIN(TestSegmentPlacement)
#include "TestSegmentPlacement.moc"
