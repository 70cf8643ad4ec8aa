// WindowLevelRenderer against the standard's formulas, computed independently here:
// PS3.3 C.11.2.1.2.1 (LINEAR), C.11.2.1.3.1 (SIGMOID), C.11.2.1.3.2 (LINEAR_EXACT), VOI LUT
// tables, rescale and modality LUT tables, MONOCHROME1, signed and 8/16/32-bit data, palette
// colour and RGB.
#include "dicom/WindowLevelRenderer.h"

#include <QtEndian>
#include <QtTest>

#include <cmath>
#include <functional>

using namespace haip::dicom;

namespace {

template <typename T>
Frame makeFrame(int rows, int columns, const QList<qint64> &values, int bitsStored, bool isSigned, int samples = 1)
{
    Frame frame;
    frame.format.rows = rows;
    frame.format.columns = columns;
    frame.format.samplesPerPixel = samples;
    frame.format.bitsAllocated = int(sizeof(T)) * 8;
    frame.format.bitsStored = bitsStored;
    frame.format.highBit = bitsStored - 1;
    frame.format.isSigned = isSigned;
    frame.format.photometric = samples == 3 ? Photometric::Rgb : Photometric::Monochrome2;
    frame.data.resize(qsizetype(rows) * columns * samples * qsizetype(sizeof(T)));
    for (qsizetype i = 0; i < values.size(); ++i)
        qToLittleEndian<T>(T(values[i]), frame.data.data() + i * qsizetype(sizeof(T)));
    return frame;
}

// Rounds the formula's real output to the nearest 8-bit level.
int level(double y)
{
    return int(std::clamp(std::floor(y + 0.5), 0.0, 255.0));
}

// PS3.3 C.11.2.1.2.1, written out as the standard states it (ymin 0, ymax 255).
int linearReference(double x, double c, double w)
{
    if (x <= c - 0.5 - (w - 1) / 2)
        return 0;
    if (x > c - 0.5 + (w - 1) / 2)
        return 255;
    return level(((x - (c - 0.5)) / (w - 1) + 0.5) * 255.0);
}

// PS3.3 C.11.2.1.3.2.
int linearExactReference(double x, double c, double w)
{
    if (x <= c - w / 2)
        return 0;
    if (x > c + w / 2)
        return 255;
    return level(((x - c) / w + 0.5) * 255.0);
}

// PS3.3 C.11.2.1.3.1.
int sigmoidReference(double x, double c, double w)
{
    return level(255.0 / (1.0 + std::exp(-4.0 * (x - c) / w)));
}

QList<int> pixels(const QImage &image)
{
    QList<int> out;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            out.append(qGray(image.pixel(x, y)));
    return out;
}

QList<qint64> sweep(qint64 from, qint64 to, qint64 step)
{
    QList<qint64> values;
    for (qint64 v = from; v <= to; v += step)
        values.append(v);
    return values;
}

} // namespace

class TestWindowLevelRenderer : public QObject
{
    Q_OBJECT

private slots:
    void linearWindowKnownValues();
    void linearWindowSweepMatchesStandard();
    void linearExactMatchesStandard();
    void sigmoidMatchesStandard();
    void monochrome1IsInverted();
    void userInversionOnTopOfMonochrome1();
    void signedDataWithRescale();
    void modalityLutTable();
    void voiLutTable();
    void eightBitData();
    void thirtyTwoBitData_data();
    void thirtyTwoBitData();
    void paletteColor_data();
    void paletteColor();
    void rgbAndInvert();
    void regionIsSubRectOfWhole();
    void largeFrameRenderedInParallelMatches();
    void invalidFrameGivesNullImage();
    void defaultSettingsFromFileWindow();
    void defaultSettingsFromVoiLut();
    void defaultSettingsFromMinMax();
    void defaultSettingsForColour();
    void modalityRangeOfFrame();
};

void TestWindowLevelRenderer::linearWindowKnownValues()
{
    // CT: stored = HU + 1024; window C 40 / W 400. Values worked by hand from C.11.2.1.2.1:
    // the lower bound is 40 - 0.5 - 199.5 = -160, the upper 40 - 0.5 + 199.5 = 239.
    const QList<qint64> hu {-1000, -160, -159, 0, 40, 239, 240, 3000};
    QList<qint64> stored;
    for (qint64 h : hu)
        stored.append(h + 1024);
    const Frame frame = makeFrame<quint16>(1, int(stored.size()), stored, 12, false);
    DisplayInfo display;
    display.modality.intercept = -1024.0;
    const QImage image = WindowLevelRenderer::render(frame, display, {40.0, 400.0, false, -1});
    QCOMPARE(image.format(), QImage::Format_Grayscale8);
    // -159: ((-159 - 39.5)/399 + 0.5)*255 = 0.639 → 1; 0: 102.256 → 102; 40: 127.82 → 128;
    // 239: (199.5/399 + 0.5)*255 = 255.
    QCOMPARE(pixels(image), (QList<int> {0, 0, 1, 102, 128, 255, 255, 255}));
}

void TestWindowLevelRenderer::linearWindowSweepMatchesStandard()
{
    const QList<qint64> stored = sweep(0, 4095, 1);
    const Frame frame = makeFrame<quint16>(64, 64, stored, 12, false);
    DisplayInfo display;
    display.modality.intercept = -1024.0;
    for (const auto &[c, w] : QList<std::pair<double, double>> {{-600, 1500}, {40, 400}, {40, 80}, {0.5, 1}, {7, 2}}) {
        const QList<int> got = pixels(WindowLevelRenderer::render(frame, display, {c, w, false, -1}));
        for (int i = 0; i < stored.size(); ++i)
            QCOMPARE(got[i], linearReference(double(stored[i]) - 1024.0, c, w));
    }
}

void TestWindowLevelRenderer::linearExactMatchesStandard()
{
    const QList<qint64> stored = sweep(0, 1023, 1);
    const Frame frame = makeFrame<quint16>(32, 32, stored, 10, false);
    DisplayInfo display;
    display.voiFunction = VoiFunction::LinearExact;
    const QList<int> got = pixels(WindowLevelRenderer::render(frame, display, {500.0, 300.0, false, -1}));
    for (int i = 0; i < stored.size(); ++i)
        QCOMPARE(got[i], linearExactReference(double(stored[i]), 500.0, 300.0));
    // At the centre the exact function gives exactly half of 255 (127.5 → 128).
    QCOMPARE(got[500], 128);
}

void TestWindowLevelRenderer::sigmoidMatchesStandard()
{
    const QList<qint64> stored = sweep(0, 4095, 1);
    const Frame frame = makeFrame<quint16>(64, 64, stored, 12, false);
    DisplayInfo display;
    display.voiFunction = VoiFunction::Sigmoid;
    display.modality.slope = 0.5;
    display.modality.intercept = -200.0;
    const QList<int> got = pixels(WindowLevelRenderer::render(frame, display, {300.0, 250.0, false, -1}));
    for (int i = 0; i < stored.size(); ++i)
        QCOMPARE(got[i], sigmoidReference(double(stored[i]) * 0.5 - 200.0, 300.0, 250.0));
    QCOMPARE(got[1000], 128); // x = 300 = c: 255/2
}

void TestWindowLevelRenderer::monochrome1IsInverted()
{
    const QList<qint64> stored = sweep(0, 255, 1);
    Frame frame = makeFrame<quint16>(16, 16, stored, 8, false);
    frame.format.photometric = Photometric::Monochrome1;
    const DisplayInfo display;
    const QList<int> got = pixels(WindowLevelRenderer::render(frame, display, {100.0, 120.0, false, -1}));
    for (int i = 0; i < stored.size(); ++i)
        QCOMPARE(got[i], 255 - linearReference(double(stored[i]), 100.0, 120.0));
    QCOMPARE(got[0], 255); // the minimum value is white
}

void TestWindowLevelRenderer::userInversionOnTopOfMonochrome1()
{
    const QList<qint64> stored = sweep(0, 255, 1);
    Frame frame = makeFrame<quint8>(16, 16, stored, 8, false);
    const DisplayInfo display;
    const QList<int> plain = pixels(WindowLevelRenderer::render(frame, display, {128.0, 256.0, false, -1}));
    const QList<int> inverted = pixels(WindowLevelRenderer::render(frame, display, {128.0, 256.0, true, -1}));
    frame.format.photometric = Photometric::Monochrome1;
    const QList<int> both = pixels(WindowLevelRenderer::render(frame, display, {128.0, 256.0, true, -1}));
    for (int i = 0; i < stored.size(); ++i) {
        QCOMPARE(inverted[i], 255 - plain[i]);
        QCOMPARE(both[i], plain[i]); // two inversions cancel
    }
}

void TestWindowLevelRenderer::signedDataWithRescale()
{
    // Signed 16-bit stored values (e.g. CT with Pixel Representation 1) and a non-unit slope.
    const QList<qint64> stored = sweep(-32768, 32767, 257);
    const Frame frame = makeFrame<qint16>(1, int(stored.size()), stored, 16, true);
    DisplayInfo display;
    display.modality.slope = 0.25;
    display.modality.intercept = 10.0;
    const QList<int> got = pixels(WindowLevelRenderer::render(frame, display, {0.0, 4000.0, false, -1}));
    for (int i = 0; i < stored.size(); ++i)
        QCOMPARE(got[i], linearReference(double(stored[i]) * 0.25 + 10.0, 0.0, 4000.0));
    // 12 bits stored, signed: the most negative value (-2048) is black in a wide window.
    const Frame twelve = makeFrame<qint16>(1, 3, {-2048, 0, 2047}, 12, true);
    const QList<int> ends = pixels(WindowLevelRenderer::render(twelve, DisplayInfo {}, {0.0, 4096.0, false, -1}));
    QCOMPARE(ends, (QList<int> {0, linearReference(0.0, 0.0, 4096.0), 255}));
}

void TestWindowLevelRenderer::modalityLutTable()
{
    // A modality LUT table replaces rescale: stored 0..9 → table values, clamped at the ends.
    DisplayInfo display;
    display.modality.slope = 100.0; // ignored while a table is present
    display.modality.table.firstMapped = 2;
    display.modality.table.entries = {0, 100, 400, 900, 1600};
    const Frame frame = makeFrame<quint16>(1, 10, sweep(0, 9, 1), 16, false);
    const QList<int> got = pixels(WindowLevelRenderer::render(frame, display, {800.0, 1601.0, false, -1}));
    const QList<double> modality {0, 0, 0, 100, 400, 900, 1600, 1600, 1600, 1600};
    for (int i = 0; i < 10; ++i)
        QCOMPARE(got[i], linearReference(modality[i], 800.0, 1601.0));
}

void TestWindowLevelRenderer::voiLutTable()
{
    // VOI LUT: 12-bit entries, first mapped value 100 (after rescale); values outside clamp.
    DisplayInfo display;
    display.modality.intercept = 50.0;
    LutTable lut;
    lut.firstMapped = 100;
    lut.bitsPerEntry = 12;
    for (int i = 0; i < 64; ++i)
        lut.entries.append(quint16(i * 65));
    display.voiLuts = {lut};
    const Frame frame = makeFrame<quint16>(1, 100, sweep(0, 99, 1), 16, false);
    const QList<int> got = pixels(WindowLevelRenderer::render(frame, display, {0.0, 1.0, false, 0}));
    for (int s = 0; s < 100; ++s) {
        const int index = std::clamp(s + 50 - 100, 0, 63);
        QCOMPARE(got[s], level(double(index * 65) * 255.0 / 4095.0));
    }
    // A VOI LUT index out of range falls back to the window.
    const QList<int> window = pixels(WindowLevelRenderer::render(frame, display, {100.0, 50.0, false, 3}));
    QCOMPARE(window[50], linearReference(100.0, 100.0, 50.0));
}

void TestWindowLevelRenderer::eightBitData()
{
    const Frame frame = makeFrame<quint8>(16, 16, sweep(0, 255, 1), 8, false);
    const QList<int> got = pixels(WindowLevelRenderer::render(frame, DisplayInfo {}, {128.0, 256.0, false, -1}));
    // C 128 / W 256 on 8-bit data is the identity: y = ((x - 127.5) / 255 + 0.5) * 255 = x.
    for (int i = 0; i < 256; ++i)
        QCOMPARE(got[i], i);
}

void TestWindowLevelRenderer::thirtyTwoBitData_data()
{
    QTest::addColumn<bool>("isSigned");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("step");
    // Narrow range: a min/max-bounded table; wide range: computed pixel by pixel.
    QTest::newRow("unsigned narrow") << false << qint64(100000) << qint64(3);
    QTest::newRow("unsigned wide") << false << qint64(0) << qint64(40000000);
    QTest::newRow("signed narrow") << true << qint64(-500) << qint64(5);
    QTest::newRow("signed wide") << true << qint64(-2000000000) << qint64(31000000);
}

void TestWindowLevelRenderer::thirtyTwoBitData()
{
    QFETCH(bool, isSigned);
    QFETCH(qint64, from);
    QFETCH(qint64, step);
    const QList<qint64> stored = sweep(from, from + 99 * step, step);
    const Frame frame =
        isSigned ? makeFrame<qint32>(10, 10, stored, 32, true) : makeFrame<quint32>(10, 10, stored, 32, false);
    DisplayInfo display;
    display.modality.slope = 2.0;
    const double c = double(stored[50]) * 2.0;
    const double w = double(step) * 2.0 * 60.0;
    const QList<int> got = pixels(WindowLevelRenderer::render(frame, display, {c, w, false, -1}));
    for (int i = 0; i < stored.size(); ++i)
        QCOMPARE(got[i], linearReference(double(stored[i]) * 2.0, c, w));
    QVERIFY(got.first() == 0 && got.last() == 255);
}

void TestWindowLevelRenderer::paletteColor_data()
{
    QTest::addColumn<int>("bitsPerEntry");
    QTest::addColumn<int>("bitsAllocated");
    QTest::newRow("16-bit entries, 8-bit indices") << 16 << 8;
    QTest::newRow("8-bit entries, 8-bit indices") << 8 << 8;
    QTest::newRow("16-bit entries, 16-bit indices") << 16 << 16;
}

void TestWindowLevelRenderer::paletteColor()
{
    QFETCH(int, bitsPerEntry);
    QFETCH(int, bitsAllocated);
    DisplayInfo display;
    const int scale = bitsPerEntry == 16 ? 256 : 1;
    for (LutTable *lut : {&display.palette.red, &display.palette.green, &display.palette.blue}) {
        lut->firstMapped = 10;
        lut->bitsPerEntry = bitsPerEntry;
    }
    for (int i = 0; i < 20; ++i) {
        display.palette.red.entries.append(quint16(i * 10 * scale));
        display.palette.green.entries.append(quint16((255 - i) * scale));
        display.palette.blue.entries.append(quint16((i % 2 ? 200 : 50) * scale + (scale > 1 ? 255 : 0)));
    }
    const QList<qint64> indices {0, 10, 11, 15, 29, 30, 200};
    Frame frame = bitsAllocated == 8 ? makeFrame<quint8>(1, int(indices.size()), indices, 8, false)
                                     : makeFrame<quint16>(1, int(indices.size()), indices, 16, false);
    frame.format.photometric = Photometric::PaletteColor;
    const QImage image = WindowLevelRenderer::render(frame, display, {40.0, 1.0, false, -1}); // W/L ignored
    QCOMPARE(image.format(), QImage::Format_RGB32);
    for (int i = 0; i < indices.size(); ++i) {
        const int e = std::clamp(int(indices[i]) - 10, 0, 19);
        QCOMPARE(image.pixel(i, 0), qRgb(e * 10, 255 - e, e % 2 ? 200 : 50));
    }
    const QImage inverted = WindowLevelRenderer::render(frame, display, {40.0, 1.0, true, -1});
    QCOMPARE(inverted.pixel(2, 0), qRgb(255 - 10, 255 - 254, 255 - 200));
}

void TestWindowLevelRenderer::rgbAndInvert()
{
    const Frame frame = makeFrame<quint8>(1, 2, {255, 0, 10, 1, 2, 3}, 8, false, 3);
    const QImage image = WindowLevelRenderer::render(frame, DisplayInfo {}, {0.0, 1.0, false, -1});
    QCOMPARE(image.format(), QImage::Format_RGB32);
    QCOMPARE(image.pixel(0, 0), qRgb(255, 0, 10));
    QCOMPARE(image.pixel(1, 0), qRgb(1, 2, 3));
    const QImage inverted = WindowLevelRenderer::render(frame, DisplayInfo {}, {0.0, 1.0, true, -1});
    QCOMPARE(inverted.pixel(0, 0), qRgb(0, 255, 245));
    // 16-bit RGB keeps its most significant stored bits.
    const Frame wide = makeFrame<quint16>(1, 1, {0xFFFF, 0x8000, 0x0100}, 16, false, 3);
    QCOMPARE(WindowLevelRenderer::render(wide, DisplayInfo {}, {}).pixel(0, 0), qRgb(255, 128, 1));
}

void TestWindowLevelRenderer::regionIsSubRectOfWhole()
{
    const Frame frame = makeFrame<quint16>(64, 64, sweep(0, 4095, 1), 12, false);
    const RenderSettings settings {2000.0, 1000.0, false, -1};
    const QImage whole = WindowLevelRenderer::render(frame, DisplayInfo {}, settings);
    const QRect region(10, 20, 30, 25);
    const QImage part = WindowLevelRenderer::render(frame, DisplayInfo {}, settings, region);
    QCOMPARE(part.size(), region.size());
    QCOMPARE(part, whole.copy(region));
    // Regions are clipped to the frame.
    QCOMPARE(WindowLevelRenderer::render(frame, DisplayInfo {}, settings, QRect(60, 60, 10, 10)).size(), QSize(4, 4));
}

void TestWindowLevelRenderer::largeFrameRenderedInParallelMatches()
{
    // Above a million pixels the rows are split across threads: every pixel must still be
    // the standard's value, band edges included.
    constexpr int Rows = 1100;
    constexpr int Columns = 1031;
    QList<qint64> stored;
    for (int i = 0; i < Rows * Columns; ++i)
        stored.append((i * 37) % 4096);
    const Frame frame = makeFrame<quint16>(Rows, Columns, stored, 12, false);
    DisplayInfo display;
    display.modality.intercept = -1024.0;
    const QImage image = WindowLevelRenderer::render(frame, display, {-600.0, 1500.0, false, -1});
    int mismatches = 0;
    for (int r = 0; r < Rows; ++r) {
        const uchar *line = image.constScanLine(r);
        for (int c = 0; c < Columns; ++c)
            if (line[c] != linearReference(double(stored[r * Columns + c]) - 1024.0, -600.0, 1500.0))
                ++mismatches;
    }
    QCOMPARE(mismatches, 0);
}

void TestWindowLevelRenderer::invalidFrameGivesNullImage()
{
    Frame frame = makeFrame<quint16>(4, 4, {}, 12, false);
    frame.data.chop(1);
    QVERIFY(WindowLevelRenderer::render(frame, DisplayInfo {}, {}).isNull());
    QVERIFY(WindowLevelRenderer::render(Frame {}, DisplayInfo {}, {}).isNull());
}

void TestWindowLevelRenderer::defaultSettingsFromFileWindow()
{
    const Frame frame = makeFrame<quint16>(2, 2, {0, 1, 2, 3}, 12, false);
    DisplayInfo display;
    display.windows = {{-600.0, 1500.0, QStringLiteral("LUNG")}, {40.0, 400.0, QStringLiteral("MEDIASTINUM")}};
    const RenderSettings settings = WindowLevelRenderer::defaultSettings(frame, display);
    QCOMPARE(settings.center, -600.0);
    QCOMPARE(settings.width, 1500.0);
    QCOMPARE(settings.voiLutIndex, -1);
    QCOMPARE(settings.invert, false);
}

void TestWindowLevelRenderer::defaultSettingsFromVoiLut()
{
    const Frame frame = makeFrame<quint16>(2, 2, {0, 1, 2, 3}, 12, false);
    DisplayInfo display;
    LutTable lut;
    lut.firstMapped = 1000;
    lut.entries.resize(501);
    display.voiLuts = {lut};
    const RenderSettings settings = WindowLevelRenderer::defaultSettings(frame, display);
    QCOMPARE(settings.voiLutIndex, 0);
    QCOMPARE(settings.center, 1250.0);
    QCOMPARE(settings.width, 501.0);
}

void TestWindowLevelRenderer::defaultSettingsFromMinMax()
{
    // No window in the file: the frame's modality range, so min is black and max white.
    const Frame frame = makeFrame<qint16>(2, 2, {-100, 5, 300, 900}, 16, true);
    DisplayInfo display;
    display.modality.slope = 2.0;
    display.modality.intercept = -50.0;
    const RenderSettings settings = WindowLevelRenderer::defaultSettings(frame, display);
    QCOMPARE(settings.center, (-250.0 + 1750.0) / 2.0);
    QCOMPARE(settings.width, 2000.0);
    const QList<int> got = pixels(WindowLevelRenderer::render(frame, display, settings));
    QCOMPARE(got.first(), 0);
    QCOMPARE(got.last(), 255);
}

void TestWindowLevelRenderer::defaultSettingsForColour()
{
    const Frame frame = makeFrame<quint8>(1, 1, {1, 2, 3}, 8, false, 3);
    const RenderSettings settings = WindowLevelRenderer::defaultSettings(frame, DisplayInfo {});
    QCOMPARE(settings.center, 128.0);
    QCOMPARE(settings.width, 256.0);
}

void TestWindowLevelRenderer::modalityRangeOfFrame()
{
    const Frame frame = makeFrame<quint16>(1, 4, {1024, 0, 4095, 2000}, 12, false);
    DisplayInfo display;
    display.modality.slope = -1.0; // a negative slope swaps the ends
    display.modality.intercept = 1024.0;
    const ValueRange range = WindowLevelRenderer::modalityRange(frame, display);
    QVERIFY(range.valid);
    QCOMPARE(range.min, 1024.0 - 4095.0);
    QCOMPARE(range.max, 1024.0);
    const Frame rgb = makeFrame<quint8>(1, 1, {1, 2, 3}, 8, false, 3);
    QVERIFY(!WindowLevelRenderer::modalityRange(rgb, DisplayInfo {}).valid);
}

QTEST_GUILESS_MAIN(TestWindowLevelRenderer)
#include "TestWindowLevelRenderer.moc"
