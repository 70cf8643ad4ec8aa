// The main window end to end in-process: a folder dropped onto the window (a real QDropEvent
// with file URLs) is imported with progress, its CT series appears at once in the viewer and
// the browser, the broken files are listed in the Problems panel with their reasons, the
// Open dialogs' test seam, and the window layout restored from settings.
#include "MainWindow.h"
#include "TestSupport.h"
#include "browser/StudyBrowser.h"
#include "browser/StudyBrowserModel.h"
#include "common/AboutDialog.h"
#include "common/AppSettings.h"
#include "common/Library.h"
#include "common/ProblemsPanel.h"
#include "common/ProgressStatus.h"
#include "common/SettingsDialog.h"
#include "config/PolicyStore.h"
#include "dicom/DicomFile.h"
#include "dicom/Importer.h"
#include "dicom/Phantom.h"
#include "theme/Theme.h"
#include "viewer/ViewerWidget.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDropEvent>
#include <QFile>
#include <QListWidget>
#include <QMap>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using haip::ErrorCode;
using haip::ui::MainWindow;
using haip::ui::StudyBrowserModel;

namespace {

constexpr int kSlices = 16;
constexpr int kLoadTimeoutMs = 60000;

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void testDroppedFolderOpensFirstSeriesAndListsProblems();
    void testOpenFilesThroughDialogSeam();
    void testDoubleClickInBrowserOpensSeries();
    void testWindowLayoutRestored();
    void testCancelStopsOpening();
    void testShortcutsAreUnambiguous();
    void testSettingsDialogStoresThemeAndLanguage();
    void testSettingsDialogShowsPolicyLocked();
    void testAboutNamesVersionsAndRegulatoryStatus();

private:
    QString indexPath() const { return m_work.filePath(QStringLiteral("index/index.sqlite")); }

    std::unique_ptr<haip::LibraryScope> m_library;
    QTemporaryDir m_work;
    QString m_studyDir; // phantom CT + broken files
    QString m_phantomSeriesUid;
    QMap<QString, ErrorCode> m_expectedProblems; // file → reason the Problems panel must give
};

void TestMainWindow::initTestCase()
{
    m_library = std::make_unique<haip::LibraryScope>();
    haip::ui::Theme(haip::ui::ThemeKind::Dark).apply(*qApp); // as haip-workstation starts
    QVERIFY(m_work.isValid());
    m_studyDir = m_work.filePath(QStringLiteral("dropped"));
    haip::dicom::PhantomOptions options;
    options.kind = haip::dicom::PhantomKind::ChestCt;
    options.outputDir = QDir(m_studyDir).filePath(QStringLiteral("chest"));
    options.slices = kSlices;
    options.rows = 256;
    options.columns = 256;
    const auto phantom = haip::dicom::PhantomGenerator::generate(options);
    QVERIFY2(phantom.ok(), phantom.ok() ? "" : qPrintable(phantom.error().message()));
    m_phantomSeriesUid = phantom->seriesInstanceUid;

    // The phantom's ground truth is not DICOM; broken neighbours as on a real CD: pydicom's
    // truncated RT plan, its README, and a text file named like an image.
    m_expectedProblems.insert(phantom->groundTruthPath, ErrorCode::NotDicom);
    const QString broken = QDir(m_studyDir).filePath(QStringLiteral("broken"));
    QVERIFY(QDir().mkpath(broken));
    const struct
    {
        const char *name;
        ErrorCode reason;
    } corpus[] = {{"rtplan_truncated.dcm", ErrorCode::TruncatedFile}, {"README.txt", ErrorCode::NotDicom}};
    for (const auto &file : corpus) {
        const QString target = QDir(broken).filePath(QString::fromLatin1(file.name));
        QVERIFY(QFile::copy(haip::test::pydicomFile(QStringLiteral("test_files/") + QString::fromLatin1(file.name)),
                            target));
        m_expectedProblems.insert(target, file.reason);
    }
    QFile notes(QDir(broken).filePath(QStringLiteral("notes.dcm")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    QVERIFY(notes.write("referral letter, not an image\n") > 0);
    notes.close();
    m_expectedProblems.insert(notes.fileName(), ErrorCode::NotDicom);
}

void TestMainWindow::testDroppedFolderOpensFirstSeriesAndListsProblems()
{
    QSettings settings(m_work.filePath(QStringLiteral("drop.ini")), QSettings::IniFormat);
    MainWindow window(indexPath(), settings);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy idle(&window, &MainWindow::idle);
    QSignalSpy imported(&window, &MainWindow::importFinished);

    // The drop lands on the centre of the window (the start page), as from a file manager.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_studyDir)});
    QWidget *target = window.centralWidget();
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());

    // Loading runs in the background, with progress and a Cancel button in the status bar.
    QVERIFY(window.isBusy());
    QVERIFY(window.progressStatus()->isBusy());
    QVERIFY(!window.progressStatus()->cancelButton()->isHidden());

    QTRY_VERIFY_WITH_TIMEOUT(imported.count() == 1, kLoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    QVERIFY(idle.count() >= 1);
    QVERIFY(window.progressStatus()->bar()->isHidden());

    // The phantom's CT stack is on screen, every slice of it.
    QCOMPARE(window.currentSeries().seriesInstanceUid, m_phantomSeriesUid);
    QCOMPARE(window.viewer()->sliceCount(), kSlices);

    // ... and in the browser, selected, under the patient with the exact Japanese name.
    StudyBrowserModel *model = window.browser()->model();
    const QModelIndex series = model->findSeries(m_phantomSeriesUid);
    QVERIFY(series.isValid());
    QCOMPARE(series.siblingAtColumn(StudyBrowserModel::ImageCountColumn).data().toInt(), kSlices);
    QCOMPARE(series.parent().parent().data(StudyBrowserModel::RawNameRole).toString(),
             QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう"));
    QCOMPARE(window.browser()->tree()->currentIndex().data(StudyBrowserModel::SeriesUidRole).toString(),
             m_phantomSeriesUid);
    QVERIFY(window.windowTitle().contains(QStringLiteral("山田 太郎")));

    // Exactly the broken files are listed, each once, by path, with its reason — in a panel,
    // not a dialog; nothing from the good series.
    QVERIFY(window.problemsDock()->isVisible());
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QMap<QString, ErrorCode> listed;
    for (const haip::Error &e : window.problemsPanel()->problems()) {
        QVERIFY2(!listed.contains(e.subject()), qPrintable(e.subject()));
        QVERIFY2(e.message().contains(QFileInfo(e.subject()).fileName()), qPrintable(e.message()));
        listed.insert(e.subject(), e.code());
    }
    QCOMPARE(listed, m_expectedProblems);
    QTreeWidget *list = window.problemsPanel()->list();
    QCOMPARE(list->topLevelItemCount(), m_expectedProblems.size());
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = list->topLevelItem(row);
        QVERIFY(m_expectedProblems.contains(item->toolTip(0))); // full path
        QCOMPARE(item->text(0), QFileInfo(item->toolTip(0)).fileName());
        QVERIFY2(!item->text(1).isEmpty() && !item->text(1).contains(item->toolTip(0)), qPrintable(item->text(1)));
    }

    // A screenshot for people to look at.
    const QString shot = QDir(haip::test::artifactsDir()).filePath(QStringLiteral("main-window-dropped-folder.png"));
    QVERIFY(window.grab().save(shot));
}

void TestMainWindow::testOpenFilesThroughDialogSeam()
{
    QSettings settings(m_work.filePath(QStringLiteral("dialog.ini")), QSettings::IniFormat);
    MainWindow window(m_work.filePath(QStringLiteral("index-dialog/index.sqlite")), settings);
    window.show();
    QSignalSpy imported(&window, &MainWindow::importFinished);
    QAction *open = window.findChild<QAction *>(QStringLiteral("openFilesAction"));
    QVERIFY(open);
    QVERIFY(!open->shortcut().isEmpty());

    // Cancel in the dialog: nothing happens.
    window.setNextFileDialogAnswer({});
    open->trigger();
    QVERIFY(!window.isBusy());

    const QString ct = haip::test::pydicomFile(QStringLiteral("test_files/CT_small.dcm"));
    window.setNextFileDialogAnswer({ct});
    open->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(imported.count() == 1, kLoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    QCOMPARE(window.currentSeries().modality, QStringLiteral("CT"));
    QCOMPARE(window.problemsPanel()->count(), 0);
    QVERIFY(window.problemsDock()->isHidden());
}

void TestMainWindow::testDoubleClickInBrowserOpensSeries()
{
    // An index filled earlier (as by `haip-cli import`): the window lists it at start.
    const QString index = m_work.filePath(QStringLiteral("index-browse/index.sqlite"));
    const QString mr = haip::test::pydicomFile(QStringLiteral("test_files/MR_small.dcm"));
    const QString ct = haip::test::pydicomFile(QStringLiteral("test_files/CT_small.dcm"));
    {
        haip::dicom::Importer importer(index);
        const auto summary = importer.run({mr, ct});
        QCOMPARE(summary.instances, 2);
    }
    QSettings settings(m_work.filePath(QStringLiteral("browse.ini")), QSettings::IniFormat);
    MainWindow window(index, settings);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.hasImage());
    QCOMPARE(window.browser()->model()->rowCount(), 2); // two patients
    QCOMPARE(window.browser()->recentList()->count(), 2); // just imported: both recent

    const auto mrInfo = haip::dicom::DicomFile::open(mr, haip::dicom::DicomFile::Content::HeaderOnly);
    QVERIFY(mrInfo.ok());
    const QString seriesUid = mrInfo->info().seriesInstanceUid;
    window.browser()->selectSeries(seriesUid);
    QTreeView *tree = window.browser()->tree();
    const QModelIndex current = tree->currentIndex();
    QCOMPARE(current.data(StudyBrowserModel::SeriesUidRole).toString(), seriesUid);
    const QPoint at = tree->visualRect(current).center();
    // A double-click as a view sees it: press/release, then press/double-click/release.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);

    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    QCOMPARE(window.currentSeries().seriesInstanceUid, seriesUid);
    QCOMPARE(window.currentSeries().modality, QStringLiteral("MR"));
    // Opening it made it the most recent study.
    QCOMPARE(window.browser()->recentList()->count(), 2);
    QCOMPARE(window.browser()->recentList()->item(0)->data(Qt::UserRole + 1).toString(),
             mrInfo->info().studyInstanceUid);
}

void TestMainWindow::testWindowLayoutRestored()
{
    const QString ini = m_work.filePath(QStringLiteral("layout.ini"));
    const QString index = m_work.filePath(QStringLiteral("index-layout/index.sqlite"));
    {
        QSettings settings(ini, QSettings::IniFormat);
        MainWindow window(index, settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1111, 777);
        window.browserDock()->hide();
        window.problemsDock()->show();
        QVERIFY(window.close()); // saves the layout
    }
    QSettings settings(ini, QSettings::IniFormat);
    MainWindow window(index, settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1111, 777));
    QVERIFY(window.browserDock()->isHidden());
    QVERIFY(window.problemsDock()->isHidden()); // empty: not restored
    window.browserDock()->show();
    QVERIFY(window.close());
}

void TestMainWindow::testCancelStopsOpening()
{
    QSettings settings(m_work.filePath(QStringLiteral("cancel.ini")), QSettings::IniFormat);
    MainWindow window(m_work.filePath(QStringLiteral("index-cancel/index.sqlite")), settings);
    window.show();
    QSignalSpy imported(&window, &MainWindow::importFinished);
    window.openPaths({m_studyDir});
    QVERIFY(window.isBusy());
    window.progressStatus()->cancelButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(imported.count() == 1, kLoadTimeoutMs);
    const auto summary = imported.first().first().value<haip::dicom::ImportSummary>();
    QVERIFY(summary.cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), kLoadTimeoutMs);
    QVERIFY(window.progressStatus()->bar()->isHidden());
    QVERIFY2(window.progressStatus()->text().contains(QStringLiteral("cancelled")),
             qPrintable(window.progressStatus()->text()));
    QVERIFY(!window.hasImage());
}

void TestMainWindow::testShortcutsAreUnambiguous()
{
    QSettings settings(m_work.filePath(QStringLiteral("keys.ini")), QSettings::IniFormat);
    MainWindow window(m_work.filePath(QStringLiteral("index-keys/index.sqlite")), settings);
    QList<QAction *> actions = window.findChildren<QAction *>();
    actions += window.viewer()->viewerActions();
    QHash<QKeySequence, QAction *> owner;
    QStringList clashes;
    for (QAction *action : std::as_const(actions)) {
        for (const QKeySequence &key : action->shortcuts()) {
            QAction *other = owner.value(key);
            if (other && other != action)
                clashes << QStringLiteral("%1: %2 / %3").arg(key.toString(), other->text(), action->text());
            owner.insert(key, action);
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
    // The platform's standard keys for the shell's own commands.
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("openFilesAction"))->shortcut(),
             QKeySequence(QKeySequence::Open));
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("findAction"))->shortcut(), QKeySequence(QKeySequence::Find));
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("quitAction"))->shortcut(), QKeySequence(QKeySequence::Quit));
}

void TestMainWindow::testSettingsDialogStoresThemeAndLanguage()
{
    QSettings settings(m_work.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    MainWindow window(m_work.filePath(QStringLiteral("index-settings/index.sqlite")), settings);
    window.show();
    window.findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
    // Shown without blocking (open(), not exec()): the test goes on while it is up.
    auto *dialog = window.findChild<haip::ui::SettingsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(QStringLiteral("light")));
    dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("ja")));
    dialog->accept();

    haip::ui::AppSettings stored(settings);
    QCOMPARE(stored.theme(), haip::ui::ThemeKind::Light);
    QCOMPARE(stored.language(), QStringLiteral("ja"));
    // The theme applies at once; the language at the next start.
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             haip::ui::Theme(haip::ui::ThemeKind::Light).palette().color(QPalette::Window));
    haip::ui::Theme(haip::ui::ThemeKind::Dark).apply(*qApp);
}

void TestMainWindow::testSettingsDialogShowsPolicyLocked()
{
    // IT's policy fixes the language and the OTP rule; the user had chosen English.
    const QString policyPath = m_work.filePath(QStringLiteral("workstation.conf"));
    {
        QFile policyFile(policyPath);
        QVERIFY(policyFile.open(QIODevice::WriteOnly));
        policyFile.write("Language=ja\nRequireOtp=1\nPlatformUrl=https://haip.hospital.example\n");
    }
    QSettings settings(m_work.filePath(QStringLiteral("policy-user.ini")), QSettings::IniFormat);
    haip::ui::AppSettings(settings).setLanguage(QStringLiteral("en"));
    const std::unique_ptr<QSettings> policy = haip::config::openPolicyFile(policyPath);
    const auto config = haip::config::EffectiveConfig::resolve(policy.get(), &settings);
    MainWindow window(m_work.filePath(QStringLiteral("index-policy/index.sqlite")), settings);
    window.setEffectiveConfig(config);
    window.show();
    window.findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
    auto *dialog = window.findChild<haip::ui::SettingsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // The language shows the policy's value and cannot be changed.
    QVERIFY(!dialog->languageBox()->isEnabled());
    QCOMPARE(dialog->languageBox()->currentData().toString(), QStringLiteral("ja"));
    // Every setting is listed; exactly the policy's three are marked locked.
    QTreeWidget *list = dialog->managedList();
    QCOMPARE(list->topLevelItemCount(), int(haip::config::configKeys().size()));
    QStringList locked;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->data(0, Qt::UserRole).toBool())
            locked.append(list->topLevelItem(i)->text(0));
    }
    locked.sort();
    QCOMPARE(locked,
             QStringList({QStringLiteral("Language"), QStringLiteral("PlatformUrl"), QStringLiteral("RequireOtp")}));
    const QImage shot = dialog->grab().toImage();
    QVERIFY(shot.save(QDir(haip::test::artifactsDir()).filePath(QStringLiteral("settings-policy.png"))));
    dialog->accept();
    // Accepting keeps the user's own choice on file: policy is applied, never written over it.
    QCOMPARE(haip::ui::AppSettings(settings).language(), QStringLiteral("en"));
}

void TestMainWindow::testAboutNamesVersionsAndRegulatoryStatus()
{
    QSettings settings(m_work.filePath(QStringLiteral("about.ini")), QSettings::IniFormat);
    MainWindow window(m_work.filePath(QStringLiteral("index-about/index.sqlite")), settings);
    window.show();
    window.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
    auto *about = window.findChild<haip::ui::AboutDialog *>();
    QVERIFY(about);
    QTRY_VERIFY(about->isVisible());
    const QString text = about->text();
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("DCMTK 3.6")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("OpenJPEG 2.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("research use only")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("primary diagnosis")), qPrintable(text));
    const QString shot = QDir(haip::test::artifactsDir()).filePath(QStringLiteral("about-dialog.png"));
    QVERIFY(about->grab().save(shot));
    about->close();
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
