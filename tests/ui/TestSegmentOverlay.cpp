// SEG and heat-map overlays on the real ImageView (offscreen), over a chest phantom loaded by
// the real LoaderSliceSource, with a SEG written by the platform's SegmentationWriter: grabs
// with and without the overlay differ exactly inside the planted lesion (in the segment's
// colour at the set opacity) and nowhere else; they follow zoom and flips; hiding a segment in
// the SegmentPanel removes it; outline mode leaves the interior unpainted; the fractional map
// is drawn in the colour map with its colour bar; showRegion centres a lesion.
#include "SegmentationTestKit.h"
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/SegmentPlacement.h"
#include "dicom/SegmentationReader.h"
#include "results/SegmentPanel.h"
#include "viewer/ColourBar.h"
#include "viewer/HeatmapColourMap.h"
#include "viewer/ImageView.h"
#include "viewer/LoaderSliceSource.h"
#include "viewer/SegmentOverlay.h"

#include <QSlider>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace haip;
using namespace haip::test;
using namespace haip::ui;
using namespace Qt::StringLiterals;

class TestSegmentOverlay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fillsTheLesionInItsColourAndNothingElse();
    void followsZoomAndFlip();
    void hidingTheSegmentInThePanelRemovesIt();
    void outlineLeavesTheInteriorUnpainted();
    void opacitySliderChangesTheBlend();
    void heatMapUsesTheColourMapAndShowsItsBar();
    void panelListsSegmentsWithVolumes();
    void showRegionCentresTheLesion();
    void newSourceDropsTheSegmentation();

private:
    std::shared_ptr<const dicom::PlacedSegmentation> place(const QByteArray &bytes) const;
    QImage grab() const;
    // The widget pixel (device pixels of grab()) at the centre of image pixel `p`.
    QPoint devicePoint(QPointF imagePixel) const;
    // The image pixel at the centre of the lesion's biggest cut.
    QPointF lesionPixel() const;
    // Device pixels where two grabs differ.
    static QList<QPoint> differences(const QImage &a, const QImage &b);
    void saveArtifact(const QImage &image, const QString &name) const;

    std::unique_ptr<LibraryScope> m_library;
    QTemporaryDir m_dir;
    SegFixture m_fixture;
    QByteArray m_binary;
    QByteArray m_fractional;
    std::unique_ptr<LoaderSliceSource> m_source;
    std::unique_ptr<ImageView> m_view;
    int m_lesion = 0; // segment number of the biggest lesion
    dicom::SegmentRegion m_region;
};

std::shared_ptr<const dicom::PlacedSegmentation> TestSegmentOverlay::place(const QByteArray &bytes) const
{
    Result<dicom::Segmentation> seg = dicom::SegmentationReader::fromBytes(bytes, u"seg"_s);
    if (!seg)
        return nullptr;
    Result<dicom::PlacedSegmentation> placed =
        dicom::SegmentPlacement::place(m_fixture.series, std::make_shared<const dicom::Segmentation>(*seg));
    return placed ? std::make_shared<const dicom::PlacedSegmentation>(*placed) : nullptr;
}

QImage TestSegmentOverlay::grab() const
{
    return m_view->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

QPoint TestSegmentOverlay::devicePoint(QPointF imagePixel) const
{
    const QPointF v = m_view->viewTransform().toView(imagePixel + QPointF(0.5, 0.5));
    const double dpr = m_view->devicePixelRatioF();
    return QPoint(int(std::floor(v.x() * dpr)), int(std::floor(v.y() * dpr)));
}

QPointF TestSegmentOverlay::lesionPixel() const
{
    const QPointF c = QRectF(m_region.imageRect).center();
    return QPointF(std::floor(c.x()), std::floor(c.y()));
}

QList<QPoint> TestSegmentOverlay::differences(const QImage &a, const QImage &b)
{
    QList<QPoint> out;
    for (int y = 0; y < std::min(a.height(), b.height()); ++y)
        for (int x = 0; x < std::min(a.width(), b.width()); ++x)
            if (a.pixel(x, y) != b.pixel(x, y))
                out << QPoint(x, y);
    return out;
}

void TestSegmentOverlay::saveArtifact(const QImage &image, const QString &name) const
{
    image.save(QDir(artifactsDir()).filePath(name));
}

void TestSegmentOverlay::initTestCase()
{
    m_library = std::make_unique<LibraryScope>();
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(makeChestFixture(m_dir.filePath(u"ct"_s), FixtureOptions {}, m_fixture, error), qPrintable(error));
    Result<QByteArray> binary = writeLesionSegmentation(m_fixture, false);
    QVERIFY(binary);
    m_binary = *binary;
    Result<QByteArray> fractional = writeLesionSegmentation(m_fixture, true);
    QVERIFY(fractional);
    m_fractional = *fractional;
    // The biggest planted lesion: its widest cut fills enough widget pixels to test outlines.
    for (int i = 0; i < m_fixture.lesions.size(); ++i)
        if (m_fixture.lesions[i].diameter > m_fixture.lesions[std::max(m_lesion - 1, 0)].diameter || m_lesion == 0)
            m_lesion = i + 1;
    const auto placed = place(m_binary);
    QVERIFY(placed);
    m_region = *placed->regionOf(m_lesion);
}

void TestSegmentOverlay::init()
{
    m_source = std::make_unique<LoaderSliceSource>(m_fixture.series, 0);
    m_view = std::make_unique<ImageView>();
    m_view->resize(500, 500);
    m_view->setAnnotationsVisible(false);
    m_view->setSource(m_source.get());
    m_source->start(1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_source->isLoading(), 30000);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->setCurrentSlice(m_region.slice);
    m_view->setSegmentation(place(m_binary));
    QVERIFY(m_view->segmentOverlay()->segmentation());
}

void TestSegmentOverlay::cleanup()
{
    m_view.reset();
    m_source.reset();
}

void TestSegmentOverlay::fillsTheLesionInItsColourAndNothingElse()
{
    const QImage with = grab();
    m_view->segmentOverlay()->setSegmentVisible(m_lesion, false);
    const QImage without = grab();
    saveArtifact(with, u"segment-overlay-fill.png"_s);
    // Every segment on this slice hidden: the two grabs may differ only inside visible ones.
    const QColor colour = m_view->segmentOverlay()->segmentation()->segmentation->segment(m_lesion)->colour;
    const QPoint centre = devicePoint(lesionPixel());
    const QColor a = with.pixelColor(centre);
    const QColor b = without.pixelColor(centre);
    // 50 % over the image: halfway between the image pixel and the segment colour.
    QVERIFY2(std::abs(a.red() - (colour.red() + b.red()) / 2.0) <= 3 &&
                 std::abs(a.green() - (colour.green() + b.green()) / 2.0) <= 3 &&
                 std::abs(a.blue() - (colour.blue() + b.blue()) / 2.0) <= 3,
             qPrintable(u"%1 over %2 gave %3"_s.arg(colour.name(), b.name(), a.name())));
    // Other segments on the same slice still draw: hide them all to compare with nothing.
    for (const dicom::Segment &s : m_view->segmentOverlay()->segmentation()->segmentation->segments)
        m_view->segmentOverlay()->setSegmentVisible(s.number, s.number == m_lesion);
    const QImage only = grab();
    for (const dicom::Segment &s : m_view->segmentOverlay()->segmentation()->segmentation->segments)
        m_view->segmentOverlay()->setSegmentVisible(s.number, false);
    const QImage none = grab();
    const QList<QPoint> changed = differences(only, none);
    QVERIFY(changed.size() > 20);
    // The lesion's pixels as the view draws them (whole pixels, in device pixels), plus one.
    const double dpr = m_view->devicePixelRatioF();
    const QRectF drawn = m_view->viewTransform().imageToView().mapRect(QRectF(m_region.imageRect));
    const QRect box = QRectF(drawn.topLeft() * dpr, drawn.bottomRight() * dpr).toAlignedRect().adjusted(-1, -1, 1, 1);
    for (const QPoint &p : changed)
        QVERIFY2(box.contains(p), qPrintable(u"overlay pixel at (%1, %2), outside the lesion"_s.arg(p.x()).arg(p.y())));
}

void TestSegmentOverlay::followsZoomAndFlip()
{
    const QPointF lesion = lesionPixel();
    // 1.5 × fit keeps the lesion (left of centre, below it) on screen in every orientation.
    m_view->zoomBy(1.5);
    m_view->flipHorizontal();
    m_view->rotate(1);
    const QImage with = grab();
    m_view->segmentOverlay()->setSegmentVisible(m_lesion, false);
    const QImage without = grab();
    saveArtifact(with, u"segment-overlay-zoom-flip.png"_s);
    const QPoint here = devicePoint(lesion);
    QVERIFY(QRect(QPoint(), with.size()).contains(here));
    QVERIFY2(with.pixel(here) != without.pixel(here), "no overlay at the lesion after zoom, flip and rotation");
    // Where the lesion would be without the flip: nothing drawn there.
    m_view->flipHorizontal();
    const QPoint unflipped = devicePoint(lesion);
    m_view->flipHorizontal();
    QVERIFY((unflipped - here).manhattanLength() > 40);
    if (QRect(QPoint(), with.size()).contains(unflipped))
        QCOMPARE(with.pixel(unflipped), without.pixel(unflipped));
}

void TestSegmentOverlay::hidingTheSegmentInThePanelRemovesIt()
{
    SegmentPanel panel;
    panel.setView(m_view.get());
    const QImage with = grab();
    const int row = panel.rowOfSegment(m_lesion);
    QVERIFY(row >= 0);
    QTreeWidgetItem *item = panel.segmentList()->topLevelItem(row);
    QCOMPARE(item->checkState(SegmentPanel::NameColumn), Qt::Checked);
    item->setCheckState(SegmentPanel::NameColumn, Qt::Unchecked);
    QVERIFY(!m_view->segmentOverlay()->isSegmentVisible(m_lesion));
    const QImage hidden = grab();
    const QPoint centre = devicePoint(lesionPixel());
    QVERIFY(with.pixel(centre) != hidden.pixel(centre));
    m_view->setSegmentation(nullptr);
    QCOMPARE(grab().pixel(centre), hidden.pixel(centre));
    QCOMPARE(panel.segmentList()->topLevelItemCount(), 0);
}

void TestSegmentOverlay::outlineLeavesTheInteriorUnpainted()
{
    SegmentOverlay *overlay = m_view->segmentOverlay();
    for (const dicom::Segment &s : overlay->segmentation()->segmentation->segments)
        overlay->setSegmentVisible(s.number, s.number == m_lesion);
    const QImage fill = grab();
    overlay->setStyle(SegmentOverlay::Style::Outline);
    const QImage outline = grab();
    overlay->setSegmentVisible(m_lesion, false);
    const QImage none = grab();
    saveArtifact(outline, u"segment-overlay-outline.png"_s);
    const QPoint centre = devicePoint(lesionPixel());
    QCOMPARE(outline.pixel(centre), none.pixel(centre));
    QVERIFY(fill.pixel(centre) != none.pixel(centre));
    const int outlined = differences(outline, none).size();
    const int filled = differences(fill, none).size();
    QVERIFY2(outlined > 0 && outlined < filled, qPrintable(u"%1 outline, %2 fill"_s.arg(outlined).arg(filled)));
}

void TestSegmentOverlay::opacitySliderChangesTheBlend()
{
    SegmentPanel panel;
    panel.setView(m_view.get());
    const QPoint centre = devicePoint(lesionPixel());
    panel.opacitySlider()->setValue(100);
    QCOMPARE(m_view->segmentOverlay()->opacity(), 1.0);
    const QColor colour = m_view->segmentOverlay()->segmentation()->segmentation->segment(m_lesion)->colour;
    QCOMPARE(grab().pixel(centre), colour.rgb());
    panel.opacitySlider()->setValue(0);
    const QImage clear = grab();
    m_view->segmentOverlay()->setSegmentVisible(m_lesion, false);
    QCOMPARE(clear.pixel(centre), grab().pixel(centre));
}

void TestSegmentOverlay::heatMapUsesTheColourMapAndShowsItsBar()
{
    const QImage binary = grab();
    m_view->setSegmentation(place(m_fractional));
    QVERIFY(m_view->segmentOverlay()->segmentation());
    m_view->segmentOverlay()->setOpacity(1.0);
    const QImage heat = grab();
    saveArtifact(heat, u"segment-overlay-heatmap.png"_s);
    m_view->segmentOverlay()->setSegmentVisible(m_lesion, false);
    const QImage without = grab();
    // At the centre: the colour map's colour of the stored probability, as opaque as it is probable.
    const QPoint centre = devicePoint(lesionPixel());
    const auto placed = m_view->segmentOverlay()->segmentation();
    const int column = int(lesionPixel().x());
    const int row = int(lesionPixel().y());
    int value = -1;
    for (int f : placed->framesOnSlice(m_region.slice)) {
        const dicom::SegmentationFrame &frame = placed->segmentation->frames[f];
        if (frame.segmentNumber == m_lesion)
            value = quint8(frame.pixels[row * placed->segmentation->columns + column]);
    }
    QVERIFY2(value > 128, qPrintable(QString::number(value)));
    const double alpha = value / 255.0;
    const QRgb map = HeatmapColourMap::colour(value / 255.0);
    const QRgb under = without.pixel(centre);
    const QRgb got = heat.pixel(centre);
    const auto blend = [alpha](int top, int bottom) {
        return top * alpha + bottom * (1.0 - alpha);
    };
    QVERIFY2(std::abs(qRed(got) - blend(qRed(map), qRed(under))) <= 3 &&
                 std::abs(qGreen(got) - blend(qGreen(map), qGreen(under))) <= 3 &&
                 std::abs(qBlue(got) - blend(qBlue(map), qBlue(under))) <= 3,
             qPrintable(u"%1 over %2 at %3 gave %4"_s.arg(QColor(map).name(), QColor(under).name())
                            .arg(alpha)
                            .arg(QColor(got).name())));
    // The colour bar: yellow at the top of its strip, dark violet at the bottom; none for BINARY.
    const QRectF strip = ColourBar::stripRect(QRectF(m_view->rect()));
    const double dpr = m_view->devicePixelRatioF();
    const QPoint top((strip.center().x()) * dpr, (strip.top() + 2) * dpr);
    const QPoint bottom((strip.center().x()) * dpr, (strip.bottom() - 2) * dpr);
    const auto near = [](QRgb a, QRgb b) {
        return std::abs(qRed(a) - qRed(b)) <= 12 && std::abs(qGreen(a) - qGreen(b)) <= 12 &&
            std::abs(qBlue(a) - qBlue(b)) <= 12;
    };
    QVERIFY2(near(heat.pixel(top), HeatmapColourMap::colour(1.0)), qPrintable(heat.pixelColor(top).name()));
    QVERIFY2(near(heat.pixel(bottom), HeatmapColourMap::colour(0.0)), qPrintable(heat.pixelColor(bottom).name()));
    QVERIFY(!near(binary.pixel(top), HeatmapColourMap::colour(1.0)));
}

void TestSegmentOverlay::panelListsSegmentsWithVolumes()
{
    SegmentPanel panel;
    panel.setView(m_view.get());
    const auto placed = m_view->segmentOverlay()->segmentation();
    QTreeWidget *list = panel.segmentList();
    QCOMPARE(list->topLevelItemCount(), m_fixture.lesions.size());
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = list->topLevelItem(i);
        QCOMPARE(item->text(SegmentPanel::NameColumn), m_fixture.lesions[i].id);
        QCOMPARE(item->text(SegmentPanel::CategoryColumn), u"Nodule"_s);
        QVERIFY2(item->text(SegmentPanel::VolumeColumn).endsWith(u" mL"_s), qPrintable(item->text(2)));
        const double ml = QLocale().toDouble(item->text(SegmentPanel::VolumeColumn).chopped(3));
        QVERIFY(std::abs(ml - placed->measure(i + 1)->volumeMl) < 0.1);
        QVERIFY(!item->icon(SegmentPanel::NameColumn).isNull());
    }
    // Activating a row goes to the slice where that segment is biggest.
    m_view->setCurrentSlice(0);
    const int row = panel.rowOfSegment(m_lesion);
    emit list->itemActivated(list->topLevelItem(row), 0);
    QCOMPARE(m_view->currentSlice(), m_region.slice);
    panel.setRefusal(Error(ErrorCode::SegmentationMismatch, u"reason"_s, u"SEG"_s));
    QCOMPARE(list->topLevelItemCount(), 0);
}

void TestSegmentOverlay::showRegionCentresTheLesion()
{
    m_view->setCurrentSlice(0);
    m_view->zoomBy(3.0);
    m_view->showRegion(m_region.slice, QRectF(m_region.imageRect));
    QCOMPARE(m_view->currentSlice(), m_region.slice);
    const QPointF centre = m_view->viewTransform().toView(QRectF(m_region.imageRect).center());
    QVERIFY2((centre - QPointF(250, 250)).manhattanLength() < 1.0,
             qPrintable(u"(%1, %2)"_s.arg(centre.x()).arg(centre.y())));
    saveArtifact(grab(), u"segment-overlay-region.png"_s);
}

void TestSegmentOverlay::newSourceDropsTheSegmentation()
{
    LoaderSliceSource other(m_fixture.series, 0);
    m_view->setSource(&other);
    QVERIFY(!m_view->segmentOverlay()->segmentation());
    m_view->setSource(nullptr);
}

QTEST_MAIN(TestSegmentOverlay)
#include "TestSegmentOverlay.moc"
