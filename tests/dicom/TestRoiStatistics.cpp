// RoiStatistics: lengths in mm with square and non-square pixels, ellipse statistics of
// regions worked out by hand, the pixel probe and units.
#include "dicom/RoiStatistics.h"

#include <QtEndian>
#include <QtTest>

#include <cmath>
#include <functional>
#include <numbers>

using namespace haip::dicom;

namespace {

Frame greyFrame(int rows, int columns, const std::function<qint64(int, int)> &value, bool isSigned = true)
{
    Frame frame;
    frame.format.rows = rows;
    frame.format.columns = columns;
    frame.format.isSigned = isSigned;
    frame.data.resize(frame.format.frameBytes());
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            qToLittleEndian<qint16>(qint16(value(c, r)), frame.data.data() + 2 * (qsizetype(r) * columns + c));
    return frame;
}

ImagePlane spacing(double rowSpacing, double columnSpacing)
{
    ImagePlane plane;
    plane.rowSpacing = rowSpacing;
    plane.columnSpacing = columnSpacing;
    return plane;
}

} // namespace

class TestRoiStatistics : public QObject
{
    Q_OBJECT

private slots:
    void lengthWithSquarePixels();
    void lengthWithNonSquarePixels();
    void lengthWithoutSpacing();
    void ellipseOfTwoByTwo();
    void ellipseLeavesOutCorners();
    void ellipseInUniformDiscHasNoSpread();
    void ellipseAreaAndRescale();
    void ellipseClippedAtFrameEdge();
    void ellipseRejectsColourAndEmpty();
    void probeValuesAndSamples();
    void unitsFromRescaleType();
};

void TestRoiStatistics::lengthWithSquarePixels()
{
    // 3-4-5 triangle, 0.5 mm pixels: 5 px → 2.5 mm.
    const auto mm = RoiStatistics::lengthMm(spacing(0.5, 0.5), {1.0, 1.0}, {4.0, 5.0});
    QVERIFY(mm.has_value());
    QCOMPARE(*mm, 2.5);
    QCOMPARE(RoiStatistics::lengthPixels({1.0, 1.0}, {4.0, 5.0}), 5.0);
}

void TestRoiStatistics::lengthWithNonSquarePixels()
{
    // Rows 2 mm apart, columns 0.5 mm apart: 10 columns across = 5 mm; 10 rows down = 20 mm.
    const ImagePlane plane = spacing(2.0, 0.5);
    QCOMPARE(*RoiStatistics::lengthMm(plane, {0.0, 0.0}, {10.0, 0.0}), 5.0);
    QCOMPARE(*RoiStatistics::lengthMm(plane, {0.0, 0.0}, {0.0, 10.0}), 20.0);
    QCOMPARE(*RoiStatistics::lengthMm(plane, {0.0, 0.0}, {6.0, 2.0}), 5.0); // 3 mm across, 4 mm down
}

void TestRoiStatistics::lengthWithoutSpacing()
{
    QVERIFY(!RoiStatistics::lengthMm(ImagePlane {}, {0.0, 0.0}, {1.0, 1.0}).has_value());
}

void TestRoiStatistics::ellipseOfTwoByTwo()
{
    // All four pixel centres lie at (±0.5, ±0.5) from the centre, inside the unit circle.
    const Frame frame = greyFrame(2, 2, [](int c, int r) { return 1 + c + 2 * r; });
    const RegionStatistics stats = RoiStatistics::ellipse(frame, DisplayInfo {}, spacing(1.0, 1.0), {0, 0, 2, 2});
    QCOMPARE(stats.pixelCount, 4);
    QCOMPARE(stats.mean, 2.5);
    QCOMPARE(stats.min, 1.0);
    QCOMPARE(stats.max, 4.0);
    // Sample SD of 1, 2, 3, 4: sqrt((2.25 + 0.25 + 0.25 + 2.25) / 3) = sqrt(5/3).
    QVERIFY(std::abs(stats.standardDeviation - std::sqrt(5.0 / 3.0)) < 1e-12);
}

void TestRoiStatistics::ellipseLeavesOutCorners()
{
    // 4×4 image of values 0..15, circle inscribed in it: the corner centres are at
    // (0.75² + 0.75²) = 1.125 > 1 radii and drop out (0, 3, 12, 15); 12 pixels summing to 90.
    const Frame frame = greyFrame(4, 4, [](int c, int r) { return c + 4 * r; });
    const RegionStatistics stats = RoiStatistics::ellipse(frame, DisplayInfo {}, spacing(1.0, 1.0), {0, 0, 4, 4});
    QCOMPARE(stats.pixelCount, 12);
    QCOMPARE(stats.mean, 7.5);
    QCOMPARE(stats.min, 1.0);
    QCOMPARE(stats.max, 14.0);
}

void TestRoiStatistics::ellipseInUniformDiscHasNoSpread()
{
    // A 40 HU disc of radius 20 in −1000 HU air; an ROI of radius 15 inside it.
    const Frame frame =
        greyFrame(64, 64, [](int c, int r) { return std::hypot(c + 0.5 - 32.0, r + 0.5 - 32.0) <= 20.0 ? 40 : -1000; });
    const RegionStatistics inside = RoiStatistics::ellipse(frame, DisplayInfo {}, spacing(0.7, 0.7), {17, 17, 30, 30});
    QCOMPARE(inside.mean, 40.0);
    QCOMPARE(inside.standardDeviation, 0.0);
    QCOMPARE(inside.min, 40.0);
    QCOMPARE(inside.max, 40.0);
    // Pixel count approximates the disc's area π·15² ≈ 706.9.
    QVERIFY(std::abs(inside.pixelCount - std::numbers::pi * 225.0) < 20.0);
}

void TestRoiStatistics::ellipseAreaAndRescale()
{
    // Stored 1064 with intercept −1024 is 40 HU; 0.5 × 0.8 mm pixels; ellipse 20 × 10 px.
    const Frame frame = greyFrame(32, 32, [](int, int) { return 1064; });
    DisplayInfo display;
    display.modality.intercept = -1024.0;
    const RegionStatistics stats = RoiStatistics::ellipse(frame, display, spacing(0.8, 0.5), {4, 8, 20, 10});
    QCOMPARE(stats.mean, 40.0);
    QCOMPARE(stats.areaPixels, std::numbers::pi * 10.0 * 5.0);
    QCOMPARE(stats.areaMm2, std::numbers::pi * 10.0 * 5.0 * 0.8 * 0.5);
}

void TestRoiStatistics::ellipseClippedAtFrameEdge()
{
    // Half the ellipse hangs outside the frame: only pixels inside count.
    const Frame frame = greyFrame(8, 8, [](int c, int) { return c; });
    const RegionStatistics stats = RoiStatistics::ellipse(frame, DisplayInfo {}, spacing(1, 1), {-4, 0, 8, 8});
    QVERIFY(stats.valid());
    QCOMPARE(stats.min, 0.0);
    QVERIFY(stats.max <= 3.0);
}

void TestRoiStatistics::ellipseRejectsColourAndEmpty()
{
    Frame rgb;
    rgb.format.rows = 2;
    rgb.format.columns = 2;
    rgb.format.samplesPerPixel = 3;
    rgb.format.bitsAllocated = 8;
    rgb.format.bitsStored = 8;
    rgb.format.photometric = Photometric::Rgb;
    rgb.data.fill('\x10', rgb.format.frameBytes());
    QVERIFY(!RoiStatistics::ellipse(rgb, DisplayInfo {}, ImagePlane {}, {0, 0, 2, 2}).valid());
    const Frame grey = greyFrame(4, 4, [](int, int) { return 1; });
    QVERIFY(!RoiStatistics::ellipse(grey, DisplayInfo {}, ImagePlane {}, {1, 1, 0, 3}).valid());
    // A tiny ellipse between pixel centres covers none.
    QVERIFY(!RoiStatistics::ellipse(grey, DisplayInfo {}, ImagePlane {}, {0.9, 0.9, 0.2, 0.2}).valid());
}

void TestRoiStatistics::probeValuesAndSamples()
{
    const Frame frame = greyFrame(3, 5, [](int c, int r) { return c * 10 - r; });
    DisplayInfo display;
    display.modality.slope = 2.0;
    display.modality.intercept = -5.0;
    QCOMPARE(*RoiStatistics::valueAt(frame, display, 4, 2), (40.0 - 2.0) * 2.0 - 5.0);
    QVERIFY(!RoiStatistics::valueAt(frame, display, 5, 0).has_value());
    QVERIFY(!RoiStatistics::valueAt(frame, display, 0, -1).has_value());
    QCOMPARE(RoiStatistics::samplesAt(frame, 1, 2), (QList<qint64> {8}));
    QVERIFY(RoiStatistics::samplesAt(frame, 9, 9).isEmpty());
}

void TestRoiStatistics::unitsFromRescaleType()
{
    DisplayInfo display;
    QCOMPARE(RoiStatistics::units(display), QString());
    display.modality.type = QStringLiteral("HU ");
    QCOMPARE(RoiStatistics::units(display), QStringLiteral("HU"));
}

QTEST_GUILESS_MAIN(TestRoiStatistics)
#include "TestRoiStatistics.moc"
