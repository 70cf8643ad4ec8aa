// Presentation-state (GSPS) graphics on the real ImageView (offscreen) over a chest phantom loaded
// by the real LoaderSliceSource, with a GSPS written by DCMTK's dcmpstat and read by our reader:
// the box (closed POLYLINE) and the CIRCLE appear in the layer's colour at their image
// coordinates — also after zoom, flip and rotation — and nowhere else; the DISPLAY-unit mark sits
// on the displayed area as it is on screen; the Japanese label is drawn with real glyphs; the
// state's window replaces the user's unless "graphics only" is on, and the user's comes back;
// slices the annotations do not name (referenced or not) show nothing; the actions follow.
#include "PresentationStateTestKit.h"
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/PresentationStateReader.h"
#include "viewer/GraphicOverlay.h"
#include "viewer/ImageView.h"
#include "viewer/LoaderSliceSource.h"
#include "viewer/PresentationStateActions.h"

#include <QAction>
#include <QGlyphRun>
#include <QRawFont>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace haip;
using namespace haip::test;
using namespace haip::ui;
using namespace Qt::StringLiterals;

class TestGraphicOverlay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void drawsBoxAndCircleAtTheirImageCoordinates();
    void drawsNothingOutsideTheGraphics();
    void followsZoomFlipAndRotation();
    void placesDisplayUnitsOnTheDisplayedArea();
    void rendersJapaneseText();
    void appliesTheStatesWindowByDefault();
    void graphicsOnlyKeepsTheUsersWindow();
    void otherSlicesShowNothing();
    void appliesTheWindowWhenItsSliceIsReached();
    void actionsFollowTheView();
    void newSourceDropsTheState();

private:
    void setState(bool graphicsOnly);
    QImage grab() const;
    // The widget's device pixel at an image point (PIXEL units: continuous coordinates).
    QPoint devicePoint(QPointF imagePoint) const;
    // True when a pixel within two logical pixels of device pixel `p` is close to `colour`.
    bool colourNear(const QImage &image, QPoint p, const QColor &colour) const;
    void saveArtifact(const QImage &image, const QString &name) const;

    std::unique_ptr<LibraryScope> m_library;
    QTemporaryDir m_dir;
    GspsFixture m_fixture;
    GspsSpec m_spec;
    std::shared_ptr<const dicom::PresentationState> m_state;
    std::unique_ptr<LoaderSliceSource> m_source;
    std::unique_ptr<ImageView> m_view;
};

void TestGraphicOverlay::setState(bool graphicsOnly)
{
    m_view->setPresentationState(m_state, graphicsOnly);
}

QImage TestGraphicOverlay::grab() const
{
    return m_view->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

QPoint TestGraphicOverlay::devicePoint(QPointF imagePoint) const
{
    const QPointF v = m_view->viewTransform().toView(imagePoint);
    const double dpr = m_view->devicePixelRatioF();
    return QPoint(int(std::floor(v.x() * dpr)), int(std::floor(v.y() * dpr)));
}

bool TestGraphicOverlay::colourNear(const QImage &image, QPoint p, const QColor &colour) const
{
    const int radius = int(std::ceil(2.0 * m_view->devicePixelRatioF()));
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint q = p + QPoint(dx, dy);
            if (!image.rect().contains(q))
                continue;
            const QColor c = image.pixelColor(q);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                    std::abs(c.blue() - colour.blue()) <=
                30)
                return true;
        }
    }
    return false;
}

void TestGraphicOverlay::saveArtifact(const QImage &image, const QString &name) const
{
    image.save(QDir(artifactsDir()).filePath(name));
}

void TestGraphicOverlay::initTestCase()
{
    m_library = std::make_unique<LibraryScope>();
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(makeGspsFixture(m_dir.filePath(u"ct"_s), 12, m_fixture, error), qPrintable(error));
    m_spec.slice = 5;
    m_spec.alsoReferenced = 6;
    Result<QByteArray> bytes = writePresentationState(m_fixture, m_spec);
    QVERIFY(bytes);
    const QStringList invalid = dciodvfyErrors(*bytes, m_dir.path());
    QVERIFY2(invalid.isEmpty(), qPrintable(invalid.join(u'\n')));
    Result<dicom::PresentationState> state = dicom::PresentationStateReader::fromBytes(*bytes, u"gsps"_s);
    QVERIFY2(state, qPrintable(state ? QString() : state.error().detail()));
    m_state = std::make_shared<const dicom::PresentationState>(*state);
}

void TestGraphicOverlay::init()
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
    m_view->setCurrentSlice(m_spec.slice);
}

void TestGraphicOverlay::cleanup()
{
    m_view.reset();
    m_source.reset();
}

void TestGraphicOverlay::drawsBoxAndCircleAtTheirImageCoordinates()
{
    const QImage before = grab();
    setState(true);
    const QImage with = grab();
    saveArtifact(with, u"gsps-graphics.png"_s);
    const QColor red = m_spec.graphicsColour;
    const QRectF b = m_spec.box;
    // Corners and edge midpoints of the box.
    for (const QPointF p : {b.topLeft(),
                            b.topRight(),
                            b.bottomRight(),
                            b.bottomLeft(),
                            QPointF(b.center().x(), b.top()),
                            QPointF(b.right(), b.center().y()),
                            QPointF(b.center().x(), b.bottom())})
        QVERIFY2(colourNear(with, devicePoint(p), red),
                 qPrintable(u"no box outline at image (%1, %2)"_s.arg(p.x()).arg(p.y())));
    // Not filled: the middle of the box is the image.
    QCOMPARE(with.pixel(devicePoint(b.center())), before.pixel(devicePoint(b.center())));
    // Four points on the circle, its centre untouched.
    const QPointF c = m_spec.circleCentre;
    const double r = m_spec.circleRadius;
    for (const QPointF p : {c + QPointF(r, 0),
                            c + QPointF(0, r),
                            c - QPointF(r, 0),
                            c - QPointF(0, r),
                            c + QPointF(r, r) / std::sqrt(2.0)})
        QVERIFY2(colourNear(with, devicePoint(p), red),
                 qPrintable(u"no circle at image (%1, %2)"_s.arg(p.x()).arg(p.y())));
    QCOMPARE(with.pixel(devicePoint(c)), before.pixel(devicePoint(c)));
}

void TestGraphicOverlay::drawsNothingOutsideTheGraphics()
{
    const QImage before = grab();
    setState(true);
    const QImage with = grab();
    const QTransform toView = m_view->viewTransform().imageToView();
    const double dpr = m_view->devicePixelRatioF();
    const auto deviceRect = [&](const QRectF &viewRect, double margin) {
        return QRectF(viewRect.topLeft() * dpr, viewRect.bottomRight() * dpr)
            .toAlignedRect()
            .adjusted(-int(margin * dpr), -int(margin * dpr), int(margin * dpr), int(margin * dpr));
    };
    const QRectF circle(m_spec.circleCentre - QPointF(m_spec.circleRadius, m_spec.circleRadius),
                        QSizeF(2 * m_spec.circleRadius, 2 * m_spec.circleRadius));
    const QRectF image(QPointF(0, 0), QSizeF(125, 123));
    const QRectF area = toView.mapRect(image);
    const QPointF mark =
        area.topLeft() + QPointF(m_spec.displayMark.x() * area.width(), m_spec.displayMark.y() * area.height());
    // Where graphics may be: the box, the circle, the mark, and the label with its anchor line
    // (the label keeps at least 8 characters' width and may wrap onto a few lines).
    const QList<QRect> allowed {
        deviceRect(toView.mapRect(m_spec.box), 4),
        deviceRect(toView.mapRect(circle), 4),
        deviceRect(QRectF(mark, mark), 10),
        deviceRect(toView.mapRect(m_spec.textBox).adjusted(0, 0, 200, 80), 4),
        deviceRect(toView.mapRect(QRectF(m_spec.box.bottomLeft(), m_spec.textBox.topLeft()).normalized()), 4)};
    int changed = 0;
    for (int y = 0; y < with.height(); ++y) {
        for (int x = 0; x < with.width(); ++x) {
            if (with.pixel(x, y) == before.pixel(x, y))
                continue;
            ++changed;
            const bool inside =
                std::any_of(allowed.begin(), allowed.end(), [&](const QRect &r) { return r.contains(x, y); });
            QVERIFY2(inside, qPrintable(u"graphics drawn at device (%1, %2)"_s.arg(x).arg(y)));
        }
    }
    QVERIFY(changed > 200);
}

void TestGraphicOverlay::followsZoomFlipAndRotation()
{
    setState(true);
    m_view->zoomBy(1.5);
    m_view->flipHorizontal();
    m_view->rotate(1);
    const QImage with = grab();
    saveArtifact(with, u"gsps-zoom-flip-rotate.png"_s);
    const QRectF b = m_spec.box;
    for (const QPointF p : {b.topLeft(), b.bottomRight(), QPointF(b.center().x(), b.top())}) {
        const QPoint d = devicePoint(p);
        QVERIFY(with.rect().contains(d));
        QVERIFY2(colourNear(with, d, m_spec.graphicsColour),
                 qPrintable(u"no box outline at image (%1, %2) after zoom/flip/rotate"_s.arg(p.x()).arg(p.y())));
    }
    const QPointF onCircle = m_spec.circleCentre + QPointF(m_spec.circleRadius, 0);
    QVERIFY(colourNear(with, devicePoint(onCircle), m_spec.graphicsColour));
    // Where the circle's point would be without the flip: nothing red.
    m_view->flipHorizontal();
    const QPoint unflipped = devicePoint(onCircle);
    m_view->flipHorizontal();
    QVERIFY((unflipped - devicePoint(onCircle)).manhattanLength() > 40);
    QVERIFY(!colourNear(with, unflipped, m_spec.graphicsColour));
}

void TestGraphicOverlay::placesDisplayUnitsOnTheDisplayedArea()
{
    setState(true);
    m_view->flipHorizontal(); // DISPLAY units are fractions of the area as shown: the mark stays top right
    const QImage with = grab();
    const QRectF area = m_view->viewTransform().imageToView().mapRect(QRectF(0, 0, 125, 123));
    const QPointF mark =
        area.topLeft() + QPointF(m_spec.displayMark.x() * area.width(), m_spec.displayMark.y() * area.height());
    const double dpr = m_view->devicePixelRatioF();
    // The POINT is a cross: its centre and the ends of its arms.
    for (const QPointF offset : {QPointF(0, 0), QPointF(4, 0), QPointF(-4, 0), QPointF(0, 4), QPointF(0, -4)}) {
        const QPointF p = (mark + offset) * dpr;
        QVERIFY2(colourNear(with, QPoint(int(p.x()), int(p.y())), m_spec.graphicsColour),
                 qPrintable(u"no mark at (%1, %2)"_s.arg(p.x()).arg(p.y())));
    }
}

void TestGraphicOverlay::rendersJapaneseText()
{
    const QImage before = grab();
    setState(true);
    const QImage with = grab();
    saveArtifact(with, u"gsps-text.png"_s);
    // The fonts Qt picks for the label cover its kanji (no missing-glyph boxes).
    QTextLayout layout(m_spec.text, m_view->font());
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    bool kanjiCovered = false;
    for (const QGlyphRun &run : layout.glyphRuns())
        if (run.rawFont().supportsCharacter(U'結') && run.rawFont().supportsCharacter(U'節'))
            kanjiCovered = true;
    QVERIFY2(kanjiCovered, "no font with 結節 (install fonts-noto-cjk)");
    // The two kanji, in the label's colour, fill a good part of where they are drawn.
    const double dpr = m_view->devicePixelRatioF();
    const QPointF topLeft = m_view->viewTransform().toView(m_spec.textBox.topLeft());
    const QFontMetricsF metrics(m_view->font());
    const QRect kanji =
        QRectF(topLeft * dpr, QSizeF(metrics.horizontalAdvance(u"結節"_s), metrics.height()) * dpr).toAlignedRect();
    int green = 0, changed = 0;
    for (int y = kanji.top(); y <= kanji.bottom(); ++y) {
        for (int x = kanji.left(); x <= kanji.right(); ++x) {
            const QColor c = with.pixelColor(x, y);
            changed += with.pixel(x, y) != before.pixel(x, y) ? 1 : 0;
            green += c.green() > 150 && c.red() < 100 && c.blue() < 100 ? 1 : 0;
        }
    }
    // Kanji have many strokes: far more coloured pixels than a box outline would give.
    QVERIFY2(green > kanji.width() * kanji.height() / 10,
             qPrintable(u"%1 green pixels of %2"_s.arg(green).arg(kanji.width() * kanji.height())));
    QVERIFY(changed > green);
}

void TestGraphicOverlay::appliesTheStatesWindowByDefault()
{
    const dicom::RenderSettings user = m_view->renderSettings();
    QVERIFY(user.center != m_spec.windowCenter);
    QSignalSpy window(m_view.get(), &ImageView::windowChanged);
    setState(false);
    QCOMPARE(m_view->renderSettings().center, m_spec.windowCenter);
    QCOMPARE(m_view->renderSettings().width, m_spec.windowWidth);
    QCOMPARE(window.size(), 1);
    saveArtifact(grab(), u"gsps-window.png"_s);
    QVERIFY(colourNear(grab(), devicePoint(m_spec.box.topLeft()), m_spec.graphicsColour));
    // Cleared: the window from before comes back.
    m_view->setPresentationState(nullptr);
    QCOMPARE(m_view->renderSettings().center, user.center);
    QCOMPARE(m_view->renderSettings().width, user.width);
}

void TestGraphicOverlay::graphicsOnlyKeepsTheUsersWindow()
{
    m_view->setWindow(50.0, 350.0);
    setState(true);
    QCOMPARE(m_view->renderSettings().center, 50.0);
    QCOMPARE(m_view->renderSettings().width, 350.0);
    QVERIFY(colourNear(grab(), devicePoint(m_spec.box.topLeft()), m_spec.graphicsColour));
    // The switch through its action: off applies the state's window, on gives the user's back.
    PresentationStateActions actions(m_view.get());
    QVERIFY(actions.graphicsOnlyAction()->isChecked());
    actions.graphicsOnlyAction()->setChecked(false);
    QVERIFY(!m_view->isPresentationGraphicsOnly());
    QCOMPARE(m_view->renderSettings().center, m_spec.windowCenter);
    actions.graphicsOnlyAction()->setChecked(true);
    QCOMPARE(m_view->renderSettings().center, 50.0);
    QCOMPARE(m_view->renderSettings().width, 350.0);
    // A window the user chose after the state's stays when graphics-only is switched on.
    actions.graphicsOnlyAction()->setChecked(false);
    m_view->setWindow(-500.0, 1000.0);
    actions.graphicsOnlyAction()->setChecked(true);
    QCOMPARE(m_view->renderSettings().center, -500.0);
}

void TestGraphicOverlay::otherSlicesShowNothing()
{
    setState(false);
    // Slice 6 is referenced by the state but named by none of its annotations; slice 0 not at all.
    for (const int slice : {m_spec.alsoReferenced, 0}) {
        m_view->setCurrentSlice(slice);
        QVERIFY(!m_view->graphicOverlay()->hasGraphics(m_source->info(slice).sopInstanceUid, 0));
        const QImage with = grab();
        m_view->graphicOverlay()->setVisible(false);
        const QImage hidden = grab();
        m_view->graphicOverlay()->setVisible(true);
        QCOMPARE(with, hidden);
    }
    m_view->setCurrentSlice(m_spec.slice);
    QVERIFY(m_view->graphicOverlay()->hasGraphics(m_source->info(m_spec.slice).sopInstanceUid, 0));
    QVERIFY(colourNear(grab(), devicePoint(m_spec.box.topLeft()), m_spec.graphicsColour));
}

void TestGraphicOverlay::appliesTheWindowWhenItsSliceIsReached()
{
    m_view->setCurrentSlice(0);
    const dicom::RenderSettings user = m_view->renderSettings();
    setState(false);
    QCOMPARE(m_view->renderSettings().center, user.center); // nothing set for slice 0
    m_view->setCurrentSlice(m_spec.slice);
    QCOMPARE(m_view->renderSettings().center, m_spec.windowCenter);
    // Once: back on slice 0 the window stays, and the user may change it on slice 5 again.
    m_view->setCurrentSlice(0);
    QCOMPARE(m_view->renderSettings().center, m_spec.windowCenter);
    m_view->setWindow(10.0, 100.0);
    m_view->setCurrentSlice(m_spec.slice);
    QCOMPARE(m_view->renderSettings().center, 10.0);
}

void TestGraphicOverlay::actionsFollowTheView()
{
    PresentationStateActions actions(m_view.get());
    QCOMPARE(actions.showGraphicsAction()->objectName(), u"presentation.showGraphics"_s);
    QVERIFY(!actions.showGraphicsAction()->isEnabled());
    QVERIFY(!actions.graphicsOnlyAction()->isEnabled());
    setState(true);
    QVERIFY(actions.showGraphicsAction()->isEnabled());
    QVERIFY(actions.showGraphicsAction()->isChecked());
    QVERIFY(actions.graphicsOnlyAction()->isChecked());
    const QImage shown = grab();
    actions.showGraphicsAction()->setChecked(false);
    QVERIFY(!m_view->graphicOverlay()->isVisible());
    QVERIFY(!colourNear(grab(), devicePoint(m_spec.box.topLeft()), m_spec.graphicsColour));
    actions.showGraphicsAction()->setChecked(true);
    QCOMPARE(grab(), shown);
    m_view->setPresentationGraphicsOnly(false);
    QVERIFY(!actions.graphicsOnlyAction()->isChecked());
}

void TestGraphicOverlay::newSourceDropsTheState()
{
    setState(false);
    QSignalSpy changed(m_view.get(), &ImageView::presentationStateChanged);
    LoaderSliceSource other(m_fixture.series, 0);
    m_view->setSource(&other);
    QVERIFY(!m_view->presentationState());
    QCOMPARE(changed.size(), 1);
    m_view->setSource(nullptr);
}

QTEST_MAIN(TestGraphicOverlay)
#include "TestGraphicOverlay.moc"
