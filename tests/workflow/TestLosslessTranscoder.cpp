// TestLosslessTranscoder: what the workstation sends is bit-exact — phantom CT slices and real
// pydicom files re-encoded as JPEG-LS lossless and as deflate decode to the very same pixels,
// by our decoder and by GDCM's (gdcmconv --raw, an independent implementation); the syntax
// chosen follows the service's list; data already in an accepted syntax is passed as it is.
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/DicomFile.h"
#include "dicom/LosslessTranscoder.h"
#include "dicom/Phantom.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::dicom;

namespace {

const QString kJpegLs = QString::fromLatin1(TransferSyntax::JpegLsLossless);
const QString kDeflate = QString::fromLatin1(TransferSyntax::DeflatedExplicitLittle);
const QString kExplicit = QString::fromLatin1(TransferSyntax::ExplicitLittle);

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every frame's decoded bytes, concatenated.
QByteArray pixels(const QByteArray &part10, const QString &name)
{
    Result<DicomFile> file = DicomFile::fromBytes(part10, name);
    if (!file)
        return {};
    QByteArray all;
    for (int i = 0; i < file->frameCount(); ++i) {
        Result<Frame> frame = file->frame(i);
        if (!frame)
            return {};
        all += frame->data;
    }
    return all;
}

} // namespace

class TestLosslessTranscoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void choosesTheBestAcceptedSyntax_data();
    void choosesTheBestAcceptedSyntax();
    void reencodedPixelsAreIdentical_data();
    void reencodedPixelsAreIdentical();
    void independentDecoderAgrees();
    void unsupportedDepthFallsBackToDeflate();
    void acceptedSyntaxPassesUnchanged();
    void brokenInputIsAnError();

private:
    LibraryScope m_library;
    QTemporaryDir m_dir;
    QStringList m_phantom;
};

void TestLosslessTranscoder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    PhantomOptions o;
    o.rows = o.columns = 96;
    o.slices = 3;
    o.outputDir = m_dir.filePath(u"ct"_s);
    Result<PhantomResult> made = PhantomGenerator::generate(o);
    QVERIFY2(made, made ? "" : qPrintable(made.error().detail()));
    m_phantom = made->files;
}

void TestLosslessTranscoder::choosesTheBestAcceptedSyntax_data()
{
    QTest::addColumn<QStringList>("accepted");
    QTest::addColumn<QString>("chosen");
    QTest::newRow("all three") << QStringList {kExplicit, kDeflate, kJpegLs} << kJpegLs;
    QTest::newRow("deflate and explicit") << QStringList {kExplicit, kDeflate} << kDeflate;
    QTest::newRow("none listed: baseline") << QStringList {} << kExplicit;
    QTest::newRow("only lossy JPEG") << QStringList {u"1.2.840.10008.1.2.4.50"_s} << QString();
}

void TestLosslessTranscoder::choosesTheBestAcceptedSyntax()
{
    QFETCH(QStringList, accepted);
    QFETCH(QString, chosen);
    QCOMPARE(LosslessTranscoder::choose(accepted), chosen);
}

void TestLosslessTranscoder::reencodedPixelsAreIdentical_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("syntax"); // asked for
    QTest::addColumn<QStringList>("written"); // what the file may come out in
    for (const QString &syntax : {kJpegLs, kDeflate}) {
        QTest::addRow("phantom CT %s", qPrintable(syntax)) << u"phantom"_s << syntax << QStringList {syntax};
        // Signed 16-bit CT and a JPEG-LS source.
        for (const char *name : {"CT_small.dcm", "MR_small_jpeg_ls_lossless.dcm"})
            QTest::addRow("%s %s", name, qPrintable(syntax))
                << u"test_files/"_s + QLatin1String(name) << syntax << QStringList {syntax};
    }
    // Two-frame RGB from RLE, which DCMTK's RLE decoder leaves colour-by-plane. DCMTK 3.6.7's
    // JPEG-LS encoder refuses it in the release build, which then deflates, and takes it in the
    // Debug + ASan build (the asan preset); both are bit for bit, as checked first.
    QTest::addRow("RGB from RLE, JPEG-LS asked")
        << u"test_files/SC_rgb_rle_2frame.dcm"_s << kJpegLs << QStringList {kDeflate, kJpegLs};
    QTest::addRow("RGB from RLE, deflate")
        << u"test_files/SC_rgb_rle_2frame.dcm"_s << kDeflate << QStringList {kDeflate};
}

void TestLosslessTranscoder::reencodedPixelsAreIdentical()
{
    QFETCH(QString, file);
    QFETCH(QString, syntax);
    QFETCH(QStringList, written);
    const QString path = file == u"phantom"_s ? m_phantom.front() : test::pydicomFile(file);
    const QByteArray original = readAll(path);
    QVERIFY(!original.isEmpty());
    Result<QByteArray> packed = LosslessTranscoder::transcode(original, syntax, {syntax, kDeflate}, path);
    QVERIFY2(packed, packed ? "" : qPrintable(packed.error().detail()));
    Result<DicomFile> reread = DicomFile::fromBytes(*packed, path);
    QVERIFY(reread);
    const QByteArray before = pixels(original, path);
    QVERIFY(!before.isEmpty());
    QCOMPARE(pixels(*packed, path), before);
    QVERIFY2(written.contains(reread->transferSyntaxUid()), qPrintable(reread->transferSyntaxUid()));
    if (file == u"phantom"_s && syntax == kJpegLs)
        QVERIFY2(packed->size() < original.size() * 3 / 4,
                 qPrintable(u"%1 → %2"_s.arg(original.size()).arg(packed->size())));
}

void TestLosslessTranscoder::independentDecoderAgrees()
{
    const QString gdcmconv = test::findTool(u"gdcmconv"_s);
    QVERIFY2(!gdcmconv.isEmpty(), "gdcmconv missing (Debian package libgdcm-tools)");
    const QByteArray original = readAll(m_phantom[1]);
    Result<QByteArray> packed = LosslessTranscoder::transcode(original, kJpegLs, {kJpegLs}, u"slice"_s);
    QVERIFY(packed);
    const QString in = m_dir.filePath(u"jls.dcm"_s);
    const QString out = m_dir.filePath(u"raw.dcm"_s);
    QFile f(in);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(*packed) == packed->size());
    f.close();
    QProcess p;
    p.start(gdcmconv, {u"--raw"_s, in, out});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(pixels(readAll(out), out), pixels(original, u"original"_s));
}

void TestLosslessTranscoder::unsupportedDepthFallsBackToDeflate()
{
    // 32-bit dose values: JPEG-LS carries at most 16 bits.
    const QString path = test::pydicomFile(u"test_files/rtdose_1frame.dcm"_s);
    const QByteArray original = readAll(path);
    Result<QByteArray> packed = LosslessTranscoder::transcode(original, kJpegLs, {kJpegLs, kDeflate}, path);
    QVERIFY2(packed, packed ? "" : qPrintable(packed.error().detail()));
    Result<DicomFile> reread = DicomFile::fromBytes(*packed, path);
    QVERIFY(reread);
    QCOMPARE(reread->transferSyntaxUid(), kDeflate);
    QCOMPARE(pixels(*packed, path), pixels(original, path));
}

void TestLosslessTranscoder::acceptedSyntaxPassesUnchanged()
{
    const QByteArray original = readAll(m_phantom.front());
    Result<QByteArray> same = LosslessTranscoder::transcode(original, kJpegLs, {kJpegLs, kExplicit}, u"slice"_s);
    QVERIFY(same);
    QCOMPARE(*same, original);
}

void TestLosslessTranscoder::brokenInputIsAnError()
{
    QByteArray truncated = readAll(m_phantom.front());
    truncated.truncate(truncated.size() / 2);
    Result<QByteArray> packed = LosslessTranscoder::transcode(truncated, kJpegLs, {kJpegLs}, u"slice"_s);
    QVERIFY(!packed);
    QCOMPARE(packed.error().code(), ErrorCode::TruncatedFile);
    QVERIFY(!LosslessTranscoder::transcode(readAll(m_phantom.front()), u"1.2.840.10008.1.2.4.50"_s, {}, u"x"_s));
}

QTEST_GUILESS_MAIN(TestLosslessTranscoder)
#include "TestLosslessTranscoder.moc"
