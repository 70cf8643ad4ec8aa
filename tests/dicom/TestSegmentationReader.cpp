// dicom::SegmentationReader on SEGs written by the platform's SegmentationWriter over a chest
// phantom of 125 × 123 pixels (binary frames of 15375 bits: no frame after the first starts on a
// byte boundary): segments, codes, colours, frame references and geometry read back; every
// frame's pixels equal what the writer was given and what pydicom decodes independently; the
// fractional (probability) map keeps its values; hostile and damaged SEGs are errors, not crashes.
#include "SegmentationTestKit.h"
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/SegmentationReader.h"
#include "services/AnalysisResult.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdicent.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <memory>

using namespace haip;
using namespace haip::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(haip::ErrorCode)

class TestSegmentationReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsSegmentsWithCodesAndColours();
    void readsFrameReferencesAndGeometry();
    void unpacksFramesNotAlignedToBytes();
    void readsLabelmapStyleSegmentsSideBySide();
    void readsFractionalProbabilityMap();
    void matchesPydicom_data();
    void matchesPydicom();
    void refusesHostileInput_data();
    void refusesHostileInput();
    void survivesDamagedBytes();
    void readsFromFile();

private:
    std::unique_ptr<LibraryScope> m_library;
    QTemporaryDir m_dir;
    SegFixture m_fixture;
    QByteArray m_binary;
    QByteArray m_fractional;
    dicom::Segmentation m_seg;
};

void TestSegmentationReader::initTestCase()
{
    m_library = std::make_unique<LibraryScope>();
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(makeChestFixture(m_dir.filePath(u"ct"_s), FixtureOptions {}, m_fixture, error), qPrintable(error));
    Result<QByteArray> binary = writeLesionSegmentation(m_fixture, false);
    QVERIFY2(binary, qPrintable(binary ? QString() : binary.error().detail()));
    m_binary = *binary;
    Result<QByteArray> fractional = writeLesionSegmentation(m_fixture, true);
    QVERIFY2(fractional, qPrintable(fractional ? QString() : fractional.error().detail()));
    m_fractional = *fractional;
    Result<dicom::Segmentation> seg = dicom::SegmentationReader::fromBytes(m_binary, u"binary"_s);
    QVERIFY2(seg, qPrintable(seg ? QString() : seg.error().message() + u" "_s + seg.error().detail()));
    m_seg = *seg;
}

void TestSegmentationReader::readsSegmentsWithCodesAndColours()
{
    QCOMPARE(m_seg.type, dicom::SegmentationType::Binary);
    QCOMPARE(m_seg.fractionalType, dicom::FractionalType::None);
    QCOMPARE(m_seg.rows, 123);
    QCOMPARE(m_seg.columns, 125);
    QCOMPARE(m_seg.segments.size(), m_fixture.lesions.size());
    for (int i = 0; i < m_seg.segments.size(); ++i) {
        const dicom::Segment &s = m_seg.segments[i];
        QCOMPARE(s.number, i + 1);
        QCOMPARE(s.label, m_fixture.lesions[i].id);
        QCOMPARE(s.description, u"planted %1"_s.arg(m_fixture.lesions[i].id));
        QCOMPARE(s.category, u"Morphologically Altered Structure"_s);
        QCOMPARE(s.type, u"Nodule"_s);
        QCOMPARE(s.algorithmType, u"AUTOMATIC"_s);
        QCOMPARE(s.algorithmName, u"test spheres"_s);
        QVERIFY(s.colourFromFile);
        // The writer's sRGB went through CIELab as 16-bit integers: back within 2 of 255.
        const QColor expected = services::segmentColour(i);
        QVERIFY2(std::abs(s.colour.red() - expected.red()) <= 2 && std::abs(s.colour.green() - expected.green()) <= 2 &&
                     std::abs(s.colour.blue() - expected.blue()) <= 2,
                 qPrintable(u"segment %1: %2 instead of %3"_s.arg(i + 1).arg(s.colour.name(), expected.name())));
    }
    QVERIFY(m_seg.segment(1) != nullptr);
    QVERIFY(m_seg.segment(m_seg.segments.size() + 1) == nullptr);
}

void TestSegmentationReader::readsFrameReferencesAndGeometry()
{
    const dicom::Series &series = m_fixture.series;
    QCOMPARE(m_seg.frameOfReferenceUid, series.instances.first().frameOfReferenceUid);
    QCOMPARE(m_seg.studyInstanceUid, series.studyInstanceUid);
    QVERIFY(m_seg.referencedSeriesUids.contains(series.seriesInstanceUid));
    QVERIFY(std::abs(m_seg.spacingBetweenSlices - series.stacks[0].spacing) < 1e-6);
    QVERIFY(!m_seg.frames.isEmpty());
    QHash<QString, dicom::InstanceInfo> byUid;
    for (const dicom::InstanceInfo &info : series.instances)
        byUid.insert(info.sopInstanceUid, info);
    for (const dicom::SegmentationFrame &frame : std::as_const(m_seg.frames)) {
        QVERIFY(byUid.contains(frame.sourceSopInstanceUid));
        QCOMPARE(frame.sourceFrame, 0);
        const dicom::ImagePlane &image = byUid[frame.sourceSopInstanceUid].plane;
        QVERIFY(frame.plane.hasPosition && frame.plane.hasOrientation && frame.plane.hasSpacing());
        QVERIFY((frame.plane.position - image.position).length() < 1e-3);
        QVERIFY((frame.plane.rowDirection - image.rowDirection).length() < 1e-6);
        QVERIFY((frame.plane.columnDirection - image.columnDirection).length() < 1e-6);
        QCOMPARE(frame.plane.rowSpacing, image.rowSpacing);
        QCOMPARE(frame.plane.columnSpacing, image.columnSpacing);
        QCOMPARE(frame.pixels.size(), 123 * 125);
        QVERIFY(frame.nonZero > 0);
    }
}

void TestSegmentationReader::unpacksFramesNotAlignedToBytes()
{
    // Frame f starts at bit 15375·f: only every 8th frame starts on a byte boundary.
    QVERIFY(m_seg.frames.size() > 8);
    const dicom::Stack &stack = m_fixture.series.stacks[0];
    QHash<QString, int> sliceOf;
    for (int i = 0; i < stack.slices.size(); ++i)
        sliceOf.insert(m_fixture.series.instances[stack.slices[i].instance].sopInstanceUid, i);
    for (int f = 0; f < m_seg.frames.size(); ++f) {
        const dicom::SegmentationFrame &frame = m_seg.frames[f];
        const QByteArray expected =
            lesionFrame(m_fixture, frame.segmentNumber, sliceOf.value(frame.sourceSopInstanceUid), false);
        QVERIFY2(frame.pixels == expected, qPrintable(u"frame %1 differs from what was written"_s.arg(f + 1)));
        QCOMPARE(frame.nonZero, int(expected.count('\1')));
    }
}

void TestSegmentationReader::readsLabelmapStyleSegmentsSideBySide()
{
    // Six segments in one SEG, one per lesion, that never overlap: every segment has frames and
    // no pixel of an image is claimed by two segments.
    QSet<int> segments;
    QHash<QString, QByteArray> claimed; // source image → which segment holds each pixel
    for (const dicom::SegmentationFrame &frame : std::as_const(m_seg.frames)) {
        segments.insert(frame.segmentNumber);
        QByteArray &owner = claimed[frame.sourceSopInstanceUid];
        if (owner.isEmpty())
            owner = QByteArray(frame.pixels.size(), '\0');
        for (qsizetype k = 0; k < frame.pixels.size(); ++k) {
            if (frame.pixels[k] == 0)
                continue;
            QVERIFY2(owner[k] == 0, "two segments claim one pixel");
            owner[k] = char(frame.segmentNumber);
        }
    }
    QCOMPARE(segments.size(), m_seg.segments.size());
}

void TestSegmentationReader::readsFractionalProbabilityMap()
{
    Result<dicom::Segmentation> seg = dicom::SegmentationReader::fromBytes(m_fractional, u"fractional"_s);
    QVERIFY2(seg, qPrintable(seg ? QString() : seg.error().detail()));
    QCOMPARE(seg->type, dicom::SegmentationType::Fractional);
    QCOMPARE(seg->fractionalType, dicom::FractionalType::Probability);
    QCOMPARE(seg->maximumFractionalValue, 255);
    QVERIFY(seg->isFractional());
    const dicom::Stack &stack = m_fixture.series.stacks[0];
    QHash<QString, int> sliceOf;
    for (int i = 0; i < stack.slices.size(); ++i)
        sliceOf.insert(m_fixture.series.instances[stack.slices[i].instance].sopInstanceUid, i);
    int peak = 0;
    for (const dicom::SegmentationFrame &frame : std::as_const(seg->frames)) {
        const QByteArray expected =
            lesionFrame(m_fixture, frame.segmentNumber, sliceOf.value(frame.sourceSopInstanceUid), true);
        QVERIFY(frame.pixels == expected);
        for (char v : frame.pixels)
            peak = std::max(peak, int(quint8(v)));
    }
    QVERIFY2(peak > 150, "the centre of a lesion should be close to probability 1");
}

void TestSegmentationReader::matchesPydicom_data()
{
    QTest::addColumn<bool>("fractional");
    QTest::newRow("binary, frames not byte aligned") << false;
    QTest::newRow("fractional") << true;
}

void TestSegmentationReader::matchesPydicom()
{
    QFETCH(bool, fractional);
    // Kept in the artifacts folder for people (and other tools) to look at.
    const QString path =
        QDir(artifactsDir()).filePath(fractional ? u"segmentation-fractional.dcm"_s : u"segmentation-binary.dcm"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(fractional ? m_fractional : m_binary) > 0);
    file.close();
    Result<dicom::Segmentation> seg = dicom::SegmentationReader::fromFile(path);
    QVERIFY(seg);

    QVERIFY2(QFileInfo(u"/usr/bin/python3"_s).isExecutable(),
             "needs /usr/bin/python3 (python3-pydicom, python3-numpy)");
    QProcess python;
    python.start(u"/usr/bin/python3"_s, {QStringLiteral(HAIP_SOURCE_DIR "/tests/dicom/seg_reference.py"), path});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0,
             qPrintable(u"seg_reference.py failed (python3-pydicom, python3-numpy): "_s +
                        QString::fromUtf8(python.readAllStandardError())));
    const QJsonObject reference = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    QCOMPARE(reference.value(u"type"_s).toString(), fractional ? u"FRACTIONAL"_s : u"BINARY"_s);
    QCOMPARE(reference.value(u"rows"_s).toInt(), seg->rows);
    QCOMPARE(reference.value(u"columns"_s).toInt(), seg->columns);
    const QJsonArray frames = reference.value(u"frames"_s).toArray();
    QCOMPARE(frames.size(), seg->frames.size());
    for (int f = 0; f < frames.size(); ++f) {
        const QJsonObject r = frames[f].toObject();
        const dicom::SegmentationFrame &mine = seg->frames[f];
        QCOMPARE(mine.segmentNumber, r.value(u"segment"_s).toInt());
        QCOMPARE(mine.sourceSopInstanceUid, r.value(u"source"_s).toString());
        const QJsonArray p = r.value(u"position"_s).toArray();
        QVERIFY(std::abs(mine.plane.position.z - p[2].toDouble()) < 1e-6);
        QCOMPARE(mine.nonZero, r.value(u"nonzero"_s).toInt());
        const QByteArray sha = QCryptographicHash::hash(mine.pixels, QCryptographicHash::Sha256).toHex();
        QVERIFY2(sha == r.value(u"sha256"_s).toString().toLatin1(),
                 qPrintable(u"frame %1 decodes differently from pydicom"_s.arg(f + 1)));
    }
}

void TestSegmentationReader::refusesHostileInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<haip::ErrorCode>("code");
    const QByteArray seg = m_binary;
    const auto edited = [&seg](const std::function<void(DcmDataset &)> &edit) {
        return editDataset(seg, edit);
    };
    QTest::newRow("empty") << QByteArray() << ErrorCode::NotDicom;
    QTest::newRow("not DICOM") << QByteArray(4000, 'x') << ErrorCode::NotDicom;
    QTest::newRow("file cut inside the pixel data") << seg.left(seg.size() - 700) << ErrorCode::TruncatedFile;
    {
        QFile ct(m_fixture.phantom.files.first());
        QVERIFY(ct.open(QIODevice::ReadOnly));
        QTest::newRow("a CT image, not a SEG") << ct.readAll() << ErrorCode::InvalidAttribute;
    }
    QTest::newRow("pixel data shorter than its frames") << edited([](DcmDataset &set) {
        const Uint8 *data = nullptr;
        unsigned long length = 0;
        set.findAndGetUint8Array(DCM_PixelData, data, &length);
        std::vector<Uint8> half(data, data + length / 2);
        set.putAndInsertUint8Array(DCM_PixelData, half.data(), (length / 4) * 2);
    }) << ErrorCode::CorruptPixelData;
    QTest::newRow("Number of Frames larger than the frames") << edited([](DcmDataset &set) {
        OFString frames;
        set.findAndGetOFString(DCM_NumberOfFrames, frames);
        set.putAndInsertString(DCM_NumberOfFrames, std::to_string(std::stoi(frames.c_str()) + 5).c_str());
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("Number of Frames 0") << edited([](DcmDataset &set) {
        set.putAndInsertString(DCM_NumberOfFrames, "0");
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("zero rows") << edited([](DcmDataset &set) { set.putAndInsertUint16(DCM_Rows, 0); })
                               << ErrorCode::InvalidAttribute;
    QTest::newRow("no columns") << edited([](DcmDataset &set) { set.findAndDeleteElement(DCM_Columns); })
                                << ErrorCode::MissingAttribute;
    QTest::newRow("frame refers to segment 99")
        << edited([](DcmDataset &set) { setInFunctionalGroups(set, true, 0x0062, 0x000A, 0x0062, 0x000B, u"99"_s, 3); })
        << ErrorCode::InvalidAttribute;
    QTest::newRow("two segments numbered 1") << edited([](DcmDataset &set) {
        DcmItem *item = nullptr;
        if (set.findAndGetSequenceItem(DCM_SegmentSequence, item, 1).good() && item != nullptr)
            item->putAndInsertUint16(DCM_SegmentNumber, 1);
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("no Segment Sequence") << edited([](DcmDataset &set) {
        set.findAndDeleteElement(DCM_SegmentSequence);
    }) << ErrorCode::MissingAttribute;
    QTest::newRow("no Per-Frame Functional Groups")
        << edited([](DcmDataset &set) { set.findAndDeleteElement(DCM_PerFrameFunctionalGroupsSequence); })
        << ErrorCode::InvalidAttribute;
    QTest::newRow("BINARY with 8 bits allocated")
        << edited([](DcmDataset &set) { set.putAndInsertUint16(DCM_BitsAllocated, 8); })
        << ErrorCode::UnsupportedBitDepth;
    QTest::newRow("unknown Segmentation Type")
        << edited([](DcmDataset &set) { set.putAndInsertString(DCM_SegmentationType, "LABELMAP"); })
        << ErrorCode::InvalidAttribute;
    QTest::newRow("signed pixels") << edited([](DcmDataset &set) {
        set.putAndInsertUint16(DCM_PixelRepresentation, 1);
    }) << ErrorCode::InvalidAttribute;
    QTest::newRow("three samples per pixel")
        << edited([](DcmDataset &set) { set.putAndInsertUint16(DCM_SamplesPerPixel, 3); })
        << ErrorCode::InvalidAttribute;
    QTest::newRow("RGB photometric interpretation")
        << edited([](DcmDataset &set) { set.putAndInsertString(DCM_PhotometricInterpretation, "RGB"); })
        << ErrorCode::InvalidAttribute;
    QTest::newRow("no pixel data") << edited([](DcmDataset &set) { set.findAndDeleteElement(DCM_PixelData); })
                                   << ErrorCode::NoPixelData;
}

void TestSegmentationReader::refusesHostileInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(haip::ErrorCode, code);
    Result<dicom::Segmentation> seg = dicom::SegmentationReader::fromBytes(bytes, u"hostile.dcm"_s);
    QVERIFY2(!seg, "a damaged SEG was accepted");
    QVERIFY2(
        seg.error().code() == code,
        qPrintable(u"%1 (%2) instead of %3"_s.arg(seg.error().codeName(), seg.error().detail(), errorCodeName(code))));
    QCOMPARE(seg.error().subject(), u"hostile.dcm"_s);
}

void TestSegmentationReader::survivesDamagedBytes()
{
    // 400 copies, each with 8 bytes overwritten at deterministic places across the header and
    // the functional groups: each is read or refused, never a crash; the readable ones still
    // satisfy the invariants the overlay relies on.
    QRandomGenerator random(20261127);
    const qsizetype headerEnd = m_binary.indexOf(QByteArray("\xE0\x7F\x10\x00", 4));
    QVERIFY(headerEnd > 0);
    int read = 0;
    for (int copy = 0; copy < 400; ++copy) {
        QByteArray bytes = m_binary;
        for (int k = 0; k < 8; ++k)
            bytes[random.bounded(qint64(headerEnd))] = char(random.bounded(256));
        Result<dicom::Segmentation> seg = dicom::SegmentationReader::fromBytes(bytes, u"damaged"_s);
        if (!seg)
            continue;
        ++read;
        for (const dicom::SegmentationFrame &frame : std::as_const(seg->frames)) {
            QCOMPARE(frame.pixels.size(), qsizetype(seg->rows) * seg->columns);
            QVERIFY(seg->segment(frame.segmentNumber) != nullptr);
        }
    }
    qInfo("%d of 400 damaged copies were still readable", read);
}

void TestSegmentationReader::readsFromFile()
{
    Result<dicom::Segmentation> missing = dicom::SegmentationReader::fromFile(m_dir.filePath(u"none.dcm"_s));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code(), ErrorCode::FileNotFound);
}

QTEST_GUILESS_MAIN(TestSegmentationReader)
#include "TestSegmentationReader.moc"
