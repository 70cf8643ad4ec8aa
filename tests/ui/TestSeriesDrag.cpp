// A series dragged from the study browser onto an AI service: the browser's series rows (tree and
// strip, through the search filter as the views see them) are drag sources whose MIME data is
// the Series Instance UID as CatalogPanel::kSeriesMimeType, patients and studies are not; that
// very QMimeData dropped (a real QDropEvent) on a service of the catalog panel names the series
// and the service; and openSeriesThen — what AiWorkflow does with the drop — opens a series that
// is not on screen through the main window and runs the analysis step once its first image is
// shown, exactly once, and never for a series that cannot be opened or lost the screen.
#include "CatalogTestKit.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "browser/OpenSeriesThen.h"
#include "browser/StudyBrowser.h"
#include "browser/StudyBrowserModel.h"
#include "catalog/CatalogFilterModel.h"
#include "catalog/CatalogModel.h"
#include "catalog/CatalogPanel.h"
#include "common/Library.h"
#include "dicom/Phantom.h"

#include <QDir>
#include <QListView>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using haip::ui::CatalogPanel;
using haip::ui::MainWindow;
using haip::ui::StudyBrowserModel;
using namespace Qt::StringLiterals;

namespace {

constexpr int kLoadTimeoutMs = 60000;
const QString kSeriesUid = u"1.2.826.0.1.3680043.8.498.77"_s;

QList<StudyBrowserModel::PatientEntry> oneSeries()
{
    StudyBrowserModel::SeriesEntry series;
    series.record.seriesInstanceUid = kSeriesUid;
    series.record.studyInstanceUid = u"1.2.826.0.1.3680043.8.498.76"_s;
    series.record.modality = u"CT"_s;
    series.record.seriesNumber = 2;
    series.record.instanceCount = 40;
    StudyBrowserModel::StudyEntry study;
    study.record.studyInstanceUid = series.record.studyInstanceUid;
    study.record.description = u"CT Chest"_s;
    study.series = {series};
    StudyBrowserModel::PatientEntry patient;
    patient.record.patientId = u"P1"_s;
    patient.record.patientName = u"Doe^Jane"_s;
    patient.studies = {study};
    return {patient};
}

} // namespace

class TestSeriesDrag : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void seriesRowsAreDragSources();
    void rightClickOnASeriesAsksForItsMenu();
    void browserDragDroppedOnAService();
    void droppedSeriesOpensThenAnalyses();
    void seriesOnScreenAnalysesAtOnce();
    void unknownOrOvertakenSeriesNeverAnalyses();

private:
    void openBoth(MainWindow &window);

    std::unique_ptr<haip::LibraryScope> m_library;
    QTemporaryDir m_work;
    QString m_studies;
    QStringList m_seriesUids; // chest, head
};

void TestSeriesDrag::initTestCase()
{
    m_library = std::make_unique<haip::LibraryScope>();
    QVERIFY(m_work.isValid());
    m_studies = m_work.filePath(u"studies"_s);
    for (const auto kind : {haip::dicom::PhantomKind::ChestCt, haip::dicom::PhantomKind::HeadCt}) {
        haip::dicom::PhantomOptions options;
        options.kind = kind;
        options.seed = 31;
        options.outputDir =
            QDir(m_studies).filePath(kind == haip::dicom::PhantomKind::ChestCt ? u"chest"_s : u"head"_s);
        options.slices = 6;
        options.rows = 96;
        options.columns = 96;
        const auto phantom = haip::dicom::PhantomGenerator::generate(options);
        QVERIFY2(phantom.ok(), phantom.ok() ? "" : qPrintable(phantom.error().message()));
        QFile::remove(phantom->groundTruthPath);
        m_seriesUids << phantom->seriesInstanceUid;
    }
}

void TestSeriesDrag::openBoth(MainWindow &window)
{
    QSignalSpy imported(&window, &MainWindow::importFinished);
    window.openPaths({m_studies});
    QTRY_VERIFY_WITH_TIMEOUT(imported.count() == 1, kLoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
}

void TestSeriesDrag::seriesRowsAreDragSources()
{
    haip::ui::StudyBrowser browser;
    browser.model()->setContents(oneSeries());
    // Through the view's own model (the search filter), as a drag from the tree starts.
    QAbstractItemModel *viewModel = browser.tree()->model();
    QVERIFY(viewModel != browser.model());
    const QModelIndex patient = viewModel->index(0, 0);
    const QModelIndex study = viewModel->index(0, 0, patient);
    const QModelIndex series = viewModel->index(0, 0, study);
    QCOMPARE(series.data(StudyBrowserModel::SeriesUidRole).toString(), kSeriesUid);

    QVERIFY(series.flags().testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(!study.flags().testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(!patient.flags().testFlag(Qt::ItemIsDragEnabled));
    QVERIFY(viewModel->mimeTypes().contains(QLatin1String(CatalogPanel::kSeriesMimeType)));
    QVERIFY(viewModel->supportedDragActions().testFlag(Qt::CopyAction));

    std::unique_ptr<QMimeData> mime(viewModel->mimeData({series, series.siblingAtColumn(1)}));
    QVERIFY(mime);
    QVERIFY(mime->hasFormat(QLatin1String(CatalogPanel::kSeriesMimeType)));
    QCOMPARE(mime->data(QLatin1String(CatalogPanel::kSeriesMimeType)), kSeriesUid.toUtf8());
    QVERIFY(!mime->hasText()); // nothing a text field would take
    // A study or a patient is not something a service analyses.
    std::unique_ptr<QMimeData> none(viewModel->mimeData({study, patient}));
    QVERIFY(!none || !none->hasFormat(QLatin1String(CatalogPanel::kSeriesMimeType)));

    // Both views let a series be dragged out (and nothing dropped in).
    QVERIFY(browser.tree()->dragEnabled());
    QCOMPARE(browser.tree()->dragDropMode(), QAbstractItemView::DragOnly);
    QVERIFY(browser.seriesStrip()->dragEnabled());
    QCOMPARE(browser.seriesStrip()->dragDropMode(), QAbstractItemView::DragOnly);
}

void TestSeriesDrag::rightClickOnASeriesAsksForItsMenu()
{
    haip::ui::StudyBrowser browser;
    browser.model()->setContents(oneSeries());
    browser.resize(500, 600);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTreeView *tree = browser.tree();
    tree->expandAll();
    QAbstractItemModel *viewModel = tree->model();
    const QModelIndex study = viewModel->index(0, 0, viewModel->index(0, 0));
    const QModelIndex series = viewModel->index(0, 0, study);
    QSignalSpy menu(&browser, &haip::ui::StudyBrowser::seriesMenuRequested);
    // On the series row: its UID, where the menu opens; on the study row: nothing.
    const QPoint onSeries = tree->visualRect(series).center();
    emit tree->customContextMenuRequested(onSeries);
    QCOMPARE(menu.count(), 1);
    QCOMPARE(menu.front().at(0).toString(), kSeriesUid);
    QCOMPARE(menu.front().at(1).toPoint(), tree->viewport()->mapToGlobal(onSeries));
    QCOMPARE(tree->currentIndex(), series);
    emit tree->customContextMenuRequested(tree->visualRect(study).center());
    QCOMPARE(menu.count(), 1);
    QCOMPARE(tree->contextMenuPolicy(), Qt::CustomContextMenu);
    QCOMPARE(browser.seriesStrip()->contextMenuPolicy(), Qt::CustomContextMenu);
}

void TestSeriesDrag::browserDragDroppedOnAService()
{
    haip::ui::StudyBrowser browser;
    browser.model()->setContents(oneSeries());
    const QModelIndex series = browser.model()->findSeries(kSeriesUid);
    std::unique_ptr<QMimeData> mime(browser.model()->mimeData({series}));
    QVERIFY(mime);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto catalog = haip::platform::Catalog::parse(haip::test::referenceCatalogPayload(now, now.addDays(1)), now);
    QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().detail()));
    CatalogPanel panel;
    panel.resize(900, 900);
    panel.setLanguage(u"en"_s);
    panel.setCatalog(*catalog, now, false);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *list = panel.findChild<QListView *>(u"catalogList"_s);
    QVERIFY(list);
    const QModelIndex target = panel.filterModel()->index(1, 0);
    const QString serviceId = target.data(haip::ui::CatalogModel::ServiceIdRole).toString();
    QVERIFY(!serviceId.isEmpty());
    const QPoint at = list->viewport()->mapTo(&panel, list->visualRect(target).center());

    QSignalSpy dropped(&panel, &CatalogPanel::seriesDropped);
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&panel, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&panel, &drop);
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.first().at(0).toString(), kSeriesUid);
    QCOMPARE(dropped.first().at(1).toString(), serviceId);
}

void TestSeriesDrag::droppedSeriesOpensThenAnalyses()
{
    QSettings settings(m_work.filePath(u"open.ini"_s), QSettings::IniFormat);
    MainWindow window(m_work.filePath(u"index/index.sqlite"_s), settings);
    window.resize(1200, 800);
    window.show();
    openBoth(window);
    const QString shown = window.currentSeries().seriesInstanceUid;
    const QString other = m_seriesUids.value(m_seriesUids.indexOf(shown) == 0 ? 1 : 0);
    QVERIFY(!shown.isEmpty() && other != shown);

    // What AiWorkflow does with a drop: the step sees the dropped series on screen, with an image.
    QStringList analysed;
    QSignalSpy firstImage(&window, &MainWindow::firstImageShown);
    QVERIFY(haip::ui::openSeriesThen(window, other, this, [&] {
        QVERIFY(window.hasImage());
        analysed << window.currentSeries().seriesInstanceUid;
    }));
    QCOMPARE(window.currentSeries().seriesInstanceUid, other); // opened at once…
    QTRY_COMPARE_WITH_TIMEOUT(analysed, QStringList {other}, kLoadTimeoutMs); // …analysed once shown
    QCOMPARE(firstImage.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), kLoadTimeoutMs);

    // Later first images (the user opens other series) do not analyse again.
    window.openSeries(shown);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    window.openSeries(other);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    QCOMPARE(analysed, QStringList {other});
}

void TestSeriesDrag::seriesOnScreenAnalysesAtOnce()
{
    QSettings settings(m_work.filePath(u"shown.ini"_s), QSettings::IniFormat);
    MainWindow window(m_work.filePath(u"index/index.sqlite"_s), settings);
    window.show();
    window.openSeries(m_seriesUids[0]);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    int runs = 0;
    QVERIFY(haip::ui::openSeriesThen(window, m_seriesUids[0], this, [&] { ++runs; }));
    QCOMPARE(runs, 1); // no reload, no waiting
    QVERIFY(!window.isBusy());
}

void TestSeriesDrag::unknownOrOvertakenSeriesNeverAnalyses()
{
    QSettings settings(m_work.filePath(u"other.ini"_s), QSettings::IniFormat);
    MainWindow window(m_work.filePath(u"index/index.sqlite"_s), settings);
    window.show();
    window.openSeries(m_seriesUids[0]);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    int runs = 0;

    // Not in the index: nothing opens, nothing runs, the series on screen stays.
    QVERIFY(!haip::ui::openSeriesThen(window, u"1.2.3.4.5.6.7.8.9"_s, this, [&] { ++runs; }));
    QCOMPARE(window.currentSeries().seriesInstanceUid, m_seriesUids[0]);

    // The user opens another series before the dropped one shows its first image.
    QVERIFY(haip::ui::openSeriesThen(window, m_seriesUids[1], this, [&] { ++runs; }));
    window.openSeries(m_seriesUids[0]);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    QCOMPARE(window.currentSeries().seriesInstanceUid, m_seriesUids[0]);
    // A later first image of the dropped series (opened by the user) does not run it either.
    window.openSeries(m_seriesUids[1]);
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), kLoadTimeoutMs);
    QCOMPARE(runs, 0);
}

QTEST_MAIN(TestSeriesDrag)
#include "TestSeriesDrag.moc"
