// FileScanner over pydicom's DICOMDIR variants and over copies we damage on purpose: what each
// DICOMDIR really references, case-insensitive references, lies and garbage (error + recursive
// fallback), folder rules, missing paths, de-duplication and cancellation.
#include "TestSupport.h"
#include "dicom/FileScanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using haip::ErrorCode;
using haip::dicom::FileScanner;
using haip::dicom::ScanResult;

namespace {

// The 31 Referenced File IDs of pydicom's dicomdirtests/DICOMDIR in record-tree order
// (patient → study → series → image), as pydicom's FileSet and dcmdump list them.
const QStringList kDicomDirFiles {
    u"77654033/CR1/6154"_s,   u"77654033/CR2/6247"_s,   u"77654033/CR3/6278"_s,   u"77654033/CT2/17106"_s,
    u"77654033/CT2/17136"_s,  u"77654033/CT2/17166"_s,  u"77654033/CT2/17196"_s,  u"98892001/CT2N/6293"_s,
    u"98892001/CT2N/6924"_s,  u"98892001/CT5N/2062"_s,  u"98892001/CT5N/2392"_s,  u"98892001/CT5N/2693"_s,
    u"98892001/CT5N/3023"_s,  u"98892001/CT5N/3353"_s,  u"98892003/MR1/15820"_s,  u"98892003/MR2/15970"_s,
    u"98892003/MR1/4919"_s,   u"98892003/MR2/4950"_s,   u"98892003/MR2/5011"_s,   u"98892003/MR2/4981"_s,
    u"98892003/MR1/5641"_s,   u"98892003/MR2/6935"_s,   u"98892003/MR2/6605"_s,   u"98892003/MR2/6273"_s,
    u"98892003/MR700/4558"_s, u"98892003/MR700/4528"_s, u"98892003/MR700/4588"_s, u"98892003/MR700/4467"_s,
    u"98892003/MR700/4618"_s, u"98892003/MR700/4678"_s, u"98892003/MR700/4648"_s,
};

QString dicomDirTests()
{
    return haip::test::pydicomFile(QStringLiteral("test_files/dicomdirtests"));
}

QStringList under(const QString &root, const QStringList &relative)
{
    QStringList out;
    for (const QString &r : relative)
        out.append(QDir::cleanPath(root + QLatin1Char('/') + r));
    return out;
}

QStringList relativeTo(const QString &root, const QStringList &files)
{
    QStringList out;
    const QDir dir(root);
    for (const QString &f : files)
        out.append(dir.relativeFilePath(f));
    return out;
}

// Copies `relative` files from `from` to `to`, each through `rename` (e.g. to lower case).
void copyFiles(const QString &from,
               const QString &to,
               const QStringList &relative,
               const std::function<QString(const QString &)> &rename = {})
{
    for (const QString &r : relative) {
        const QString target = to + QLatin1Char('/') + (rename ? rename(r) : r);
        QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
        QVERIFY2(QFile::copy(from + QLatin1Char('/') + r, target), qPrintable(target));
    }
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestFileScanner : public QObject
{
    Q_OBJECT
private slots:
    void testDicomDirVariants_data();
    void testDicomDirVariants();
    void testEmptyDicomDirFallsBackToFolder();
    void testFolderWithDicomDirUsesIt();
    void testReferencesMatchCaseInsensitively();
    void testDicomDirThatLiesFallsBack();
    void testBrokenDicomDirFallsBack_data();
    void testBrokenDicomDirFallsBack();
    void testNestedFoldersSkipJunkAndLoops();
    void testMissingPathIsReportedOthersStillScanned();
    void testDuplicatesListedOnce();
    void testExplicitFilesKeptWhateverTheirName();
    void testCancellation();
};

void TestFileScanner::testDicomDirVariants_data()
{
    QTest::addColumn<QString>("variant");
    // Same records, different encodings; the file list must not change.
    QTest::newRow("dcmmkdir original") << u"DICOMDIR"_s;
    QTest::newRow("explicit big endian") << u"DICOMDIR-bigEnd"_s;
    QTest::newRow("implicit little endian") << u"DICOMDIR-implicit"_s;
    // Null offsets removed: absent offsets mean "none".
    QTest::newRow("zero offsets omitted") << u"DICOMDIR-nooffset"_s;
    // IMAGE-SERIES-STUDY-PATIENT stored first; the offset tree still starts at the patient.
    QTest::newRow("records stored out of order") << u"DICOMDIR-reordered"_s;
    // Patient records typed "UNKNOWN": the tree under them still leads to every image.
    QTest::newRow("patient records of unknown type") << u"DICOMDIR-nopatient"_s;
}

void TestFileScanner::testDicomDirVariants()
{
    QFETCH(QString, variant);
    const QString path = dicomDirTests() + QLatin1Char('/') + variant;
    const ScanResult result = FileScanner::scan({path});
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).detail()));
    QCOMPARE(result.files, under(dicomDirTests(), kDicomDirFiles));
    QVERIFY(!result.cancelled);
}

void TestFileScanner::testEmptyDicomDirFallsBackToFolder()
{
    // DICOMDIR-empty.dcm is a valid DICOMDIR with no records at all.
    const QString path = dicomDirTests() + u"/DICOMDIR-empty.dcm"_s;
    const ScanResult result = FileScanner::scan({path});
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors[0].code(), ErrorCode::DicomDirInvalid);
    QCOMPARE(result.errors[0].subject(), path);
    QVERIFY2(result.errors[0].detail().contains(u"no directory records"_s), qPrintable(result.errors[0].detail()));

    // Fallback: every file below the folder except the broken DICOMDIR and the two files
    // named DICOMDIR (indexes, not images): 91 - 3.
    const QStringList relative = relativeTo(dicomDirTests(), result.files);
    QCOMPARE(result.files.size(), 88);
    for (const QString &f : kDicomDirFiles)
        QVERIFY2(relative.contains(f), qPrintable(f));
    QVERIFY(relative.contains(u"TINY_ALPHA/PT000000/ST000000/SE000000/IM00001D"_s));
    QVERIFY(relative.contains(u"DICOMDIR-bigEnd"_s)); // not named DICOMDIR: the importer decides
    QVERIFY(!relative.contains(u"DICOMDIR"_s));
    QVERIFY(!relative.contains(u"TINY_ALPHA/DICOMDIR"_s));
    QVERIFY(!relative.contains(u"DICOMDIR-empty.dcm"_s));
    // Files before sub-folders, each by name.
    QCOMPARE(relative.front(), u"DICOMDIR-bigEnd"_s);
    QCOMPARE(relative.indexOf(u"README.txt"_s), 5);
    QCOMPARE(relative.indexOf(u"77654033/CR1/6154"_s), 6);
}

void TestFileScanner::testFolderWithDicomDirUsesIt()
{
    // TINY_ALPHA's DICOMDIR lists its 50 images; the README next to them is not one.
    const QString tiny = dicomDirTests() + u"/TINY_ALPHA"_s;
    const ScanResult result = FileScanner::scan({tiny});
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.files.size(), 50);
    const QString alphabet = u"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s;
    for (int i = 0; i < 50; ++i) {
        const QString name = u"IM0000"_s + alphabet[i / 36] + alphabet[i % 36];
        QCOMPARE(result.files[i], tiny + u"/PT000000/ST000000/SE000000/"_s + name);
    }
    // The root of dicomdirtests holds a DICOMDIR too: its 31 files, not a recursive scan.
    QCOMPARE(FileScanner::scan({dicomDirTests()}).files, under(dicomDirTests(), kDicomDirFiles));
}

void TestFileScanner::testReferencesMatchCaseInsensitively()
{
    // A CD (upper-case ISO 9660 names) mounted on Linux with lower-case names, some with the
    // ";1" version suffix; the DICOMDIR itself named in lower case too.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    int n = 0;
    copyFiles(dicomDirTests(), dir.path(), kDicomDirFiles, [&n](const QString &r) {
        return r.toLower() + (n++ % 3 == 0 ? u";1"_s : QString());
    });
    copyFiles(dicomDirTests(), dir.path(), {u"DICOMDIR"_s}, [](const QString &) { return u"dicomdir"_s; });

    const ScanResult result = FileScanner::scan({dir.path()});
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.value(0).detail()));
    QCOMPARE(result.files.size(), kDicomDirFiles.size());
    for (int i = 0; i < kDicomDirFiles.size(); ++i) {
        QString expected = dir.path() + QLatin1Char('/') + kDicomDirFiles[i].toLower();
        if (i % 3 == 0)
            expected += u";1"_s;
        QCOMPARE(result.files[i], expected);
    }
}

void TestFileScanner::testDicomDirThatLiesFallsBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    copyFiles(dicomDirTests(), dir.path(), kDicomDirFiles + QStringList {u"DICOMDIR"_s});
    // Three referenced files deleted, one unreferenced file added.
    const QStringList deleted {kDicomDirFiles[3], kDicomDirFiles[17], kDicomDirFiles[30]};
    for (const QString &r : deleted)
        QVERIFY(QFile::remove(dir.filePath(r)));
    writeFile(dir.filePath(u"EXTRA/IMG0001"_s), readFile(dicomDirTests() + QLatin1Char('/') + kDicomDirFiles[0]));

    const ScanResult result = FileScanner::scan({dir.filePath(u"DICOMDIR"_s)});
    QCOMPARE(result.errors.size(), 1);
    const haip::Error &e = result.errors[0];
    QCOMPARE(e.code(), ErrorCode::DicomDirInvalid);
    QCOMPARE(e.subject(), dir.filePath(u"DICOMDIR"_s));
    QVERIFY2(e.detail().contains(u"3 of its 31 referenced files do not exist"_s), qPrintable(e.detail()));
    QVERIFY2(e.detail().contains(u"77654033\\CT2\\17106"_s), qPrintable(e.detail()));
    QVERIFY(e.message().contains(dir.filePath(u"DICOMDIR"_s)));

    // The recursive scan finds the 28 files left and the unreferenced one.
    QStringList expected = kDicomDirFiles;
    for (const QString &r : deleted)
        expected.removeOne(r);
    expected.append(u"EXTRA/IMG0001"_s);
    QStringList found = relativeTo(dir.path(), result.files);
    std::sort(expected.begin(), expected.end());
    std::sort(found.begin(), found.end());
    QCOMPARE(found, expected);
}

void TestFileScanner::testBrokenDicomDirFallsBack_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("detail");
    const QByteArray original = readFile(dicomDirTests() + u"/DICOMDIR"_s);
    QCOMPARE(original.size(), 11116);
    QTest::newRow("truncated in the records") << original.left(3000) << u"cannot be parsed"_s;
    QTest::newRow("truncated in the meta header") << original.left(150) << u"cannot be parsed"_s;
    QByteArray garbage(4096, '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 7919 + 13) % 251);
    QTest::newRow("garbage") << garbage << u"cannot be parsed"_s;
    QTest::newRow("zero bytes") << QByteArray() << u"cannot be parsed"_s;
    // A well-formed DICOM image named DICOMDIR: no directory records at all.
    QTest::newRow("an image named DICOMDIR")
        << readFile(haip::test::pydicomFile(u"test_files/CT_small.dcm"_s)) << u"no Directory Record Sequence"_s;
}

void TestFileScanner::testBrokenDicomDirFallsBack()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, detail);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    copyFiles(dicomDirTests(), dir.path(), kDicomDirFiles);
    writeFile(dir.filePath(u"DICOMDIR"_s), bytes);

    const ScanResult result = FileScanner::scan({dir.path()});
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors[0].code(), ErrorCode::DicomDirInvalid);
    QCOMPARE(result.errors[0].subject(), dir.filePath(u"DICOMDIR"_s));
    QVERIFY2(result.errors[0].detail().contains(detail), qPrintable(result.errors[0].detail()));
    QStringList expected = kDicomDirFiles;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(relativeTo(dir.path(), result.files), expected); // recursive scan order: sorted by name
}

void TestFileScanner::testNestedFoldersSkipJunkAndLoops()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList wanted {
        u"b.dcm"_s,
        u"z"_s,
        u"a/2"_s,
        u"a/10"_s,
        u"a/deep/x/y/IM1"_s,
        u"c/no-extension"_s,
        u"c/report.txt"_s,
    };
    for (const QString &f : wanted)
        writeFile(dir.filePath(f), QByteArray("x"));
    const QStringList junk {
        u".hidden"_s,
        u"a/.DS_Store"_s,
        u"Thumbs.db"_s,
        u"c/desktop.ini"_s,
        u"__MACOSX/a/b.dcm"_s,
        u".git/objects/aa"_s,
        u"a/deep/DICOMDIR"_s,
    };
    for (const QString &f : junk)
        writeFile(dir.filePath(f), QByteArray("y"));
    // A symbolic-link loop and a link to a folder already scanned: each file once.
    QVERIFY(QFile::link(dir.path(), dir.filePath(u"a/deep/loop"_s)));

    const ScanResult result = FileScanner::scan({dir.path()});
    QVERIFY(result.errors.isEmpty());
    // Per folder: files by name (byte order), then sub-folders by name.
    const QStringList expected {
        u"b.dcm"_s,
        u"z"_s,
        u"a/10"_s,
        u"a/2"_s,
        u"a/deep/x/y/IM1"_s,
        u"c/no-extension"_s,
        u"c/report.txt"_s,
    };
    QCOMPARE(relativeTo(dir.path(), result.files), expected);
    for (const QString &f : result.files)
        QVERIFY(QFileInfo(f).isAbsolute());
}

void TestFileScanner::testMissingPathIsReportedOthersStillScanned()
{
    const QString missing = u"/nonexistent/haip/CD/DICOMDIR"_s;
    const QString ct = haip::test::pydicomFile(u"test_files/CT_small.dcm"_s);
    const ScanResult result = FileScanner::scan({missing, ct});
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors[0].code(), ErrorCode::FileNotFound);
    QCOMPARE(result.errors[0].subject(), missing);
    QCOMPARE(result.files, QStringList {ct});
}

void TestFileScanner::testDuplicatesListedOnce()
{
    // The same files through a DICOMDIR, a folder, a relative spelling and a symbolic link.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    copyFiles(dicomDirTests(), dir.path(), kDicomDirFiles + QStringList {u"DICOMDIR"_s});
    QVERIFY(QFile::link(dir.filePath(kDicomDirFiles[5]), dir.filePath(u"link-to-6"_s)));
    const QString first = dir.filePath(kDicomDirFiles[0]);
    const ScanResult result = FileScanner::scan({
        first,
        dir.path() + u"/77654033/../77654033/CR2/6247"_s,
        dir.filePath(u"link-to-6"_s),
        dir.filePath(u"DICOMDIR"_s),
        dir.path(),
    });
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.files.size(), kDicomDirFiles.size());
    QCOMPARE(result.files[0], first);
    QCOMPARE(result.files[1], dir.filePath(kDicomDirFiles[1])); // cleaned, absolute
    QCOMPARE(result.files[2], dir.filePath(u"link-to-6"_s)); // first spelling wins
    QVERIFY(!result.files.contains(dir.filePath(kDicomDirFiles[5])));
}

void TestFileScanner::testExplicitFilesKeptWhateverTheirName()
{
    // Named explicitly, a file is kept: whether it is DICOM is for the importer to say.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList files {
        dir.filePath(u".hidden-image"_s), dir.filePath(u"notes.txt"_s), dir.filePath(u"Thumbs.db"_s)};
    for (const QString &f : files)
        writeFile(f, QByteArray("not dicom"));
    QCOMPARE(FileScanner::scan(files).files, files);
}

void TestFileScanner::testCancellation()
{
    std::atomic<bool> cancel {true};
    const ScanResult cancelled = FileScanner::scan({dicomDirTests(), haip::test::pydicomData()}, &cancel);
    QVERIFY(cancelled.cancelled);
    QVERIFY(cancelled.files.isEmpty());

    cancel = false;
    const ScanResult full = FileScanner::scan({haip::test::pydicomData() + u"/test_files"_s}, &cancel);
    QVERIFY(!full.cancelled);
    QVERIFY(full.files.size() > 100);
}

QTEST_GUILESS_MAIN(TestFileScanner)
#include "TestFileScanner.moc"
