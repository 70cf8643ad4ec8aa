// SeriesAssembler: synthetic instance sets for each rule of SeriesAssembler.h (shuffled and
// reversed stacks, missing geometry, mixed series, localisers, echoes, gaps, gantry tilt,
// sagittal/coronal, multi-frame, duplicates), then a real phantom written by
// PhantomGenerator, renamed and shuffled on disk, read back with DicomFile.
#include "dicom/DicomFile.h"
#include "dicom/Phantom.h"
#include "dicom/SeriesAssembler.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;
using haip::Vec3;
using haip::dicom::ImagePlane;
using haip::dicom::InstanceInfo;
using haip::dicom::Series;
using haip::dicom::SeriesAssembler;
using haip::dicom::Stack;

namespace {

constexpr Vec3 kX {1.0, 0.0, 0.0};
constexpr Vec3 kY {0.0, 1.0, 0.0};
constexpr Vec3 kZ {0.0, 0.0, 1.0};

ImagePlane plane(const Vec3 &position, const Vec3 &row = kX, const Vec3 &column = kY)
{
    ImagePlane p;
    p.hasPosition = true;
    p.hasOrientation = true;
    p.position = position;
    p.rowDirection = row;
    p.columnDirection = column;
    p.rowSpacing = 0.7;
    p.columnSpacing = 0.7;
    return p;
}

// One single-frame image of series `series` (64 × 64, frame of reference "1.9").
InstanceInfo image(const QString &series, int instanceNumber, const ImagePlane &where)
{
    InstanceInfo info;
    info.seriesInstanceUid = series;
    info.studyInstanceUid = u"1.2.study"_s;
    info.sopInstanceUid = u"%1.%2"_s.arg(series).arg(instanceNumber);
    info.path = u"/data/%1.dcm"_s.arg(info.sopInstanceUid);
    info.frameOfReferenceUid = u"1.9"_s;
    info.modality = u"CT"_s;
    info.instanceNumber = instanceNumber;
    info.acquisitionNumber = 1;
    info.hasPixelData = true;
    info.numberOfFrames = 1;
    info.rows = 64;
    info.columns = 64;
    info.plane = where;
    return info;
}

QList<InstanceInfo> shuffled(QList<InstanceInfo> list, quint32 seed)
{
    QRandomGenerator random(seed);
    for (qsizetype i = list.size() - 1; i > 0; --i)
        list.swapItemsAt(i, qsizetype(random.bounded(quint32(i + 1))));
    return list;
}

// The stack as the SOP Instance UIDs (and frames) of its slices, in order.
QStringList order(const Stack &stack, const QList<InstanceInfo> &instances)
{
    QStringList out;
    for (const auto &s : stack.slices)
        out << (s.frame ? u"%1#%2"_s.arg(instances[s.instance].sopInstanceUid).arg(s.frame)
                        : instances[s.instance].sopInstanceUid);
    return out;
}

QStringList uids(const QString &series, std::initializer_list<int> numbers)
{
    QStringList out;
    for (int n : numbers)
        out << u"%1.%2"_s.arg(series).arg(n);
    return out;
}

// Everything that must not depend on input order, as one string.
QString fingerprint(const QList<Series> &all)
{
    QStringList out;
    for (const Series &series : all) {
        out << series.seriesInstanceUid;
        for (const Stack &stack : series.stacks)
            out << order(stack, series.instances).join(u',') + u" %1 %2"_s.arg(stack.spacing).arg(stack.uniformSpacing);
    }
    return out.join(u'\n');
}

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance;
}

} // namespace

class TestSeriesAssembler : public QObject
{
    Q_OBJECT
private slots:
    void testShuffledAxialStack();
    void testReversedAcquisition();
    void testMissingGeometryFallsBackToInstanceNumber();
    void testDegenerateOrientationFallsBack();
    void testMixedSeriesAndStudies();
    void testLocalisersApart();
    void testTwoEchoesAtTheSamePositions();
    void testPhasesSplitByAcquisitionNumber();
    void testMissingSliceMakesSpacingNonUniform();
    void testSpacingTolerance();
    void testGantryTilt();
    void testSagittalAndCoronal();
    void testDifferentMatrixOrFrameOfReference();
    void testMultiFrame();
    void testCineAtOnePosition();
    void testDuplicatesAndNonImages();
    void testOutputDoesNotDependOnInputOrder();
    void testShuffledPhantomOnDisk();
};

void TestSeriesAssembler::testShuffledAxialStack()
{
    QList<InstanceInfo> in;
    for (int i = 0; i < 30; ++i) // instance numbers deliberately unrelated to position
        in << image(u"1.1"_s, 100 - 3 * i, plane({-120.0, -130.0, -50.0 + 2.5 * i}));
    const QList<Series> all = SeriesAssembler::assemble(shuffled(in, 7));
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0].stacks.size(), 1);
    const Stack &stack = all[0].stacks[0];
    QCOMPARE(stack.slices.size(), 30);
    QVERIFY(stack.sortedByGeometry);
    QCOMPARE(stack.normal, kZ * -1.0); // turned to the reading order
    for (int i = 0; i < 30; ++i) {
        const InstanceInfo &info = all[0].instances[stack.slices[i].instance];
        const double z = 22.5 - 2.5 * i; // head → feet
        QCOMPARE(info.plane.position.z, z);
        QCOMPARE(stack.slices[i].location, -z);
    }
    QCOMPARE(stack.spacing, 2.5);
    QVERIFY(stack.uniformSpacing);
    QCOMPARE(all[0].sliceCount(), 30);
}

void TestSeriesAssembler::testReversedAcquisition()
{
    QList<InstanceInfo> in; // feet → head acquisition, handed over in instance order
    for (int i = 0; i < 10; ++i)
        in << image(u"1.1"_s, i + 1, plane({0.0, 0.0, -100.0 + 5.0 * i}));
    const QList<Stack> stacks = SeriesAssembler::buildStacks(in);
    QCOMPARE(stacks.size(), 1);
    QCOMPARE(order(stacks[0], in), uids(u"1.1"_s, {10, 9, 8, 7, 6, 5, 4, 3, 2, 1})); // head first
    QCOMPARE(stacks[0].spacing, 5.0);
}

void TestSeriesAssembler::testMissingGeometryFallsBackToInstanceNumber()
{
    QList<InstanceInfo> in;
    for (int n : {4, 2, 3, 1}) {
        InstanceInfo info = image(u"1.1"_s, n, ImagePlane {});
        in << info;
    }
    InstanceInfo twin = image(u"1.1"_s, 2, ImagePlane {}); // same Instance Number: SOP UID decides
    twin.sopInstanceUid = u"1.1.0"_s;
    in << twin;
    const QList<Series> all = SeriesAssembler::assemble(in);
    QCOMPARE(all[0].stacks.size(), 1);
    const Stack &stack = all[0].stacks[0];
    QVERIFY(!stack.sortedByGeometry);
    QCOMPARE(order(stack, all[0].instances),
             (QStringList {u"1.1.1"_s, u"1.1.0"_s, u"1.1.2"_s, u"1.1.3"_s, u"1.1.4"_s}));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(stack.slices[i].location, double(i));
    QCOMPARE(stack.spacing, 0.0);
    QVERIFY(!stack.uniformSpacing);
}

void TestSeriesAssembler::testDegenerateOrientationFallsBack()
{
    QList<InstanceInfo> in;
    for (int n = 1; n <= 3; ++n) // row and column both along x: no normal
        in << image(u"1.1"_s, n, plane({0.0, 0.0, 10.0 * (4 - n)}, kX, kX));
    in << image(u"1.1"_s, 4, plane({0.0, 0.0, std::nan("")})); // non-finite position
    const QList<Stack> stacks = SeriesAssembler::buildStacks(in);
    QCOMPARE(stacks.size(), 1);
    QVERIFY(!stacks[0].sortedByGeometry);
    QCOMPARE(order(stacks[0], in), uids(u"1.1"_s, {1, 2, 3, 4}));
}

void TestSeriesAssembler::testMixedSeriesAndStudies()
{
    QList<InstanceInfo> in;
    for (int i = 0; i < 5; ++i) {
        InstanceInfo a = image(u"1.5"_s, i + 1, plane({0.0, 0.0, 3.0 * i}));
        a.seriesNumber = 5;
        InstanceInfo b = image(u"1.2"_s, i + 1, plane({0.0, 0.0, 3.0 * i}));
        b.seriesNumber = 2;
        InstanceInfo c = image(u"2.1"_s, i + 1, plane({0.0, 0.0, 3.0 * i}));
        c.studyInstanceUid = u"1.1.earlier-study"_s;
        c.studyDate = u"20200101"_s;
        c.seriesNumber = 9;
        in << a << b << c;
    }
    for (InstanceInfo &info : in) {
        if (info.studyDate.isEmpty())
            info.studyDate = u"20240101"_s;
    }
    const QList<Series> all = SeriesAssembler::assemble(shuffled(in, 3));
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[0].seriesInstanceUid, u"2.1"_s); // the earlier study first
    QCOMPARE(all[1].seriesInstanceUid, u"1.2"_s); // then by Series Number
    QCOMPARE(all[2].seriesInstanceUid, u"1.5"_s);
    for (const Series &series : all) {
        QCOMPARE(series.instances.size(), 5);
        QCOMPARE(series.stacks.size(), 1);
        QCOMPARE(order(series.stacks[0], series.instances), uids(series.seriesInstanceUid, {5, 4, 3, 2, 1}));
        for (const InstanceInfo &info : series.instances)
            QCOMPARE(info.seriesInstanceUid, series.seriesInstanceUid);
    }
    QCOMPARE(all[1].seriesNumber, 2);
    QCOMPARE(all[0].studyInstanceUid, u"1.1.earlier-study"_s);
}

void TestSeriesAssembler::testLocalisersApart()
{
    QList<InstanceInfo> in;
    in << image(u"1.1"_s, 1, plane({0.0, -200.0, 150.0}, kX, Vec3 {0.0, 0.0, -1.0})); // coronal
    in << image(u"1.1"_s, 2, plane({0.0, -200.0, 150.0}, kY, Vec3 {0.0, 0.0, -1.0})); // sagittal
    for (int i = 0; i < 20; ++i)
        in << image(u"1.1"_s, 3 + i, plane({0.0, 0.0, 5.0 * i}));
    in = shuffled(in, 11);
    const QList<Stack> stacks = SeriesAssembler::buildStacks(in);
    QCOMPARE(stacks.size(), 3);
    QCOMPARE(stacks[0].slices.size(), 20); // the main stack first
    QCOMPARE(order(stacks[0], in).first(), u"1.1.22"_s); // the most superior slice
    QCOMPARE(stacks[0].normal, kZ * -1.0);
    QCOMPARE(stacks[0].spacing, 5.0);
    QCOMPARE(order(stacks[1], in), QStringList {u"1.1.1"_s}); // then the localisers in instance order
    QCOMPARE(order(stacks[2], in), QStringList {u"1.1.2"_s});
    QCOMPARE(stacks[1].normal, (Vec3 {0.0, 1.0, 0.0}));
    QCOMPARE(stacks[2].normal, (Vec3 {1.0, 0.0, 0.0})); // y × −z = −x, turned to right → left
    QVERIFY(stacks[1].uniformSpacing);
    QCOMPARE(stacks[1].spacing, 0.0);
}

void TestSeriesAssembler::testTwoEchoesAtTheSamePositions()
{
    QList<InstanceInfo> in; // interleaved: echo 1 and echo 2 of slice 1, then of slice 2…
    for (int i = 0; i < 10; ++i) {
        in << image(u"1.1"_s, 2 * i + 1, plane({0.0, 0.0, 4.0 * i}));
        in << image(u"1.1"_s, 2 * i + 2, plane({0.0, 0.0, 4.0 * i}));
    }
    const QList<Series> all = SeriesAssembler::assemble(shuffled(in, 5));
    QCOMPARE(all[0].stacks.size(), 2);
    QCOMPARE(order(all[0].stacks[0], all[0].instances), uids(u"1.1"_s, {19, 17, 15, 13, 11, 9, 7, 5, 3, 1}));
    QCOMPARE(order(all[0].stacks[1], all[0].instances), uids(u"1.1"_s, {20, 18, 16, 14, 12, 10, 8, 6, 4, 2}));
    for (const Stack &stack : all[0].stacks) {
        QVERIFY(stack.sortedByGeometry);
        QCOMPARE(stack.spacing, 4.0);
        QVERIFY(stack.uniformSpacing);
    }
}

void TestSeriesAssembler::testPhasesSplitByAcquisitionNumber()
{
    // Two phases at the same six positions, numbered so that Instance Number alone would mix
    // them: Acquisition Number must tell them apart.
    QList<InstanceInfo> in;
    for (int i = 0; i < 6; ++i) {
        InstanceInfo arterial = image(u"1.1"_s, i % 2 ? 30 + i : 10 + i, plane({0.0, 0.0, 2.0 * i}));
        arterial.acquisitionNumber = 1;
        InstanceInfo venous = image(u"1.1"_s, i % 2 ? 10 + i : 30 + i, plane({0.0, 0.0, 2.0 * i}));
        venous.acquisitionNumber = 2;
        in << venous << arterial;
    }
    const QList<Stack> stacks = SeriesAssembler::buildStacks(in);
    QCOMPARE(stacks.size(), 2);
    QCOMPARE(order(stacks[0], in), uids(u"1.1"_s, {35, 14, 33, 12, 31, 10}));
    QCOMPARE(order(stacks[1], in), uids(u"1.1"_s, {15, 34, 13, 32, 11, 30}));
}

void TestSeriesAssembler::testMissingSliceMakesSpacingNonUniform()
{
    QList<InstanceInfo> in;
    int n = 0;
    for (double z : {0.0, 2.0, 4.0, 8.0, 10.0, 12.0, 14.0}) // 6.0 missing
        in << image(u"1.1"_s, ++n, plane({0.0, 0.0, z}));
    in = shuffled(in, 2);
    const QList<Stack> stacks = SeriesAssembler::buildStacks(in);
    QCOMPARE(stacks.size(), 1);
    QCOMPARE(order(stacks[0], in), uids(u"1.1"_s, {7, 6, 5, 4, 3, 2, 1}));
    QCOMPARE(stacks[0].spacing, 2.0);
    QVERIFY(!stacks[0].uniformSpacing);
}

void TestSeriesAssembler::testSpacingTolerance()
{
    QList<InstanceInfo> in; // 3 mm, gaps 2.99 and 3.01 (within 1 %), as rounded DS strings give
    for (int i = 0; i < 8; ++i)
        in << image(u"1.1"_s, i + 1, plane({0.0, 0.0, 3.0 * i + (i % 2 ? 0.01 : 0.0)}));
    QVERIFY(SeriesAssembler::buildStacks(in)[0].uniformSpacing);
    in.clear(); // 0.5 mm, gaps 0.496 and 0.504: beyond 1 % but within the 0.01 mm floor
    for (int i = 0; i < 8; ++i)
        in << image(u"1.1"_s, i + 1, plane({0.0, 0.0, 0.5 * i + (i % 2 ? 0.004 : 0.0)}));
    QVERIFY(SeriesAssembler::buildStacks(in)[0].uniformSpacing);
    in.clear(); // 3 mm with one gap of 3.1: beyond 1 %
    for (int i = 0; i < 8; ++i)
        in << image(u"1.1"_s, i + 1, plane({0.0, 0.0, 3.0 * i + (i >= 4 ? 0.1 : 0.0)}));
    const Stack stack = SeriesAssembler::buildStacks(in)[0];
    QVERIFY(!stack.uniformSpacing);
    QCOMPARE(stack.spacing, 3.0);
}

void TestSeriesAssembler::testGantryTilt()
{
    const double tilt = 15.0 * std::numbers::pi / 180.0;
    const Vec3 column {0.0, std::cos(tilt), std::sin(tilt)}; // image plane tilted about x
    QList<InstanceInfo> in;
    for (int i = 0; i < 12; ++i) // the table moves along z, not along the tilted normal
        in << image(u"1.1"_s, i + 1, plane({-100.0, -100.0, 5.0 * i}, kX, column));
    in = shuffled(in, 9);
    const QList<Stack> stacks = SeriesAssembler::buildStacks(in);
    QCOMPARE(stacks.size(), 1);
    QVERIFY(stacks[0].sortedByGeometry);
    QCOMPARE(order(stacks[0], in), uids(u"1.1"_s, {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
    QVERIFY(near(stacks[0].spacing, 5.0 * std::cos(tilt)));
    QVERIFY(stacks[0].uniformSpacing);
}

void TestSeriesAssembler::testSagittalAndCoronal()
{
    const Vec3 down {0.0, 0.0, -1.0};
    QList<InstanceInfo> sagittal; // normal = y × −z = −x, turned: sorted from patient right to left
    for (int i = 0; i < 9; ++i)
        sagittal << image(u"1.1"_s, i + 1, plane({-40.0 + 10.0 * i, -100.0, 100.0}, kY, down));
    sagittal = shuffled(sagittal, 4);
    QList<Stack> stacks = SeriesAssembler::buildStacks(sagittal);
    QCOMPARE(stacks.size(), 1);
    QCOMPARE(stacks[0].normal, (Vec3 {1.0, 0.0, 0.0}));
    QCOMPARE(order(stacks[0], sagittal), uids(u"1.1"_s, {1, 2, 3, 4, 5, 6, 7, 8, 9}));
    QCOMPARE(stacks[0].spacing, 10.0);

    QList<InstanceInfo> coronal; // normal = x × −z = +y: anterior → posterior
    for (int i = 0; i < 7; ++i)
        coronal << image(u"1.2"_s, i + 1, plane({-100.0, 30.0 - 6.0 * i, 100.0}, kX, down));
    coronal = shuffled(coronal, 6);
    stacks = SeriesAssembler::buildStacks(coronal);
    QCOMPARE(stacks.size(), 1);
    QCOMPARE(stacks[0].normal, (Vec3 {0.0, 1.0, 0.0}));
    QCOMPARE(order(stacks[0], coronal), uids(u"1.2"_s, {7, 6, 5, 4, 3, 2, 1}));
    QCOMPARE(stacks[0].spacing, 6.0);
}

void TestSeriesAssembler::testDifferentMatrixOrFrameOfReference()
{
    QList<InstanceInfo> in;
    for (int i = 0; i < 4; ++i) {
        in << image(u"1.1"_s, i + 1, plane({0.0, 0.0, 2.0 * i}));
        InstanceInfo big = image(u"1.1"_s, 10 + i, plane({0.0, 0.0, 2.0 * i + 1.0}));
        big.rows = big.columns = 128;
        InstanceInfo other = image(u"1.1"_s, 20 + i, plane({0.0, 0.0, 2.0 * i + 0.5}));
        other.frameOfReferenceUid = u"1.8"_s;
        in << big << other;
    }
    const QList<Stack> stacks = SeriesAssembler::buildStacks(in);
    QCOMPARE(stacks.size(), 3);
    QCOMPARE(order(stacks[0], in), uids(u"1.1"_s, {4, 3, 2, 1}));
    QCOMPARE(order(stacks[1], in), uids(u"1.1"_s, {13, 12, 11, 10}));
    QCOMPARE(order(stacks[2], in), uids(u"1.1"_s, {23, 22, 21, 20}));
}

void TestSeriesAssembler::testMultiFrame()
{
    InstanceInfo enhanced = image(u"1.1"_s, 1, plane({0.0, 0.0, 0.0}));
    enhanced.numberOfFrames = 12;
    for (int f = 0; f < 12; ++f) // frames stored feet → head
        enhanced.framePlanes << plane({0.0, 0.0, 3.0 * f});
    const QList<Stack> stacks = SeriesAssembler::buildStacks({enhanced});
    QCOMPARE(stacks.size(), 1);
    QCOMPARE(stacks[0].slices.size(), 12);
    for (int i = 0; i < 12; ++i) {
        QCOMPARE(stacks[0].slices[i].instance, 0);
        QCOMPARE(stacks[0].slices[i].frame, 11 - i); // head first
        QCOMPARE(stacks[0].slices[i].location, 3.0 * i - 33.0);
    }
    QCOMPARE(stacks[0].spacing, 3.0);
    QVERIFY(stacks[0].sortedByGeometry);
}

void TestSeriesAssembler::testCineAtOnePosition()
{
    InstanceInfo cine = image(u"1.1"_s, 1, plane({0.0, 0.0, 10.0}));
    cine.numberOfFrames = 25; // every frame shares the plane
    const QList<Stack> stacks = SeriesAssembler::buildStacks({cine});
    QCOMPARE(stacks.size(), 1);
    QCOMPARE(stacks[0].slices.size(), 25);
    for (int f = 0; f < 25; ++f)
        QCOMPARE(stacks[0].slices[f].frame, f);
    QVERIFY(!stacks[0].sortedByGeometry);
    QCOMPARE(stacks[0].spacing, 0.0);
}

void TestSeriesAssembler::testDuplicatesAndNonImages()
{
    QList<InstanceInfo> in;
    for (int i = 0; i < 5; ++i)
        in << image(u"1.1"_s, i + 1, plane({0.0, 0.0, 1.5 * i}));
    InstanceInfo copy = in[2]; // the same instance met twice (DICOMDIR and folder scan)
    copy.path = u"/cd/DICOM/IM3"_s;
    in << copy;
    InstanceInfo report = image(u"1.1"_s, 50, ImagePlane {}); // an SR in the series
    report.hasPixelData = false;
    report.numberOfFrames = 0;
    in << report;
    const QList<Series> all = SeriesAssembler::assemble(in);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0].instances.size(), 6);
    QCOMPARE(all[0].stacks.size(), 1);
    QCOMPARE(order(all[0].stacks[0], all[0].instances), uids(u"1.1"_s, {5, 4, 3, 2, 1}));
    QVERIFY(all[0].stacks[0].uniformSpacing);
    QCOMPARE(all[0].instances[2].path, u"/cd/DICOM/IM3"_s); // the smaller path of the two copies
}

void TestSeriesAssembler::testOutputDoesNotDependOnInputOrder()
{
    QList<InstanceInfo> in;
    for (int i = 0; i < 8; ++i) {
        in << image(u"1.1"_s, 2 * i + 1, plane({0.0, 0.0, 4.0 * i}));
        in << image(u"1.1"_s, 2 * i + 2, plane({0.0, 0.0, 4.0 * i}));
        in << image(u"1.3"_s, i + 1, ImagePlane {});
        in << image(u"1.2"_s, i + 1, plane({0.0, 2.0 * i, 0.0}, kX, Vec3 {0.0, 0.0, -1.0}));
    }
    in << image(u"1.2"_s, 99, plane({0.0, 0.0, 0.0}));
    const QString expected = fingerprint(SeriesAssembler::assemble(in));
    for (quint32 seed = 1; seed <= 20; ++seed)
        QCOMPARE(fingerprint(SeriesAssembler::assemble(shuffled(in, seed))), expected);
}

// A real CT series: PhantomGenerator writes it, the files are renamed at random and read back
// in directory order with DicomFile; the assembled order and spacing must be the phantom's.
void TestSeriesAssembler::testShuffledPhantomOnDisk()
{
    QTemporaryDir written;
    QTemporaryDir renamed;
    QVERIFY(written.isValid() && renamed.isValid());
    haip::dicom::PhantomOptions options;
    options.kind = haip::dicom::PhantomKind::ChestCt;
    options.outputDir = written.path();
    options.slices = 40;
    options.rows = 64;
    options.columns = 64;
    options.sliceSpacing = 2.5;
    options.threads = 2;
    const auto phantom = haip::dicom::PhantomGenerator::generate(options);
    QVERIFY2(phantom.ok(), qPrintable(phantom.ok() ? QString() : phantom.error().message()));
    QCOMPARE(phantom->files.size(), 40);

    QStringList expected; // SOP Instance UIDs in the phantom's slice order
    QRandomGenerator random(42);
    for (const QString &path : phantom->files) {
        const auto file = haip::dicom::DicomFile::open(path, haip::dicom::DicomFile::Content::HeaderOnly);
        QVERIFY(file.ok());
        expected << file->info().sopInstanceUid;
        const QString name = u"%1.dcm"_s.arg(random.generate64(), 16, 16, QLatin1Char('0'));
        QVERIFY(QFile::copy(path, QDir(renamed.path()).filePath(name)));
    }

    QList<InstanceInfo> headers;
    for (const QString &name : QDir(renamed.path()).entryList(QDir::Files, QDir::Name)) {
        const auto file = haip::dicom::DicomFile::open(QDir(renamed.path()).filePath(name),
                                                       haip::dicom::DicomFile::Content::HeaderOnly);
        QVERIFY2(file.ok(), qPrintable(name));
        headers << file->info();
    }
    QStringList readOrder;
    for (const InstanceInfo &info : headers)
        readOrder << info.sopInstanceUid;
    QVERIFY(readOrder != expected); // the shuffle really shuffled
    std::reverse(expected.begin(), expected.end()); // the phantom writes feet → head; stacks read head → feet

    const QList<Series> all = SeriesAssembler::assemble(headers);
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0].seriesInstanceUid, phantom->seriesInstanceUid);
    QCOMPARE(all[0].studyInstanceUid, phantom->studyInstanceUid);
    QCOMPARE(all[0].stacks.size(), 1);
    const Stack &stack = all[0].stacks[0];
    QVERIFY(stack.sortedByGeometry);
    QCOMPARE(order(stack, all[0].instances), expected);
    QVERIFY2(near(stack.spacing, options.sliceSpacing, 1e-4), qPrintable(QString::number(stack.spacing)));
    QVERIFY(stack.uniformSpacing);
}

QTEST_GUILESS_MAIN(TestSeriesAssembler)
#include "TestSeriesAssembler.moc"
