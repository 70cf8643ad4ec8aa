// The anonymised display: with two phantom patients whose names are unique, View ▸ Anonymised
// Display leaves their names, IDs, birth dates, accession numbers and institution out of the
// viewer's corner text, the study browser (every display and tooltip role, the recent list,
// search), the window title and every tooltip in the window; a badge says so in the viewer and
// the browser (screenshots in test-artifacts); the switch is remembered; the files on disk do
// not change; switched off, everything is back. Also the corner text and the browser's
// pseudonyms ("Patient 1", "Patient 2", stable for the session) as units.
#include "MainWindow.h"
#include "TestSupport.h"
#include "browser/StudyBrowser.h"
#include "browser/StudyBrowserModel.h"
#include "browser/StudyFilterModel.h"
#include "common/AnonymisedBadge.h"
#include "common/AppSettings.h"
#include "common/Library.h"
#include "dicom/Phantom.h"
#include "theme/Theme.h"
#include "viewer/AnnotationText.h"
#include "viewer/ImageView.h"
#include "viewer/ViewerWidget.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using haip::ui::AnonymisedBadge;
using haip::ui::MainWindow;
using haip::ui::StudyBrowserModel;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSlices = 6;
constexpr int kLoadTimeoutMs = 60000;

struct PhantomPatient
{
    QString dicomName; // PN with '=' groups, unique to this test
    QStringList shownNames; // every component a display could show
    haip::dicom::PhantomKind kind;
    quint64 seed;
};

// Names no other test uses, so finding them on screen can only mean this switch failed.
const PhantomPatient kPatients[] = {
    {u"Kakusareta^Hanayo=隠田^花代=かくした^はなよ"_s,
     {u"Kakusareta"_s, u"Hanayo"_s, u"隠田"_s, u"花代"_s, u"かくした"_s, u"はなよ"_s},
     haip::dicom::PhantomKind::ChestCt,
     4711},
    {u"Mienaiyama^Jirokichi=見無山^次郎吉"_s,
     {u"Mienaiyama"_s, u"Jirokichi"_s, u"見無山"_s, u"次郎吉"_s},
     haip::dicom::PhantomKind::HeadCt,
     4712},
};

// Pixels of the badge's background colour (within a small tolerance for anti-aliasing).
int badgePixels(const QImage &image)
{
    const QColor badge = AnonymisedBadge::background();
    int n = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (qAbs(qRed(line[x]) - badge.red()) <= 3 && qAbs(qGreen(line[x]) - badge.green()) <= 3 &&
                qAbs(qBlue(line[x]) - badge.blue()) <= 3)
                ++n;
        }
    }
    return n;
}

QStringList cornerLines(const haip::ui::CornerText &c)
{
    return c.topLeft + c.topRight + c.bottomLeft + c.bottomRight;
}

// Every display and tooltip text of the model, all rows and columns, depth first.
QStringList modelTexts(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        for (int column = 0; column < model.columnCount(parent); ++column) {
            const QModelIndex index = model.index(row, column, parent);
            out << index.data(Qt::DisplayRole).toString() << index.data(Qt::ToolTipRole).toString();
        }
        out << modelTexts(model, model.index(row, 0, parent));
    }
    return out;
}

QByteArray folderDigest(const QString &folder)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList files;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        hash.addData(path.toUtf8());
        hash.addData(file.readAll());
    }
    return hash.result();
}

} // namespace

class TestAnonymisedDisplay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cornerTextLeavesOutWhoThePatientIs();
    void pseudonymsAreStablePerPatient();
    void searchFindsOnlyTheStandInName();
    void switchHidesThePatientEverywhereAndBack();
    void switchIsRemembered();

private:
    // Every string that identifies one of the two patients, as stored or as shown.
    QStringList forbidden() const { return m_forbidden; }
    QStringList leaks(const QStringList &texts) const;
    void openBoth(MainWindow &window);

    std::unique_ptr<haip::LibraryScope> m_library;
    QTemporaryDir m_work;
    QString m_studies;
    QStringList m_seriesUids; // one per patient, in kPatients order
    QStringList m_forbidden;
};

void TestAnonymisedDisplay::initTestCase()
{
    m_library = std::make_unique<haip::LibraryScope>();
    haip::ui::Theme(haip::ui::ThemeKind::Dark).apply(*qApp);
    QVERIFY(m_work.isValid());
    m_studies = m_work.filePath(u"studies"_s);
    for (const PhantomPatient &patient : kPatients) {
        haip::dicom::PhantomOptions options;
        options.kind = patient.kind;
        options.seed = patient.seed;
        options.patientName = patient.dicomName;
        options.outputDir = QDir(m_studies).filePath(QString::number(patient.seed));
        options.slices = kSlices;
        options.rows = 128;
        options.columns = 128;
        const auto phantom = haip::dicom::PhantomGenerator::generate(options);
        QVERIFY2(phantom.ok(), phantom.ok() ? "" : qPrintable(phantom.error().message()));
        m_seriesUids << phantom->seriesInstanceUid;
        QFile::remove(phantom->groundTruthPath); // not DICOM: would only add a Problems entry
        m_forbidden << patient.shownNames;
    }
    // What the phantom writes besides the name (Phantom.cpp): ID, birth date, institution,
    // accession numbers. Read back through the index below (IDs and accessions vary by seed).
    m_forbidden << u"19580412"_s << u"1958-04-12"_s << u"HAIP Test Hospital"_s << u"試験病院"_s << u"PHANTOM-"_s;
}

QStringList TestAnonymisedDisplay::leaks(const QStringList &texts) const
{
    QStringList found;
    for (const QString &text : texts) {
        for (const QString &word : m_forbidden) {
            if (text.contains(word, Qt::CaseInsensitive))
                found << u"\"%1\" in \"%2\""_s.arg(word, text);
        }
    }
    return found;
}

void TestAnonymisedDisplay::openBoth(MainWindow &window)
{
    QSignalSpy imported(&window, &MainWindow::importFinished);
    window.openPaths({m_studies});
    QTRY_VERIFY_WITH_TIMEOUT(imported.count() == 1, kLoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    // Accession numbers too (per seed): the study rows' raw values, before anything is hidden.
    StudyBrowserModel *model = window.browser()->model();
    for (const QString &uid : std::as_const(m_seriesUids)) {
        const QModelIndex series = model->findSeries(uid);
        QVERIFY(series.isValid());
        const QString accession = series.parent().siblingAtColumn(StudyBrowserModel::IdColumn).data().toString();
        if (!model->isAnonymised() && !accession.isEmpty() && !m_forbidden.contains(accession))
            m_forbidden << accession;
    }
}

void TestAnonymisedDisplay::cornerTextLeavesOutWhoThePatientIs()
{
    haip::ui::AnnotationContext context;
    context.info.patientName = kPatients[0].dicomName;
    context.info.patientId = u"PHANTOM-12345678"_s;
    context.info.patientBirthDate = u"19580412"_s;
    context.info.patientSex = u"F"_s;
    context.info.institutionName = u"HAIP Test Hospital 試験病院"_s;
    context.info.studyDate = u"20250301"_s;
    context.info.studyDescription = u"CT Chest"_s;
    context.info.modality = u"CT"_s;
    context.info.seriesNumber = 3;
    context.info.seriesDescription = u"Axial 1 mm"_s;
    context.index = 4;
    context.count = 10;
    context.settings.center = 40;
    context.settings.width = 400;

    const QStringList shown = cornerLines(haip::ui::AnnotationText::compose(context));
    QVERIFY2(!leaks(shown).isEmpty(), "the real corner text must show the patient (else this test proves nothing)");

    context.anonymised = true;
    const QStringList hidden = cornerLines(haip::ui::AnnotationText::compose(context));
    QVERIFY2(leaks(hidden).isEmpty(), qPrintable(leaks(hidden).join(u"; "_s)));
    // What a teaching file keeps: sex, study date and description, series, slice, window.
    QVERIFY2(hidden.contains(u"F"_s), qPrintable(hidden.join(u" | "_s)));
    const QString all = hidden.join(u'\n');
    for (const QString &kept : {u"2025-03-01"_s, u"CT Chest"_s, u"CT"_s, u"Axial 1 mm"_s, u"5/10"_s, u"400"_s})
        QVERIFY2(all.contains(kept), qPrintable(kept + u" missing from: "_s + all));
}

void TestAnonymisedDisplay::pseudonymsAreStablePerPatient()
{
    const auto patient = [](const QString &id, const QString &name) {
        StudyBrowserModel::PatientEntry entry;
        entry.record.patientId = id;
        entry.record.patientName = name;
        entry.record.birthDate = u"19700101"_s;
        return entry;
    };
    StudyBrowserModel model;
    model.setContents({patient(u"A1"_s, u"Alpha^Ann"_s), patient(u"B2"_s, u"Beta^Ben"_s)});
    QCOMPARE(model.index(0, 0).data().toString(), u"Alpha Ann"_s);
    model.setAnonymised(true);
    QCOMPARE(model.index(0, StudyBrowserModel::NameColumn).data().toString(), u"Patient 1"_s);
    QCOMPARE(model.index(1, StudyBrowserModel::NameColumn).data().toString(), u"Patient 2"_s);
    QCOMPARE(model.index(0, StudyBrowserModel::IdColumn).data().toString(), QString());
    QCOMPARE(model.index(0, StudyBrowserModel::DateColumn).data().toString(), QString());

    // Reloaded (new import) with a new patient first and a namesake with another ID: the
    // numbers already given stay, the newcomers get the next ones.
    model.setContents({patient(u"C3"_s, u"Gamma^Cy"_s),
                       patient(u"B2"_s, u"Beta^Ben"_s),
                       patient(u"A1"_s, u"Alpha^Ann"_s),
                       patient(u"A9"_s, u"Alpha^Ann"_s)});
    QCOMPARE(model.index(0, 0).data().toString(), u"Patient 3"_s);
    QCOMPARE(model.index(1, 0).data().toString(), u"Patient 2"_s);
    QCOMPARE(model.index(2, 0).data().toString(), u"Patient 1"_s);
    QCOMPARE(model.index(3, 0).data().toString(), u"Patient 4"_s);
    QCOMPARE(model.patientDisplayName(u"B2"_s, u"Beta^Ben"_s), u"Patient 2"_s);

    // Off and on again: the same numbers; off shows the real names.
    model.setAnonymised(false);
    QCOMPARE(model.index(0, 0).data().toString(), u"Gamma Cy"_s);
    QCOMPARE(model.index(0, StudyBrowserModel::IdColumn).data().toString(), u"C3"_s);
    model.setAnonymised(true);
    QCOMPARE(model.index(0, 0).data().toString(), u"Patient 3"_s);
}

void TestAnonymisedDisplay::searchFindsOnlyTheStandInName()
{
    StudyBrowserModel::PatientEntry entry;
    entry.record.patientId = u"X-77"_s;
    entry.record.patientName = kPatients[1].dicomName;
    StudyBrowserModel model;
    model.setContents({entry});
    haip::ui::StudyFilterModel filter;
    filter.setSourceModel(&model);
    filter.setSearchText(u"mienaiyama"_s);
    QCOMPARE(filter.rowCount(), 1);
    // Anonymised, typing a name must not confirm who "Patient 1" is.
    model.setAnonymised(true);
    QCOMPARE(filter.rowCount(), 0);
    filter.setSearchText(u"x-77"_s);
    QCOMPARE(filter.rowCount(), 0);
    filter.setSearchText(u"patient 1"_s);
    QCOMPARE(filter.rowCount(), 1);
}

void TestAnonymisedDisplay::switchHidesThePatientEverywhereAndBack()
{
    QSettings settings(m_work.filePath(u"window.ini"_s), QSettings::IniFormat);
    MainWindow window(m_work.filePath(u"index/index.sqlite"_s), settings);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openBoth(window);
    // Both patients have been opened, so both are in the recent list too.
    window.openSeries(m_seriesUids[0]);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    window.openSeries(m_seriesUids[1]);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    QCOMPARE(window.browser()->recentList()->count(), 2);
    const QByteArray onDisk = folderDigest(m_studies);
    QVERIFY(!onDisk.isEmpty());

    haip::ui::ImageView *view = window.viewer()->imageView();
    StudyBrowserModel *model = window.browser()->model();
    QAction *action = window.findChild<QAction *>(u"anonymisedDisplayAction"_s);
    QVERIFY(action);
    QVERIFY(action->isCheckable() && !action->isChecked());
    QVERIFY(!action->icon().isNull());

    // Everything the test will look at, gathered the same way on and off.
    const auto screenTexts = [&] {
        QStringList texts = cornerLines(view->cornerText());
        texts << modelTexts(*model) << modelTexts(*window.browser()->tree()->model());
        for (int row = 0; row < window.browser()->recentList()->count(); ++row) {
            const QListWidgetItem *item = window.browser()->recentList()->item(row);
            texts << item->text() << item->toolTip();
        }
        texts << window.windowTitle();
        for (const QWidget *w : window.findChildren<QWidget *>()) {
            texts << w->toolTip() << w->windowTitle();
            if (const auto *label = qobject_cast<const QLabel *>(w))
                texts << label->text();
        }
        return texts;
    };

    // Off: the real patient is everywhere (else the checks below could not fail).
    QVERIFY(!leaks(cornerLines(view->cornerText())).isEmpty());
    QVERIFY(window.windowTitle().contains(u"見無山 次郎吉"_s));
    QVERIFY(!leaks(modelTexts(*model)).isEmpty());
    QCOMPARE(badgePixels(view->grab().toImage()), 0);

    action->trigger();
    QVERIFY(window.isAnonymisedDisplay());
    QVERIFY(view->isAnonymised());
    QVERIFY(window.browser()->isAnonymised());
    const QStringList hidden = screenTexts();
    QVERIFY2(leaks(hidden).isEmpty(), qPrintable(leaks(hidden).join(u"; "_s)));
    QVERIFY(window.windowTitle().contains(AnonymisedBadge::text()));
    // Stand-in names in the browser, one per patient, and what is kept (study dates, series).
    QStringList standIns;
    for (int row = 0; row < model->rowCount(); ++row)
        standIns << model->index(row, StudyBrowserModel::NameColumn).data().toString();
    standIns.sort();
    QCOMPARE(standIns, QStringList({u"Patient 1"_s, u"Patient 2"_s}));
    const QModelIndex study = model->findSeries(m_seriesUids[0]).parent();
    QCOMPARE(study.siblingAtColumn(StudyBrowserModel::DateColumn).data().toString(), u"2025-03-01"_s);
    QVERIFY(cornerLines(view->cornerText()).join(u'\n').contains(u"Series"_s));

    // The badge: in the viewer's pixels and at the top of the browser; screenshots to look at.
    const QImage viewerShot = view->grab().toImage();
    const QImage browserShot = window.browser()->grab().toImage();
    const QString artifacts = haip::test::artifactsDir();
    QVERIFY(viewerShot.save(QDir(artifacts).filePath(u"anonymised-display-viewer.png"_s)));
    QVERIFY(browserShot.save(QDir(artifacts).filePath(u"anonymised-display-browser.png"_s)));
    QVERIFY(window.grab().save(QDir(artifacts).filePath(u"anonymised-display-window.png"_s)));
    QVERIFY2(badgePixels(viewerShot) > 400, qPrintable(QString::number(badgePixels(viewerShot))));
    // In the upper part of the image, centred: where nobody misses it.
    QVERIFY(badgePixels(viewerShot.copy(viewerShot.width() / 4, 0, viewerShot.width() / 2, viewerShot.height() / 4)) >
            400);
    QVERIFY(window.browser()->anonymisedBadge()->isVisible());
    QVERIFY(badgePixels(browserShot) > 400);
    // Annotations hidden by the user: the badge stays.
    view->setAnnotationsVisible(false);
    QVERIFY(badgePixels(view->grab().toImage()) > 400);
    view->setAnnotationsVisible(true);

    // Another series while anonymised: still hidden.
    window.openSeries(m_seriesUids[0]);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    QVERIFY2(leaks(screenTexts()).isEmpty(), qPrintable(leaks(screenTexts()).join(u"; "_s)));

    // Off: all back, no badge; the files were never touched.
    action->trigger();
    QVERIFY(!window.isAnonymisedDisplay());
    QVERIFY(window.windowTitle().contains(u"隠田 花代"_s));
    QVERIFY(cornerLines(view->cornerText()).join(u'\n').contains(u"隠田 花代"_s));
    QVERIFY(!leaks(modelTexts(*model)).isEmpty());
    QVERIFY(window.browser()->recentList()->item(0)->text().contains(u"隠田 花代"_s));
    QCOMPARE(badgePixels(view->grab().toImage()), 0);
    QVERIFY(!window.browser()->anonymisedBadge()->isVisible());
    QCOMPARE(folderDigest(m_studies), onDisk);
}

void TestAnonymisedDisplay::switchIsRemembered()
{
    const QString ini = m_work.filePath(u"remembered.ini"_s);
    {
        QSettings settings(ini, QSettings::IniFormat);
        MainWindow window(m_work.filePath(u"index/index.sqlite"_s), settings);
        QVERIFY(!window.isAnonymisedDisplay());
        window.findChild<QAction *>(u"anonymisedDisplayAction"_s)->trigger();
        QVERIFY(haip::ui::AppSettings(settings).anonymisedDisplay());
    }
    QSettings settings(ini, QSettings::IniFormat);
    MainWindow window(m_work.filePath(u"index/index.sqlite"_s), settings);
    window.show();
    // Starts anonymised: the browser (already filled from the index) and the title say so.
    QVERIFY(window.isAnonymisedDisplay());
    QVERIFY(window.findChild<QAction *>(u"anonymisedDisplayAction"_s)->isChecked());
    QVERIFY(window.browser()->isAnonymised());
    QVERIFY(window.viewer()->imageView()->isAnonymised());
    QVERIFY(window.windowTitle().contains(AnonymisedBadge::text()));
    QVERIFY2(leaks(modelTexts(*window.browser()->model())).isEmpty(),
             qPrintable(leaks(modelTexts(*window.browser()->model())).join(u"; "_s)));
}

QTEST_MAIN(TestAnonymisedDisplay)
#include "TestAnonymisedDisplay.moc"
