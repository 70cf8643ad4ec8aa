// Importer over the real pydicom corpus into a real SQLite index: counts and per-file errors,
// idempotent re-import (nothing read or written again), moved files, thumbnails, headers-only
// mode, an unopenable index, and the worker-thread path with progress and cancellation.
#include "TestSupport.h"
#include "common/Library.h"
#include "dicom/FileScanner.h"
#include "dicom/ImageIndex.h"
#include "dicom/Importer.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using haip::Error;
using haip::ErrorCode;
using haip::dicom::ImageIndex;
using haip::dicom::Importer;
using haip::dicom::ImportSummary;
using haip::dicom::InstanceInfo;

namespace {

QString testFiles()
{
    return haip::test::pydicomFile(u"test_files"_s);
}

QString dicomDirTests()
{
    return haip::test::pydicomFile(u"test_files/dicomdirtests"_s);
}

// file name (relative to test_files) → error code name, for every file of the corpus that
// cannot be indexed. Everything else in test_files must import.
QMap<QString, QString> errorsByFile(const ImportSummary &summary)
{
    QMap<QString, QString> out;
    const QDir root(testFiles());
    for (const Error &e : summary.errors)
        out.insert(root.relativeFilePath(e.subject()), e.codeName());
    return out;
}

void copyTree(const QString &from, const QString &to)
{
    QDir source(from);
    QVERIFY(QDir().mkpath(to));
    for (const QFileInfo &entry : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + entry.fileName();
        if (entry.isDir())
            copyTree(entry.absoluteFilePath(), target);
        else
            QVERIFY2(QFile::copy(entry.absoluteFilePath(), target), qPrintable(target));
    }
}

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void testImportCorpusCountsAndErrors();
    void testReImportIsIdempotent();
    void testMovedFilesAreUpdated();
    void testThumbnailPerSeries();
    void testHeadersOnlyWithoutIndex();
    void testUnopenableIndexIsAnError();
    void testWorkerThreadWithProgress();
    void testCancelOnWorkerThread();

private:
    std::unique_ptr<haip::LibraryScope> m_library;
    QTemporaryDir m_dir;
    ImportSummary m_first; // test_files imported once, into m_dir/corpus.sqlite
};

void TestImporter::initTestCase()
{
    m_library = std::make_unique<haip::LibraryScope>();
    QVERIFY(m_dir.isValid());
    Importer importer(m_dir.filePath(u"corpus.sqlite"_s));
    QSignalSpy failed(&importer, &Importer::fileFailed);
    m_first = importer.run({testFiles()});
    QCOMPARE(failed.count(), m_first.errors.size()); // every error was signalled too
}

void TestImporter::testImportCorpusCountsAndErrors()
{
    const ImportSummary &s = m_first;
    // test_files has no DICOMDIR at its root: a recursive scan.
    const int scanned = int(haip::dicom::FileScanner::scan({testFiles()}).files.size());
    QCOMPARE(s.files, scanned);
    QVERIFY(!s.cancelled);
    // Each file is exactly one of: an instance, a skipped DICOMDIR, an error.
    QCOMPARE(s.instances + s.skipped + int(s.errors.size()), s.files);
    QCOMPARE(s.added + s.updated + s.unchanged, s.instances);
    // The six DICOMDIR variants stored under other names are directories, not instances.
    QCOMPARE(s.skipped, 6);

    const QMap<QString, QString> errors = errorsByFile(s);
    // Files that are not DICOM at all.
    for (const QString &f : {u"README.txt"_s,
                             u"test1.json"_s,
                             u"test_PN.json"_s,
                             u"rtplan.dump"_s,
                             u"rtstruct.dump"_s,
                             u"zipMR.gz"_s,
                             u"dicomdirtests/README.txt"_s,
                             u"dicomdirtests/TINY_ALPHA/README"_s})
        QCOMPARE(errors.value(f), u"not-dicom"_s);
    // Files that end early are named as truncated: in the header, and in the pixel data
    // (whose length a header-only read still checks).
    QCOMPARE(errors.value(u"rtplan_truncated.dcm"_s), u"truncated-file"_s);
    QCOMPARE(errors.value(u"MR_truncated.dcm"_s), u"truncated-file"_s);
    for (auto it = errors.begin(); it != errors.end(); ++it)
        QVERIFY2(!it.value().isEmpty() && it.value() != u"internal-error"_s, qPrintable(it.key()));
    for (const Error &e : s.errors) {
        QVERIFY(QFileInfo(e.subject()).isAbsolute());
        QVERIFY(e.message().contains(e.subject()));
    }

    // What went in is there: CT_small.dcm's series, with its headers.
    auto index = ImageIndex::open(m_dir.filePath(u"corpus.sqlite"_s));
    QVERIFY(index);
    const auto found = (*index)->indexedInstance(testFiles() + u"/CT_small.dcm"_s);
    QVERIFY(found && found->has_value());
    const InstanceInfo &ct = **found;
    QCOMPARE(ct.modality, u"CT"_s);
    QCOMPARE(ct.rows, 128);
    QVERIFY(ct.plane.hasPosition);
    QVERIFY(s.studyInstanceUids.contains(ct.studyInstanceUid));
    QCOMPARE(s.studyInstanceUids.size(), (*index)->studies()->size());
}

void TestImporter::testReImportIsIdempotent()
{
    const QString path = m_dir.filePath(u"corpus.sqlite"_s);
    Importer importer(path);
    const ImportSummary again = importer.run({testFiles()});
    QCOMPARE(again.files, m_first.files);
    QCOMPARE(again.instances, m_first.instances);
    QCOMPARE(again.added, 0);
    QCOMPARE(again.updated, 0);
    QCOMPARE(again.unchanged, m_first.instances);
    QCOMPARE(again.thumbnails, 0);
    QCOMPARE(errorsByFile(again), errorsByFile(m_first));
    QCOMPARE(again.studyInstanceUids, m_first.studyInstanceUids);
}

void TestImporter::testMovedFilesAreUpdated()
{
    QTemporaryDir dir;
    copyTree(dicomDirTests() + u"/98892001"_s, dir.filePath(u"cd/98892001"_s));
    const QString db = dir.filePath(u"index.sqlite"_s);
    const ImportSummary first = Importer(db).run({dir.filePath(u"cd"_s)});
    QCOMPARE(first.added, 7);
    QVERIFY(first.errors.isEmpty());
    QVERIFY(QDir().rename(dir.filePath(u"cd"_s), dir.filePath(u"moved"_s)));
    const ImportSummary moved = Importer(db).run({dir.filePath(u"moved"_s)});
    QCOMPARE(moved.added, 0);
    QCOMPARE(moved.updated, 7);
    auto index = ImageIndex::open(db);
    QVERIFY(index);
    const auto instance = (*index)->indexedInstance(dir.filePath(u"moved/98892001/CT5N/2062"_s));
    QVERIFY(instance && instance->has_value());
}

void TestImporter::testThumbnailPerSeries()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"index.sqlite"_s);
    const ImportSummary s = Importer(db).run({dicomDirTests()});
    QVERIFY2(s.errors.isEmpty(), qPrintable(s.errors.value(0).message()));
    QCOMPARE(s.instances, 31);
    auto index = ImageIndex::open(db);
    QVERIFY(index);
    int series = 0;
    QHash<QString, QPair<int, int>> ranges; // series UID → grey range of its thumbnail
    const auto studies = (*index)->studies();
    QVERIFY(studies);
    for (const auto &study : *studies) {
        const auto seriesOfStudy = (*index)->series(study.studyInstanceUid);
        QVERIFY(seriesOfStudy);
        for (const auto &record : *seriesOfStudy) {
            ++series;
            const QImage thumb = (*index)->thumbnail(record.seriesInstanceUid);
            QVERIFY2(!thumb.isNull(), qPrintable(record.seriesInstanceUid));
            QCOMPARE(qMax(thumb.width(), thumb.height()), 128);
            const QImage grey = thumb.convertToFormat(QImage::Format_Grayscale8);
            int lo = 255;
            int hi = 0;
            for (int y = 0; y < grey.height(); ++y) {
                for (int x = 0; x < grey.width(); ++x) {
                    lo = qMin(lo, int(grey.constScanLine(y)[x]));
                    hi = qMax(hi, int(grey.constScanLine(y)[x]));
                }
            }
            ranges.insert(record.seriesInstanceUid, {lo, hi});
        }
    }
    // Two series checked against values computed independently (pydicom's pixel_array and the
    // linear VOI function of PS3.3 C.11.2.1.2 at each file's own window):
    // MR700: the middle of its 7 instances by number is instance 4 (file 4467), stored values
    // 48..80, window 149/359 → 55.9..78.7 of 255.
    const QPair<int, int> mr700 = ranges.value(u"1.3.6.1.4.1.5962.1.1.0.0.0.1196533885.18148.0.118"_s, {-1, -1});
    QVERIFY2(qAbs(mr700.first - 56) <= 1 && qAbs(mr700.second - 79) <= 1,
             qPrintable(u"%1..%2"_s.arg(mr700.first).arg(mr700.second)));
    // CT2: the middle of instances 18, 180, 181, 182 is 181 (file 17166), 991..1489 HU, all
    // above its window 30/100: white.
    QCOMPARE(ranges.value(u"1.3.6.1.4.1.5962.1.1.0.0.0.1196530851.28319.0.2"_s), qMakePair(255, 255));
    QCOMPARE(s.thumbnails, series);
    QVERIFY(series >= 10);
}

void TestImporter::testHeadersOnlyWithoutIndex()
{
    Importer importer {QString()};
    QSignalSpy read(&importer, &Importer::instancesRead);
    const ImportSummary s = importer.run({dicomDirTests() + u"/DICOMDIR"_s});
    QCOMPARE(s.files, 31);
    QCOMPARE(s.instances, 31);
    QCOMPARE(s.added, 0);
    int infos = 0;
    for (const QList<QVariant> &args : read)
        infos += int(args.at(0).value<QList<InstanceInfo>>().size());
    QCOMPARE(infos, 31);
    QCOMPARE(s.studyInstanceUids.size(), 6); // the DICOMDIR's six STUDY records
}

void TestImporter::testUnopenableIndexIsAnError()
{
    const ImportSummary s = Importer(u"/proc/haip-no/index.sqlite"_s).run({dicomDirTests()});
    QCOMPARE(s.errors.size(), 1);
    QCOMPARE(s.errors[0].code(), ErrorCode::DatabaseError);
    QCOMPARE(s.instances, 0);
}

void TestImporter::testWorkerThreadWithProgress()
{
    QTemporaryDir dir;
    Importer importer(dir.filePath(u"index.sqlite"_s));
    QSignalSpy progress(&importer, &Importer::progress);
    QSignalSpy finished(&importer, &Importer::finished);
    QThread *finishedOn = nullptr;
    connect(&importer, &Importer::finished, this, [&finishedOn] { finishedOn = QThread::currentThread(); });
    importer.start({dicomDirTests()});
    QVERIFY(importer.isRunning());
    importer.start({testFiles()}); // ignored while running
    QVERIFY(finished.wait(60000));
    QVERIFY(!importer.isRunning());
    QCOMPARE(finishedOn, QThread::currentThread());
    const auto summary = finished.at(0).at(0).value<ImportSummary>();
    QCOMPARE(summary.instances, 31);
    QCOMPARE(summary.added, 31);
    QVERIFY(progress.count() >= 2);
    QCOMPARE(progress.first().at(0).toInt(), 0);
    QCOMPARE(progress.last().at(0).toInt(), 31);
    QCOMPARE(progress.last().at(1).toInt(), 31);
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1); // the second start() really was ignored
}

void TestImporter::testCancelOnWorkerThread()
{
    QTemporaryDir dir;
    Importer importer(dir.filePath(u"index.sqlite"_s));
    // Cancel from the worker as soon as the first batch is in.
    connect(
        &importer, &Importer::instancesRead, &importer, [&importer] { importer.cancel(); }, Qt::DirectConnection);
    QSignalSpy finished(&importer, &Importer::finished);
    importer.start({testFiles(), haip::test::pydicomFile(u"charset_files"_s)});
    QVERIFY(finished.wait(60000));
    const auto summary = finished.at(0).at(0).value<ImportSummary>();
    QVERIFY(summary.cancelled);
    QVERIFY(summary.files > 100);
    QVERIFY2(summary.instances <= 32, qPrintable(QString::number(summary.instances))); // one batch
    QCOMPARE(summary.thumbnails, 0);
}

QTEST_GUILESS_MAIN(TestImporter)
#include "TestImporter.moc"
