// The main window end to end in-process: a folder dropped onto the window (a real QDropEvent
// with file URLs) is imported with progress, its CT series appears at once in the viewer and
// the browser, the broken files are listed in the Problems panel with their reasons, the
// Open dialogs' test seam, and the window layout restored from settings.
#include "MainWindow.h"
#include "TestSupport.h"
#include "browser/StudyBrowser.h"
#include "browser/StudyBrowserModel.h"
#include "common/Library.h"
#include "common/ProblemsPanel.h"
#include "common/ProgressStatus.h"
#include "dicom/Phantom.h"
#include "theme/Theme.h"
#include "viewer/ViewerWidget.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QDropEvent>
#include <QFile>
#include <QMap>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
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
    void testWindowLayoutRestored();

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
        QVERIFY(window.close()); // saves the layout
    }
    QSettings settings(ini, QSettings::IniFormat);
    MainWindow window(index, settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1111, 777));
    QVERIFY(window.browserDock()->isHidden());
    window.browserDock()->show();
    QVERIFY(window.close());
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
