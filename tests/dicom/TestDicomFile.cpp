// DicomFile on real files of pydicom's corpus: Part 10 and bare data sets, byte orders, deflate,
// every accessor, HeaderOnly against Everything, and the error code of each kind of broken file.
// A few files are derived in memory (cut short, overlay added) to reach cases the corpus lacks.
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/DicomFile.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace haip;
using namespace haip::dicom;
using namespace haip::test;

namespace {

QByteArray readCorpus(const QString &relative)
{
    QFile f(pydicomFile(relative));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One explicit-VR little-endian element (PS3.5 7.1.2).
QByteArray element(quint16 group, quint16 elem, const char *vr, const QByteArray &value)
{
    QByteArray out(4, '\0');
    qToLittleEndian<quint16>(group, out.data());
    qToLittleEndian<quint16>(elem, out.data() + 2);
    out.append(vr, 2);
    const QByteArray longVrs = QByteArrayLiteral("OB OW OF SQ UT UN");
    if (longVrs.contains(QByteArray(vr, 2))) {
        QByteArray length(6, '\0');
        qToLittleEndian<quint32>(quint32(value.size()), length.data() + 2);
        out += length;
    } else {
        QByteArray length(2, '\0');
        qToLittleEndian<quint16>(quint16(value.size()), length.data());
        out += length;
    }
    return out + value;
}

QByteArray u16(quint16 v)
{
    QByteArray b(2, '\0');
    qToLittleEndian<quint16>(v, b.data());
    return b;
}

QString errorOf(const Result<DicomFile> &r)
{
    return r.ok() ? QStringLiteral("(opened)") : r.error().codeName();
}

} // namespace

class TestDicomFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsPart10File();
    void readsBareDataSetsWithoutMeta_data();
    void readsBareDataSetsWithoutMeta();
    void bigEndianEqualsLittleEndian();
    void readsDeflatedFile();
    void fromBytesEqualsOpen();
    void headerOnlyStopsBeforePixelData();
    void accessorsReturnStoredValues();
    void textDecodesThroughCharacterSet();
    void infoSummarisesInstance();
    void displayInfoReadsModalityAndVoi();
    void overlaysAreUnpacked();
    void brokenFilesFailWithTheirReason_data();
    void brokenFilesFailWithTheirReason();
    void frameIndexIsChecked();
    void unsupportedSyntaxesAreNamed_data();
    void unsupportedSyntaxesAreNamed();
    void headerOnlyReadsLargeHeadersInPieces();
    void enhancedMultiFrameUsesFunctionalGroups();
    void lutSequencesAndWindowsAreRead();
    void paletteColourKeepsIndices();
    void multiFragmentFramesDecodeInAnyOrder();
    void damagedFilesFailCleanly();

private:
    LibraryScope m_library;
    QTemporaryDir m_samples; // files written by display_samples.py (pydicom)
};

void TestDicomFile::initTestCase()
{
    QVERIFY(m_samples.isValid());
    const QString script =
        QDir(QStringLiteral(HAIP_SOURCE_DIR)).filePath(QStringLiteral("tests/dicom/display_samples.py"));
    const ProcessResult r =
        run(QStringLiteral("/usr/bin/python3"),
            {script, m_samples.path(), pydicomFile(QStringLiteral("test_files/SC_rgb_jpeg_dcmtk.dcm"))});
    QVERIFY2(r.exitCode == 0,
             qPrintable(QStringLiteral("display_samples.py (needs python3-pydicom, python3-numpy): ") +
                        QString::fromUtf8(r.err)));
}

void TestDicomFile::readsPart10File()
{
    const QString path = pydicomFile(QStringLiteral("test_files/CT_small.dcm"));
    const Result<DicomFile> file = DicomFile::open(path);
    QVERIFY(file.ok());
    QCOMPARE(file->path(), path);
    QCOMPARE(file->transferSyntaxUid(), QStringLiteral("1.2.840.10008.1.2.1"));
    QCOMPARE(file->rawString(tags::SopClassUid), QStringLiteral("1.2.840.10008.5.1.4.1.1.2"));
    QCOMPARE(file->frameCount(), 1);
    const Result<Frame> frame = file->frame(0);
    QVERIFY(frame.ok());
    QCOMPARE(frame->format.rows, 128);
    QCOMPARE(frame->format.bytesPerSample(), 2);
    QVERIFY(frame->format.isSigned);
    QCOMPARE(frame->format.photometric, Photometric::Monochrome2);
    QCOMPARE(frame->data.size(), 128 * 128 * 2);
}

void TestDicomFile::readsBareDataSetsWithoutMeta_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QString>("syntax");
    QTest::addColumn<bool>("hasMeta");
    QTest::newRow("explicit LE") << QStringLiteral("test_files/ExplVR_LitEndNoMeta.dcm")
                                 << QStringLiteral("1.2.840.10008.1.2.1") << false;
    QTest::newRow("explicit BE") << QStringLiteral("test_files/ExplVR_BigEndNoMeta.dcm")
                                 << QStringLiteral("1.2.840.10008.1.2.2") << false;
    // Meta elements without preamble and without their group length.
    QTest::newRow("meta, no preamble") << QStringLiteral("test_files/no_meta_group_length.dcm")
                                       << QStringLiteral("1.2.840.10008.1.2") << true;
}

void TestDicomFile::readsBareDataSetsWithoutMeta()
{
    QFETCH(QString, relative);
    QFETCH(QString, syntax);
    QFETCH(bool, hasMeta);
    const Result<DicomFile> file = DicomFile::open(pydicomFile(relative));
    QVERIFY2(file.ok(), qPrintable(errorOf(file)));
    QCOMPARE(file->transferSyntaxUid(), syntax);
    QCOMPARE(file->contains(tags::TransferSyntaxUid), hasMeta);
    QCOMPARE(file->rawString(Tag {0x0008, 0x0012}).size(), 8); // Instance Creation Date, a DA
    QCOMPARE(file->frameCount(), 0);
}

void TestDicomFile::bigEndianEqualsLittleEndian()
{
    const Result<DicomFile> little = DicomFile::open(pydicomFile(QStringLiteral("test_files/MR_small.dcm")));
    const Result<DicomFile> big = DicomFile::open(pydicomFile(QStringLiteral("test_files/MR_small_bigendian.dcm")));
    QVERIFY(little.ok() && big.ok());
    QCOMPARE(big->transferSyntaxUid(), QStringLiteral("1.2.840.10008.1.2.2"));
    QCOMPARE(big->info().patientName, little->info().patientName);
    QCOMPARE(big->integer(tags::Rows), little->integer(tags::Rows));
    QCOMPARE(big->numbers(tags::PixelSpacing), little->numbers(tags::PixelSpacing));
    const Result<Frame> a = little->frame(0);
    const Result<Frame> b = big->frame(0);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(b->data, a->data);
}

void TestDicomFile::readsDeflatedFile()
{
    const QString path = pydicomFile(QStringLiteral("test_files/image_dfl.dcm"));
    const Result<DicomFile> file = DicomFile::open(path);
    QVERIFY2(file.ok(), qPrintable(errorOf(file)));
    QCOMPARE(file->transferSyntaxUid(), QStringLiteral("1.2.840.10008.1.2.1.99"));
    QVERIFY(file->frame(0).ok());
    const Result<DicomFile> header = DicomFile::open(path, DicomFile::Content::HeaderOnly);
    QVERIFY(header.ok());
    QCOMPARE(header->frameCount(), 1); // Pixel Data seen behind the stop, inside the deflated stream
}

void TestDicomFile::fromBytesEqualsOpen()
{
    const QByteArray bytes = readCorpus(QStringLiteral("test_files/MR_small.dcm"));
    const Result<DicomFile> fromMemory = DicomFile::fromBytes(bytes, QStringLiteral("memory:MR"));
    const Result<DicomFile> fromDisk = DicomFile::open(pydicomFile(QStringLiteral("test_files/MR_small.dcm")));
    QVERIFY(fromMemory.ok() && fromDisk.ok());
    QCOMPARE(fromMemory->path(), QStringLiteral("memory:MR"));
    QCOMPARE(fromMemory->info().sopInstanceUid, fromDisk->info().sopInstanceUid);
    QCOMPARE(fromMemory->info().fileSize, qint64(bytes.size()));
    QCOMPARE(fromMemory->frame(0)->data, fromDisk->frame(0)->data);
}

void TestDicomFile::headerOnlyStopsBeforePixelData()
{
    const QString path = pydicomFile(QStringLiteral("test_files/rtdose.dcm"));
    const Result<DicomFile> header = DicomFile::open(path, DicomFile::Content::HeaderOnly);
    const Result<DicomFile> full = DicomFile::open(path);
    QVERIFY(header.ok() && full.ok());
    QVERIFY(header->contains(tags::PixelData));
    QCOMPARE(header->frameCount(), 15);
    QCOMPARE(full->frameCount(), 15);
    QCOMPARE(header->pixelFormat()->frameBytes(), full->pixelFormat()->frameBytes());
    QCOMPARE(header->info().numberOfFrames, 15);
    QCOMPARE(header->info().sopInstanceUid, full->info().sopInstanceUid);
    const Result<Frame> frame = header->frame(0);
    QVERIFY(!frame.ok());
    QCOMPARE(frame.error().code(), ErrorCode::NoPixelData);
    QCOMPARE(frame.error().subject(), path);
    QVERIFY(full->frame(14).ok());
}

void TestDicomFile::accessorsReturnStoredValues()
{
    const Result<DicomFile> file = DicomFile::open(pydicomFile(QStringLiteral("test_files/CT_small.dcm")));
    QVERIFY(file.ok());
    QVERIFY(file->contains(tags::ImageType));
    QVERIFY(!file->contains(tags::WindowCenter));
    QCOMPARE(file->rawString(tags::ImageType), QStringLiteral("ORIGINAL\\PRIMARY\\AXIAL"));
    QCOMPARE(file->rawString(tags::TransferSyntaxUid), QStringLiteral("1.2.840.10008.1.2.1")); // meta group
    QCOMPARE(file->rawString(tags::WindowCenter), QString());
    QCOMPARE(file->integer(tags::Rows), std::optional<qint64>(128)); // US
    QCOMPARE(file->integer(tags::InstanceNumber), std::optional<qint64>(1)); // IS
    QCOMPARE(file->number(tags::SliceThickness), std::optional<double>(5.0)); // DS
    QCOMPARE(file->number(tags::ImagePositionPatient, 1), std::optional<double>(-179.035797));
    QCOMPARE(file->number(tags::ImagePositionPatient, 3), std::nullopt); // only 3 values
    QCOMPARE(file->numbers(tags::PixelSpacing), (QList<double> {0.661468, 0.661468}));
    QCOMPARE(file->number(tags::PatientName), std::nullopt); // not a number

    // An IS holding "1A" is no number, whatever a lenient parser would make of it.
    const Result<DicomFile> bad = DicomFile::open(pydicomFile(QStringLiteral("test_files/badVR.dcm")));
    QVERIFY(bad.ok());
    QCOMPARE(bad->rawString(tags::NumberOfFrames), QStringLiteral("1A"));
    QCOMPARE(bad->integer(tags::NumberOfFrames), std::nullopt);
    QCOMPARE(bad->pixelFormat().error().code(), ErrorCode::InvalidAttribute);
}

void TestDicomFile::textDecodesThroughCharacterSet()
{
    const Result<DicomFile> french = DicomFile::open(pydicomFile(QStringLiteral("charset_files/chrFren.dcm")));
    QVERIFY(french.ok());
    QCOMPARE(french->text(tags::PatientName), QStringLiteral("Buc^J\u00e9r\u00f4me"));
    QCOMPARE(french->info().specificCharacterSet, QStringList {QStringLiteral("ISO_IR 100")});
    // rawString does no charset conversion: the Latin-1 bytes come back one char per byte.
    QCOMPARE(french->rawString(tags::PatientName).toLatin1(), QByteArray("Buc^J\xe9r\xf4me"));
    const Result<DicomFile> ct = DicomFile::open(pydicomFile(QStringLiteral("test_files/CT_small.dcm")));
    QCOMPARE(ct->text(tags::PatientName), QStringLiteral("CompressedSamples^CT1"));
    // ISO 2022 IR 87 person name, decoded per component group (not by DCMTK's iconv).
    const Result<DicomFile> japanese = DicomFile::open(pydicomFile(QStringLiteral("charset_files/chrH31.dcm")));
    QCOMPARE(japanese->text(tags::PatientName),
             QStringLiteral("Yamada^Tarou=\u5c71\u7530^\u592a\u90ce=\u3084\u307e\u3060^\u305f\u308d\u3046"));
}

void TestDicomFile::infoSummarisesInstance()
{
    const Result<DicomFile> file = DicomFile::open(pydicomFile(QStringLiteral("test_files/CT_small.dcm")));
    QVERIFY(file.ok());
    const InstanceInfo info = file->info();
    QCOMPARE(info.sopClassUid, QStringLiteral("1.2.840.10008.5.1.4.1.1.2"));
    QCOMPARE(info.studyInstanceUid, QStringLiteral("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322"));
    QCOMPARE(info.modality, QStringLiteral("CT"));
    QCOMPARE(info.patientName, QStringLiteral("CompressedSamples^CT1"));
    QCOMPARE(info.patientId, QStringLiteral("1CT1"));
    QCOMPARE(info.seriesNumber, 1);
    QCOMPARE(info.instanceNumber, 1);
    QVERIFY(info.hasPixelData);
    QCOMPARE(info.numberOfFrames, 1);
    QCOMPARE(info.rows, 128);
    QCOMPARE(info.bitsStored, 16);
    QCOMPARE(info.pixelRepresentation, 1);
    QCOMPARE(info.photometricInterpretation, QStringLiteral("MONOCHROME2"));
    QVERIFY(info.plane.hasPosition && info.plane.hasOrientation && info.plane.hasSpacing());
    QCOMPARE(info.plane.position.x, -158.135803);
    QCOMPARE(info.plane.rowDirection.x, 1.0);
    QCOMPARE(info.plane.columnDirection.y, 1.0);
    QCOMPARE(info.plane.rowSpacing, 0.661468);
    QCOMPARE(info.plane.sliceThickness, 5.0);
    QCOMPARE(info.sliceLocation, std::optional<double>(-77.2040634155));
    QVERIFY(info.framePlanes.isEmpty());
}

void TestDicomFile::displayInfoReadsModalityAndVoi()
{
    const Result<DicomFile> ct = DicomFile::open(pydicomFile(QStringLiteral("test_files/CT_small.dcm")));
    const DisplayInfo ctDisplay = ct->displayInfo();
    QCOMPARE(ctDisplay.modality.slope, 1.0);
    QCOMPARE(ctDisplay.modality.intercept, -1024.0);
    QCOMPARE(ctDisplay.modality.apply(1024), 0.0);
    QVERIFY(ctDisplay.windows.isEmpty());
    const Result<DicomFile> mr = DicomFile::open(pydicomFile(QStringLiteral("test_files/MR_small.dcm")));
    const DisplayInfo mrDisplay = mr->displayInfo();
    QCOMPARE(mrDisplay.windows.size(), 1);
    QCOMPARE(mrDisplay.windows[0].center, 600.0);
    QCOMPARE(mrDisplay.windows[0].width, 1600.0);
    QVERIFY(mrDisplay.palette.isEmpty());
}

void TestDicomFile::overlaysAreUnpacked()
{
    // MR_small with a 4x4 graphics overlay in group 6002 inserted in front of Pixel Data.
    QByteArray bytes = readCorpus(QStringLiteral("test_files/MR_small.dcm"));
    const qsizetype pixelData = bytes.lastIndexOf(QByteArray("\xE0\x7F\x10\x00OW", 6));
    QVERIFY(pixelData > 0);
    const QByteArray overlay = element(0x6002, 0x0010, "US", u16(4)) + element(0x6002, 0x0011, "US", u16(4)) +
        element(0x6002, 0x0022, "LO", QByteArray("ROI edge")) + element(0x6002, 0x0040, "CS", QByteArray("G ")) +
        element(0x6002, 0x0050, "SS", u16(2) + u16(3)) + element(0x6002, 0x0100, "US", u16(1)) +
        element(0x6002, 0x0102, "US", u16(0)) + element(0x6002, 0x3000, "OW", QByteArray("\x01\x80", 2));
    bytes.insert(pixelData, overlay);
    const Result<DicomFile> file = DicomFile::fromBytes(bytes, QStringLiteral("overlay"));
    QVERIFY2(file.ok(), qPrintable(errorOf(file)));
    const QList<OverlayPlane> overlays = file->overlays();
    QCOMPARE(overlays.size(), 1);
    const OverlayPlane &plane = overlays.front();
    QCOMPARE(plane.group, 0x6002);
    QCOMPARE(plane.rows, 4);
    QCOMPARE(plane.columns, 4);
    QCOMPARE(plane.originRow, 2);
    QCOMPARE(plane.originColumn, 3);
    QCOMPARE(plane.type, QStringLiteral("G"));
    QCOMPARE(plane.description, QStringLiteral("ROI edge"));
    QByteArray expected(16, '\0');
    expected[0] = 1; // bit 0 of the first byte
    expected[15] = 1; // bit 7 of the second byte
    QCOMPARE(plane.bits, expected);
    QVERIFY(plane.appliesToFrame(0));
    QVERIFY(!plane.appliesToFrame(1));
    QVERIFY(file->frame(0).ok()); // the image itself is untouched
}

void TestDicomFile::brokenFilesFailWithTheirReason_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expected");
    const QByteArray ct = readCorpus(QStringLiteral("test_files/CT_small.dcm"));
    QVERIFY(ct.size() > 30000);
    QTest::newRow("empty") << QByteArray() << int(ErrorCode::NotDicom);
    QTest::newRow("text") << QByteArray("Hello, this is not an image at all.\n") << int(ErrorCode::NotDicom);
    QTest::newRow("cut in preamble") << ct.left(100) << int(ErrorCode::NotDicom);
    QTest::newRow("cut in meta header") << ct.left(200) << int(ErrorCode::TruncatedFile);
    QTest::newRow("cut in data set") << ct.left(2000) << int(ErrorCode::TruncatedFile);
    QTest::newRow("cut in pixel data") << ct.left(ct.size() - 1000) << int(ErrorCode::TruncatedFile);
    QTest::newRow("stray leading byte") << readCorpus(QStringLiteral("test_files/no_meta.dcm"))
                                        << int(ErrorCode::CorruptDataset);
    QTest::newRow("MR_truncated") << readCorpus(QStringLiteral("test_files/MR_truncated.dcm"))
                                  << int(ErrorCode::TruncatedFile);
    QTest::newRow("rtplan_truncated") << readCorpus(QStringLiteral("test_files/rtplan_truncated.dcm"))
                                      << int(ErrorCode::TruncatedFile);
}

void TestDicomFile::brokenFilesFailWithTheirReason()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expected);
    const QString name = QStringLiteral("broken.dcm");
    const Result<DicomFile> full = DicomFile::fromBytes(bytes, name);
    QVERIFY(!full.ok());
    QCOMPARE(full.error().codeName(), errorCodeName(ErrorCode(expected)));
    QCOMPARE(full.error().subject(), name);
    QVERIFY(full.error().message().contains(name));
    // HeaderOnly finds the same fault, a cut inside Pixel Data included (from its length field).
    const Result<DicomFile> header = DicomFile::fromBytes(bytes, name, DicomFile::Content::HeaderOnly);
    QVERIFY(!header.ok());
    QCOMPARE(header.error().codeName(), errorCodeName(ErrorCode(expected)));

    // The same bytes on disk fail the same way through open().
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.dcm"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    const Result<DicomFile> opened = DicomFile::open(path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code(), ErrorCode(expected));
    QCOMPARE(opened.error().subject(), path);
}

void TestDicomFile::frameIndexIsChecked()
{
    const QString path = pydicomFile(QStringLiteral("test_files/SC_rgb_rle_2frame.dcm"));
    const Result<DicomFile> file = DicomFile::open(path);
    QVERIFY(file.ok());
    QCOMPARE(file->frameCount(), 2);
    QVERIFY(file->frame(1).ok());
    QCOMPARE(file->frame(2).error().code(), ErrorCode::FrameOutOfRange);
    QCOMPARE(file->frame(-1).error().code(), ErrorCode::FrameOutOfRange);
    QCOMPARE(file->frame(2).error().subject(), path);

    const Result<DicomFile> missing = DicomFile::open(QStringLiteral("/nonexistent/file.dcm"));
    QCOMPARE(missing.error().code(), ErrorCode::FileNotFound);
    QCOMPARE(missing.error().subject(), QStringLiteral("/nonexistent/file.dcm"));
    const Result<DicomFile> folder = DicomFile::open(pydicomData());
    QCOMPARE(folder.error().code(), ErrorCode::FileUnreadable);
}

void TestDicomFile::unsupportedSyntaxesAreNamed_data()
{
    QTest::addColumn<QByteArray>("uid");
    QTest::newRow("JPEG 2000 Part 2, no codec") << QByteArray("1.2.840.10008.1.2.4.92");
    QTest::newRow("unknown to DCMTK") << QByteArray("1.2.840.10008.1.2.4.99");
}

void TestDicomFile::unsupportedSyntaxesAreNamed()
{
    // MR_small_jp2klossless with its meta header's syntax (same length) replaced.
    QFETCH(QByteArray, uid);
    QByteArray bytes = readCorpus(QStringLiteral("test_files/MR_small_jp2klossless.dcm"));
    const qsizetype at = bytes.indexOf(QByteArray("1.2.840.10008.1.2.4.90"));
    QVERIFY(at > 128 && at < 400);
    bytes.replace(at, uid.size(), uid);
    const Result<DicomFile> file = DicomFile::fromBytes(bytes, QStringLiteral("patched"));
    QVERIFY2(file.ok(), qPrintable(errorOf(file)));
    QCOMPARE(file->transferSyntaxUid(), QString::fromLatin1(uid));
    const Result<Frame> frame = file->frame(0);
    QVERIFY(!frame.ok());
    QCOMPARE(frame.error().code(), ErrorCode::UnsupportedTransferSyntax);
    QCOMPARE(frame.error().subject(), QStringLiteral("patched"));
}

void TestDicomFile::headerOnlyReadsLargeHeadersInPieces()
{
    // MR_small with a 300 kB private blob and one more attribute in front of Pixel Data: the
    // HeaderOnly open reads the file in growing pieces and must still see everything up to it.
    QByteArray bytes = readCorpus(QStringLiteral("test_files/MR_small.dcm"));
    const qsizetype pixelData = bytes.lastIndexOf(QByteArray("\xE0\x7F\x10\x00OW", 6));
    QVERIFY(pixelData > 0);
    const QByteArray blob = element(0x0029, 0x0010, "LO", QByteArray("HAIP TEST ")) +
        element(0x0029, 0x1010, "OB", QByteArray(300000, '\x5A')) +
        element(0x0040, 0x0254, "LO", QByteArray("after the blob"));
    bytes.insert(pixelData, blob);
    QTemporaryDir dir;
    const auto write = [&](const QString &name, const QByteArray &content) {
        QFile f(dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
    };
    QVERIFY(write(QStringLiteral("big.dcm"), bytes));
    QVERIFY(write(QStringLiteral("cut.dcm"), bytes.left(bytes.size() - 1000)));

    const Result<DicomFile> header =
        DicomFile::open(dir.filePath(QStringLiteral("big.dcm")), DicomFile::Content::HeaderOnly);
    QVERIFY2(header.ok(), qPrintable(errorOf(header)));
    QCOMPARE(header->text(Tag {0x0040, 0x0254}), QStringLiteral("after the blob"));
    QCOMPARE(header->frameCount(), 1);
    QCOMPARE(header->info().fileSize, qint64(bytes.size()));
    const Result<DicomFile> cut =
        DicomFile::open(dir.filePath(QStringLiteral("cut.dcm")), DicomFile::Content::HeaderOnly);
    QVERIFY(!cut.ok());
    QCOMPARE(cut.error().code(), ErrorCode::TruncatedFile);
    const Result<DicomFile> full = DicomFile::open(dir.filePath(QStringLiteral("big.dcm")));
    QVERIFY(full.ok());
    QCOMPARE(full->frame(0)->data,
             DicomFile::open(pydicomFile(QStringLiteral("test_files/MR_small.dcm")))->frame(0)->data);
}

void TestDicomFile::enhancedMultiFrameUsesFunctionalGroups()
{
    const Result<DicomFile> file = DicomFile::open(m_samples.filePath(QStringLiteral("enhanced.dcm")));
    QVERIFY2(file.ok(), qPrintable(errorOf(file)));
    QCOMPARE(file->frameCount(), 3);
    for (int i = 0; i < 3; ++i) {
        const ImagePlane plane = file->plane(i);
        QVERIFY(plane.hasPosition && plane.hasOrientation);
        QCOMPARE(plane.position.z, 2.5 * i); // per-frame Plane Position
        QCOMPARE(plane.position.x, 10.0);
        QCOMPARE(plane.rowDirection.y, 1.0); // shared Plane Orientation
        QCOMPARE(plane.columnDirection.z, -1.0);
        QCOMPARE(plane.rowSpacing, 0.5); // shared Pixel Measures
        QCOMPARE(plane.columnSpacing, 0.6);
        QCOMPARE(plane.sliceThickness, 2.0);
        const DisplayInfo display = file->displayInfo(i);
        QCOMPARE(display.modality.intercept, -1024.0); // shared Pixel Value Transformation
        QCOMPARE(display.modality.type, QStringLiteral("HU"));
        QCOMPARE(display.windows.size(), 1);
        QCOMPARE(display.windows[0].center, 40.0 + i); // per-frame Frame VOI LUT
        QCOMPARE(display.windows[0].width, 400.0);
    }
    const InstanceInfo info = file->info();
    QCOMPARE(info.framePlanes.size(), 3);
    QCOMPARE(info.planeOfFrame(2).position.z, 5.0);
    QCOMPARE(info.plane.position.z, 0.0);
    const Result<Frame> last = file->frame(2);
    QVERIFY(last.ok());
    QCOMPARE(last->format.bitsStored, 12);
    QCOMPARE(qFromLittleEndian<quint16>(last->data.constData() + 2), quint16((33 * 50) & 0x0FFF)); // masked to 12 bits
}

void TestDicomFile::lutSequencesAndWindowsAreRead()
{
    const Result<DicomFile> file = DicomFile::open(m_samples.filePath(QStringLiteral("luts.dcm")));
    QVERIFY2(file.ok(), qPrintable(errorOf(file)));
    const DisplayInfo display = file->displayInfo();
    const LutTable &mlut = display.modality.table;
    QCOMPARE(mlut.entries, (QVector<quint16> {10, 20, 30, 40}));
    QCOMPARE(mlut.firstMapped, -2); // US 65534 read as signed: the image is signed
    QCOMPARE(mlut.bitsPerEntry, 16);
    QCOMPARE(mlut.explanation, QStringLiteral("Density"));
    QCOMPARE(display.modality.type, QStringLiteral("OD"));
    QCOMPARE(display.modality.apply(-2), 10.0);
    QCOMPARE(display.modality.apply(1), 40.0);
    QCOMPARE(display.windows.size(), 2);
    QCOMPARE(display.windows[1].center, 400.0);
    QCOMPARE(display.windows[1].width, 1500.0);
    QCOMPARE(display.windows[0].explanation, QStringLiteral("SOFT"));
    QCOMPARE(display.windows[1].explanation, QStringLiteral("BONE"));
    QCOMPARE(display.voiFunction, VoiFunction::Sigmoid);
    QCOMPARE(display.voiLuts.size(), 1);
    QCOMPARE(display.voiLuts[0].entries, (QVector<quint16> {0, 128, 255}));
    QCOMPARE(display.voiLuts[0].bitsPerEntry, 8);
    QCOMPARE(display.voiLuts[0].explanation, QStringLiteral("Film"));
    const Result<Frame> frame = file->frame(0);
    QVERIFY(frame.ok());
    QCOMPARE(qint16(qFromLittleEndian<quint16>(frame->data.constData())), qint16(-2));
}

void TestDicomFile::paletteColourKeepsIndices()
{
    const Result<DicomFile> file = DicomFile::open(m_samples.filePath(QStringLiteral("palette.dcm")));
    QVERIFY2(file.ok(), qPrintable(errorOf(file)));
    const Result<Frame> frame = file->frame(0);
    QVERIFY(frame.ok());
    QCOMPARE(frame->format.photometric, Photometric::PaletteColor);
    QCOMPARE(frame->format.samplesPerPixel, 1);
    QCOMPARE(frame->data, QByteArray("\x00\x01\x80\xff", 4)); // indices, not colours
    const PaletteLut palette = file->displayInfo().palette;
    QVERIFY(!palette.isEmpty());
    QCOMPARE(palette.red.entries.size(), 256);
    QCOMPARE(palette.red.lookup(128), quint16(128 * 256));
    QCOMPARE(palette.green.lookup(255), quint16(255 * 128));
    QCOMPARE(palette.blue.lookup(3), quint16(3));
}

void TestDicomFile::multiFragmentFramesDecodeInAnyOrder()
{
    // Three copies of SC_rgb_jpeg_dcmtk's frame, two fragments each, empty offset table: the
    // last frame first, as a viewer loading middle-out would ask for it.
    const Result<DicomFile> single = DicomFile::open(pydicomFile(QStringLiteral("test_files/SC_rgb_jpeg_dcmtk.dcm")));
    const Result<DicomFile> file = DicomFile::open(m_samples.filePath(QStringLiteral("jpeg_fragments.dcm")));
    QVERIFY2(file.ok(), qPrintable(errorOf(file)));
    QCOMPARE(file->frameCount(), 3);
    const Result<Frame> expected = single->frame(0);
    QVERIFY(expected.ok());
    for (int i : {2, 0, 1}) {
        const Result<Frame> frame = file->frame(i);
        QVERIFY2(frame.ok(), qPrintable(frame.ok() ? QString() : frame.error().detail()));
        QCOMPARE(frame->data, expected->data);
    }
}

void TestDicomFile::damagedFilesFailCleanly()
{
    // Deterministic damage (overwritten bytes, cuts, repeated ranges) to files of every syntax:
    // each open and decode must end in a value or a named error about the file, never a crash.
    const QStringList sources {
        QStringLiteral("CT_small.dcm"),
        QStringLiteral("ExplVR_BigEnd.dcm"),
        QStringLiteral("image_dfl.dcm"),
        QStringLiteral("liver_1frame.dcm"),
        QStringLiteral("rtdose_expb.dcm"),
        QStringLiteral("SC_ybr_full_422_uncompressed.dcm"),
        QStringLiteral("SC_rgb_rle_2frame.dcm"),
        QStringLiteral("SC_rgb_jpeg_dcmtk.dcm"),
        QStringLiteral("JPGExtended.dcm"),
        QStringLiteral("MR_small_jpeg_ls_lossless.dcm"),
        QStringLiteral("MR_small_jp2klossless.dcm"),
        QStringLiteral("SC_rgb_gdcm_KY.dcm"),
    };
    QRandomGenerator random(20260704);
    int opened = 0, failed = 0, frames = 0;
    const auto checkError = [](const Error &e, const QString &name) {
        return e.code() != ErrorCode::None && e.code() != ErrorCode::Internal && e.subject() == name;
    };
    for (const QString &source : sources) {
        const QByteArray original = readCorpus(QStringLiteral("test_files/") + source);
        QVERIFY(!original.isEmpty());
        for (int round = 0; round < 100; ++round) {
            QByteArray bytes = original;
            const int kind = round % 3;
            const qsizetype at = qsizetype(random.bounded(quint32(bytes.size())));
            if (kind == 0) {
                for (int i = 0, n = 1 + int(random.bounded(8)); i < n; ++i)
                    bytes[qsizetype(random.bounded(quint32(bytes.size())))] = char(random.bounded(256));
            } else if (kind == 1) {
                bytes.truncate(at);
            } else {
                bytes.insert(at, bytes.mid(qsizetype(random.bounded(quint32(bytes.size()))), 1 + random.bounded(64)));
            }
            const QString name = QStringLiteral("%1#%2").arg(source).arg(round);
            for (const DicomFile::Content content : {DicomFile::Content::Everything, DicomFile::Content::HeaderOnly}) {
                const Result<DicomFile> file = DicomFile::fromBytes(bytes, name, content);
                if (!file.ok()) {
                    ++failed;
                    QVERIFY2(checkError(file.error(), name),
                             qPrintable(name + QStringLiteral(": ") + file.error().codeName()));
                    continue;
                }
                ++opened;
                (void)file->info();
                (void)file->displayInfo();
                (void)file->overlays();
                const Result<PixelFormat> format = file->pixelFormat();
                for (int i = 0; i < std::min(file->frameCount(), 3); ++i) {
                    const Result<Frame> frame = file->frame(i);
                    if (frame.ok()) {
                        ++frames;
                        QVERIFY(frame->isValid());
                        QVERIFY(format.ok());
                        QCOMPARE(frame->format, *format);
                    } else {
                        QVERIFY2(checkError(frame.error(), name),
                                 qPrintable(name + QStringLiteral(": ") + frame.error().codeName()));
                    }
                }
            }
        }
    }
    qInfo("damaged files: %d opened, %d refused, %d frames decoded", opened, failed, frames);
    QVERIFY(opened > 0 && failed > 0 && frames > 0);
}

QTEST_GUILESS_MAIN(TestDicomFile)
#include "TestDicomFile.moc"
