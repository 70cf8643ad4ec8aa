// The study browser's model and search filter: tree shape, exact Japanese names, counts and
// roles, the filter across levels — on hand-made records, and on a real SQLite index filled by
// the real Importer from pydicom's corpus (charset files and CT/MR samples), checked against
// what pydicom itself reads from those files.
#include "TestSupport.h"
#include "browser/IndexSnapshot.h"
#include "browser/StudyBrowserModel.h"
#include "browser/StudyFilterModel.h"
#include "common/Library.h"
#include "dicom/ImageIndex.h"
#include "dicom/Importer.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using haip::ui::StudyBrowserModel;
using haip::ui::StudyFilterModel;

namespace {

StudyBrowserModel::SeriesEntry seriesEntry(const QString &uid,
                                           const QString &study,
                                           const QString &modality,
                                           const QString &description,
                                           int number,
                                           int images)
{
    StudyBrowserModel::SeriesEntry e;
    e.record.seriesInstanceUid = uid;
    e.record.studyInstanceUid = study;
    e.record.modality = modality;
    e.record.description = description;
    e.record.seriesNumber = number;
    e.record.instanceCount = images;
    e.record.frameCount = images;
    return e;
}

// Two patients: Yamada (two studies, the newer one a CT with two series) and Doe (one MR).
QList<StudyBrowserModel::PatientEntry> sampleContents()
{
    StudyBrowserModel::PatientEntry yamada;
    yamada.record.patientId = QStringLiteral("P001");
    yamada.record.patientName = QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう");
    yamada.record.studyCount = 2;

    StudyBrowserModel::StudyEntry oldStudy;
    oldStudy.record.studyInstanceUid = QStringLiteral("1.2.1");
    oldStudy.record.patientId = yamada.record.patientId;
    oldStudy.record.patientName = yamada.record.patientName;
    oldStudy.record.studyDate = QStringLiteral("20190301");
    oldStudy.record.description = QStringLiteral("胸部単純X線");
    oldStudy.record.modalities = QStringLiteral("CR");
    oldStudy.record.seriesCount = 1;
    oldStudy.record.instanceCount = 1;
    oldStudy.series << seriesEntry(QStringLiteral("1.2.1.1"), QStringLiteral("1.2.1"), QStringLiteral("CR"), {}, 1, 1);

    StudyBrowserModel::StudyEntry ct;
    ct.record.studyInstanceUid = QStringLiteral("1.2.2");
    ct.record.patientId = yamada.record.patientId;
    ct.record.patientName = yamada.record.patientName;
    ct.record.studyDate = QStringLiteral("20240612");
    ct.record.description = QStringLiteral("CT Chest");
    ct.record.modalities = QStringLiteral("CT\\SR");
    ct.record.seriesCount = 2;
    ct.record.instanceCount = 301;
    ct.series << seriesEntry(QStringLiteral("1.2.2.1"),
                             QStringLiteral("1.2.2"),
                             QStringLiteral("CT"),
                             QStringLiteral("Lung 1.0"),
                             2,
                             300)
              << seriesEntry(QStringLiteral("1.2.2.2"),
                             QStringLiteral("1.2.2"),
                             QStringLiteral("SR"),
                             QStringLiteral("Report"),
                             3,
                             1);
    yamada.studies << oldStudy << ct;

    StudyBrowserModel::PatientEntry doe;
    doe.record.patientId = QStringLiteral("P002");
    doe.record.patientName = QStringLiteral("Doe^Jane");
    StudyBrowserModel::StudyEntry mr;
    mr.record.studyInstanceUid = QStringLiteral("1.3.1");
    mr.record.patientId = doe.record.patientId;
    mr.record.patientName = doe.record.patientName;
    mr.record.studyDate = QStringLiteral("20240101");
    mr.record.description = QStringLiteral("MR Head");
    mr.record.modalities = QStringLiteral("MR");
    mr.record.seriesCount = 1;
    mr.record.instanceCount = 24;
    mr.series << seriesEntry(
        QStringLiteral("1.3.1.1"), QStringLiteral("1.3.1"), QStringLiteral("MR"), QStringLiteral("T2 axial"), 1, 24);
    doe.studies << mr;
    return {yamada, doe};
}

QStringList visibleSeries(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList uids;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        const QString uid = i.data(StudyBrowserModel::SeriesUidRole).toString();
        if (!uid.isEmpty())
            uids << uid;
        uids << visibleSeries(model, i);
    }
    return uids;
}

} // namespace

struct ReferenceInstance
{
    QString patientId;
    QString patientName;
    QString study;
    QString series;
    QString sop;
};

class TestStudyBrowserModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void testModelIsConsistent();
    void testTreeShapeAndOrder();
    void testJapaneseNameShownExactly();
    void testCountsAndColumns();
    void testFindAndParents();
    void testFilter_data();
    void testFilter();
    void testClear();
    void testRealIndexMatchesPydicom();
    void testRealIndexJapaneseNames();
    void testRealIndexFilter_data();
    void testRealIndexFilter();

private:
    std::unique_ptr<haip::LibraryScope> m_library;
    QTemporaryDir m_work;
    QList<ReferenceInstance> m_reference; // pydicom's reading of the imported files
    QList<StudyBrowserModel::PatientEntry> m_indexed; // the browser's snapshot of the real index
};

void TestStudyBrowserModel::initTestCase()
{
    m_library = std::make_unique<haip::LibraryScope>();
    QVERIFY(m_work.isValid());
    QStringList files;
    const QDir charsets(haip::test::pydicomFile(QStringLiteral("charset_files")));
    for (const QString &name : charsets.entryList({QStringLiteral("*.dcm")}, QDir::Files, QDir::Name))
        files << charsets.filePath(name);
    files << haip::test::pydicomFile(QStringLiteral("test_files/CT_small.dcm"))
          << haip::test::pydicomFile(QStringLiteral("test_files/MR_small.dcm"));

    const QString database = m_work.filePath(QStringLiteral("index.sqlite"));
    haip::dicom::Importer importer(database);
    const haip::dicom::ImportSummary summary = importer.run(files);
    QVERIFY(!summary.cancelled);
    QVERIFY2(summary.instances >= 15, qPrintable(QString::number(summary.instances)));

    const QString script = QStringLiteral(HAIP_SOURCE_DIR "/tests/ui/index_reference.py");
    const auto reference = haip::test::run(QStringLiteral("/usr/bin/python3"), QStringList {script} + files);
    QVERIFY2(reference.finished && reference.exitCode == 0,
             "the reference needs /usr/bin/python3 with python3-pydicom (Debian)");
    for (const QByteArray &line : reference.out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        m_reference.append({o.value(QStringLiteral("patient_id")).toString(),
                            o.value(QStringLiteral("patient_name")).toString(),
                            o.value(QStringLiteral("study")).toString(),
                            o.value(QStringLiteral("series")).toString(),
                            o.value(QStringLiteral("sop")).toString()});
    }
    QVERIFY(m_reference.size() >= 15);

    auto index = haip::dicom::ImageIndex::open(database);
    QVERIFY2(index.ok(), index.ok() ? "" : qPrintable(index.error().message()));
    auto contents = haip::ui::readBrowserContents(**index);
    QVERIFY2(contents.ok(), contents.ok() ? "" : qPrintable(contents.error().message()));
    m_indexed = *contents;
}

void TestStudyBrowserModel::testModelIsConsistent()
{
    StudyBrowserModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContents(sampleContents());
    StudyFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSearchText(QStringLiteral("ct"));
    filter.setSearchText(QString());
}

void TestStudyBrowserModel::testTreeShapeAndOrder()
{
    StudyBrowserModel model;
    model.setContents(sampleContents());
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex yamada = model.index(0, 0);
    QCOMPARE(model.rowCount(yamada), 2);
    // Newest study first.
    QCOMPARE(model.index(0, 0, yamada).data(StudyBrowserModel::StudyUidRole).toString(), QStringLiteral("1.2.2"));
    QCOMPARE(model.index(1, 0, yamada).data(StudyBrowserModel::StudyUidRole).toString(), QStringLiteral("1.2.1"));
    const QModelIndex ct = model.index(0, 0, yamada);
    QCOMPARE(model.rowCount(ct), 2);
    QCOMPARE(model.index(0, 0, ct).data(StudyBrowserModel::KindRole).toInt(), int(StudyBrowserModel::NodeKind::Series));
    QCOMPARE(model.rowCount(model.index(0, 0, ct)), 0);
    QVERIFY(model.flags(model.index(0, 0, ct)).testFlag(Qt::ItemNeverHasChildren));
}

void TestStudyBrowserModel::testJapaneseNameShownExactly()
{
    StudyBrowserModel model;
    model.setContents(sampleContents());
    const QModelIndex yamada = model.index(0, StudyBrowserModel::NameColumn);
    QCOMPARE(yamada.data(StudyBrowserModel::RawNameRole).toString(),
             QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう"));
    QCOMPARE(yamada.data().toString(), QStringLiteral("山田 太郎 (Yamada Tarou)"));
    // The tooltip adds the reading (phonetic group), which Japanese staff use to tell names apart.
    QVERIFY(
        yamada.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Yamada Tarou = 山田 太郎 = やまだ たろう")));
    QCOMPARE(model.index(1, 0, model.index(0, 0)).data().toString(), QStringLiteral("胸部単純X線"));
}

void TestStudyBrowserModel::testCountsAndColumns()
{
    StudyBrowserModel model;
    model.setContents(sampleContents());
    const QModelIndex yamada = model.index(0, 0);
    QCOMPARE(yamada.data(StudyBrowserModel::StudyCountRole).toInt(), 2);
    QCOMPARE(yamada.data(StudyBrowserModel::SeriesCountRole).toInt(), 3);
    QCOMPARE(yamada.data(StudyBrowserModel::InstanceCountRole).toInt(), 302);
    QCOMPARE(model.index(0, StudyBrowserModel::IdColumn).data().toString(), QStringLiteral("P001"));

    const QModelIndex ct = model.index(0, 0, yamada);
    QCOMPARE(ct.siblingAtColumn(StudyBrowserModel::DateColumn).data().toString(), QStringLiteral("2024-06-12"));
    QCOMPARE(ct.siblingAtColumn(StudyBrowserModel::ModalityColumn).data().toString(), QStringLiteral("CT/SR"));
    QCOMPARE(ct.siblingAtColumn(StudyBrowserModel::SeriesCountColumn).data().toInt(), 2);
    QCOMPARE(ct.siblingAtColumn(StudyBrowserModel::ImageCountColumn).data().toInt(), 301);

    const QModelIndex lung = model.index(0, 0, ct);
    QCOMPARE(lung.data().toString(), QStringLiteral("Lung 1.0"));
    QCOMPARE(lung.siblingAtColumn(StudyBrowserModel::ImageCountColumn).data().toInt(), 300);
    QCOMPARE(lung.data(StudyBrowserModel::StudyUidRole).toString(), QStringLiteral("1.2.2"));
    QCOMPARE(lung.data(StudyBrowserModel::PatientIdRole).toString(), QStringLiteral("P001"));
    // A series without description is named by its number.
    const QModelIndex cr = model.index(0, 0, model.index(1, 0, yamada));
    QVERIFY(cr.data().toString().contains(QLatin1Char('1')));
}

void TestStudyBrowserModel::testFindAndParents()
{
    StudyBrowserModel model;
    model.setContents(sampleContents());
    const QModelIndex series = model.findSeries(QStringLiteral("1.3.1.1"));
    QVERIFY(series.isValid());
    QCOMPARE(series.data().toString(), QStringLiteral("T2 axial"));
    QCOMPARE(series.parent(), model.findStudy(QStringLiteral("1.3.1")));
    QCOMPARE(series.parent().parent(), model.index(1, 0));
    QVERIFY(!model.findSeries(QStringLiteral("9.9")).isValid());
}

void TestStudyBrowserModel::testFilter_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("series");
    const QStringList all {
        QStringLiteral("1.2.2.1"), QStringLiteral("1.2.2.2"), QStringLiteral("1.2.1.1"), QStringLiteral("1.3.1.1")};
    QTest::newRow("nothing typed") << QString() << all;
    QTest::newRow("kanji name shows all the patient's series")
        << QStringLiteral("山田")
        << QStringList {QStringLiteral("1.2.2.1"), QStringLiteral("1.2.2.2"), QStringLiteral("1.2.1.1")};
    QTest::newRow("romaji, any case") << QStringLiteral("yamada")
                                      << QStringList {QStringLiteral("1.2.2.1"),
                                                      QStringLiteral("1.2.2.2"),
                                                      QStringLiteral("1.2.1.1")};
    QTest::newRow("patient ID") << QStringLiteral("p002") << QStringList {QStringLiteral("1.3.1.1")};
    QTest::newRow("words across levels") << QStringLiteral("tarou lung") << QStringList {QStringLiteral("1.2.2.1")};
    QTest::newRow("study date as shown") << QStringLiteral("2019-03") << QStringList {QStringLiteral("1.2.1.1")};
    QTest::newRow("series description") << QStringLiteral("report") << QStringList {QStringLiteral("1.2.2.2")};
    QTest::newRow("modality") << QStringLiteral("MR") << QStringList {QStringLiteral("1.3.1.1")};
    QTest::newRow("no match") << QStringLiteral("nobody") << QStringList {};
}

void TestStudyBrowserModel::testFilter()
{
    QFETCH(QString, search);
    QFETCH(QStringList, series);
    StudyBrowserModel model;
    model.setContents(sampleContents());
    StudyFilterModel filter;
    filter.setSourceModel(&model);
    filter.setSearchText(search);
    QCOMPARE(visibleSeries(filter), series);
}

void TestStudyBrowserModel::testClear()
{
    StudyBrowserModel model;
    model.setContents(sampleContents());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.findStudy(QStringLiteral("1.2.2")).isValid());
}

void TestStudyBrowserModel::testRealIndexMatchesPydicom()
{
    StudyBrowserModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContents(m_indexed);

    // Distinct instances per series, and each series' patient, as pydicom reads the files.
    QHash<QString, QSet<QString>> sopsBySeries;
    QHash<QString, ReferenceInstance> seriesInfo;
    QSet<QString> patients;
    for (const ReferenceInstance &r : std::as_const(m_reference)) {
        sopsBySeries[r.series].insert(r.sop);
        seriesInfo.insert(r.series, r);
        patients.insert(r.patientId + QLatin1Char('|') + r.patientName);
    }
    QCOMPARE(model.rowCount(), patients.size());
    int seriesInModel = 0;
    for (int p = 0; p < model.rowCount(); ++p) {
        const QModelIndex patient = model.index(p, 0);
        for (int s = 0; s < model.rowCount(patient); ++s) {
            const QModelIndex study = model.index(s, 0, patient);
            int studyImages = 0;
            for (int k = 0; k < model.rowCount(study); ++k) {
                const QModelIndex series = model.index(k, 0, study);
                studyImages += series.data(StudyBrowserModel::InstanceCountRole).toInt();
                ++seriesInModel;
            }
            QCOMPARE(study.data(StudyBrowserModel::InstanceCountRole).toInt(), studyImages);
            QCOMPARE(study.siblingAtColumn(StudyBrowserModel::SeriesCountColumn).data().toInt(), model.rowCount(study));
        }
    }
    QCOMPARE(seriesInModel, sopsBySeries.size());
    for (auto it = sopsBySeries.cbegin(); it != sopsBySeries.cend(); ++it) {
        const QModelIndex series = model.findSeries(it.key());
        QVERIFY2(series.isValid(), qPrintable(it.key()));
        QCOMPARE(series.siblingAtColumn(StudyBrowserModel::ImageCountColumn).data().toInt(), it.value().size());
        const ReferenceInstance &r = seriesInfo.value(it.key());
        QCOMPARE(series.data(StudyBrowserModel::StudyUidRole).toString(), r.study);
        const QModelIndex patient = series.parent().parent();
        QCOMPARE(patient.data(StudyBrowserModel::PatientIdRole).toString(), r.patientId);
        QCOMPARE(patient.data(StudyBrowserModel::RawNameRole).toString(), r.patientName);
    }
}

void TestStudyBrowserModel::testRealIndexJapaneseNames()
{
    StudyBrowserModel model;
    model.setContents(m_indexed);
    QHash<QString, QString> shownById;
    for (int p = 0; p < model.rowCount(); ++p) {
        const QModelIndex patient = model.index(p, 0);
        shownById.insert(patient.data(StudyBrowserModel::PatientIdRole).toString(), patient.data().toString());
    }
    // chrH31: ISO 2022 IR 87 (JIS X 0208); chrH32: IR 13 half-width katakana + IR 87.
    QCOMPARE(shownById.value(QStringLiteral("H31EXAMPLE")), QStringLiteral("山田 太郎 (Yamada Tarou)"));
    QCOMPARE(shownById.value(QStringLiteral("H32EXAMPLE")), QStringLiteral("山田 太郎 (ﾔﾏﾀﾞ ﾀﾛｳ)"));
    QCOMPARE(shownById.value(QStringLiteral("2008-4")), QStringLiteral("やまだ たろう"));
}

void TestStudyBrowserModel::testRealIndexFilter_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("patientIds");
    QTest::newRow("kanji") << QStringLiteral("山田")
                           << QStringList {QStringLiteral("H31EXAMPLE"), QStringLiteral("H32EXAMPLE")};
    QTest::newRow("hiragana reading") << QStringLiteral("やまだ")
                                      << QStringList {QStringLiteral("2008-4"),
                                                      QStringLiteral("H31EXAMPLE"),
                                                      QStringLiteral("H32EXAMPLE")};
    QTest::newRow("romaji") << QStringLiteral("YAMADA") << QStringList {QStringLiteral("H31EXAMPLE")};
    QTest::newRow("hangul") << QStringLiteral("길동") << QStringList {QStringLiteral("I2EXAMPLE")};
    QTest::newRow("accented latin") << QStringLiteral("jérôme") << QStringList {QStringLiteral("SCSFREN")};
}

void TestStudyBrowserModel::testRealIndexFilter()
{
    QFETCH(QString, search);
    QFETCH(QStringList, patientIds);
    StudyBrowserModel model;
    model.setContents(m_indexed);
    StudyFilterModel filter;
    filter.setSourceModel(&model);
    filter.setSearchText(search);
    QStringList shown;
    for (int p = 0; p < filter.rowCount(); ++p)
        shown << filter.index(p, 0).data(StudyBrowserModel::PatientIdRole).toString();
    shown.sort();
    QCOMPARE(shown, patientIds);
}

QTEST_MAIN(TestStudyBrowserModel)
#include "TestStudyBrowserModel.moc"
