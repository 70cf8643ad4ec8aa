// PhantomGenerator: valid CT IODs (dciodvfy), realistic headers and Japanese names (read by
// pydicom), ground truth that the pixels confirm, determinism by seed, tiny and odd sizes.
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/DicomFile.h"
#include "dicom/Phantom.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace haip::dicom;
using namespace Qt::StringLiterals;

namespace {

const QString kProbe = QStringLiteral(HAIP_SOURCE_DIR "/tests/dicom/phantom_probe.py");

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Runs the pydicom probe; fails the test (via the empty object) when it does not run cleanly.
QJsonObject probe(const QString &mode, const QString &path)
{
    const test::ProcessResult r = test::run(u"/usr/bin/python3"_s, {kProbe, mode, path});
    if (!r.finished || r.exitCode != 0) {
        qWarning("probe failed: %s", r.err.constData());
        return {};
    }
    return QJsonDocument::fromJson(r.out).object();
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestPhantom : public QObject
{
    Q_OBJECT

private slots:
    void writesFilesAndGroundTruth();
    void passesDciodvfy_data();
    void passesDciodvfy();
    void headersAreRealistic();
    void patientNameIsIso2022Encoded();
    void readsBackThroughDicomFile();
    void groundTruthMatchesPixels_data();
    void groundTruthMatchesPixels();
    void sameSeedGivesSameBytes();
    void differentSeedsDiffer();
    void tinyAndOddSizes_data();
    void tinyAndOddSizes();
    void refusesBadOptions_data();
    void refusesBadOptions();

private:
    Result<PhantomResult> make(PhantomKind kind, const QString &dir, int slices, int size, quint64 seed = 1)
    {
        PhantomOptions o;
        o.kind = kind;
        o.outputDir = dir;
        o.slices = slices;
        o.rows = size;
        o.columns = size;
        o.seed = seed;
        return PhantomGenerator::generate(o);
    }

    LibraryScope m_library;
};

void TestPhantom::writesFilesAndGroundTruth()
{
    QTemporaryDir dir;
    const auto r = make(PhantomKind::ChestCt, dir.path(), 12, 64);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail()));
    QCOMPARE(r->files.size(), 12);
    for (int k = 0; k < 12; ++k) {
        QCOMPARE(QFileInfo(r->files[k]).fileName(), u"CT%1.dcm"_s.arg(k + 1, 6, 10, QChar(u'0')));
        // 64×64 16-bit pixels plus a header of a few kB.
        QVERIFY(QFileInfo(r->files[k]).size() > 64 * 64 * 2);
        QVERIFY(QFileInfo(r->files[k]).size() < 64 * 64 * 2 + 8192);
    }
    const QJsonObject truth = readJson(r->groundTruthPath);
    QCOMPARE(QFileInfo(r->groundTruthPath).dir(), QDir(dir.path()));
    QCOMPARE(truth[u"kind"_s].toString(), u"chest-ct"_s);
    QCOMPARE(truth[u"study_instance_uid"_s].toString(), r->studyInstanceUid);
    QCOMPARE(truth[u"series_instance_uid"_s].toString(), r->seriesInstanceUid);
    QCOMPARE(truth[u"slices"_s].toInt(), 12);
    QCOMPARE(truth[u"files"_s].toArray().size(), 12);
    QCOMPARE(truth[u"slice_spacing_mm"_s].toDouble(), 375.0 / 12);
    const QJsonArray lesions = truth[u"lesions"_s].toArray();
    QCOMPARE(lesions.size(), 6);
    int partSolid = 0;
    for (const QJsonValue &v : lesions) {
        const QJsonObject l = v.toObject();
        QVERIFY(l[u"diameter_mm"_s].toDouble() >= 4.0 && l[u"diameter_mm"_s].toDouble() <= 20.0);
        QCOMPARE(l[u"centre_mm"_s].toArray().size(), 3);
        partSolid += l[u"kind"_s].toString() == u"part-solid-nodule";
    }
    QCOMPARE(partSolid, 1);
    QVERIFY(r->studyInstanceUid.startsWith(u"2.25."_s));
    QVERIFY(r->studyInstanceUid.size() <= 64);
}

void TestPhantom::passesDciodvfy_data()
{
    QTest::addColumn<PhantomKind>("kind");
    QTest::newRow("chest-ct") << PhantomKind::ChestCt;
    QTest::newRow("head-ct") << PhantomKind::HeadCt;
}

void TestPhantom::passesDciodvfy()
{
    QFETCH(PhantomKind, kind);
    const QString tool = test::findTool(u"dciodvfy"_s);
    QVERIFY2(!tool.isEmpty(), "dciodvfy is missing: install the Debian package dicom3tools");
    QTemporaryDir dir;
    const auto r = make(kind, dir.path(), 5, 64);
    QVERIFY(r.ok());
    for (const QString &file : {r->files.first(), r->files[2], r->files.last()}) {
        const test::ProcessResult v = test::run(tool, {file});
        QVERIFY(v.finished);
        const QString report = QString::fromUtf8(v.out + v.err);
        QVERIFY2(report.contains(u"CTImage"_s), qPrintable(report)); // recognised as the CT Image IOD
        QVERIFY2(!report.contains(u"Error"_s), qPrintable(report));
        QVERIFY2(!report.contains(u"Warning"_s), qPrintable(report));
    }
}

void TestPhantom::headersAreRealistic()
{
    QTemporaryDir dir;
    const auto r = make(PhantomKind::ChestCt, dir.path(), 4, 64);
    QVERIFY(r.ok());
    const QJsonObject first = probe(u"headers"_s, r->files.first());
    const QJsonObject second = probe(u"headers"_s, r->files[1]);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QCOMPARE(first[u"sop_class_uid"_s].toString(), u"1.2.840.10008.5.1.4.1.1.2"_s);
    QCOMPARE(first[u"transfer_syntax_uid"_s].toString(), u"1.2.840.10008.1.2.1"_s);
    QCOMPARE(first[u"study_instance_uid"_s].toString(), r->studyInstanceUid);
    QCOMPARE(first[u"series_instance_uid"_s].toString(), r->seriesInstanceUid);
    QCOMPARE(first[u"frame_of_reference_uid"_s].toString(), second[u"frame_of_reference_uid"_s].toString());
    QVERIFY(first[u"sop_instance_uid"_s].toString() != second[u"sop_instance_uid"_s].toString());
    QCOMPARE(first[u"specific_character_set"_s].toArray(), (QJsonArray {u""_s, u"ISO 2022 IR 87"_s}));
    QCOMPARE(first[u"patient_name"_s].toString(), u"Yamada^Tarou=山田^太郎=やまだ^たろう"_s);
    QVERIFY(first[u"patient_id"_s].toString().startsWith(u"PHANTOM-"_s));
    QCOMPARE(first[u"modality"_s].toString(), u"CT"_s);
    QCOMPARE(first[u"manufacturer"_s].toString(), u"HAIP Phantom"_s);
    QCOMPARE(first[u"patient_position"_s].toString(), u"HFS"_s);
    QCOMPARE(first[u"study_description"_s].toString(), u"CT CHEST WITH CONTRAST 胸部造影CT"_s);
    QCOMPARE(first[u"bits_allocated"_s].toInt(), 16);
    QCOMPARE(first[u"pixel_representation"_s].toInt(), 0);
    QCOMPARE(first[u"rescale_intercept"_s].toDouble(), -1024.0);
    QCOMPARE(first[u"rescale_slope"_s].toDouble(), 1.0);
    QCOMPARE(first[u"image_orientation"_s].toArray(), (QJsonArray {1, 0, 0, 0, 1, 0}));
    QCOMPARE(first[u"window_center"_s].toArray(), (QJsonArray {-600, 40}));
    QCOMPARE(first[u"window_width"_s].toArray(), (QJsonArray {1500, 400}));
    QCOMPARE(first[u"window_explanation"_s].toArray(), (QJsonArray {u"LUNG"_s, u"MEDIASTINUM"_s}));
    // Slices go up the patient (z) by the slice spacing; the in-plane origin stays put.
    const QJsonArray p0 = first[u"image_position"_s].toArray(), p1 = second[u"image_position"_s].toArray();
    QCOMPARE(p1[2].toDouble() - p0[2].toDouble(), 375.0 / 4);
    QCOMPARE(p0[0].toDouble(), p1[0].toDouble());
    QCOMPARE(first[u"slice_thickness"_s].toDouble(), 375.0 / 4);
    QCOMPARE(first[u"pixel_spacing"_s].toArray(), (QJsonArray {360.0 / 64, 360.0 / 64}));
    QCOMPARE(first[u"instance_number"_s].toInt() + 1, second[u"instance_number"_s].toInt());
}

void TestPhantom::patientNameIsIso2022Encoded()
{
    // PS3.5 H.3.1: each component group starts in ASCII, ESC $ B switches to JIS X 0208 and
    // ESC ( B returns before every delimiter.
    QTemporaryDir dir;
    const auto r = make(PhantomKind::HeadCt, dir.path(), 1, 32);
    QVERIFY(r.ok());
    const QJsonObject h = probe(u"headers"_s, r->files.first());
    const QByteArray expected =
        QByteArray("Yamada^Tarou=") + "\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B=" + "\x1b$B$d$^$@\x1b(B^\x1b$B$?$m$&\x1b(B";
    QCOMPARE(QByteArray::fromHex(h[u"patient_name_raw_hex"_s].toString().toLatin1()), expected);
}

void TestPhantom::readsBackThroughDicomFile()
{
    // Our own reader (CharsetDecoder for ISO 2022 IR 87) sees what the generator meant.
    QTemporaryDir dir;
    const auto r = make(PhantomKind::ChestCt, dir.path(), 60, 128);
    QVERIFY(r.ok());
    const QJsonObject truth = readJson(r->groundTruthPath);
    const QJsonObject nodule = truth[u"lesions"_s].toArray()[2].toObject(); // 20 mm, right lower lobe
    QCOMPARE(nodule[u"id"_s].toString(), u"nodule-3"_s);
    const QJsonArray voxel = nodule[u"centre_voxel"_s].toArray();
    const int column = int(std::lround(voxel[0].toDouble())), row = int(std::lround(voxel[1].toDouble()));
    const int slice = int(std::lround(voxel[2].toDouble()));
    const Result<DicomFile> file = DicomFile::open(r->files[slice]);
    QVERIFY(file.ok());
    const InstanceInfo info = file->info();
    QCOMPARE(info.patientName, u"Yamada^Tarou=山田^太郎=やまだ^たろう"_s);
    QCOMPARE(info.studyDescription, u"CT CHEST WITH CONTRAST 胸部造影CT"_s);
    QCOMPARE(info.institutionName, u"HAIP Test Hospital 試験病院"_s);
    QCOMPARE(info.studyInstanceUid, r->studyInstanceUid);
    QCOMPARE(info.modality, u"CT"_s);
    QCOMPARE(info.rows, 128);
    QCOMPARE(file->displayInfo().modality.intercept, -1024.0);
    const Result<Frame> frame = file->frame(0);
    QVERIFY(frame.ok());
    QCOMPARE(frame->format.bitsAllocated, 16);
    QVERIFY(!frame->format.isSigned);
    // The voxel at the nodule's centre holds its HU (+1024 stored), within 4 σ of noise.
    const auto *stored = reinterpret_cast<const quint16 *>(frame->data.constData());
    const double hu = stored[row * 128 + column] - 1024.0;
    QVERIFY2(std::abs(hu - nodule[u"mean_hu"_s].toDouble()) <= 4.0 * truth[u"noise_sd_hu"_s].toDouble(),
             qPrintable(QString::number(hu)));
}

void TestPhantom::groundTruthMatchesPixels_data()
{
    QTest::addColumn<PhantomKind>("kind");
    QTest::addColumn<int>("slices");
    QTest::addColumn<int>("size");
    QTest::newRow("chest-ct 192x192x120") << PhantomKind::ChestCt << 120 << 192;
    QTest::newRow("head-ct 128x128x64") << PhantomKind::HeadCt << 64 << 128;
}

void TestPhantom::groundTruthMatchesPixels()
{
    QFETCH(PhantomKind, kind);
    QFETCH(int, slices);
    QFETCH(int, size);
    QTemporaryDir dir;
    const auto r = make(kind, dir.path(), slices, size, 42);
    QVERIFY(r.ok());
    const QJsonObject truth = readJson(r->groundTruthPath);
    const QJsonObject measured = probe(u"lesions"_s, dir.path());
    QCOMPARE(measured[u"slices"_s].toInt(), slices);
    const QJsonArray expected = truth[u"lesions"_s].toArray();
    const QJsonArray found = measured[u"lesions"_s].toArray();
    QCOMPARE(found.size(), expected.size());
    const double noise = truth[u"noise_sd_hu"_s].toDouble();
    int checked = 0;
    for (int i = 0; i < expected.size(); ++i) {
        const QJsonObject e = expected[i].toObject(), m = found[i].toObject();
        const QString id = e[u"id"_s].toString();
        QCOMPARE(m[u"id"_s].toString(), id);
        // The slices said to cut the lesion are exactly those whose plane does (from the files' z).
        QCOMPARE(m[u"cut_slices"_s].toArray(), e[u"slices"_s].toArray());
        const int inner = m[u"inner_count"_s].toInt();
        if (inner < 4)
            continue; // smaller than the sampling: nothing to measure at this size
        ++checked;
        // Mean of the voxels inside: the stated value within noise (4 σ of the mean) + 2 HU.
        const double solidHu =
            e.contains(u"solid_core_hu"_s) ? e[u"ground_glass_hu"_s].toDouble() : e[u"mean_hu"_s].toDouble();
        const double tolerance = 2.0 + 4.0 * noise / std::sqrt(double(inner));
        if (e.contains(u"solid_core_hu"_s)) {
            const double glass = m[u"ground_glass_mean"_s].toDouble();
            QVERIFY2(std::abs(glass - solidHu) < 2.0 + 4.0 * noise / std::sqrt(m[u"ground_glass_count"_s].toDouble()),
                     qPrintable(u"%1: ground glass %2, expected %3"_s.arg(id).arg(glass).arg(solidHu)));
            if (m[u"core_count"_s].toInt() > 0) {
                const double core = m[u"core_mean"_s].toDouble();
                QVERIFY2(std::abs(core - e[u"solid_core_hu"_s].toDouble()) < 2.0 + 4.0 * noise,
                         qPrintable(u"%1: core %2"_s.arg(id).arg(core)));
            }
        } else {
            const double mean = m[u"inner_mean"_s].toDouble();
            QVERIFY2(std::abs(mean - solidHu) < tolerance,
                     qPrintable(u"%1: measured %2 HU, ground truth %3"_s.arg(id).arg(mean).arg(solidHu)));
        }
        // A lesion stands out from what surrounds it.
        const double ring = m[u"ring_mean"_s].toDouble();
        QVERIFY2(std::abs(ring - e[u"mean_hu"_s].toDouble()) > 25.0,
                 qPrintable(u"%1: surroundings %2 HU"_s.arg(id).arg(ring)));
    }
    QVERIFY2(checked >= std::max(1, int(expected.size()) - 1), "too few lesions were sampled to check");
}

void TestPhantom::sameSeedGivesSameBytes()
{
    QTemporaryDir a, b;
    PhantomOptions o;
    o.kind = PhantomKind::ChestCt;
    o.slices = 6;
    o.rows = o.columns = 96;
    o.seed = 7;
    o.outputDir = a.path();
    o.threads = 1;
    const auto ra = PhantomGenerator::generate(o);
    o.outputDir = b.path();
    o.threads = 2; // thread scheduling must not change the noise
    const auto rb = PhantomGenerator::generate(o);
    QVERIFY(ra.ok() && rb.ok());
    for (int k = 0; k < 6; ++k)
        QCOMPARE(fileHash(ra->files[k]), fileHash(rb->files[k]));
    QCOMPARE(fileHash(ra->groundTruthPath), fileHash(rb->groundTruthPath));
}

void TestPhantom::differentSeedsDiffer()
{
    QTemporaryDir a, b;
    const auto ra = make(PhantomKind::HeadCt, a.path(), 3, 64, 1);
    const auto rb = make(PhantomKind::HeadCt, b.path(), 3, 64, 2);
    QVERIFY(ra.ok() && rb.ok());
    QVERIFY(ra->studyInstanceUid != rb->studyInstanceUid);
    QVERIFY(ra->seriesInstanceUid != rb->seriesInstanceUid);
    for (int k = 0; k < 3; ++k)
        QVERIFY(fileHash(ra->files[k]) != fileHash(rb->files[k]));
    // Same anatomy and lesions, only noise and identifiers change.
    QCOMPARE(readJson(ra->groundTruthPath)[u"lesions"_s], readJson(rb->groundTruthPath)[u"lesions"_s]);
}

void TestPhantom::tinyAndOddSizes_data()
{
    QTest::addColumn<int>("slices");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::newRow("1 slice 8x8") << 1 << 8 << 8;
    QTest::newRow("3 slices 16x24") << 3 << 16 << 24;
    QTest::newRow("2 slices 40x17") << 2 << 40 << 17;
}

void TestPhantom::tinyAndOddSizes()
{
    QFETCH(int, slices);
    QFETCH(int, rows);
    QFETCH(int, columns);
    QTemporaryDir dir;
    PhantomOptions o;
    o.outputDir = dir.path();
    o.slices = slices;
    o.rows = rows;
    o.columns = columns;
    const auto r = PhantomGenerator::generate(o);
    QVERIFY(r.ok());
    QCOMPARE(r->files.size(), slices);
    const QJsonObject h = probe(u"headers"_s, r->files.last());
    QCOMPARE(h[u"rows"_s].toInt(), rows);
    QCOMPARE(h[u"columns"_s].toInt(), columns);
    QCOMPARE(h[u"instance_number"_s].toInt(), slices);
}

void TestPhantom::refusesBadOptions_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("slices");
    QTest::addColumn<double>("spacing");
    QTest::addColumn<bool>("fileAsFolder");
    QTest::addColumn<int>("code");
    QTest::newRow("no rows") << 0 << 2 << 0.0 << false << int(ErrorCode::InvalidArgument);
    QTest::newRow("negative slices") << 32 << -1 << 0.0 << false << int(ErrorCode::InvalidArgument);
    QTest::newRow("negative spacing") << 32 << 2 << -1.0 << false << int(ErrorCode::InvalidArgument);
    QTest::newRow("folder is a file") << 32 << 2 << 0.0 << true << int(ErrorCode::WriteFailed);
}

void TestPhantom::refusesBadOptions()
{
    QFETCH(int, rows);
    QFETCH(int, slices);
    QFETCH(double, spacing);
    QFETCH(bool, fileAsFolder);
    QFETCH(int, code);
    QTemporaryDir dir;
    QString out = dir.filePath(u"study"_s);
    if (fileAsFolder) {
        QFile blocker(dir.filePath(u"blocker"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        out = dir.filePath(u"blocker/study"_s);
    }
    PhantomOptions o;
    o.outputDir = out;
    o.rows = o.columns = rows;
    o.slices = slices;
    o.sliceSpacing = spacing;
    const auto r = PhantomGenerator::generate(o);
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().code()), code);
}

QTEST_GUILESS_MAIN(TestPhantom)
#include "TestPhantom.moc"
