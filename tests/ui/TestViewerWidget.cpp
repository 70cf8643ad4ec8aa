// ViewerWidget on a real phantom CT written to disk by PhantomGenerator and read back through
// DicomFile: the first image appears, the stack is complete, an ellipse ROI on a lesion reads
// the ground truth's HU within noise, and a screenshot at lung window is saved for people to
// look at (test-artifacts/viewer-lung-window.png).
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/DicomFile.h"
#include "dicom/Phantom.h"
#include "dicom/RoiStatistics.h"
#include "dicom/SeriesAssembler.h"
#include "viewer/ImageView.h"
#include "viewer/SliceSource.h"
#include "viewer/ViewerWidget.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <numbers>

using namespace haip;
using namespace haip::ui;

namespace {

void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QCoreApplication::sendEvent(w, &event);
}

void drag(QWidget *w, QPointF from, QPointF to)
{
    sendMouse(w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 4; ++i)
        sendMouse(w, QEvent::MouseMove, from + (to - from) * (i / 4.0), Qt::NoButton, Qt::LeftButton);
    sendMouse(w, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

} // namespace

class TestViewerWidget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsPhantomAndMeasuresLesion();
    void screenshotAtLungWindow();
    void cancelLoadingKeepsWhatIsLoaded();

private:
    void load(ViewerWidget &viewer);
    QJsonObject lesion(const QString &id) const;

    std::unique_ptr<LibraryScope> m_library;
    QTemporaryDir m_dir;
    dicom::PhantomResult m_phantom;
    QJsonObject m_truth;
};

void TestViewerWidget::initTestCase()
{
    m_library = std::make_unique<LibraryScope>();
    QVERIFY(m_dir.isValid());
    dicom::PhantomOptions options;
    options.kind = dicom::PhantomKind::ChestCt;
    options.outputDir = m_dir.path();
    options.slices = 40;
    auto result = dicom::PhantomGenerator::generate(options);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message()));
    m_phantom = *result;
    QFile truth(m_phantom.groundTruthPath);
    QVERIFY(truth.open(QIODevice::ReadOnly));
    m_truth = QJsonDocument::fromJson(truth.readAll()).object();
    QCOMPARE(m_truth.value(QStringLiteral("slices")).toInt(), 40);
}

void TestViewerWidget::load(ViewerWidget &viewer)
{
    // As the workstation does it: headers → series assembly → background loading.
    QList<dicom::InstanceInfo> headers;
    for (const QString &path : m_phantom.files) {
        auto file = dicom::DicomFile::open(path, dicom::DicomFile::Content::HeaderOnly);
        QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message()));
        headers.append(file->info());
    }
    const QList<dicom::Series> series = dicom::SeriesAssembler::assemble(headers);
    QCOMPARE(series.size(), 1);
    QSignalSpy finished(&viewer, &ViewerWidget::loadFinished);
    viewer.showSeries(series.front(), 0);
    QVERIFY(finished.wait(60000));
}

QJsonObject TestViewerWidget::lesion(const QString &id) const
{
    for (const QJsonValue &v : m_truth.value(QStringLiteral("lesions")).toArray())
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

void TestViewerWidget::showsPhantomAndMeasuresLesion()
{
    ViewerWidget viewer;
    viewer.resize(900, 700);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QSignalSpy shown(&viewer, &ViewerWidget::firstImageShown);
    QSignalSpy finished(&viewer, &ViewerWidget::loadFinished);
    QSignalSpy progress(&viewer, &ViewerWidget::loadProgress);
    QSignalSpy failed(&viewer, &ViewerWidget::sliceFailed);
    load(viewer);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), 40); // loaded
    QCOMPARE(finished.at(0).at(1).toInt(), 0); // failed
    QCOMPARE(failed.count(), 0);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), 40);
    QCOMPARE(viewer.sliceCount(), 40);
    // Slices run superior → inferior (reading order); the ground truth numbers them the other way.
    const double firstZ = m_truth.value(QStringLiteral("first_image_position_mm")).toArray().at(2).toDouble();
    const double step = m_truth.value(QStringLiteral("slice_spacing_mm")).toDouble();
    QVERIFY(std::abs(viewer.imageView()->source()->slice(7)->plane.position.z - (firstZ + (39 - 7) * step)) < 1e-3);

    // nodule-3: 20 mm across, 30 HU. Go to its slice and draw a 12 mm ellipse on its centre.
    const QJsonObject nodule = lesion(QStringLiteral("nodule-3"));
    QVERIFY(!nodule.isEmpty());
    const QJsonArray voxel = nodule.value(QStringLiteral("centre_voxel")).toArray();
    const int sliceIndex = 39 - int(std::lround(voxel.at(2).toDouble()));
    ImageView *view = viewer.imageView();
    view->setCurrentSlice(sliceIndex);
    QCOMPARE(viewer.currentSlice(), sliceIndex);
    QVERIFY(viewer.applyPreset(QStringLiteral("ct-mediastinum")));
    const double spacing = m_truth.value(QStringLiteral("pixel_spacing_mm")).toArray().at(0).toDouble();
    const double radius = 6.0 / spacing; // pixels
    // Ground-truth voxel coordinates put pixel centres on integers; ours at +0.5.
    const QPointF centre(voxel.at(0).toDouble() + 0.5, voxel.at(1).toDouble() + 0.5);
    view->setTool(ImageView::Tool::Ellipse);
    const ViewTransform v = view->viewTransform();
    drag(view, v.toView(centre - QPointF(radius, radius)), v.toView(centre + QPointF(radius, radius)));
    const QList<Measurement> list = view->measurements().onSlice(sliceIndex);
    QCOMPARE(list.size(), 1);
    const auto slice = view->source()->slice(sliceIndex);
    const dicom::RegionStatistics stats =
        dicom::RoiStatistics::ellipse(slice->frame, slice->display, slice->plane, list[0].bounds());
    const double noise = m_truth.value(QStringLiteral("noise_sd_hu")).toDouble();
    const double truthHu = nodule.value(QStringLiteral("mean_hu")).toDouble();
    qInfo("nodule-3 ROI: %d px, mean %.2f HU (truth %.0f), SD %.2f HU (noise %.0f), area %.1f mm²",
          stats.pixelCount,
          stats.mean,
          truthHu,
          stats.standardDeviation,
          noise,
          stats.areaMm2);
    QVERIFY(stats.pixelCount > 150);
    // The mean of n noisy pixels is within a few standard errors of the truth.
    QVERIFY(std::abs(stats.mean - truthHu) < 4.0 * noise / std::sqrt(double(stats.pixelCount)) + 1.0);
    QVERIFY(std::abs(stats.standardDeviation - noise) < 0.35 * noise);
    QVERIFY(std::abs(stats.areaMm2 - std::numbers::pi * 36.0) < 1.5);
}

void TestViewerWidget::screenshotAtLungWindow()
{
    ViewerWidget viewer;
    viewer.resize(1000, 800);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    load(viewer);
    ImageView *view = viewer.imageView();
    const QJsonObject nodule = lesion(QStringLiteral("nodule-3"));
    const QJsonArray voxel = nodule.value(QStringLiteral("centre_voxel")).toArray();
    view->setCurrentSlice(int(std::lround(voxel.at(2).toDouble())));
    QVERIFY(viewer.applyPreset(QStringLiteral("ct-lung")));
    const QPointF centre(voxel.at(0).toDouble() + 0.5, voxel.at(1).toDouble() + 0.5);
    const ViewTransform v = view->viewTransform();
    view->setTool(ImageView::Tool::Ellipse);
    drag(view, v.toView(centre - QPointF(9, 9)), v.toView(centre + QPointF(9, 9)));
    view->setTool(ImageView::Tool::Length);
    drag(view, v.toView(centre + QPointF(-14, 22)), v.toView(centre + QPointF(14, 22)));
    sendMouse(view, QEvent::MouseMove, v.toView({256, 256}), Qt::NoButton, Qt::NoButton); // the probe
    const QImage shot = viewer.grab().toImage();
    const QString path = QDir(test::artifactsDir()).filePath(QStringLiteral("viewer-lung-window.png"));
    QVERIFY(shot.save(path));
    qInfo("screenshot: %s", qPrintable(path));
    // Lung window (C −600, W 1500): air at about −1000 HU is dark grey, ((−1000 + 600.5) /
    // 1499 + 0.5) · 255 ≈ 60, never black; the margin beside the image is black.
    const double dpr = shot.devicePixelRatio();
    const int air = qGray(shot.pixel((v.toView({30, 300}) * dpr).toPoint()));
    QVERIFY2(air > 45 && air < 75, qPrintable(QString::number(air)));
    QCOMPARE(qGray(shot.pixel(2, shot.height() / 2)), 0);
}

void TestViewerWidget::cancelLoadingKeepsWhatIsLoaded()
{
    ViewerWidget viewer;
    viewer.resize(400, 300);
    viewer.show();
    QList<dicom::InstanceInfo> headers;
    for (const QString &path : m_phantom.files) {
        auto file = dicom::DicomFile::open(path, dicom::DicomFile::Content::HeaderOnly);
        QVERIFY(file.ok());
        headers.append(file->info());
    }
    QSignalSpy finished(&viewer, &ViewerWidget::loadFinished);
    viewer.showSeries(dicom::SeriesAssembler::assemble(headers).front(), 0);
    QVERIFY(viewer.isLoading());
    viewer.cancelLoading(); // microseconds after the start: 40 slices cannot all be done
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.at(0).at(2).toBool(), true); // cancelled
    QVERIFY(finished.at(0).at(0).toInt() < 40);
    QVERIFY(!viewer.isLoading());
    QCOMPARE(viewer.sliceCount(), 40);
    QVERIFY(!viewer.grab().isNull()); // slices not loaded say so; nothing crashes
}

QTEST_MAIN(TestViewerWidget)
#include "TestViewerWidget.moc"
