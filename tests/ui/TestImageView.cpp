// ImageView driven like a user would: wheel, keys, right-drag W/L, presets, fit and 1:1
// (checked at the widget's real devicePixelRatio: this binary also runs with
// QT_SCALE_FACTOR=2), invert, rotation/flips, measurements, overlays, orientation letters,
// loading states and cine — on synthetic slices whose pixels are known, reading back what
// was drawn with grab().
#include "ViewerTestSlices.h"
#include "dicom/RoiStatistics.h"
#include "viewer/ImageView.h"
#include "viewer/MeasurementPainter.h"
#include "viewer/MemorySliceSource.h"
#include "viewer/PatientOrientation.h"
#include "viewer/SliceImageCache.h"
#include "viewer/ViewerWidget.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>
#include <numbers>

using namespace haip;
using namespace haip::ui;
using haip::test::ctSlice;
using haip::test::greySlice;

namespace {

void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(w, &event);
}

void drag(QWidget *w, QPointF from, QPointF to, Qt::MouseButton button)
{
    sendMouse(w, QEvent::MouseButtonPress, from, button, button);
    for (int i = 1; i <= 4; ++i)
        sendMouse(w, QEvent::MouseMove, from + (to - from) * (i / 4.0), Qt::NoButton, button);
    sendMouse(w, QEvent::MouseButtonRelease, to, button, Qt::NoButton);
}

void wheel(QWidget *w, int delta, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    const QPointF pos(w->width() / 2.0, w->height() / 2.0);
    QWheelEvent event(
        pos, w->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(w, &event);
}

// The grey drawn at the centre of image pixel (column, row).
int greyAt(ImageView &view, QPointF imagePixelCentre)
{
    const QImage shot = view.grab().toImage();
    const QPointF device = view.viewTransform().toView(imagePixelCentre) * view.devicePixelRatioF();
    return qGray(shot.pixel(int(std::floor(device.x())), int(std::floor(device.y()))));
}

QStringList letters(const char *spaced)
{
    return QString::fromLatin1(spaced).split(u' ');
}

QRgb rgbAtDevice(const QImage &shot, QPointF device)
{
    return shot.pixel(int(std::floor(device.x())), int(std::floor(device.y())));
}

} // namespace

class TestImageView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void wheelScrollsSlices();
    void ctrlWheelZoomsWithoutScrolling();
    void keysScroll();
    void rightDragChangesWindow();
    void presetsApply();
    void presetShortcutsThroughViewerWidget();
    void fitScalesToWidget();
    void actualSizeIsPixelForPixel();
    void nonSquarePixelsKeepTheirShape();
    void invertFlipsGreys();
    void rotateAndFlipMoveCorners_data();
    void rotateAndFlipMoveCorners();
    void lengthMeasurementInMm();
    void measurementsEditDeleteAndStayOnTheirSlice();
    void ellipseRoiStatistics();
    void overlayBitsDrawnInPlace();
    void orientationLetters_data();
    void orientationLetters();
    void probeShowsModalityValue();
    void loadingFirstImageAndFailures();
    void cinePlaysAndWraps();
    void escapeCancelsThenResets();
    void largeFramesRenderOnlyTheVisiblePart();
    void scrollingRendersFastEnoughForCine();

private:
    void show(std::unique_ptr<MemorySliceSource> source);
    void showOne(dicom::DecodedSlice slice);

    std::unique_ptr<MemorySliceSource> m_source;
    std::unique_ptr<ImageView> m_view;
    double m_dpr = 1.0;
};

void TestImageView::initTestCase()
{
    ImageView probe;
    probe.show();
    QVERIFY(QTest::qWaitForWindowExposed(&probe));
    m_dpr = probe.devicePixelRatioF();
    // The HiDPI run must really be at ratio 2, or it proves nothing.
    const QByteArray expected = qgetenv("HAIP_EXPECT_DPR");
    if (!expected.isEmpty())
        QCOMPARE(m_dpr, expected.toDouble());
    qInfo("devicePixelRatio %.1f", m_dpr);
}

void TestImageView::init()
{
    m_view = std::make_unique<ImageView>();
    m_view->resize(400, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestImageView::cleanup()
{
    m_view.reset();
    m_source.reset();
}

void TestImageView::show(std::unique_ptr<MemorySliceSource> source)
{
    m_view->setSource(nullptr);
    m_source = std::move(source);
    m_view->setSource(m_source.get());
}

void TestImageView::showOne(dicom::DecodedSlice slice)
{
    auto source = std::make_unique<MemorySliceSource>(1);
    source->setSlice(0, std::move(slice));
    source->finish();
    show(std::move(source));
}

void TestImageView::wheelScrollsSlices()
{
    auto source = std::make_unique<MemorySliceSource>(10);
    for (int i = 0; i < 10; ++i)
        source->setSlice(i,
                         ctSlice(
                             32, 32, [](int, int) { return 0; }, i));
    show(std::move(source));
    QCOMPARE(m_view->currentSlice(), 5); // starts in the middle
    wheel(m_view.get(), -120); // towards the user: next
    QCOMPARE(m_view->currentSlice(), 6);
    wheel(m_view.get(), 240);
    QCOMPARE(m_view->currentSlice(), 4);
    // A high-resolution wheel: three 40-unit steps make one notch.
    wheel(m_view.get(), -40);
    wheel(m_view.get(), -40);
    QCOMPARE(m_view->currentSlice(), 4);
    wheel(m_view.get(), -40);
    QCOMPARE(m_view->currentSlice(), 5);
    // Clamped at the ends.
    wheel(m_view.get(), 120 * 20);
    QCOMPARE(m_view->currentSlice(), 0);
}

void TestImageView::ctrlWheelZoomsWithoutScrolling()
{
    auto source = std::make_unique<MemorySliceSource>(3);
    for (int i = 0; i < 3; ++i)
        source->setSlice(i, ctSlice(64, 64, [](int, int) { return 0; }));
    show(std::move(source));
    const double before = m_view->zoom();
    wheel(m_view.get(), 120, Qt::ControlModifier);
    QCOMPARE(m_view->currentSlice(), 1);
    QVERIFY(m_view->zoom() > before * 1.15);
    QVERIFY(!m_view->isFitMode());
}

void TestImageView::keysScroll()
{
    auto source = std::make_unique<MemorySliceSource>(30);
    for (int i = 0; i < 30; ++i)
        source->setSlice(i,
                         ctSlice(
                             16, 16, [](int, int) { return 0; }, i));
    show(std::move(source));
    QCOMPARE(m_view->currentSlice(), 15);
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QCOMPARE(m_view->currentSlice(), 16);
    QTest::keyClick(m_view.get(), Qt::Key_Up);
    QTest::keyClick(m_view.get(), Qt::Key_Up);
    QCOMPARE(m_view->currentSlice(), 14);
    QTest::keyClick(m_view.get(), Qt::Key_PageDown); // a tenth of the stack
    QCOMPARE(m_view->currentSlice(), 17);
    QTest::keyClick(m_view.get(), Qt::Key_PageUp);
    QCOMPARE(m_view->currentSlice(), 14);
    QTest::keyClick(m_view.get(), Qt::Key_End);
    QCOMPARE(m_view->currentSlice(), 29);
    QTest::keyClick(m_view.get(), Qt::Key_Home);
    QCOMPARE(m_view->currentSlice(), 0);
    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QCOMPARE(m_view->currentSlice(), 1);
}

void TestImageView::rightDragChangesWindow()
{
    // Data range −1000..1048 HU: 2048 HU over 1024 px of drag = 2 HU per pixel.
    showOne(ctSlice(64, 64, [](int c, int r) { return c == 0 && r == 0 ? -1000 : (c == 1 && r == 0 ? 1048 : 0); }));
    m_view->setAnnotationsVisible(false);
    QCOMPARE(m_view->renderSettings().center, 40.0); // the file's window
    QCOMPARE(m_view->renderSettings().width, 400.0);
    const int greyBefore = greyAt(*m_view, {32.5, 32.5}); // 0 HU
    QSignalSpy windowSpy(m_view.get(), &ImageView::windowChanged);

    const QPointF start(200, 150);
    drag(m_view.get(), start, start + QPointF(30, 0), Qt::RightButton); // right: wider
    QCOMPARE(m_view->renderSettings().width, 460.0);
    QCOMPARE(m_view->renderSettings().center, 40.0);
    drag(m_view.get(), start, start + QPointF(0, 20), Qt::RightButton); // down: higher centre
    QCOMPARE(m_view->renderSettings().width, 460.0);
    QCOMPARE(m_view->renderSettings().center, 80.0);
    QVERIFY(windowSpy.count() >= 2);
    // A higher centre makes the same tissue darker.
    QVERIFY(greyAt(*m_view, {32.5, 32.5}) < greyBefore);
    drag(m_view.get(), start, start + QPointF(-1000, -30), Qt::RightButton); // never below width 1
    QCOMPARE(m_view->renderSettings().width, 1.0);
    QCOMPARE(m_view->renderSettings().center, 20.0);
}

void TestImageView::presetsApply()
{
    showOne(ctSlice(32, 32, [](int, int) { return 0; }));
    QVERIFY(m_view->applyPreset(QStringLiteral("ct-lung")));
    QCOMPARE(m_view->renderSettings().center, -600.0);
    QCOMPARE(m_view->renderSettings().width, 1500.0);
    QVERIFY(m_view->applyPreset(QStringLiteral("ct-brain")));
    QCOMPARE(m_view->renderSettings().width, 80.0);
    QVERIFY(!m_view->applyPreset(QStringLiteral("ct-nonsense")));
    QCOMPARE(m_view->renderSettings().width, 80.0);
    QVERIFY(m_view->applyPreset(QStringLiteral("file-1"))); // the file's MEDIASTINUM window
    QCOMPARE(m_view->renderSettings().center, 40.0);
    QCOMPARE(m_view->renderSettings().width, 400.0);
}

void TestImageView::presetShortcutsThroughViewerWidget()
{
    ViewerWidget viewer;
    viewer.resize(400, 300);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowActive(&viewer));
    auto source = std::make_unique<MemorySliceSource>(1);
    source->setSlice(0, ctSlice(32, 32, [](int, int) { return 0; }));
    viewer.showSource(std::move(source));
    viewer.imageView()->setFocus();
    ImageView *view = viewer.imageView();
    QTest::keyClick(view, Qt::Key_1);
    QCOMPARE(view->renderSettings().center, -600.0); // lung
    QTest::keyClick(view, Qt::Key_4);
    QCOMPARE(view->renderSettings().width, 1800.0); // bone
    QTest::keyClick(view, Qt::Key_0);
    QCOMPARE(view->renderSettings().width, 400.0); // the file's own
    QTest::keyClick(view, Qt::Key_I);
    QVERIFY(view->isInverted());
    QTest::keyClick(view, Qt::Key_R);
    QVERIFY(!view->isInverted());
    QVERIFY(viewer.applyPreset(QStringLiteral("ct-abdomen")));
    QCOMPARE(view->renderSettings().width, 350.0);
    QVERIFY(!viewer.applyPreset(QStringLiteral("nope")));
    // The action list has icons, shortcuts and separators for the shell's toolbar.
    const QList<QAction *> actions = viewer.viewerActions();
    QVERIFY(actions.size() > 15);
    QVERIFY(std::any_of(actions.begin(), actions.end(), [](QAction *a) { return a->isSeparator(); }));
    for (QAction *a : actions)
        if (!a->isSeparator() && a->objectName() != QLatin1String("viewer.presets"))
            QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->objectName()));
}

void TestImageView::fitScalesToWidget()
{
    showOne(greySlice(200, 100, [](int c, int r) { return (c + r) % 256; }));
    // 400×300 logical: the width limits, 2 logical px per image pixel = 2·dpr device px.
    QVERIFY(m_view->isFitMode());
    QCOMPARE(m_view->zoom(), 2.0 * m_dpr);
    const ViewTransform v = m_view->viewTransform();
    QCOMPARE(v.toView({0, 0}), QPointF(0, 50));
    QCOMPARE(v.toView({200, 100}), QPointF(400, 250));
    // Fit follows the widget.
    m_view->resize(200, 300);
    QCOMPARE(m_view->zoom(), 1.0 * m_dpr);
    QCOMPARE(m_view->viewTransform().toView({0, 0}), QPointF(0, 100));
}

void TestImageView::actualSizeIsPixelForPixel()
{
    const auto pattern = [](int c, int r) {
        return (c * 7 + r * 13) % 256;
    };
    showOne(greySlice(200, 100, pattern));
    m_view->setAnnotationsVisible(false);
    m_view->showActualSize();
    QCOMPARE(m_view->zoom(), 1.0);
    const ViewTransform v = m_view->viewTransform();
    // 200 image pixels over 200 device pixels = 200/dpr logical pixels.
    QCOMPARE(v.toView({200, 0}).x() - v.toView({0, 0}).x(), 200.0 / m_dpr);
    const QPointF origin = v.toView({0, 0}) * m_dpr;
    QCOMPARE(origin.x(), std::round(origin.x())); // on the device grid
    const QImage shot = m_view->grab().toImage();
    QCOMPARE(shot.size(), QSize(400, 300) * m_dpr);
    for (const QPoint p : {QPoint(0, 0), QPoint(1, 0), QPoint(0, 1), QPoint(57, 33), QPoint(199, 99), QPoint(120, 7)}) {
        const QRgb got = shot.pixel(int(origin.x()) + p.x(), int(origin.y()) + p.y());
        QCOMPARE(qGray(got), pattern(p.x(), p.y()));
    }
}

void TestImageView::nonSquarePixelsKeepTheirShape()
{
    // Rows 2 mm apart, columns 1 mm: a 100×100 matrix is 100 mm wide and 200 mm tall.
    dicom::DecodedSlice slice = greySlice(100, 100, [](int, int) { return 200; });
    slice.plane.rowSpacing = 2.0;
    slice.plane.columnSpacing = 1.0;
    showOne(slice);
    QCOMPARE(m_view->zoom(), 1.5 * m_dpr); // height limits: 300 / 200
    const ViewTransform v = m_view->viewTransform();
    const QPointF topLeft = v.toView({0, 0});
    const QPointF bottomRight = v.toView({100, 100});
    QCOMPARE(bottomRight.x() - topLeft.x(), 150.0);
    QCOMPARE(bottomRight.y() - topLeft.y(), 300.0);
    // Rotated a quarter turn the long side lies across.
    m_view->rotate(1);
    const ViewTransform r = m_view->viewTransform();
    const QRectF shown = r.imageToView().mapRect(QRectF(0, 0, 100, 100));
    QCOMPARE(shown.width(), 400.0);
    QCOMPARE(shown.height(), 200.0);
}

void TestImageView::invertFlipsGreys()
{
    const auto pattern = [](int c, int r) {
        return (c * 5 + r * 3) % 256;
    };
    showOne(greySlice(64, 64, pattern));
    m_view->setAnnotationsVisible(false);
    m_view->showActualSize();
    QCOMPARE(greyAt(*m_view, {10.5, 20.5}), pattern(10, 20));
    QSignalSpy spy(m_view.get(), &ImageView::invertedChanged);
    m_view->setInverted(true);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(greyAt(*m_view, {10.5, 20.5}), 255 - pattern(10, 20));
    QCOMPARE(greyAt(*m_view, {63.5, 1.5}), 255 - pattern(63, 1));
}

void TestImageView::rotateAndFlipMoveCorners_data()
{
    // Image: top-left block white (255), top-right block mid-grey (128), the rest black.
    // Columns: where the white and the grey blocks land on screen (TL, TR, BL, BR).
    QTest::addColumn<int>("turns");
    QTest::addColumn<bool>("flipH");
    QTest::addColumn<bool>("flipV");
    QTest::addColumn<QString>("white");
    QTest::addColumn<QString>("grey");
    QTest::newRow("as stored") << 0 << false << false << QStringLiteral("TL") << QStringLiteral("TR");
    QTest::newRow("rotate right") << 1 << false << false << QStringLiteral("TR") << QStringLiteral("BR");
    QTest::newRow("rotate left") << -1 << false << false << QStringLiteral("BL") << QStringLiteral("TL");
    QTest::newRow("rotate 180") << 2 << false << false << QStringLiteral("BR") << QStringLiteral("BL");
    QTest::newRow("flip horizontal") << 0 << true << false << QStringLiteral("TR") << QStringLiteral("TL");
    QTest::newRow("flip vertical") << 0 << false << true << QStringLiteral("BL") << QStringLiteral("BR");
    QTest::newRow("rotate right, flip horizontal")
        << 1 << true << false << QStringLiteral("TL") << QStringLiteral("BL");
}

void TestImageView::rotateAndFlipMoveCorners()
{
    QFETCH(int, turns);
    QFETCH(bool, flipH);
    QFETCH(bool, flipV);
    QFETCH(QString, white);
    QFETCH(QString, grey);
    showOne(greySlice(16, 16, [](int c, int r) { return r < 4 ? (c < 4 ? 255 : (c >= 12 ? 128 : 0)) : 0; }));
    m_view->setAnnotationsVisible(false);
    m_view->rotate(turns);
    if (flipH)
        m_view->flipHorizontal();
    if (flipV)
        m_view->flipVertical();
    // The image fills a 300×300 square centred in 400×300; block centres sit 37.5 px in.
    const QHash<QString, QPointF> corners {{QStringLiteral("TL"), {87.5, 37.5}},
                                           {QStringLiteral("TR"), {312.5, 37.5}},
                                           {QStringLiteral("BL"), {87.5, 262.5}},
                                           {QStringLiteral("BR"), {312.5, 262.5}}};
    const QImage shot = m_view->grab().toImage();
    for (auto it = corners.cbegin(); it != corners.cend(); ++it) {
        const int expected = it.key() == white ? 255 : (it.key() == grey ? 128 : 0);
        QCOMPARE(qGray(rgbAtDevice(shot, it.value() * m_dpr)), expected);
    }
}

void TestImageView::lengthMeasurementInMm()
{
    showOne(ctSlice(100, 100, [](int, int) { return 0; })); // 0.5 mm pixels
    m_view->showActualSize();
    m_view->setTool(ImageView::Tool::Length);
    const ViewTransform v = m_view->viewTransform();
    // 30 × 40 pixels: 50 px = 25 mm.
    drag(m_view.get(), v.toView({10, 10}), v.toView({40, 50}), Qt::LeftButton);
    const QList<Measurement> list = m_view->measurements().onSlice(0);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].kind, Measurement::Kind::Length);
    QCOMPARE(list[0].a, QPointF(10, 10));
    QCOMPARE(list[0].b, QPointF(40, 50));
    const auto slice = m_source->slice(0);
    QCOMPARE(*dicom::RoiStatistics::lengthMm(slice->plane, list[0].a, list[0].b), 25.0);
    QCOMPARE(MeasurementPainter::label(list[0], *slice, QStringLiteral("HU")), QStringList {QStringLiteral("25.0 mm")});
    // A click without a drag draws nothing.
    const QPointF p = v.toView({70, 70});
    sendMouse(m_view.get(), QEvent::MouseButtonPress, p, Qt::LeftButton, Qt::LeftButton);
    sendMouse(m_view.get(), QEvent::MouseButtonRelease, p, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(m_view->measurements().onSlice(0).size(), 1);
}

void TestImageView::measurementsEditDeleteAndStayOnTheirSlice()
{
    auto source = std::make_unique<MemorySliceSource>(5);
    for (int i = 0; i < 5; ++i)
        source->setSlice(i,
                         ctSlice(
                             100, 100, [](int, int) { return 0; }, i));
    show(std::move(source));
    m_view->showActualSize();
    m_view->setTool(ImageView::Tool::Length);
    const ViewTransform v = m_view->viewTransform();
    drag(m_view.get(), v.toView({10, 10}), v.toView({40, 50}), Qt::LeftButton);
    QCOMPARE(m_view->currentSlice(), 2);
    // Drag the second end to (40, 10): 30 px = 15 mm.
    m_view->setTool(ImageView::Tool::WindowLevel); // editing works whatever the tool
    drag(m_view.get(), v.toView({40, 50}), v.toView({40, 10}), Qt::LeftButton);
    QList<Measurement> list = m_view->measurements().onSlice(2);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].b, QPointF(40, 10));
    QCOMPARE(*dicom::RoiStatistics::lengthMm(m_source->slice(2)->plane, list[0].a, list[0].b), 15.0);
    // Drag the body: the whole line moves.
    drag(m_view.get(), v.toView({25, 10}), v.toView({25, 30}), Qt::LeftButton);
    list = m_view->measurements().onSlice(2);
    QCOMPARE(list[0].a, QPointF(10, 30));
    QCOMPARE(list[0].b, QPointF(40, 30));
    // Kept per slice.
    QTest::keyClick(m_view.get(), Qt::Key_Down);
    QVERIFY(m_view->measurements().onSlice(3).isEmpty());
    QTest::keyClick(m_view.get(), Qt::Key_Delete); // nothing selected here
    QTest::keyClick(m_view.get(), Qt::Key_Up);
    QCOMPARE(m_view->measurements().onSlice(2).size(), 1);
    // Selected (it was just dragged): Delete removes it.
    QVERIFY(m_view->measurements().selectedId(2) != 0);
    QTest::keyClick(m_view.get(), Qt::Key_Delete);
    QVERIFY(m_view->measurements().onSlice(2).isEmpty());
}

void TestImageView::ellipseRoiStatistics()
{
    // A 40 HU disc (radius 20 px at (50, 50)) with a known ±10 HU texture, in −1000 HU air.
    const auto hu = [](int c, int r) {
        return std::hypot(c + 0.5 - 50.0, r + 0.5 - 50.0) <= 20.0 ? 40 + (c * 7 + r * 3) % 21 - 10 : -1000;
    };
    showOne(ctSlice(100, 100, hu));
    m_view->showActualSize();
    m_view->setTool(ImageView::Tool::Ellipse);
    const ViewTransform v = m_view->viewTransform();
    drag(m_view.get(), v.toView({35, 35}), v.toView({65, 65}), Qt::LeftButton);
    const QList<Measurement> list = m_view->measurements().onSlice(0);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].bounds(), QRectF(35, 35, 30, 30));

    // By hand: every pixel whose centre is within 15 px of (50, 50).
    QList<double> values;
    for (int r = 0; r < 100; ++r)
        for (int c = 0; c < 100; ++c)
            if (std::hypot(c + 0.5 - 50.0, r + 0.5 - 50.0) <= 15.0)
                values.append(hu(c, r));
    double mean = 0.0;
    for (double x : values)
        mean += x / double(values.size());
    double squares = 0.0;
    for (double x : values)
        squares += (x - mean) * (x - mean);
    const double sd = std::sqrt(squares / double(values.size() - 1));

    const auto slice = m_source->slice(0);
    const dicom::RegionStatistics stats =
        dicom::RoiStatistics::ellipse(slice->frame, slice->display, slice->plane, list[0].bounds());
    QCOMPARE(stats.pixelCount, int(values.size()));
    QVERIFY(std::abs(stats.mean - mean) < 1e-9);
    QVERIFY(std::abs(stats.standardDeviation - sd) < 1e-9);
    QCOMPARE(stats.min, 30.0);
    QCOMPARE(stats.max, 50.0);
    // What the user reads next to the ellipse: mean and SD in HU, area of π·7.5² mm².
    const QStringList label = MeasurementPainter::label(list[0], *slice, QStringLiteral("HU"));
    QCOMPARE(label.value(0), QStringLiteral("Mean %1 HU").arg(mean, 0, 'f', 1));
    QCOMPARE(label.value(1), QStringLiteral("SD %1").arg(sd, 0, 'f', 1));
    QCOMPARE(label.value(3), QStringLiteral("Area %1 cm²").arg(std::numbers::pi * 7.5 * 7.5 / 100.0, 0, 'f', 2));
}

void TestImageView::overlayBitsDrawnInPlace()
{
    dicom::DecodedSlice slice = greySlice(64, 64, [](int, int) { return 0; });
    dicom::OverlayPlane overlay;
    overlay.rows = 8;
    overlay.columns = 8;
    overlay.originRow = 5; // 1-based: the overlay's first row is image row 4
    overlay.originColumn = 3; // … and its first column image column 2
    overlay.bits = QByteArray(64, '\0');
    overlay.bits[1 * 8 + 2] = 1; // overlay (row 1, column 2) → image (column 4, row 5)
    overlay.bits[7 * 8 + 7] = 1; // → image (9, 11)
    slice.overlays = {overlay};
    dicom::OverlayPlane otherFrame = overlay; // applies to image frame 2 only: not drawn
    otherFrame.firstImageFrame = 2;
    otherFrame.bits = QByteArray(64, '\1');
    slice.overlays.append(otherFrame);
    showOne(slice);
    m_view->setAnnotationsVisible(false);
    m_view->showActualSize();
    const QImage shot = m_view->grab().toImage();
    const ViewTransform v = m_view->viewTransform();
    const auto at = [&](double c, double r) {
        return rgbAtDevice(shot, v.toView({c + 0.5, r + 0.5}) * m_dpr);
    };
    const QRgb overlayColour = qRgb(0x66, 0xFF, 0x66);
    QCOMPARE(at(4, 5), overlayColour);
    QCOMPARE(at(9, 11), overlayColour);
    QCOMPARE(at(5, 5), qRgb(0, 0, 0));
    QCOMPARE(at(4, 4), qRgb(0, 0, 0));
    QCOMPARE(at(2, 4), qRgb(0, 0, 0)); // the second overlay (all bits set) is not drawn
}

void TestImageView::orientationLetters_data()
{
    QTest::addColumn<int>("plane");
    QTest::addColumn<int>("turns");
    QTest::addColumn<QStringList>("leftRightTopBottom");
    QTest::newRow("axial") << int(test::Plane::Axial) << 0 << letters("R L A P");
    QTest::newRow("sagittal") << int(test::Plane::Sagittal) << 0 << letters("A P H F");
    QTest::newRow("coronal") << int(test::Plane::Coronal) << 0 << letters("R L H F");
    // A quarter turn clockwise brings the left edge (R) to the top.
    QTest::newRow("axial rotated right") << int(test::Plane::Axial) << 1 << letters("P A R L");
}

void TestImageView::orientationLetters()
{
    QFETCH(int, plane);
    QFETCH(int, turns);
    QFETCH(QStringList, leftRightTopBottom);
    dicom::DecodedSlice slice = ctSlice(32, 32, [](int, int) { return 0; });
    slice.plane = test::planeOf(test::Plane(plane));
    showOne(slice);
    m_view->rotate(turns);
    const EdgeLetters letters = PatientOrientation::edges(slice.plane, m_view->viewTransform());
    QCOMPARE((QStringList {letters.left, letters.right, letters.top, letters.bottom}), leftRightTopBottom);
    // Oblique: 30° about the vertical axis adds a second, weaker letter.
    const double c = std::cos(std::numbers::pi / 6), s = std::sin(std::numbers::pi / 6);
    QCOMPARE(PatientOrientation::letters({c, s, 0}), QStringLiteral("LP"));
    QCOMPARE(PatientOrientation::letters({-0.05, 0.0, 1.0}), QStringLiteral("H"));
}

void TestImageView::probeShowsModalityValue()
{
    showOne(ctSlice(64, 64, [](int c, int r) { return c * 10 - r; }));
    m_view->showActualSize();
    const QPointF p = m_view->viewTransform().toView({10.5, 20.5});
    sendMouse(m_view.get(), QEvent::MouseMove, p, Qt::NoButton, Qt::NoButton);
    QCOMPARE(m_view->probeText(), QStringLiteral("(10, 20)  80 HU"));
    sendMouse(m_view.get(), QEvent::MouseMove, QPointF(1, 1), Qt::NoButton, Qt::NoButton); // off the image
    QVERIFY(m_view->probeText().isEmpty());
}

void TestImageView::loadingFirstImageAndFailures()
{
    auto source = std::make_unique<MemorySliceSource>(5);
    MemorySliceSource *raw = source.get();
    QSignalSpy shown(m_view.get(), &ImageView::firstImageShown);
    show(std::move(source));
    QCOMPARE(m_view->currentSlice(), 2);
    QCOMPARE(shown.count(), 0);
    m_view->grab(); // paints "Loading slice 3…" and the progress bar without an image
    raw->setFailed(2, Error(ErrorCode::DecodeFailed, QStringLiteral("synthetic"), QStringLiteral("slice3.dcm")));
    // The middle failed; the first slice that arrives is shown instead.
    raw->setSlice(4, ctSlice(16, 16, [](int, int) { return 0; }));
    QCOMPARE(shown.count(), 1);
    QCOMPARE(m_view->currentSlice(), 4);
    raw->setSlice(1, ctSlice(16, 16, [](int, int) { return 0; }));
    QCOMPARE(m_view->currentSlice(), 4); // no jumping once something is shown
    QCOMPARE(shown.count(), 1);
    m_view->setCurrentSlice(2);
    QVERIFY(raw->failure(2).has_value());
    QCOMPARE(raw->failure(2)->code(), ErrorCode::DecodeFailed);
    QVERIFY(!m_view->grab().isNull()); // paints the failure message
}

void TestImageView::cinePlaysAndWraps()
{
    auto source = std::make_unique<MemorySliceSource>(6);
    for (int i = 0; i < 6; ++i)
        source->setSlice(i,
                         ctSlice(
                             16, 16, [](int, int) { return 0; }, i));
    show(std::move(source));
    m_view->setCurrentSlice(4);
    QSignalSpy slices(m_view.get(), &ImageView::currentSliceChanged);
    m_view->setCineFps(50);
    m_view->setCinePlaying(true);
    QVERIFY(m_view->isCinePlaying());
    QTRY_VERIFY_WITH_TIMEOUT(slices.count() >= 4, 2000);
    m_view->setCinePlaying(false);
    // 4 → 5 → 0 → 1…: wrapped around at the end.
    QCOMPARE(slices.at(0).at(0).toInt(), 5);
    QCOMPARE(slices.at(1).at(0).toInt(), 0);
    const int stopped = m_view->currentSlice();
    QTest::qWait(100);
    QCOMPARE(m_view->currentSlice(), stopped);
}

void TestImageView::escapeCancelsThenResets()
{
    showOne(ctSlice(64, 64, [](int, int) { return 0; }));
    m_view->showActualSize();
    m_view->setTool(ImageView::Tool::Length);
    const ViewTransform v = m_view->viewTransform();
    drag(m_view.get(), v.toView({5, 5}), v.toView({30, 5}), Qt::LeftButton); // selected
    m_view->rotate(1);
    m_view->setInverted(true);
    m_view->setWindow(100, 50);
    QTest::keyClick(m_view.get(), Qt::Key_Escape); // first: the selection
    QCOMPARE(m_view->measurements().selectedId(0), 0);
    QCOMPARE(m_view->rotation(), 1);
    QTest::keyClick(m_view.get(), Qt::Key_Escape); // then: the view
    QCOMPARE(m_view->rotation(), 0);
    QVERIFY(!m_view->isInverted());
    QVERIFY(m_view->isFitMode());
    QCOMPARE(m_view->renderSettings().width, 400.0);
    QCOMPARE(m_view->measurements().onSlice(0).size(), 1); // measurements survive a reset
}

void TestImageView::largeFramesRenderOnlyTheVisiblePart()
{
    // 3000² (above 2048²): zoomed in, only what is seen (plus a margin) goes through W/L.
    const auto hu = [](int c, int r) {
        return (c * 13 + r * 7) % 1500 - 500;
    };
    const dicom::DecodedSlice big = ctSlice(3000, 3000, hu);
    const dicom::RenderSettings settings {0.0, 1000.0, false, -1};
    SliceImageCache cache;
    const QRect seen(1000, 1200, 200, 150);
    const RenderedSlice &part = cache.rendered(0, big, settings, QRectF(seen));
    QVERIFY(part.region.contains(seen));
    QVERIFY(qint64(part.region.width()) * part.region.height() < qint64(3000) * 3000 / 8);
    QCOMPARE(part.image,
             dicom::WindowLevelRenderer::render(big.frame, big.display, settings, part.region)
                 .convertToFormat(QImage::Format_RGB32));
    // A small pan stays within the margin: no new render.
    QCOMPARE(&cache.rendered(0, big, settings, QRectF(seen.translated(20, -10))), &part);
    // Seen whole, the whole frame is rendered.
    QCOMPARE(cache.rendered(0, big, settings, QRectF(0, 0, 3000, 3000)).region, QRect(0, 0, 3000, 3000));

    // In the view: zoom in 4× about the centre and read back a pixel's grey.
    showOne(big);
    m_view->setAnnotationsVisible(false);
    m_view->setWindow(0, 1000);
    m_view->showActualSize();
    m_view->zoomBy(4.0);
    const QPointF centre(1500.5, 1500.5);
    const int expected = qGray(
        dicom::WindowLevelRenderer::render(big.frame, big.display, settings, QRect(1500, 1500, 1, 1)).pixel(0, 0));
    QVERIFY(std::abs(greyAt(*m_view, centre) - expected) <= 1);
}

void TestImageView::scrollingRendersFastEnoughForCine()
{
    // 60 CT slices of 512² in an 800² view: a synchronous repaint per slice, once rendering
    // each slice and once from the cache. Medians, so a busy machine's hiccups do not count.
    constexpr int Count = 60;
    auto source = std::make_unique<MemorySliceSource>(Count);
    for (int i = 0; i < Count; ++i)
        source->setSlice(i,
                         ctSlice(
                             512, 512, [i](int c, int r) { return (c * 3 + r * 5 + i) % 2000 - 1000; }, i));
    show(std::move(source));
    m_view->resize(800, 800);
    QList<double> rendering;
    QList<double> cached;
    for (QList<double> *pass : {&rendering, &cached}) {
        for (int i = 0; i < Count; ++i) {
            QElapsedTimer timer;
            timer.start();
            m_view->setCurrentSlice(i);
            m_view->repaint();
            pass->append(double(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(pass->begin(), pass->end());
    }
    const double renderingMs = rendering[Count / 2];
    const double cachedMs = cached[Count / 2];
    qInfo("512² slice at fit in 800² (dpr %.0f): median %.2f ms per frame rendering, %.2f ms from the cache",
          m_dpr,
          renderingMs,
          cachedMs);
    // 30 frames per second for cine. Asserted at ratio 1 in optimised builds; at ratio 2 the
    // painter scales to 1600² device pixels, and a Debug build (the asan preset: unoptimised,
    // every access checked) is 10-20 times slower: there the figure is reported for the record.
#ifdef NDEBUG
    constexpr bool optimised = true;
#else
    constexpr bool optimised = false;
#endif
    if (m_dpr == 1.0 && optimised) {
        QVERIFY2(cachedMs < 1000.0 / 30.0, qPrintable(QString::number(cachedMs)));
        QVERIFY2(renderingMs < 1000.0 / 30.0, qPrintable(QString::number(renderingMs)));
    }
}

QTEST_MAIN(TestImageView)
#include "TestImageView.moc"
