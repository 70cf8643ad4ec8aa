// dicom::PresentationStateReader on GSPS objects written by DCMTK's dcmpstat (an independent
// writer) over a chest phantom: the referenced images, layers in order with their colours, every
// graphic and text object with its units and coordinates, the Japanese text, the window per image
// and the spatial transformation read back; what applies to which image; the written object is
// a valid IOD for dciodvfy; hostile and damaged objects are errors, never crashes.
#include "PresentationStateTestKit.h"
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/PresentationStateReader.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <cmath>
#include <limits>
#include <memory>

using namespace haip;
using namespace haip::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(haip::ErrorCode)

namespace {

// The first item of `key` in `item` holding a `child` sequence (the annotation with graphics, …).
DcmItem *itemWith(DcmItem &item, const DcmTagKey &key, const DcmTagKey &child)
{
    for (long i = 0;; ++i) {
        DcmItem *found = nullptr;
        if (item.findAndGetSequenceItem(key, found, i).bad() || found == nullptr)
            return nullptr;
        DcmSequenceOfItems *sequence = nullptr;
        if (found->findAndGetSequence(child, sequence).good() && sequence != nullptr && sequence->card() > 0)
            return found;
    }
}

// The first graphic object (the box: a closed POLYLINE of five points).
DcmItem *firstGraphic(DcmDataset &set)
{
    DcmItem *annotation = itemWith(set, DCM_GraphicAnnotationSequence, DCM_GraphicObjectSequence);
    DcmItem *object = nullptr;
    if (annotation != nullptr)
        annotation->findAndGetSequenceItem(DCM_GraphicObjectSequence, object, 0);
    return object;
}

DcmItem *firstText(DcmDataset &set)
{
    DcmItem *annotation = itemWith(set, DCM_GraphicAnnotationSequence, DCM_TextObjectSequence);
    DcmItem *object = nullptr;
    if (annotation != nullptr)
        annotation->findAndGetSequenceItem(DCM_TextObjectSequence, object, 0);
    return object;
}

void setGraphicData(DcmDataset &set, const QList<float> &values, int declaredPoints)
{
    DcmItem *object = firstGraphic(set);
    if (object == nullptr)
        return;
    object->putAndInsertFloat32Array(DCM_GraphicData, values.constData(), values.size());
    object->putAndInsertUint16(DCM_NumberOfGraphicPoints, Uint16(declaredPoints));
}

} // namespace

class TestPresentationStateReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsImagesLayersAndColours();
    void readsGraphicObjectsWithUnitsAndCoordinates();
    void readsJapaneseTextWithBoxAndAnchor();
    void appliesAnnotationsAndWindowOnlyToTheirImage();
    void keepsRotationAndFlip();
    void matchesReferencedFrames();
    void writtenStateIsAValidIod();
    void refusesHostileInput_data();
    void refusesHostileInput();
    void survivesDamagedBytes();
    void readsFromFile();

private:
    QString uidOf(int slice) const;

    std::unique_ptr<LibraryScope> m_library;
    QTemporaryDir m_dir;
    GspsFixture m_fixture;
    GspsSpec m_spec;
    QByteArray m_bytes;
    dicom::PresentationState m_state;
};

QString TestPresentationStateReader::uidOf(int slice) const
{
    return m_fixture.sopInstanceUid(slice);
}

void TestPresentationStateReader::initTestCase()
{
    m_library = std::make_unique<LibraryScope>();
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(makeGspsFixture(m_dir.filePath(u"ct"_s), 12, m_fixture, error), qPrintable(error));
    m_spec.slice = 5;
    m_spec.alsoReferenced = 6;
    Result<QByteArray> bytes = writePresentationState(m_fixture, m_spec);
    QVERIFY2(bytes, qPrintable(bytes ? QString() : bytes.error().detail()));
    m_bytes = *bytes;
    Result<dicom::PresentationState> state = dicom::PresentationStateReader::fromBytes(m_bytes, u"gsps"_s);
    QVERIFY2(state, qPrintable(state ? QString() : state.error().detail()));
    m_state = *state;
}

void TestPresentationStateReader::readsImagesLayersAndColours()
{
    QCOMPARE(m_state.sopClassUid, u"1.2.840.10008.5.1.4.1.1.11.1"_s);
    QVERIFY(!m_state.sopInstanceUid.isEmpty());
    QCOMPARE(m_state.contentLabel, u"AI_FINDINGS"_s);
    QCOMPARE(m_state.contentDescription, u"Findings of a reference AI service"_s);
    QCOMPARE(m_state.images.size(), 2);
    QCOMPARE(m_state.images[0].sopInstanceUid, uidOf(5));
    QCOMPARE(m_state.images[1].sopInstanceUid, uidOf(6));
    QCOMPARE(m_state.images[0].seriesInstanceUid, m_fixture.series.seriesInstanceUid);
    QCOMPARE(m_state.images[0].sopClassUid, u"1.2.840.10008.5.1.4.1.1.2"_s);
    QVERIFY(m_state.images[0].frames.isEmpty());

    QCOMPARE(m_state.layers.size(), 2);
    // dcmpstat puts each new layer in front: LABELS (added last) has the higher order.
    QCOMPARE(m_state.layers[0].name, u"FINDINGS"_s);
    QCOMPARE(m_state.layers[1].name, u"LABELS"_s);
    QVERIFY(m_state.layers[0].order < m_state.layers[1].order);
    QCOMPARE(m_state.layers[0].description, u"Outlines"_s);
    QVERIFY(m_state.layers[0].colour);
    QCOMPARE(m_state.layers[0].colour->rgb(), m_spec.graphicsColour.rgb()); // retired RGB value
    QVERIFY(m_state.layers[1].colour); // CIELab value: the round trip through Lab stays within 2 levels
    QVERIFY2(std::abs(m_state.layers[1].colour->red() - m_spec.textColour.red()) <= 2 &&
                 std::abs(m_state.layers[1].colour->green() - m_spec.textColour.green()) <= 2 &&
                 std::abs(m_state.layers[1].colour->blue() - m_spec.textColour.blue()) <= 2,
             qPrintable(m_state.layers[1].colour->name()));
    QVERIFY(m_state.layer(u"LABELS"_s) == &m_state.layers[1]);
    QVERIFY(m_state.layer(u"NONE"_s) == nullptr);
}

void TestPresentationStateReader::readsGraphicObjectsWithUnitsAndCoordinates()
{
    const QList<const dicom::GraphicAnnotation *> on = m_state.annotationsFor(uidOf(5));
    QCOMPARE(on.size(), 2);
    const dicom::GraphicAnnotation *findings = on[0]->layer == "FINDINGS"_L1 ? on[0] : on[1];
    QCOMPARE(findings->graphics.size(), 3);
    QVERIFY(findings->texts.isEmpty());
    QCOMPARE(findings->images.size(), 1);
    QCOMPARE(findings->images[0].sopInstanceUid, uidOf(5));

    const dicom::GraphicObject &box = findings->graphics[0];
    QCOMPARE(box.type, dicom::GraphicType::Polyline);
    QCOMPARE(box.units, dicom::AnnotationUnits::Pixel);
    const QRectF b = m_spec.box;
    QCOMPARE(box.points, (QList<QPointF> {b.topLeft(), b.topRight(), b.bottomRight(), b.bottomLeft(), b.topLeft()}));
    QVERIFY(!box.filled);
    const dicom::GraphicObject &circle = findings->graphics[1];
    QCOMPARE(circle.type, dicom::GraphicType::Circle);
    QCOMPARE(circle.points,
             (QList<QPointF> {m_spec.circleCentre, m_spec.circleCentre + QPointF(m_spec.circleRadius, 0)}));
    const dicom::GraphicObject &mark = findings->graphics[2];
    QCOMPARE(mark.type, dicom::GraphicType::Point);
    QCOMPARE(mark.units, dicom::AnnotationUnits::Display);
    QCOMPARE(mark.points.size(), 1);
    QVERIFY(std::abs(mark.points[0].x() - m_spec.displayMark.x()) < 1e-6); // FL: single precision
    QVERIFY(std::abs(mark.points[0].y() - m_spec.displayMark.y()) < 1e-6);
}

void TestPresentationStateReader::readsJapaneseTextWithBoxAndAnchor()
{
    const QList<const dicom::GraphicAnnotation *> on = m_state.annotationsFor(uidOf(5));
    const dicom::GraphicAnnotation *labels = on[0]->layer == "LABELS"_L1 ? on[0] : on[1];
    QCOMPARE(labels->texts.size(), 1);
    const dicom::TextObject &text = labels->texts[0];
    QCOMPARE(text.text, m_spec.text);
    QVERIFY(text.boundingBox);
    QCOMPARE(*text.boundingBox, m_spec.textBox);
    QCOMPARE(text.boundingBoxUnits, dicom::AnnotationUnits::Pixel);
    QCOMPARE(text.justification, dicom::TextJustification::Left);
    QVERIFY(text.anchor);
    QCOMPARE(*text.anchor, m_spec.box.bottomLeft());
    QVERIFY(text.anchorVisible);
}

void TestPresentationStateReader::appliesAnnotationsAndWindowOnlyToTheirImage()
{
    QVERIFY(m_state.references(uidOf(5)));
    QVERIFY(m_state.references(uidOf(6)));
    QVERIFY(!m_state.references(uidOf(0)));
    // Slice 6 is referenced, but every annotation names slice 5 only.
    QVERIFY(m_state.annotationsFor(uidOf(6)).isEmpty());
    QVERIFY(m_state.annotationsFor(uidOf(0)).isEmpty());
    QVERIFY(m_state.annotationsFor(QString()).isEmpty());
    const auto voi = m_state.voiFor(uidOf(5));
    QVERIFY(voi && voi->hasWindow());
    QCOMPARE(*voi->center, m_spec.windowCenter);
    QCOMPARE(*voi->width, m_spec.windowWidth);
    QCOMPARE(voi->explanation, u"AI lung"_s);
    QVERIFY(!m_state.voiFor(uidOf(6)));
    QVERIFY(!m_state.voiFor(uidOf(0)));
    // dcmpstat writes the whole image as the displayed area.
    const auto area = m_state.displayedAreaFor(uidOf(5));
    QVERIFY(area);
    QCOMPARE(area->imageRect(), QRectF(0, 0, 125, 123));
    QCOMPARE(m_state.rotation, 0);
    QVERIFY(!m_state.horizontalFlip);
}

void TestPresentationStateReader::keepsRotationAndFlip()
{
    GspsSpec spec = m_spec;
    spec.rotation = 90;
    spec.flip = true;
    Result<QByteArray> bytes = writePresentationState(m_fixture, spec);
    QVERIFY(bytes);
    Result<dicom::PresentationState> state = dicom::PresentationStateReader::fromBytes(*bytes, u"rotated"_s);
    QVERIFY2(state, qPrintable(state ? QString() : state.error().detail()));
    QCOMPARE(state->rotation, 90);
    QVERIFY(state->horizontalFlip);
}

void TestPresentationStateReader::matchesReferencedFrames()
{
    // The same state with its first image narrowed to frames 2 and 3 (as for a multi-frame image).
    const QByteArray bytes = editPresentationState(m_bytes, [](DcmDataset &set) {
        DcmItem *series = nullptr, *image = nullptr;
        if (set.findAndGetSequenceItem(DCM_ReferencedSeriesSequence, series, 0).good() &&
            series->findAndGetSequenceItem(DCM_ReferencedImageSequence, image, 0).good())
            image->putAndInsertString(DCM_ReferencedFrameNumber, "2\\3");
    });
    Result<dicom::PresentationState> state = dicom::PresentationStateReader::fromBytes(bytes, u"frames"_s);
    QVERIFY(state);
    QCOMPARE(state->images[0].frames, (QList<int> {2, 3}));
    QVERIFY(!state->references(uidOf(5), 1));
    QVERIFY(state->references(uidOf(5), 2));
    QVERIFY(state->references(uidOf(5), 3));
    QVERIFY(state->annotationsFor(uidOf(5), 1).isEmpty());
    QCOMPARE(state->annotationsFor(uidOf(5), 3).size(), 2);
}

void TestPresentationStateReader::writtenStateIsAValidIod()
{
    const QStringList errors = dciodvfyErrors(m_bytes, m_dir.path());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
}

void TestPresentationStateReader::refusesHostileInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<haip::ErrorCode>("code");
    const QByteArray ps = m_bytes;
    const auto edited = [&ps](const std::function<void(DcmDataset &)> &edit) {
        return editPresentationState(ps, edit);
    };
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    QTest::newRow("empty") << QByteArray() << ErrorCode::NotDicom;
    QTest::newRow("not DICOM") << QByteArray(4000, 'x') << ErrorCode::NotDicom;
    QTest::newRow("cut short") << ps.left(ps.size() - 40) << ErrorCode::TruncatedFile;
    {
        QFile ct(m_fixture.phantom.files.first());
        QVERIFY(ct.open(QIODevice::ReadOnly));
        QTest::newRow("a CT image") << ct.readAll() << ErrorCode::InvalidAttribute;
    }
    QTest::newRow("no Referenced Series Sequence")
        << edited([](DcmDataset &set) { set.findAndDeleteElement(DCM_ReferencedSeriesSequence); })
        << ErrorCode::MissingAttribute;
    QTest::newRow("a series without images") << edited([](DcmDataset &set) {
        DcmItem *series = nullptr;
        if (set.findAndGetSequenceItem(DCM_ReferencedSeriesSequence, series, 0).good())
            series->findAndDeleteElement(DCM_ReferencedImageSequence);
    }) << ErrorCode::MissingAttribute;
    QTest::newRow("odd number of coordinates") << edited([](DcmDataset &set) {
        setGraphicData(set, {1, 2, 3, 4, 5}, 2);
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("point count disagrees") << edited([](DcmDataset &set) {
        setGraphicData(set, {1, 2, 3, 4}, 7);
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("NaN coordinate") << edited([&](DcmDataset &set) {
        setGraphicData(set, {1, 2, nan, 4}, 2);
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("infinite coordinate") << edited([&](DcmDataset &set) {
        setGraphicData(set, {inf, 2, 3, 4}, 2);
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("absurd coordinate") << edited([](DcmDataset &set) {
        setGraphicData(set, {1e30f, 2, 3, 4}, 2);
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("no Graphic Data") << edited([](DcmDataset &set) {
        if (DcmItem *o = firstGraphic(set))
            o->findAndDeleteElement(DCM_GraphicData);
    }) << ErrorCode::MissingAttribute;
    QTest::newRow("circle with three points") << edited([](DcmDataset &set) {
        setGraphicData(set, {1, 2, 3, 4, 5, 6}, 3);
        if (DcmItem *o = firstGraphic(set))
            o->putAndInsertString(DCM_GraphicType, "CIRCLE");
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("ellipse with two points") << edited([](DcmDataset &set) {
        setGraphicData(set, {1, 2, 3, 4}, 2);
        if (DcmItem *o = firstGraphic(set))
            o->putAndInsertString(DCM_GraphicType, "ELLIPSE");
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("unknown graphic type") << edited([](DcmDataset &set) {
        if (DcmItem *o = firstGraphic(set))
            o->putAndInsertString(DCM_GraphicType, "SPLINE");
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("MATRIX units") << edited([](DcmDataset &set) {
        if (DcmItem *o = firstGraphic(set))
            o->putAndInsertString(DCM_GraphicAnnotationUnits, "MATRIX");
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("three dimensions") << edited([](DcmDataset &set) {
        if (DcmItem *o = firstGraphic(set))
            o->putAndInsertUint16(DCM_GraphicDimensions, 3);
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("annotation on an undefined layer") << edited([](DcmDataset &set) {
        if (DcmItem *a = itemWith(set, DCM_GraphicAnnotationSequence, DCM_GraphicObjectSequence))
            a->putAndInsertString(DCM_GraphicLayer, "ELSEWHERE");
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("no Graphic Layer Sequence")
        << edited([](DcmDataset &set) { set.findAndDeleteElement(DCM_GraphicLayerSequence); })
        << ErrorCode::InvalidAttribute;
    QTest::newRow("text with neither box nor anchor") << edited([](DcmDataset &set) {
        if (DcmItem *t = firstText(set)) {
            t->findAndDeleteElement(DCM_BoundingBoxTopLeftHandCorner);
            t->findAndDeleteElement(DCM_BoundingBoxBottomRightHandCorner);
            t->findAndDeleteElement(DCM_AnchorPoint);
        }
    }) << ErrorCode::MissingAttribute;
    QTest::newRow("anchor of one value") << edited([](DcmDataset &set) {
        const Float32 one = 3.0f;
        if (DcmItem *t = firstText(set))
            t->putAndInsertFloat32Array(DCM_AnchorPoint, &one, 1);
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("window width 0") << edited([](DcmDataset &set) {
        DcmItem *voi = nullptr;
        if (set.findAndGetSequenceItem(DCM_SoftcopyVOILUTSequence, voi, 0).good())
            voi->putAndInsertString(DCM_WindowWidth, "0");
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("window centre NaN") << edited([](DcmDataset &set) {
        DcmItem *voi = nullptr;
        if (set.findAndGetSequenceItem(DCM_SoftcopyVOILUTSequence, voi, 0).good())
            voi->putAndInsertString(DCM_WindowCenter, "NaN");
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("Referenced Frame Number 0") << edited([](DcmDataset &set) {
        DcmItem *series = nullptr, *image = nullptr;
        if (set.findAndGetSequenceItem(DCM_ReferencedSeriesSequence, series, 0).good() &&
            series->findAndGetSequenceItem(DCM_ReferencedImageSequence, image, 0).good())
            image->putAndInsertString(DCM_ReferencedFrameNumber, "0");
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("rotation 45") << edited([](DcmDataset &set) { set.putAndInsertUint16(DCM_ImageRotation, 45); })
                                 << ErrorCode::InvalidAttribute;
    QTest::newRow("displayed area inside out") << edited([](DcmDataset &set) {
        DcmItem *area = nullptr;
        DcmElement *corner = nullptr;
        if (set.findAndGetSequenceItem(DCM_DisplayedAreaSelectionSequence, area, 0).good() &&
            area->findAndGetElement(DCM_DisplayedAreaBottomRightHandCorner, corner).good())
            corner->putSint32(-5, 0);
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("10001 graphic annotations") << edited([](DcmDataset &set) {
        DcmSequenceOfItems *sequence = nullptr;
        if (set.findAndGetSequence(DCM_GraphicAnnotationSequence, sequence).bad() || sequence == nullptr)
            return;
        const DcmItem first(*sequence->getItem(0));
        while (sequence->card() < 10001)
            sequence->append(new DcmItem(first));
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("more points than allowed") << edited([](DcmDataset &set) {
        // 40 annotations of one 60000-point polyline: 2.4 million points in all.
        QList<float> many(120000, 1.0f);
        setGraphicData(set, many, 60000);
        DcmSequenceOfItems *sequence = nullptr;
        DcmItem *annotation = itemWith(set, DCM_GraphicAnnotationSequence, DCM_GraphicObjectSequence);
        if (annotation == nullptr || set.findAndGetSequence(DCM_GraphicAnnotationSequence, sequence).bad())
            return;
        const DcmItem copy(*annotation);
        for (int i = 0; i < 40; ++i)
            sequence->append(new DcmItem(copy));
    }) << ErrorCode::InvalidAttribute;
}

void TestPresentationStateReader::refusesHostileInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(haip::ErrorCode, code);
    Result<dicom::PresentationState> state = dicom::PresentationStateReader::fromBytes(bytes, u"hostile"_s);
    QVERIFY2(!state, "a hostile presentation state was accepted");
    QVERIFY2(state.error().code() == code, qPrintable(state.error().codeName() + u": "_s + state.error().detail()));
    QCOMPARE(state.error().subject(), u"hostile"_s);
}

void TestPresentationStateReader::survivesDamagedBytes()
{
    // 400 copies with a few bytes overwritten anywhere: each is read or refused, never a crash.
    QRandomGenerator random(6);
    int refused = 0;
    for (int copy = 0; copy < 400; ++copy) {
        QByteArray bytes = m_bytes;
        for (int k = 0; k < 4; ++k)
            bytes[random.bounded(qsizetype(132), bytes.size())] = char(random.bounded(256));
        Result<dicom::PresentationState> state = dicom::PresentationStateReader::fromBytes(bytes, u"damaged"_s);
        if (!state)
            ++refused;
        else
            QVERIFY(!state->images.isEmpty());
    }
    qInfo() << refused << "of 400 damaged copies refused";
}

void TestPresentationStateReader::readsFromFile()
{
    const QString path = m_dir.filePath(u"状態.dcm"_s); // a non-ASCII name
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(m_bytes), m_bytes.size());
    file.close();
    Result<dicom::PresentationState> state = dicom::PresentationStateReader::fromFile(path);
    QVERIFY(state);
    QCOMPARE(state->sopInstanceUid, m_state.sopInstanceUid);
    Result<dicom::PresentationState> missing = dicom::PresentationStateReader::fromFile(m_dir.filePath(u"none"_s));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code(), ErrorCode::FileNotFound);
}

QTEST_GUILESS_MAIN(TestPresentationStateReader)
#include "TestPresentationStateReader.moc"
