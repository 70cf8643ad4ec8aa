// ImageIndex on a real SQLite file in a temporary folder: creation (WAL, schema), add and
// idempotent re-add (nothing written), moved and changed files, the browser's queries,
// thumbnails, exact InstanceInfo round trips, the v1 → current upgrade, unwritable locations,
// failing statements reported with their SQL, and two threads each with its own index.
#include "dicom/ImageIndex.h"
#include "dicom/IndexSchema.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QtConcurrent>

#include <latch>
#include <thread>

using namespace Qt::StringLiterals;
using haip::ErrorCode;
using haip::dicom::ImageIndex;
using haip::dicom::ImagePlane;
using haip::dicom::IndexSchema;
using haip::dicom::InstanceInfo;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

// An instance of a CT series, backed by a real file of `size` bytes at `path` (the index
// only looks at the file's size and modification time).
InstanceInfo ctInstance(const QString &path, const QString &series, int number, int size = 100)
{
    writeFile(path, QByteArray(size, 'x'));
    InstanceInfo i;
    i.path = path;
    i.fileSize = size;
    i.sopClassUid = u"1.2.840.10008.5.1.4.1.1.2"_s;
    i.sopInstanceUid = series + u"."_s + QString::number(number);
    i.seriesInstanceUid = series;
    i.studyInstanceUid = u"1.2.3.100"_s;
    i.patientName = u"Yamada^Tarou=山田^太郎=やまだ^たろう"_s;
    i.patientId = u"P-001"_s;
    i.modality = u"CT"_s;
    i.instanceNumber = number;
    i.hasPixelData = true;
    i.rows = i.columns = 512;
    i.numberOfFrames = 1;
    i.samplesPerPixel = 1;
    i.bitsAllocated = i.bitsStored = 16;
    i.photometricInterpretation = u"MONOCHROME2"_s;
    i.plane.hasPosition = i.plane.hasOrientation = true;
    i.plane.position = {-250.0, -250.0, 2.5 * number};
    i.plane.rowSpacing = i.plane.columnSpacing = 0.9765625;
    return i;
}

bool samePlane(const ImagePlane &a, const ImagePlane &b)
{
    // Exact: what the index gives back must be bit-for-bit what went in.
    return a.hasPosition == b.hasPosition && a.hasOrientation == b.hasOrientation && a.position == b.position &&
        a.rowDirection == b.rowDirection && a.columnDirection == b.columnDirection && a.rowSpacing == b.rowSpacing &&
        a.columnSpacing == b.columnSpacing && a.sliceThickness == b.sliceThickness;
}

void compareInstances(const InstanceInfo &a, const InstanceInfo &b)
{
    QCOMPARE(a.path, b.path);
    QCOMPARE(a.fileSize, b.fileSize);
    QCOMPARE(a.sopClassUid, b.sopClassUid);
    QCOMPARE(a.sopInstanceUid, b.sopInstanceUid);
    QCOMPARE(a.studyInstanceUid, b.studyInstanceUid);
    QCOMPARE(a.seriesInstanceUid, b.seriesInstanceUid);
    QCOMPARE(a.frameOfReferenceUid, b.frameOfReferenceUid);
    QCOMPARE(a.transferSyntaxUid, b.transferSyntaxUid);
    QCOMPARE(a.specificCharacterSet, b.specificCharacterSet);
    QCOMPARE(a.patientName, b.patientName);
    QCOMPARE(a.patientId, b.patientId);
    QCOMPARE(a.patientBirthDate, b.patientBirthDate);
    QCOMPARE(a.patientSex, b.patientSex);
    QCOMPARE(a.studyDate, b.studyDate);
    QCOMPARE(a.studyTime, b.studyTime);
    QCOMPARE(a.studyDescription, b.studyDescription);
    QCOMPARE(a.studyId, b.studyId);
    QCOMPARE(a.accessionNumber, b.accessionNumber);
    QCOMPARE(a.referringPhysicianName, b.referringPhysicianName);
    QCOMPARE(a.institutionName, b.institutionName);
    QCOMPARE(a.modality, b.modality);
    QCOMPARE(a.seriesDescription, b.seriesDescription);
    QCOMPARE(a.bodyPartExamined, b.bodyPartExamined);
    QCOMPARE(a.seriesNumber, b.seriesNumber);
    QCOMPARE(a.acquisitionNumber, b.acquisitionNumber);
    QCOMPARE(a.instanceNumber, b.instanceNumber);
    QCOMPARE(a.hasPixelData, b.hasPixelData);
    QCOMPARE(a.rows, b.rows);
    QCOMPARE(a.columns, b.columns);
    QCOMPARE(a.numberOfFrames, b.numberOfFrames);
    QCOMPARE(a.samplesPerPixel, b.samplesPerPixel);
    QCOMPARE(a.bitsAllocated, b.bitsAllocated);
    QCOMPARE(a.bitsStored, b.bitsStored);
    QCOMPARE(a.pixelRepresentation, b.pixelRepresentation);
    QCOMPARE(a.photometricInterpretation, b.photometricInterpretation);
    QVERIFY(samePlane(a.plane, b.plane));
    QCOMPARE(a.framePlanes.size(), b.framePlanes.size());
    for (int f = 0; f < a.framePlanes.size(); ++f)
        QVERIFY2(samePlane(a.framePlanes[f], b.framePlanes[f]), qPrintable(QString::number(f)));
    QCOMPARE(a.sliceLocation.has_value(), b.sliceLocation.has_value());
    if (a.sliceLocation)
        QVERIFY(*a.sliceLocation == *b.sliceLocation);
}

// A plain connection of the test's own, to look at the file behind the index's back.
class Observer
{
public:
    explicit Observer(const QString &path) : m_name(QUuid::createUuid().toString())
    {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(path);
        m_ok = m_db.open();
    }
    ~Observer()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    QSqlDatabase &db() { return m_db; }
    QVariant value(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql) || !q.next())
            return QVariant(u"ERROR: "_s + q.lastError().text());
        return q.value(0);
    }

private:
    QString m_name;
    QSqlDatabase m_db;
    bool m_ok = false;
};

std::unique_ptr<ImageIndex> openIndex(const QString &path)
{
    auto index = ImageIndex::open(path);
    if (!index) {
        qWarning("%s", qUtf8Printable(index.error().detail()));
        return {};
    }
    return std::move(index.value());
}

} // namespace

class TestImageIndex : public QObject
{
    Q_OBJECT
private slots:
    void testCreateUsesWalAndCurrentSchema();
    void testAddThenReAddWritesNothing();
    void testMovedChangedAndCopiedFiles();
    void testInstanceWithoutUidsIsRefused();
    void testBrowserQueries();
    void testThumbnailRoundTrip();
    void testInstancesRoundTripExactly();
    void testIndexedInstanceByFileStamp();
    void testUpgradeFromVersion1();
    void testAiResultsByStudy();
    void testNewerSchemaIsRefused();
    void testUnwritableLocation_data();
    void testUnwritableLocation();
    void testFailingStatementReportsSql();
    void testTwoThreadsEachWithItsOwnIndex();
    void testTwoConnectionsCreateTheSameFile();
};

void TestImageIndex::testCreateUsesWalAndCurrentSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/folder/index.sqlite"_s); // the folder is created
    auto index = openIndex(path);
    QVERIFY(index);
    QCOMPARE(index->schemaVersion(), IndexSchema::currentVersion());
    QVERIFY(IndexSchema::currentVersion() >= 2);
    QCOMPARE(index->databasePath(), path);

    Observer observer(path);
    QVERIFY(observer.ok());
    QCOMPARE(observer.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(observer.value(u"SELECT version FROM schema_version"_s).toInt(), IndexSchema::currentVersion());
    QCOMPARE(observer.value(u"SELECT count(*) FROM schema_version"_s).toInt(), 1);
    for (const QString &table : {u"patient"_s, u"study"_s, u"series"_s, u"instance"_s, u"series_thumbnail"_s}) {
        QCOMPARE(observer.value(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'"_s.arg(table))
                     .toInt(),
                 1);
    }
    // Opening again changes nothing.
    index.reset();
    QVERIFY(openIndex(path));
    QCOMPARE(observer.value(u"SELECT version FROM schema_version"_s).toInt(), IndexSchema::currentVersion());
}

void TestImageIndex::testAddThenReAddWritesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"index.sqlite"_s);
    auto index = openIndex(path);
    QVERIFY(index);
    QList<InstanceInfo> series;
    for (int n = 1; n <= 20; ++n)
        series.append(ctInstance(dir.filePath(u"ct/%1.dcm"_s.arg(n)), u"1.2.3.100.1"_s, n));

    auto first = index->add(series);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().detail()));
    QCOMPARE(first->added, 20);
    QCOMPARE(first->unchanged, 0);

    // data_version moves when another connection commits a change to the file.
    Observer observer(path);
    QVERIFY(observer.ok());
    const QVariant before = observer.value(u"PRAGMA data_version"_s);
    const qint64 walBefore = QFileInfo(path + u"-wal"_s).size();
    auto again = index->add(series);
    QVERIFY(again);
    QCOMPARE(again->added, 0);
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->unchanged, 20);
    QCOMPARE(observer.value(u"PRAGMA data_version"_s), before);
    QCOMPARE(QFileInfo(path + u"-wal"_s).size(), walBefore);
    QCOMPARE(observer.value(u"SELECT count(*) FROM instance"_s).toInt(), 20);

    // The control: a real change does move data_version.
    auto more = index->add({ctInstance(dir.filePath(u"ct/21.dcm"_s), u"1.2.3.100.1"_s, 21)});
    QVERIFY(more);
    QCOMPARE(more->added, 1);
    QVERIFY(observer.value(u"PRAGMA data_version"_s) != before);
}

void TestImageIndex::testMovedChangedAndCopiedFiles()
{
    QTemporaryDir dir;
    auto index = openIndex(dir.filePath(u"index.sqlite"_s));
    QVERIFY(index);
    InstanceInfo a = ctInstance(dir.filePath(u"a.dcm"_s), u"1.2.3.100.1"_s, 1);
    InstanceInfo b = ctInstance(dir.filePath(u"b.dcm"_s), u"1.2.3.100.1"_s, 2);
    QCOMPARE(index->add({a, b})->added, 2);

    // a moved: its old file is gone.
    const QString moved = dir.filePath(u"moved/a.dcm"_s);
    QVERIFY(QDir().mkpath(dir.filePath(u"moved"_s)));
    QVERIFY(QFile::rename(a.path, moved));
    a.path = moved;
    auto stats = index->add({a, b});
    QVERIFY(stats);
    QCOMPARE(stats->updated, 1);
    QCOMPARE(stats->unchanged, 1);
    QCOMPARE(index->instances(u"1.2.3.100.1"_s)->front().path, moved);

    // b rewritten in place with a different size.
    b = ctInstance(b.path, u"1.2.3.100.1"_s, 2, 250);
    stats = index->add({b});
    QCOMPARE(stats->updated, 1);
    QCOMPARE(index->instances(u"1.2.3.100.1"_s)->at(1).fileSize, 250);

    // A second copy of a while the indexed file is intact: nothing to write, whichever comes first.
    InstanceInfo copy = a;
    copy.path = dir.filePath(u"copy/a.dcm"_s);
    writeFile(copy.path, QByteArray(100, 'x'));
    stats = index->add({copy, a});
    QCOMPARE(stats->unchanged, 2);
    QCOMPARE(index->instances(u"1.2.3.100.1"_s)->front().path, moved);
    QCOMPARE(index->add({a, copy})->unchanged, 2);
}

void TestImageIndex::testInstanceWithoutUidsIsRefused()
{
    QTemporaryDir dir;
    auto index = openIndex(dir.filePath(u"index.sqlite"_s));
    QVERIFY(index);
    InstanceInfo good = ctInstance(dir.filePath(u"good.dcm"_s), u"1.2.3.100.1"_s, 1);
    InstanceInfo bad = ctInstance(dir.filePath(u"bad.dcm"_s), u"1.2.3.100.1"_s, 2);
    bad.seriesInstanceUid.clear();
    auto stats = index->add({good, bad});
    QVERIFY(!stats);
    QCOMPARE(stats.error().code(), ErrorCode::MissingAttribute);
    QCOMPARE(stats.error().subject(), bad.path);
    QVERIFY(stats.error().detail().contains(u"0020,000E"_s));
    QVERIFY(index->studies()->isEmpty()); // nothing of the call was written
}

void TestImageIndex::testBrowserQueries()
{
    QTemporaryDir dir;
    auto index = openIndex(dir.filePath(u"index.sqlite"_s));
    QVERIFY(index);
    QList<InstanceInfo> all;
    // Patient 1, study 100: a CT series of 3 and an SR; study 200: one 10-frame MR instance.
    for (int n = 1; n <= 3; ++n)
        all.append(ctInstance(dir.filePath(u"ct%1"_s.arg(n)), u"1.2.3.100.1"_s, n));
    InstanceInfo sr = ctInstance(dir.filePath(u"sr"_s), u"1.2.3.100.2"_s, 1);
    sr.modality = u"SR"_s;
    sr.seriesNumber = 99;
    sr.hasPixelData = false;
    sr.numberOfFrames = 0;
    all.append(sr);
    InstanceInfo mr = ctInstance(dir.filePath(u"mr"_s), u"1.2.3.200.1"_s, 1);
    mr.studyInstanceUid = u"1.2.3.200"_s;
    mr.studyDate = u"20240102"_s;
    mr.modality = u"MR"_s;
    mr.numberOfFrames = 10;
    all.append(mr);
    // Two anonymised patients: same empty ID, different names — two patients, not one.
    InstanceInfo anonA = ctInstance(dir.filePath(u"anonA"_s), u"1.2.3.300.1"_s, 1);
    anonA.studyInstanceUid = u"1.2.3.300"_s;
    anonA.patientId.clear();
    anonA.patientName = u"Anonymous^A"_s;
    InstanceInfo anonB = anonA;
    anonB.path = dir.filePath(u"anonB"_s);
    writeFile(anonB.path, QByteArray(100, 'x'));
    anonB.sopInstanceUid = u"1.2.3.400.1.1"_s;
    anonB.seriesInstanceUid = u"1.2.3.400.1"_s;
    anonB.studyInstanceUid = u"1.2.3.400"_s;
    anonB.patientName = u"Anonymous^B"_s;
    all << anonA << anonB;
    QCOMPARE(index->add(all)->added, 7);

    const auto patients = index->patients();
    QVERIFY(patients);
    QCOMPARE(patients->size(), 3);
    QCOMPARE(patients->at(0).patientName, u"Anonymous^A"_s);
    QCOMPARE(patients->at(1).patientName, u"Anonymous^B"_s);
    QCOMPARE(patients->at(2).patientId, u"P-001"_s);
    QCOMPARE(patients->at(2).studyCount, 2);

    const auto studies = index->studies(u"P-001"_s);
    QVERIFY(studies);
    QCOMPARE(studies->size(), 2);
    QCOMPARE(studies->at(0).studyInstanceUid, u"1.2.3.200"_s); // newest first
    QCOMPARE(studies->at(1).modalities, u"CT\\SR"_s);
    QCOMPARE(studies->at(1).seriesCount, 2);
    QCOMPARE(studies->at(1).instanceCount, 4);
    QVERIFY(!studies->at(1).lastOpened.isValid());
    QVERIFY(studies->at(1).lastImported.isValid());
    QCOMPARE(index->studies()->size(), 4);
    QCOMPARE(index->studies(QString(), u"Anonymous^B"_s)->size(), 1);
    QCOMPARE(index->studies(QString(), u"Anonymous^B"_s)->front().studyInstanceUid, u"1.2.3.400"_s);

    const auto series = index->series(u"1.2.3.100"_s);
    QVERIFY(series);
    QCOMPARE(series->size(), 2);
    QCOMPARE(series->at(0).modality, u"CT"_s);
    QCOMPARE(series->at(0).instanceCount, 3);
    QCOMPARE(series->at(0).frameCount, 3);
    QCOMPARE(series->at(1).seriesNumber, 99);
    QCOMPARE(series->at(1).frameCount, 0);
    QCOMPARE(index->series(u"1.2.3.200"_s)->front().frameCount, 10);

    const auto instances = index->instances(u"1.2.3.100.1"_s);
    QCOMPARE(instances->size(), 3);
    QCOMPARE(instances->at(2).instanceNumber, 3);

    // Recent: opened or imported, latest first.
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(60);
    QVERIFY(index->markOpened(u"1.2.3.100"_s, later));
    const auto recent = index->recentStudies(2);
    QVERIFY(recent);
    QCOMPARE(recent->size(), 2);
    QCOMPARE(recent->front().studyInstanceUid, u"1.2.3.100"_s);
    QCOMPARE(recent->front().lastOpened, later);
    QCOMPARE(index->recentStudies(10)->size(), 4);
    const auto unknown = index->markOpened(u"9.9.9"_s, later);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code(), ErrorCode::InvalidArgument);
}

void TestImageIndex::testThumbnailRoundTrip()
{
    QTemporaryDir dir;
    auto index = openIndex(dir.filePath(u"index.sqlite"_s));
    QVERIFY(index);
    QVERIFY(index->add({ctInstance(dir.filePath(u"ct"_s), u"1.2.3.100.1"_s, 1)}));
    QVERIFY(index->thumbnail(u"1.2.3.100.1"_s).isNull());
    QCOMPARE(*index->hasThumbnail(u"1.2.3.100.1"_s), false);

    QImage image(128, 96, QImage::Format_Grayscale8);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.scanLine(y)[x] = uchar((x * 2 + y) & 0xFF);
    QVERIFY(index->setThumbnail(u"1.2.3.100.1"_s, image));
    QCOMPARE(*index->hasThumbnail(u"1.2.3.100.1"_s), true);
    const QImage back = index->thumbnail(u"1.2.3.100.1"_s);
    QCOMPARE(back.size(), image.size());
    QCOMPARE(back.convertToFormat(QImage::Format_Grayscale8), image); // PNG is lossless

    QImage colour(64, 64, QImage::Format_RGB32);
    colour.fill(QColor(200, 30, 90));
    QVERIFY(index->setThumbnail(u"1.2.3.100.1"_s, colour)); // replaces
    QCOMPARE(index->thumbnail(u"1.2.3.100.1"_s).convertToFormat(QImage::Format_RGB32), colour);
    QVERIFY(index->setThumbnail(u"1.2.3.100.1"_s, QImage())); // removes
    QVERIFY(index->thumbnail(u"1.2.3.100.1"_s).isNull());
}

void TestImageIndex::testInstancesRoundTripExactly()
{
    QTemporaryDir dir;
    auto index = openIndex(dir.filePath(u"index.sqlite"_s));
    QVERIFY(index);
    InstanceInfo full = ctInstance(dir.filePath(u"enhanced.dcm"_s), u"1.2.840.99.2"_s, 7, 4321);
    full.sopClassUid = u"1.2.840.10008.5.1.4.1.1.2.1"_s;
    full.frameOfReferenceUid = u"1.2.840.99.9"_s;
    full.transferSyntaxUid = u"1.2.840.10008.1.2.4.70"_s;
    full.specificCharacterSet = {QString(), u"ISO 2022 IR 87"_s};
    full.patientBirthDate = u"19700101"_s;
    full.patientSex = u"M"_s;
    full.studyDate = u"20240301"_s;
    full.studyTime = u"101112.123"_s;
    full.studyDescription = u"胸部 CT"_s;
    full.studyId = u"42"_s;
    full.accessionNumber = u"ACC-9"_s;
    full.referringPhysicianName = u"Suzuki^Ichiro"_s;
    full.institutionName = u"東京病院"_s;
    full.seriesDescription = u"Lung 1.0"_s;
    full.bodyPartExamined = u"CHEST"_s;
    full.seriesNumber = 3;
    full.acquisitionNumber = 2;
    full.pixelRepresentation = 1;
    full.bitsStored = 12;
    full.numberOfFrames = 3;
    full.sliceLocation = -0.1 - 0.2; // not representable exactly in decimal: the round trip must be exact
    full.plane.position = {-125.3456789012345, 1.0 / 3.0, 1e-7};
    full.plane.rowDirection = {0.99984769515639, 0.01745240643728, 0.0};
    full.plane.columnDirection = {0.0, 0.7071067811865476, -0.7071067811865475};
    full.plane.rowSpacing = 0.48828125;
    full.plane.columnSpacing = 0.6;
    full.plane.sliceThickness = 1.25;
    for (int f = 0; f < 3; ++f) {
        ImagePlane p = full.plane;
        p.position.z += 0.1 * f;
        full.framePlanes.append(p);
    }
    // Patient, study and series attributes live in their own rows (from the first instance),
    // so the minimal instance gets a patient, study and series of its own.
    InstanceInfo bare = ctInstance(dir.filePath(u"bare.dcm"_s), u"1.2.840.99.3"_s, 8);
    bare.studyInstanceUid = u"1.2.840.99"_s;
    bare.patientName.clear();
    bare.patientId.clear();
    bare.modality.clear();
    bare.hasPixelData = false;
    bare.plane = {};
    QVERIFY(index->add({full, bare}));

    const auto back = index->instances(u"1.2.840.99.2"_s);
    QVERIFY(back);
    QCOMPARE(back->size(), 1);
    compareInstances(back->at(0), full);
    const auto bareBack = index->instances(u"1.2.840.99.3"_s);
    QCOMPARE(bareBack->size(), 1);
    compareInstances(bareBack->at(0), bare);
    QVERIFY(!bareBack->at(0).sliceLocation.has_value());
}

void TestImageIndex::testIndexedInstanceByFileStamp()
{
    QTemporaryDir dir;
    auto index = openIndex(dir.filePath(u"index.sqlite"_s));
    QVERIFY(index);
    const InstanceInfo ct = ctInstance(dir.filePath(u"ct.dcm"_s), u"1.2.3.100.1"_s, 1);
    QVERIFY(!index->indexedInstance(ct.path)->has_value());
    QVERIFY(index->add({ct}));
    const auto found = index->indexedInstance(ct.path);
    QVERIFY(found && found->has_value());
    compareInstances(**found, ct);
    // Rewritten with another size: no longer the indexed file.
    writeFile(ct.path, QByteArray(101, 'y'));
    QVERIFY(!index->indexedInstance(ct.path)->has_value());
    QVERIFY(!index->indexedInstance(dir.filePath(u"missing.dcm"_s))->has_value());
}

void TestImageIndex::testUpgradeFromVersion1()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"index.sqlite"_s);
    QImage thumb(32, 16, QImage::Format_Grayscale8);
    thumb.fill(77);
    QByteArray png;
    {
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && thumb.save(&buffer, "PNG"));
    }
    {
        // A version-1 index as the first release wrote it, with a thumbnail in the series row.
        Observer v1(path);
        QVERIFY(v1.ok());
        QVERIFY(v1.db().transaction());
        const auto created = IndexSchema::run(v1.db(), u":/sql/index-schema-v1.sql"_s);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().detail()));
        QSqlQuery q(v1.db());
        QVERIFY(q.exec(u"INSERT INTO patient (id, patient_id, patient_name) VALUES (1, 'P1', 'Old^Patient')"_s));
        QVERIFY(q.exec(u"INSERT INTO study (study_uid, patient, study_date) VALUES ('1.9', 1, '20200101')"_s));
        QVERIFY(q.prepare(
            u"INSERT INTO series (series_uid, study_uid, modality, thumbnail) VALUES ('1.9.1', '1.9', 'CT', ?)"_s));
        q.addBindValue(png);
        QVERIFY(q.exec());
        QVERIFY(
            q.exec(u"INSERT INTO instance (sop_instance_uid, series_uid, path, file_size, file_mtime, geometry) VALUES "
                   "('1.9.1.1', '1.9.1', '/old/file', 10, 0, '{\"plane\":{\"hasPosition\":false,"
                   "\"hasOrientation\":false,\"position\":[0,0,0],\"row\":[1,0,0],\"column\":[0,1,0],"
                   "\"spacing\":[0,0],\"thickness\":0}}')"_s));
        QVERIFY(v1.db().commit());
        QCOMPARE(v1.value(u"SELECT version FROM schema_version"_s).toInt(), 1);
    }

    auto index = openIndex(path);
    QVERIFY(index);
    QCOMPARE(index->schemaVersion(), IndexSchema::currentVersion());
    // The data survived: the thumbnail moved to its table, the study and instance are there.
    QCOMPARE(index->thumbnail(u"1.9.1"_s).convertToFormat(QImage::Format_Grayscale8), thumb);
    QCOMPARE(index->studies(u"P1"_s)->size(), 1);
    QCOMPARE(index->instances(u"1.9.1"_s)->front().path, u"/old/file"_s);
    // And the new schema works: a study imported now is the most recent.
    QVERIFY(index->add({ctInstance(dir.filePath(u"new.dcm"_s), u"1.2.3.100.1"_s, 1)}));
    QCOMPARE(index->recentStudies(5)->size(), 1);

    Observer after(path);
    QCOMPARE(after.value(u"SELECT version FROM schema_version"_s).toInt(), IndexSchema::currentVersion());
    QCOMPARE(after.value(u"SELECT count(*) FROM pragma_table_info('series') WHERE name = 'thumbnail'"_s).toInt(), 0);
    QCOMPARE(after.value(u"SELECT count(*) FROM pragma_table_info('study') WHERE name = 'last_imported'"_s).toInt(), 1);
    // Version 3: the upgraded index lists AI results.
    haip::dicom::AiResultRecord r {
        u"job-1"_s, u"1.9"_s, u"1.9.1"_s, u"svc"_s, u"Service"_s, QDateTime::currentDateTimeUtc()};
    QVERIFY(index->addAiResult(r));
    QCOMPARE(index->aiResults(u"1.9"_s)->size(), 1);
}

void TestImageIndex::testAiResultsByStudy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"index.sqlite"_s);
    const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1767225600000, QTimeZone::utc());
    {
        auto index = openIndex(path);
        QVERIFY(index);
        QVERIFY(index->addAiResult({u"a"_s, u"1.1"_s, u"1.1.1"_s, u"chest-ct-nodule"_s, u"Nodules"_s, t0}));
        QVERIFY(
            index->addAiResult({u"b"_s, u"1.1"_s, u"1.1.2"_s, u"anomaly-heatmap"_s, u"Heat map"_s, t0.addSecs(60)}));
        QVERIFY(index->addAiResult({u"c"_s, u"2.2"_s, u"2.2.1"_s, u"chest-ct-nodule"_s, u"Nodules"_s, t0}));
        // The same job again updates its row (a retried job finishes later).
        QVERIFY(
            index->addAiResult({u"a"_s, u"1.1"_s, u"1.1.1"_s, u"chest-ct-nodule"_s, u"Nodules"_s, t0.addSecs(120)}));
        QVERIFY(!index->addAiResult({QString(), u"1.1"_s, u"1.1.1"_s, u"x"_s, u"x"_s, t0}));
    }
    // Kept on disk: a new connection (a restart) sees them, newest first, by study.
    auto index = openIndex(path);
    QVERIFY(index);
    haip::Result<QList<haip::dicom::AiResultRecord>> listed = index->aiResults(u"1.1"_s);
    QVERIFY(listed);
    QCOMPARE(listed->size(), 2);
    QCOMPARE(listed->at(0).jobId, u"a"_s);
    QCOMPARE(listed->at(0).completed, t0.addSecs(120));
    QCOMPARE(listed->at(0).seriesInstanceUid, u"1.1.1"_s);
    QCOMPARE(listed->at(0).serviceName, u"Nodules"_s);
    QCOMPARE(listed->at(1).jobId, u"b"_s);
    QVERIFY(index->removeAiResult(u"a"_s));
    QVERIFY(index->removeAiResult(u"a"_s)); // gone already: nothing to do
    QCOMPARE(index->aiResults(u"1.1"_s)->size(), 1);
    QCOMPARE(index->aiResults(u"2.2"_s)->size(), 1);
    QVERIFY(index->aiResults(u"9.9"_s)->isEmpty());
}

void TestImageIndex::testNewerSchemaIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"index.sqlite"_s);
    QVERIFY(openIndex(path));
    {
        Observer o(path);
        QSqlQuery q(o.db());
        QVERIFY(q.exec(u"UPDATE schema_version SET version = 99"_s));
    }
    auto index = ImageIndex::open(path);
    QVERIFY(!index);
    QCOMPARE(index.error().code(), ErrorCode::DatabaseError);
    QVERIFY2(index.error().detail().contains(u"newer"_s), qPrintable(index.error().detail()));
}

void TestImageIndex::testUnwritableLocation_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("detail");
    // procfs refuses new files and folders even to root (tests may run as root, for whom
    // chmod-based read-only folders are writable).
    QTest::newRow("folder cannot be created") << u"/proc/haip-test/index.sqlite"_s << u"cannot create the folder"_s;
    QTest::newRow("read-only file system") << u"/proc/haip-index.sqlite"_s << u"unable to open database file"_s;
    QTest::newRow("a folder, not a file") << QDir::tempPath() << u"not a database file path"_s;
}

void TestImageIndex::testUnwritableLocation()
{
    QFETCH(QString, path);
    QFETCH(QString, detail);
    auto index = ImageIndex::open(path);
    QVERIFY(!index);
    QCOMPARE(index.error().code(), ErrorCode::DatabaseError);
    QVERIFY2(index.error().detail().contains(detail), qPrintable(index.error().detail()));
    QVERIFY(index.error().message().contains(index.error().detail()));
}

void TestImageIndex::testFailingStatementReportsSql()
{
    QTemporaryDir dir;
    // Garbage where the database should be.
    writeFile(dir.filePath(u"garbage.sqlite"_s), QByteArray(8192, 'G'));
    auto garbage = ImageIndex::open(dir.filePath(u"garbage.sqlite"_s));
    QVERIFY(!garbage);
    QVERIFY2(garbage.error().detail().contains(u"not a database"_s), qPrintable(garbage.error().detail()));

    // A thumbnail for a series that does not exist breaks the foreign key: the error says
    // so and names the statement.
    auto index = openIndex(dir.filePath(u"index.sqlite"_s));
    QVERIFY(index);
    QImage image(8, 8, QImage::Format_Grayscale8);
    image.fill(0);
    const auto stored = index->setThumbnail(u"9.9.9"_s, image);
    QVERIFY(!stored);
    QCOMPARE(stored.error().code(), ErrorCode::DatabaseError);
    QVERIFY2(stored.error().detail().contains(u"FOREIGN KEY constraint failed"_s), qPrintable(stored.error().detail()));
    QVERIFY2(stored.error().detail().contains(u"INSERT INTO series_thumbnail"_s), qPrintable(stored.error().detail()));
}

void TestImageIndex::testTwoThreadsEachWithItsOwnIndex()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"index.sqlite"_s);
    // Each worker opens its own index (its own connection) on the same file and writes 10
    // batches while reading between them. The files are made here: QTest macros are for this thread.
    QList<QList<InstanceInfo>> batches[2];
    for (int id = 1; id <= 2; ++id) {
        for (int batch = 0; batch < 10; ++batch) {
            QList<InstanceInfo> instances;
            for (int n = 0; n < 20; ++n) {
                const int number = batch * 20 + n;
                InstanceInfo i =
                    ctInstance(dir.filePath(u"t%1/%2"_s.arg(id).arg(number)), u"1.2.3.%1.1"_s.arg(id), number);
                i.studyInstanceUid = u"1.2.3.%1"_s.arg(id);
                instances.append(i);
            }
            batches[id - 1].append(instances);
        }
    }
    auto worker = [path](const QList<QList<InstanceInfo>> &work) -> QString {
        auto index = ImageIndex::open(path);
        if (!index)
            return index.error().detail();
        int added = 0;
        for (const QList<InstanceInfo> &instances : work) {
            auto stats = (*index)->add(instances);
            if (!stats)
                return stats.error().detail();
            added += stats->added;
            auto studies = (*index)->studies();
            if (!studies)
                return studies.error().detail();
        }
        return added == 200 ? QString() : u"added %1"_s.arg(added);
    };
    QFuture<QString> one = QtConcurrent::run(worker, batches[0]);
    QFuture<QString> two = QtConcurrent::run(worker, batches[1]);
    QCOMPARE(one.result(), QString());
    QCOMPARE(two.result(), QString());

    auto index = openIndex(path);
    QVERIFY(index);
    QCOMPARE(index->instances(u"1.2.3.1.1"_s)->size(), 200);
    QCOMPARE(index->instances(u"1.2.3.2.1"_s)->size(), 200);
    QCOMPARE(index->studies()->size(), 2);
}

void TestImageIndex::testTwoConnectionsCreateTheSameFile()
{
    // Two connections that create the same new file at the same moment (the import and the
    // browser at first start): SQLite answers one of them "database is locked" at once on the
    // switch to write-ahead logging, without waiting; both opens must still succeed. A race, so
    // it is run in many rounds; in Python's sqlite3 about half the rounds hit it.
    QTemporaryDir dir;
    for (int round = 0; round < 40; ++round) {
        const QString path = dir.filePath(u"index-%1.sqlite"_s.arg(round));
        std::latch start(2);
        QString first;
        QString second;
        auto opener = [&start, path](QString *failure) {
            start.arrive_and_wait();
            auto index = ImageIndex::open(path);
            if (!index)
                *failure = index.error().detail();
        };
        // Own threads, not the pool: the latch needs both running at once.
        std::thread one(opener, &first);
        std::thread two(opener, &second);
        one.join();
        two.join();
        QVERIFY2(first.isEmpty(), qPrintable(u"round %1: %2"_s.arg(round).arg(first)));
        QVERIFY2(second.isEmpty(), qPrintable(u"round %1: %2"_s.arg(round).arg(second)));
    }
}

QTEST_GUILESS_MAIN(TestImageIndex)
#include "TestImageIndex.moc"
