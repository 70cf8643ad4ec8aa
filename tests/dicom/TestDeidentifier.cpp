// The de-identifier end to end on real files: a planted PHI list leaves no trace in the output
// bytes (in every encoding it was stored in), pixel data is identical, UIDs are consistent per
// secret and references inside sequences follow, burned-in images are refused, pydicom reads
// every output and dciodvfy finds no new errors.
#include "TestSupport.h"
#include "dicom/Deidentifier.h"
#include "dicom/Phantom.h"

#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>

using namespace haip;
using namespace haip::dicom;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSecret = QByteArrayLiteral("installation secret A, 32 bytes!");
const QByteArray kOtherSecret = QByteArrayLiteral("installation secret B, 32 bytes!");

// 山田^太郎=やまだ^たろう as ISO 2022 IR 87 (PS3.5 H.3.1): ideographic and phonetic groups.
const QByteArray kJapaneseName = "Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B";

// The planted identifying values, by the attribute that carries them (text as stored).
struct Planted
{
    DcmTagKey tag;
    const char *value;
};
const Planted kPlanted[] = {
    {DCM_PatientID, "HAIPTEST-PID-88231"},
    {DCM_PatientBirthDate, "19610423"},
    {DCM_PatientAddress, "1-2-3 Hongo Bunkyo-ku Tokyo"},
    {DCM_PatientTelephoneNumbers, "03-5555-0199"},
    {DCM_InstitutionName, "Sakura General Hospital"},
    {DCM_InstitutionAddress, "4-5-6 Sakuracho Chiyoda"},
    {DCM_ReferringPhysicianName, "Kobayashi^Ichiro"},
    {DCM_PerformingPhysicianName, "Watanabe^Kenji"},
    {DCM_NameOfPhysiciansReadingStudy, "Nakamura^Aiko"},
    {DCM_OperatorsName, "Tanaka^Yukiko"},
    {DCM_AccessionNumber, "ACC20240917X"},
    {DCM_StudyID, "STUDY7781"},
    {DCM_ImageComments, "Fell at home near Ueno station"},
    {DCM_AdditionalPatientHistory, "Brother Jiro Yamada also treated"},
    {DCM_PatientComments, "Prefers the Sakura clinic"},
    {DCM_RETIRED_OtherPatientIDs, "OTHERID-5521"},
    {DCM_StudyDescription, "CHEST follow-up Yamada"},
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A real CT (pydicom's CT_small.dcm: pixels, geometry) with the PHI list planted, a Japanese
// patient name, a name hidden in a private attribute and IDs inside sequences.
QString writePlanted(const QString &dir)
{
    DcmFileFormat file;
    if (file.loadFile(test::pydicomFile(u"test_files/CT_small.dcm"_s).toLocal8Bit().constData()).bad())
        return {};
    DcmDataset &ds = *file.getDataset();
    bool ok = ds.putAndInsertString(DCM_SpecificCharacterSet, "\\ISO 2022 IR 87").good() &&
        ds.putAndInsertString(DCM_PatientName, kJapaneseName.constData()).good();
    for (const Planted &p : kPlanted)
        ok = ok && ds.putAndInsertString(p.tag, p.value).good();
    DcmItem *item = nullptr;
    ok = ok && ds.findOrCreateSequenceItem(DCM_OtherPatientIDsSequence, item, -2).good() &&
        item->putAndInsertString(DCM_PatientID, "SEQID-7734").good();
    ok = ok && ds.findOrCreateSequenceItem(DCM_RequestAttributesSequence, item, -2).good() &&
        item->putAndInsertString(DCM_RequestedProcedureID, "REQ-99812").good();
    ok = ok && ds.putAndInsertString(DcmTagKey(0x0029, 0x0010), "HAIP PRIVATE").good() &&
        ds.putAndInsertString(DcmTag(DcmTagKey(0x0029, 0x1010), EVR_LO), kJapaneseName.constData()).good();
    const QString path = dir + u"/planted.dcm"_s;
    if (!ok || file.saveFile(path.toLocal8Bit().constData(), EXS_LittleEndianExplicit).bad())
        return {};
    return path;
}

// The byte strings whose presence would be a leak: every planted value, the name's parts in
// ISO 2022 IR 87, UTF-8 and Shift_JIS, the other IDs, and the original UIDs.
QList<QByteArray> leakNeedles(const QString &input)
{
    QList<QByteArray> needles;
    for (const Planted &p : kPlanted)
        needles << p.value;
    needles << "SEQID-7734"
            << "REQ-99812"
            << "Yamada"
            << "Tarou"
            << "\x1b$B;3ED\x1b(B"
            << "\x1b$BB@O:\x1b(B"
            << "\x1b$B$d$^$@\x1b(B";
    QStringEncoder sjis("Shift_JIS");
    for (const QString &text : {u"山田"_s, u"太郎"_s, u"やまだ"_s, u"たろう"_s}) {
        needles << text.toUtf8();
        needles << QByteArray(sjis.encode(text));
    }
    DcmFileFormat file;
    if (file.loadFile(input.toLocal8Bit().constData()).good()) {
        for (const DcmTagKey &tag :
             {DCM_StudyInstanceUID, DCM_SeriesInstanceUID, DCM_SOPInstanceUID, DCM_FrameOfReferenceUID}) {
            OFString uid;
            if (file.getDataset()->findAndGetOFString(tag, uid).good())
                needles << QByteArray(uid.c_str());
        }
    }
    return needles;
}

// SHA-256 of each file's pixels through pydicom (decoded values, little endian, for native
// syntaxes so the byte order of the file does not matter; the encapsulated bytes otherwise);
// also proves pydicom reads the files. `force` reads inputs without a meta header.
QStringList pydicomPixelHashes(const QStringList &paths, bool force = false)
{
    const QString script = u"import sys, hashlib, pydicom\n"
                           "force = sys.argv[1] == 'force'\n"
                           "for p in sys.argv[2:]:\n"
                           "    ds = pydicom.dcmread(p, force=force)\n"
                           "    if 'PixelData' not in ds:\n"
                           "        print('no-pixels'); continue\n"
                           "    if ds.file_meta.TransferSyntaxUID.is_compressed:\n"
                           "        data = ds.PixelData\n"
                           "    else:\n"
                           "        a = ds.pixel_array; data = a.astype(a.dtype.newbyteorder('<')).tobytes()\n"
                           "    print(hashlib.sha256(data).hexdigest())\n"_s;
    const QStringList arguments = QStringList {u"-c"_s, script, force ? u"force"_s : u"strict"_s} + paths;
    const test::ProcessResult run = test::run(u"/usr/bin/python3"_s, arguments);
    if (!run.finished || run.exitCode != 0) {
        qWarning("pydicom failed: %s", run.err.constData());
        return {};
    }
    return QString::fromLatin1(run.out).split(u'\n', Qt::SkipEmptyParts);
}

QStringList dciodvfyErrors(const QString &path)
{
    const test::ProcessResult run = test::run(test::findTool(u"dciodvfy"_s), {path});
    QStringList errors;
    for (const QByteArray &line : (run.out + run.err).split('\n')) {
        if (line.startsWith("Error"))
            errors << QString::fromLatin1(line);
    }
    return errors;
}

QString stringOf(const QString &path, const DcmTagKey &tag)
{
    DcmFileFormat file;
    OFString value;
    if (file.loadFile(path.toLocal8Bit().constData()).bad() || file.getDataset()->findAndGetOFString(tag, value).bad())
        return {};
    return QString::fromLatin1(value.c_str());
}

} // namespace

class TestDeidentifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void plantedPhiLeavesNoTrace();
    void preambleAndMetaReplaced();
    void uidsConsistentPerSecret();
    void referencesFollowInsideSequences();
    void modifiedDatesShiftConsistently();
    void burnedInRefused();
    void corpusPixelsIdenticalAndReadable_data();
    void corpusPixelsIdenticalAndReadable();
    void dciodvfyFindsNoNewErrors_data();
    void dciodvfyFindsNoNewErrors();

private:
    QTemporaryDir m_dir;
    QString m_planted;
};

void TestDeidentifier::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!test::findTool(u"dciodvfy"_s).isEmpty(), "dciodvfy missing: apt-get install dicom3tools");
    QVERIFY2(QFile::exists(u"/usr/bin/python3"_s), "python3-pydicom missing: apt-get install python3-pydicom");
    m_planted = writePlanted(m_dir.path());
    QVERIFY(!m_planted.isEmpty());
}

void TestDeidentifier::plantedPhiLeavesNoTrace()
{
    const QByteArray input = readAll(m_planted);
    const QList<QByteArray> needles = leakNeedles(m_planted);
    // The search below would find the values: the input holds them.
    QVERIFY(input.contains("HAIPTEST-PID-88231") && input.contains(kJapaneseName));

    for (const DeidOptions &options : {DeidOptions {}, DeidOptions {true, true, true, true}}) {
        const QString out = m_dir.filePath(u"planted-out.dcm"_s);
        const Result<DeidReport> report = deidentifyFile(m_planted, out, options, kSecret);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message()));
        const QByteArray bytes = readAll(out);
        QVERIFY(bytes.size() > 10000);
        for (const QByteArray &needle : needles)
            QVERIFY2(!bytes.contains(needle), qPrintable(u"leaked: "_s + QString::fromLatin1(needle.toHex())));
        QCOMPARE(report->reidentification.originalPatientId, u"HAIPTEST-PID-88231"_s);
        QCOMPARE(stringOf(out, DCM_PatientID), report->reidentification.pseudonym);
        QCOMPARE(stringOf(out, DCM_PatientName), report->reidentification.pseudonym);
        const QStringList hashes = pydicomPixelHashes({m_planted, out});
        QCOMPARE(hashes.size(), 2);
        QCOMPARE(hashes.at(1), hashes.at(0));
    }
}

void TestDeidentifier::preambleAndMetaReplaced()
{
    // Plant text in the preamble and a sending station in the meta header.
    QByteArray input = readAll(m_planted);
    input.replace(0, 20, "PREAMBLE-YAMADA-TARO");
    QByteArray output;
    const Result<DeidReport> report = Deidentifier({}, kSecret).deidentify(input, u"planted"_s, output);
    QVERIFY(report.ok());
    QCOMPARE(output.left(128), QByteArray(128, '\0'));
    QCOMPARE(output.mid(128, 4), QByteArrayLiteral("DICM"));
    QVERIFY(!output.contains("PREAMBLE"));
}

void TestDeidentifier::uidsConsistentPerSecret()
{
    const QString a = m_dir.filePath(u"a.dcm"_s);
    const QString b = m_dir.filePath(u"b.dcm"_s);
    const QString c = m_dir.filePath(u"c.dcm"_s);
    const Result<DeidReport> first = deidentifyFile(m_planted, a, {}, kSecret);
    const Result<DeidReport> second = deidentifyFile(m_planted, b, {}, kSecret);
    const Result<DeidReport> other = deidentifyFile(m_planted, c, {}, kOtherSecret);
    QVERIFY(first.ok() && second.ok() && other.ok());
    QCOMPARE(second->newStudyInstanceUid, first->newStudyInstanceUid);
    QCOMPARE(second->newSeriesInstanceUid, first->newSeriesInstanceUid);
    QCOMPARE(second->newSopInstanceUid, first->newSopInstanceUid);
    QCOMPARE(second->reidentification.pseudonym, first->reidentification.pseudonym);
    QCOMPARE(readAll(b), readAll(a)); // byte-identical output
    QVERIFY(other->newStudyInstanceUid != first->newStudyInstanceUid);
    QVERIFY(other->newSopInstanceUid != first->newSopInstanceUid);
    QVERIFY(other->reidentification.pseudonym != first->reidentification.pseudonym);
    // The form PS3.5 B.2 gives UUID-derived UIDs: 2.25.<decimal of 128 bits>, no leading zero.
    static const QRegularExpression uuidUid(u"^2\\.25\\.[1-9][0-9]{0,38}$"_s);
    QVERIFY(uuidUid.match(first->newSopInstanceUid).hasMatch());
    // The re-identification map links the originals to the new UIDs.
    const QString originalSop = stringOf(m_planted, DCM_SOPInstanceUID);
    QCOMPARE(first->reidentification.uids.value(originalSop), first->newSopInstanceUid);
    // Study, series, instance and frame of reference (a SEG names its images' frame of reference).
    const QString originalFrame = stringOf(m_planted, DCM_FrameOfReferenceUID);
    QVERIFY(!originalFrame.isEmpty());
    QVERIFY(first->reidentification.uids.contains(originalFrame));
    QCOMPARE(first->reidentification.uids.size(), 4);
}

void TestDeidentifier::referencesFollowInsideSequences()
{
    // Two instances of one series; the second references the first inside a sequence and
    // repeats the series and frame of reference two levels down.
    const QString firstPath = m_dir.filePath(u"ref1.dcm"_s);
    const QString secondPath = m_dir.filePath(u"ref2.dcm"_s);
    QVERIFY(QFile::copy(m_planted, firstPath));
    DcmFileFormat file;
    QVERIFY(file.loadFile(m_planted.toLocal8Bit().constData()).good());
    DcmDataset &ds = *file.getDataset();
    OFString firstSop;
    OFString series;
    OFString frame;
    QVERIFY(ds.findAndGetOFString(DCM_SOPInstanceUID, firstSop).good());
    QVERIFY(ds.findAndGetOFString(DCM_SeriesInstanceUID, series).good());
    QVERIFY(ds.findAndGetOFString(DCM_FrameOfReferenceUID, frame).good());
    QVERIFY(ds.putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.10.543.2").good());
    DcmItem *seriesItem = nullptr;
    DcmItem *instanceItem = nullptr;
    QVERIFY(ds.findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, seriesItem, -2).good());
    QVERIFY(seriesItem->putAndInsertString(DCM_SeriesInstanceUID, series.c_str()).good());
    QVERIFY(seriesItem->findOrCreateSequenceItem(DCM_ReferencedInstanceSequence, instanceItem, -2).good());
    QVERIFY(instanceItem->putAndInsertString(DCM_ReferencedSOPInstanceUID, firstSop.c_str()).good());
    QVERIFY(instanceItem->putAndInsertString(DCM_FrameOfReferenceUID, frame.c_str()).good());
    QVERIFY(file.saveFile(secondPath.toLocal8Bit().constData(), EXS_LittleEndianExplicit).good());

    const Result<DeidReport> first = deidentifyFile(firstPath, m_dir.filePath(u"ref1-out.dcm"_s), {}, kSecret);
    const QString secondOut = m_dir.filePath(u"ref2-out.dcm"_s);
    const Result<DeidReport> second = deidentifyFile(secondPath, secondOut, {}, kSecret);
    QVERIFY(first.ok() && second.ok());
    DcmFileFormat result;
    QVERIFY(result.loadFile(secondOut.toLocal8Bit().constData()).good());
    QVERIFY(result.getDataset()->findAndGetSequenceItem(DCM_ReferencedSeriesSequence, seriesItem).good());
    QVERIFY(seriesItem->findAndGetSequenceItem(DCM_ReferencedInstanceSequence, instanceItem).good());
    OFString value;
    QVERIFY(seriesItem->findAndGetOFString(DCM_SeriesInstanceUID, value).good());
    QCOMPARE(QString::fromLatin1(value.c_str()), first->newSeriesInstanceUid);
    QVERIFY(instanceItem->findAndGetOFString(DCM_ReferencedSOPInstanceUID, value).good());
    QCOMPARE(QString::fromLatin1(value.c_str()), first->newSopInstanceUid);
    QVERIFY(instanceItem->findAndGetOFString(DCM_FrameOfReferenceUID, value).good());
    QCOMPARE(QString::fromLatin1(value.c_str()), stringOf(m_dir.filePath(u"ref1-out.dcm"_s), DCM_FrameOfReferenceUID));
    QVERIFY(second->newStudyInstanceUid == first->newStudyInstanceUid);
}

void TestDeidentifier::modifiedDatesShiftConsistently()
{
    const QString out = m_dir.filePath(u"dates.dcm"_s);
    DeidOptions options;
    options.modifiedDates = true;
    const Result<DeidReport> report = deidentifyFile(m_planted, out, options, kSecret);
    QVERIFY(report.ok());
    const int offset = report->reidentification.dateOffsetDays;
    QVERIFY(offset <= -1 && offset >= -3650);
    for (const DcmTagKey &tag : {DCM_StudyDate, DCM_SeriesDate, DCM_AcquisitionDate, DCM_ContentDate}) {
        const QDate before = QDate::fromString(stringOf(m_planted, tag), u"yyyyMMdd"_s);
        QVERIFY(before.isValid());
        QCOMPARE(QDate::fromString(stringOf(out, tag), u"yyyyMMdd"_s), before.addDays(offset));
    }
    QCOMPARE(stringOf(out, DCM_StudyTime), stringOf(m_planted, DCM_StudyTime));
    QCOMPARE(stringOf(out, DCM_LongitudinalTemporalInformationModified), u"MODIFIED"_s);
    QCOMPARE(stringOf(out, DCM_PatientBirthDate), QString()); // Z in every option we support
    // The same patient in another run gets the same offset.
    const Result<DeidReport> again = deidentifyFile(m_planted, m_dir.filePath(u"dates2.dcm"_s), options, kSecret);
    QCOMPARE(again->reidentification.dateOffsetDays, offset);
}

void TestDeidentifier::burnedInRefused()
{
    DcmFileFormat file;
    QVERIFY(file.loadFile(m_planted.toLocal8Bit().constData()).good());
    const auto variant = [&](const char *burnedIn, const char *modality) {
        DcmDataset &ds = *file.getDataset();
        ds.findAndDeleteElement(DCM_BurnedInAnnotation);
        if (burnedIn)
            ds.putAndInsertString(DCM_BurnedInAnnotation, burnedIn);
        ds.putAndInsertString(DCM_Modality, modality);
        const QString path = m_dir.filePath(u"burned.dcm"_s);
        file.saveFile(path.toLocal8Bit().constData(), EXS_LittleEndianExplicit);
        return path;
    };
    const QString out = m_dir.filePath(u"burned-out.dcm"_s);
    DeidOptions allow;
    allow.allowBurnedInAnnotation = true;

    QFile::remove(out);
    Result<DeidReport> r = deidentifyFile(variant("YES", "CT"), out, {}, kSecret);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::BurnedInAnnotation);
    QVERIFY(!QFile::exists(out)); // nothing written
    QVERIFY(r.error().message().contains(u"burned"_s));
    r = deidentifyFile(variant(nullptr, "US"), out, {}, kSecret);
    QCOMPARE(r.ok() ? ErrorCode::None : r.error().code(), ErrorCode::BurnedInAnnotation);
    QVERIFY(deidentifyFile(variant("NO", "US"), out, {}, kSecret).ok());
    QVERIFY(deidentifyFile(variant("YES", "CT"), out, allow, kSecret).ok());
    QVERIFY(deidentifyFile(variant(nullptr, "CT"), out, {}, kSecret).ok());
    // A real secondary capture (pydicom's SC_rgb_rle.dcm) without Burned In Annotation.
    r = deidentifyFile(test::pydicomFile(u"test_files/SC_rgb_rle.dcm"_s), out, {}, kSecret);
    QCOMPARE(r.ok() ? ErrorCode::None : r.error().code(), ErrorCode::BurnedInAnnotation);
}

void TestDeidentifier::corpusPixelsIdenticalAndReadable_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name : {"CT_small.dcm",
                             "MR_small.dcm",
                             "MR_small_implicit.dcm",
                             "MR_small_bigendian.dcm",
                             "MR_small_RLE.dcm",
                             "MR_small_jpeg_ls_lossless.dcm",
                             "MR_small_jp2klossless.dcm",
                             "JPEG2000.dcm",
                             "image_dfl.dcm",
                             "liver_1frame.dcm",
                             "rtdose.dcm",
                             "rtstruct.dcm",
                             "reportsi.dcm",
                             "test-SR.dcm"})
        QTest::newRow(name) << test::pydicomFile(u"test_files/"_s + QLatin1String(name));
}

void TestDeidentifier::corpusPixelsIdenticalAndReadable()
{
    QFETCH(QString, file);
    const QString out = m_dir.filePath(u"corpus-out.dcm"_s);
    // Every option, burned-in images allowed (JPEG2000.dcm is a secondary capture, image_dfl.dcm
    // is OT): this proves the writing, not the refusal.
    const Result<DeidReport> report = deidentifyFile(file, out, DeidOptions {true, true, true, true, true}, kSecret);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message()));
    const QStringList before = pydicomPixelHashes({file}, true);
    const QStringList after = pydicomPixelHashes({out});
    QCOMPARE(before.size(), 1);
    QCOMPARE(after, before);
    QCOMPARE(stringOf(out, DCM_PatientIdentityRemoved), u"YES"_s);
    const QString originalName = stringOf(file, DCM_PatientName);
    if (originalName.size() > 3)
        QVERIFY(!readAll(out).contains(originalName.toLatin1()));
}

void TestDeidentifier::dciodvfyFindsNoNewErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("CT_small") << test::pydicomFile(u"test_files/CT_small.dcm"_s);
    QTest::newRow("MR_small") << test::pydicomFile(u"test_files/MR_small.dcm"_s);
    PhantomOptions phantom;
    phantom.outputDir = m_dir.filePath(u"phantom"_s);
    phantom.slices = 2;
    phantom.rows = 64;
    phantom.columns = 64;
    phantom.threads = 1;
    const Result<PhantomResult> generated = PhantomGenerator::generate(phantom);
    QVERIFY(generated.ok());
    QTest::newRow("phantom slice") << generated->files.front();
}

void TestDeidentifier::dciodvfyFindsNoNewErrors()
{
    QFETCH(QString, file);
    const QString out = m_dir.filePath(u"dciodvfy-out.dcm"_s);
    for (const DeidOptions &options : {DeidOptions {}, DeidOptions {true, true, true, true}}) {
        QVERIFY(deidentifyFile(file, out, options, kSecret).ok());
        const QStringList before = dciodvfyErrors(file);
        const QStringList after = dciodvfyErrors(out);
        QStringList added;
        for (const QString &line : after) {
            if (!before.contains(line))
                added << line;
        }
        QVERIFY2(added.isEmpty(), qPrintable(added.join(u'\n')));
    }
}

QTEST_GUILESS_MAIN(TestDeidentifier)
#include "TestDeidentifier.moc"
