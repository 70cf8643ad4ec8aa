// TestAiWorkflow: the AI workflow in the workstation over the real stack (pcscd with vpcd,
// haip-vcard, haip-platform over TLS, the OS key store): a doctor signs in with the card and a
// one-time password, opens a chest CT phantom whose patient has a unique name, sends it to the
// nodule service through "Analyse with…" (the confirmation says what leaves the machine), and
// the jobs panel follows it to its result, filed under the original study. Afterwards the
// unique name is in no audit record, no file the platform keeps, no file of the jobs folder
// and no temporary file: de-identification happened before anything left, and nothing
// identifying was left lying about. The result's SEG lies on the images: overlay pixels where
// the nodule is, the catalog lists the service as accepting the series, and the report shows
// in the locked-down view; the findings list of the SR names every nodule and a click on one
// goes to its slice. A second workstation process is SIGKILLed mid-upload; started again over
// the same folders it resumes the same platform job at sign-in, to the same findings.
// Screenshots: ai-catalog-ja.png, ai-confirmation-ja.png, ai-progress-ja.png, ai-result-ja.png,
// ai-report-ja.png in test-artifacts.
#include "CardHarness.h"
#include "MainWindow.h"
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "auth/ClinicianSession.h"
#include "auth/LoginScreen.h"
#include "browser/StudyBrowser.h"
#include "browser/StudyBrowserModel.h"
#include "catalog/CatalogFilterModel.h"
#include "catalog/CatalogModel.h"
#include "catalog/CatalogPanel.h"
#include "common/Library.h"
#include "common/ProblemsPanel.h"
#include "common/Translations.h"
#include "dicom/ImageIndex.h"
#include "dicom/Phantom.h"
#include "dicom/SegmentPlacement.h"
#include "dicom/StructuredReportReader.h"
#include "jobs/AiWorkflow.h"
#include "jobs/AnalysisController.h"
#include "jobs/JobsModel.h"
#include "jobs/JobsPanel.h"
#include "jobs/ResultPresenter.h"
#include "jobs/SendConfirmation.h"
#include "platform/CatalogCache.h"
#include "results/FindingsPanel.h"
#include "results/SegmentPanel.h"
#include "theme/Theme.h"
#include "viewer/GraphicOverlay.h"
#include "viewer/ImageView.h"
#include "viewer/PresentationStateActions.h"
#include "viewer/SegmentOverlay.h"
#include "viewer/ViewerWidget.h"
#include "web/SafeWebView.h"
#include "workflow/JobQueue.h"

#include <QDirIterator>
#include <QDockWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QWebEngineView>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace haip;
using Step = haip::auth::CardLogin::Step;

namespace {

constexpr int kTimeoutMs = 15000;
constexpr int kJobTimeoutMs = 240000;
const QByteArray kUniqueName = "Qazwsxedc";

QLineEdit *visibleField(QWidget *screen)
{
    for (QLineEdit *field : screen->findChildren<QLineEdit *>()) {
        if (field->isVisibleTo(screen))
            return field;
    }
    return nullptr;
}

QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits.append(f.fileName());
    }
    return hits;
}

// One workstation as haip-workstation builds it — window, clinician session, AI workflow — with
// everything it keeps (index, settings, audit trail, jobs, re-identification map, catalog cache)
// under `root`, so a "restart" is a new Workstation over the same root.
struct Workstation
{
    Workstation(const QString &root,
                const platform::PlatformEndpoint &endpoint,
                const crypto::SpkiPin &catalogPin,
                qint64 uploadChunkBytes = 0)
        : settings(root + u"/settings.ini"_s, QSettings::IniFormat)
        , window(root + u"/index/index.sqlite"_s, settings)
        , session(sessionSettings(root, endpoint), window)
    {
        ai.catalogPin = catalogPin;
        ai.language = u"ja"_s;
        ai.jobsFolder = root + u"/jobs"_s;
        ai.mapPath = root + u"/deid/map.sealed"_s;
        ai.catalogCachePath = root + u"/catalog-cache.json"_s;
        ai.uploadChunkBytes = uploadChunkBytes;
        window.resize(1500, 950);
        Result<std::unique_ptr<ui::AiWorkflow>> created = ui::AiWorkflow::create(ai, window, session);
        if (created)
            flow = std::move(*created);
        else
            error = created.error().detail();
    }

    static ui::ClinicianSession::Settings sessionSettings(const QString &root,
                                                          const platform::PlatformEndpoint &endpoint)
    {
        ui::ClinicianSession::Settings sign;
        sign.platform = endpoint;
        sign.language = u"ja"_s;
        sign.auditLogPath = root + u"/audit/audit.jsonl"_s;
        return sign;
    }

    QSettings settings;
    ui::MainWindow window;
    ui::ClinicianSession session;
    ui::AiWorkflow::Settings ai;
    std::unique_ptr<ui::AiWorkflow> flow;
    QString error;
};

// Signs `session` in with the card's PIN and the one-time password `otp` (codes are single use:
// the caller hands each process its own). False when a step did not come.
bool signInWith(ui::ClinicianSession &session, const QString &otp)
{
    if (!QTest::qWaitFor([&] { return session.login().step() == Step::NeedPin; }, kTimeoutMs))
        return false;
    QLineEdit *pin = visibleField(session.loginScreen());
    if (pin == nullptr)
        return false;
    QTest::keyClicks(pin, u"123456"_s);
    QTest::keyClick(pin, Qt::Key_Return);
    if (!QTest::qWaitFor([&] { return session.login().step() == Step::NeedOtp; }, kTimeoutMs))
        return false;
    QLineEdit *field = visibleField(session.loginScreen());
    if (field == nullptr)
        return false;
    QTest::keyClicks(field, otp);
    QTest::keyClick(field, Qt::Key_Return);
    return QTest::qWaitFor([&] { return session.login().step() == Step::SignedIn; }, kTimeoutMs);
}

// The findings of a completed job's structured report, as the findings list reads them.
QStringList findingsOf(const workflow::AnalysisJob &job)
{
    QStringList out;
    for (const QString &name : job.resultFiles) {
        Result<dicom::StructuredReport> sr =
            dicom::StructuredReportReader::fromFile(QDir(job.resultDir).filePath(name));
        if (!sr)
            continue; // the SEG, the HTML report, the JSON
        for (const dicom::ReportFinding &f : sr->findings) {
            QStringList line {f.trackingId, f.finding.meaning, f.site.meaning, QString::number(f.segmentNumber)};
            for (const dicom::ReportMeasurement &m : f.measurements)
                line << m.name.meaning + u'=' + m.valueText + m.unit.value;
            out << line.join(u" | "_s);
        }
    }
    return out;
}

// The child process of killedMidUploadResumesAfterRestart: a whole workstation that signs in,
// opens the phantom, sends it and is SIGKILLed once part of the payload is on the platform.
int runKilledWorkstation()
{
    LibraryScope library;
    QStandardPaths::setTestModeEnabled(true);
    const auto env = [](const char *name) {
        return qEnvironmentVariable(name);
    };
    Result<crypto::SpkiPin> catalogPin = crypto::SpkiPin::parse(env("HAIP_CHILD_CATALOG_PIN"));
    if (!catalogPin)
        return 3;
    const platform::PlatformEndpoint endpoint {
        QUrl(env("HAIP_CHILD_PLATFORM")), QByteArray::fromHex(env("HAIP_CHILD_PLATFORM_PIN").toLatin1()), {}};
    Workstation ws(env("HAIP_CHILD_ROOT"), endpoint, *catalogPin, 64 * 1024);
    if (!ws.flow)
        return 4;
    ws.session.start();
    ws.window.show();
    if (!signInWith(ws.session, env("HAIP_CHILD_OTP")))
        return 5;
    if (!QTest::qWaitFor([&] { return ws.flow->catalog().has_value(); }, kTimeoutMs))
        return 6;
    ws.window.openPaths({env("HAIP_CHILD_STUDY")});
    if (!QTest::qWaitFor([&] { return ws.window.hasImage() && !ws.window.isBusy(); }, 60000))
        return 7;
    QObject::connect(&ws.flow->queue(), &workflow::JobQueue::jobChanged, [&](const QString &changed) {
        const workflow::AnalysisJob *job = ws.flow->queue().job(changed);
        if (job && job->stage == workflow::JobStage::Uploading && job->uploadedBytes > 0 &&
            job->uploadedBytes < job->payloadBytes)
            ::kill(::getpid(), SIGKILL);
    });
    ws.flow->controller().setNextAnswer(true);
    ws.flow->analyseCurrentSeries(u"chest-ct-nodule"_s);
    // Reaching the end means no progress was seen between the first and the last byte.
    return QTest::qWaitFor(
               [&] {
                   return ws.flow->queue().ids().size() == 1 &&
                       ws.flow->queue().job(ws.flow->queue().ids().front())->isFinished();
               },
               120000)
        ? 8
        : 9;
}

} // namespace

class TestAiWorkflow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sendToNoduleServiceAndReceiveTheResult();
    void killedMidUploadResumesAfterRestart();

private:
    void save(QWidget &widget, const QString &name);
    void signIn(ui::ClinicianSession &session);

    QTemporaryDir m_dir;
    test::CardHarness m_harness;
    std::unique_ptr<test::PlatformProcess> m_platform;
    std::unique_ptr<LibraryScope> m_library;
    crypto::SpkiPin m_catalogPin;
    dicom::PhantomResult m_phantom;
    QStringList m_findings; // of the uninterrupted job
};

void TestAiWorkflow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Every temporary file of this process lands here, so the scrub check below sees them all.
    qputenv("TMPDIR", m_dir.filePath(u"tmp"_s).toLocal8Bit());
    QVERIFY(QDir().mkpath(m_dir.filePath(u"tmp"_s)));
    QStandardPaths::setTestModeEnabled(true);
    qputenv("PCSCLITE_CSOCK_NAME", m_harness.socketPath().toLocal8Bit());
    m_library = std::make_unique<LibraryScope>();
    QCOMPARE(installTranslators(*qApp, u"ja"_s), u"ja"_s);
    ui::Theme::applyFonts(u"ja"_s);
    ui::Theme(ui::ThemeKind::Dark).apply(*qApp);

    const QString state = m_dir.filePath(u"state"_s);
    Result<QByteArray> init = test::PlatformProcess::init(state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    Result<crypto::SpkiPin> pin = test::catalogPin(state);
    QVERIFY(pin);
    m_catalogPin = *pin;
    m_platform = std::make_unique<test::PlatformProcess>(state);
    Result<void> started = m_platform->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    Result<void> pcscd = m_harness.startPcscd();
    QVERIFY2(pcscd, pcscd ? "" : qPrintable(pcscd.error().detail()));
    const QString profile = m_dir.filePath(u"yamada.json"_s);
    QVERIFY(test::PlatformProcess::copyCardProfile(state, u"yamada"_s, profile));
    Result<void> card = m_harness.startCard(profile);
    QVERIFY2(card, card ? "" : qPrintable(card.error().detail()));

    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::ChestCt;
    o.rows = o.columns = 256;
    o.slices = 80;
    o.sliceSpacing = 2.5;
    o.outputDir = m_dir.filePath(u"study"_s);
    Result<dicom::PhantomResult> phantom = dicom::PhantomGenerator::generate(o);
    QVERIFY2(phantom, phantom ? "" : qPrintable(phantom.error().detail()));
    m_phantom = *phantom;
    // The ground truth is not part of the study a clinician opens (it is not DICOM).
    QVERIFY(QFile::rename(m_phantom.groundTruthPath, m_dir.filePath(u"ground-truth.json"_s)));
    for (const QString &file : m_phantom.files) {
        QProcess p;
        p.start(u"dcmodify"_s,
                {u"-nb"_s, u"-m"_s, u"(0010,0010)="_s + QString::fromLatin1(kUniqueName) + u"^Test"_s, file});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
    }
}

void TestAiWorkflow::cleanupTestCase()
{
    m_harness.stop();
    if (m_platform)
        m_platform->stop();
}

void TestAiWorkflow::save(QWidget &widget, const QString &name)
{
    QCoreApplication::processEvents();
    QVERIFY(widget.grab().save(QDir(test::artifactsDir()).filePath(name)));
}

void TestAiWorkflow::signIn(ui::ClinicianSession &session)
{
    test::PlatformLogin codes(*m_platform);
    QVERIFY(signInWith(session, codes.nextCode(u"yamada"_s)));
}

void TestAiWorkflow::sendToNoduleServiceAndReceiveTheResult()
{
    Workstation ws(m_dir.path(), platform::PlatformEndpoint {m_platform->url(), m_platform->pin(), {}}, m_catalogPin);
    QVERIFY2(ws.flow, qPrintable(ws.error));
    ui::MainWindow &window = ws.window;
    ui::ClinicianSession &session = ws.session;
    ui::AiWorkflow &flow = *ws.flow;
    const ui::AiWorkflow::Settings &ai = ws.ai;
    const QString auditPath = m_dir.filePath(u"audit/audit.jsonl"_s);
    session.start();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    signIn(session);
    QVERIFY(QTest::qWaitFor([&] { return flow.catalog().has_value(); }, kTimeoutMs));
    QVERIFY(flow.catalog()->find(u"chest-ct-nodule"_s));
    QVERIFY(flow.catalogPanel());
    // The verified answer is kept for offline reading and verifies again from disk.
    Result<platform::CachedCatalog> cached = platform::CatalogCache(ai.catalogCachePath).load(m_catalogPin);
    QVERIFY2(cached, qPrintable(cached ? QString() : cached.error().detail()));
    QVERIFY(cached->catalog.find(u"chest-ct-nodule"_s));

    window.openPaths({m_dir.filePath(u"study"_s)});
    QTRY_VERIFY_WITH_TIMEOUT(window.hasImage() && !window.isBusy(), 60000);
    QCOMPARE(window.currentSeries().sliceCount(), 80);

    // Nothing went wrong on the way (a problem would show in the status bar).
    QStringList problems;
    for (const Error &e : window.problemsPanel()->problems())
        problems << e.message() + u": "_s + e.detail();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));

    // The catalog filtered by a Japanese word: only the nodule service stays, marked as fitting.
    flow.catalogDock()->show();
    flow.catalogDock()->raise();
    auto *search = flow.catalogPanel()->findChild<QLineEdit *>(u"catalogSearch"_s);
    QVERIFY(search);
    const int services = flow.catalogPanel()->filterModel()->rowCount();
    QVERIFY(services >= 3);
    search->setFocus();
    search->insert(u"結節"_s); // "nodule", as an input method commits it
    QTRY_COMPARE(flow.catalogPanel()->filterModel()->rowCount(), 1);
    const QModelIndex only = flow.catalogPanel()->filterModel()->index(0, 0);
    QCOMPARE(only.data(ui::CatalogModel::ServiceIdRole).toString(), u"chest-ct-nodule"_s);
    QSignalSpy detailLoaded(flow.catalogPanel()->detailView(), &QWebEngineView::loadFinished);
    QVERIFY(flow.catalogPanel()->selectService(u"chest-ct-nodule"_s));
    QVERIFY(detailLoaded.count() > 0 || detailLoaded.wait(kTimeoutMs)); // its page, for the screenshot
    save(window, u"ai-catalog-ja.png"_s);
    search->clear();
    QTRY_COMPARE(flow.catalogPanel()->filterModel()->rowCount(), services);

    // The confirmation says what leaves: a de-identified copy, the service, end-to-end sealed.
    QString confirmation;
    QStringList changed;
    connect(&flow.controller(), &ui::AnalysisController::confirmationShown, this, [&](QWidget *dialog) {
        auto *send = qobject_cast<ui::SendConfirmation *>(dialog);
        QVERIFY(send);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        save(*dialog, u"ai-confirmation-ja.png"_s);
        confirmation = send->summaryText();
        for (int i = 0; i < send->attributeList()->count(); ++i)
            changed.append(send->attributeList()->item(i)->text());
    });
    flow.controller().setNextAnswer(true);
    // "Analyse with" from the toolbar: the service's entry in the button's menu.
    auto *analyse = window.findChild<QToolButton *>(u"analyseButton"_s);
    QVERIFY(analyse && analyse->isVisible() && analyse->menu());
    QAction *nodule = nullptr;
    for (QAction *action : analyse->menu()->actions()) {
        if (action->data().toString() == u"chest-ct-nodule"_s)
            nodule = action;
    }
    QVERIFY(nodule && nodule->isEnabled());
    nodule->trigger();
    QVERIFY2(confirmation.contains(u"研究用途"_s), qPrintable(confirmation)); // research use only, in Japanese
    QVERIFY(changed.contains(u"PatientName"_s));
    QVERIFY(changed.contains(u"StudyInstanceUID"_s));
    const QStringList ids = flow.queue().ids();
    QCOMPARE(ids.size(), 1);
    const QString id = ids.front();

    // Progress on screen while it runs, then the result.
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto *job = flow.queue().job(id);
            return job->stage == workflow::JobStage::Uploading || job->stage == workflow::JobStage::Processing ||
                job->isFinished();
        },
        60000));
    flow.jobsDock()->show();
    flow.jobsDock()->raise();
    save(window, u"ai-progress-ja.png"_s);
    QVERIFY(QTest::qWaitFor([&] { return flow.queue().job(id)->isFinished(); }, kJobTimeoutMs));
    const workflow::AnalysisJob job = *flow.queue().job(id);
    QVERIFY2(job.stage == workflow::JobStage::Completed,
             qPrintable(job.failure.message() + u" "_s + job.failure.detail()));
    QCOMPARE(flow.jobsPanel()->selectedJob(), id);
    QVERIFY(flow.jobsPanel()->showButton()->isEnabled());
    QCOMPARE(flow.queue().completedForStudy(m_phantom.studyInstanceUid).size(), 1);

    // The series is on screen: the SEG is placed on it at once and the report is shown.
    ui::ImageView *view = window.viewer()->imageView();
    QVERIFY(QTest::qWaitFor([&] { return view->segmentOverlay()->segmentation() != nullptr; }, kTimeoutMs));
    QCOMPARE(flow.results()->lastError().code(), ErrorCode::None);
    const auto placed = view->segmentOverlay()->segmentation();
    QVERIFY(!placed->measures.isEmpty());
    const std::optional<dicom::SegmentRegion> region = placed->regionOf(placed->measures.front().segmentNumber);
    QVERIFY(region.has_value());

    // The findings list of the SR names every nodule; a click on the first goes to its slice.
    ui::FindingsPanel *findings = flow.results()->findingsPanel();
    QTreeWidget *list = findings->findingList();
    QCOMPARE(list->topLevelItemCount(), int(placed->measures.size()));
    int row = -1;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QString label = list->topLevelItem(i)->text(ui::FindingsPanel::FindingColumn);
        QVERIFY2(label.startsWith(u"Nodule"_s) && label.contains(u"nodule %1"_s.arg(i + 1)), qPrintable(label));
        QVERIFY(list->topLevelItem(i)->text(ui::FindingsPanel::SizeColumn).endsWith(u" mm"_s));
        if (findings->report().findings[i].segmentNumber == placed->measures.front().segmentNumber)
            row = i;
    }
    QVERIFY(row >= 0);
    view->setCurrentSlice(region->slice == 0 ? 1 : 0);
    QVERIFY(view->currentSlice() != region->slice);
    list->scrollToItem(list->topLevelItem(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->topLevelItem(row)).center());
    QCOMPARE(view->currentSlice(), region->slice);
    QCoreApplication::processEvents();
    const QImage with = view->grab().toImage();
    view->segmentOverlay()->setSegmentVisible(placed->measures.front().segmentNumber, false);
    QCoreApplication::processEvents();
    const QImage without = view->grab().toImage();
    view->segmentOverlay()->setSegmentVisible(placed->measures.front().segmentNumber, true);
    // Overlay pixels exist, and only over the segment's region on that slice.
    const QRectF box = view->viewTransform().imageToView().mapRect(QRectF(region->imageRect)).adjusted(-3, -3, 3, 3);
    const qreal dpr = with.devicePixelRatio();
    int inside = 0;
    int outside = 0;
    for (int y = 0; y < with.height(); ++y) {
        for (int x = 0; x < with.width(); ++x) {
            if (with.pixel(x, y) == without.pixel(x, y))
                continue;
            (box.contains(QPointF(x / dpr, y / dpr)) ? inside : outside) += 1;
        }
    }
    QVERIFY2(inside > 20, qPrintable(u"overlay pixels in the nodule's box: %1"_s.arg(inside)));
    QCOMPARE(outside, 0);
    QVERIFY(flow.results()->reportView()->documentUrl().isValid());

    // The presentation state's boxes and labels: on the slices of the findings, drawn, and gone
    // when its switch is off.
    QVERIFY(view->presentationState() != nullptr);
    const dicom::Series &series = window.currentSeries();
    const auto sopOfSlice = [&](int slice) {
        return series.instances[series.stacks[placed->stack].slices[slice].instance].sopInstanceUid;
    };
    QList<int> marked;
    for (int k = 0; k < placed->sliceCount; ++k) {
        if (view->graphicOverlay()->hasGraphics(sopOfSlice(k), 0))
            marked << k;
    }
    QVERIFY(!marked.isEmpty() && marked.size() <= list->topLevelItemCount());
    QVERIFY2(marked.contains(region->slice) || marked.contains(region->slice - 1) || marked.contains(region->slice + 1),
             qPrintable(u"no graphics near slice %1"_s.arg(region->slice)));
    const int keySlice = view->currentSlice();
    view->setCurrentSlice(marked.front());
    QCoreApplication::processEvents();
    const QImage withGraphics = view->grab().toImage();
    QAction *showGraphics = flow.results()->presentationActions()->showGraphicsAction();
    QVERIFY(showGraphics->isEnabled() && showGraphics->isChecked());
    showGraphics->trigger();
    QCoreApplication::processEvents();
    const QImage withoutGraphics = view->grab().toImage();
    showGraphics->trigger();
    int drawn = 0;
    for (int y = 0; y < withGraphics.height(); ++y) {
        for (int x = 0; x < withGraphics.width(); ++x)
            drawn += withGraphics.pixel(x, y) != withoutGraphics.pixel(x, y) ? 1 : 0;
    }
    QVERIFY2(drawn > 50, qPrintable(u"presentation-state pixels: %1"_s.arg(drawn)));
    view->setCurrentSlice(keySlice);
    QCoreApplication::processEvents();
    save(window, u"ai-result-ja.png"_s);
    flow.results()->reportDock()->raise();
    QTRY_VERIFY_WITH_TIMEOUT(flow.results()->reportView()->isVisible(), kTimeoutMs);
    // The report is drawn (dark text on its white page), not just a blank view.
    const auto drawnPixels = [&] {
        const QImage page = flow.results()->reportView()->grab().toImage();
        int dark = 0;
        for (int y = 0; y < page.height(); y += 2) {
            for (int x = 0; x < page.width(); x += 2)
                dark += qGray(page.pixel(x, y)) < 128 ? 1 : 0;
        }
        return dark;
    };
    QTRY_VERIFY_WITH_TIMEOUT(drawnPixels() > 200, kTimeoutMs);
    save(window, u"ai-report-ja.png"_s);
    flow.results()->resultsDock()->raise();

    // The report exported to PDF, and the trail follows the study in and out under one pseudonym:
    // import (80 instances), de-identification, send, result received, export.
    const QString pdf = m_dir.filePath(u"report.pdf"_s);
    QSignalSpy exported(flow.results(), &ui::ResultPresenter::reportExported);
    flow.results()->exportReportTo(pdf);
    QVERIFY(exported.count() > 0 || exported.wait(kTimeoutMs));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
    QVERIFY(!job.pseudonymousStudyUid.isEmpty());
    QHash<QString, QJsonObject> byType; // the last record of each type about this study
    {
        QFile records(auditPath);
        QVERIFY(records.open(QIODevice::ReadOnly));
        while (!records.atEnd()) {
            const QJsonObject r = QJsonDocument::fromJson(records.readLine()).object();
            if (r.value(u"data"_s).toObject().value(u"study"_s).toString() == job.pseudonymousStudyUid)
                byType.insert(r.value(u"type"_s).toString(), r);
        }
    }
    for (const QString &type : {u"import"_s, u"deidentify"_s, u"send"_s, u"export"_s})
        QVERIFY2(byType.contains(type), qPrintable(u"no %1 record for the study's pseudonym"_s.arg(type)));
    QCOMPARE(byType[u"import"_s].value(u"data"_s).toObject().value(u"instances"_s).toInt(), 80);
    QVERIFY(byType[u"import"_s].value(u"data"_s).toObject().value(u"bytes"_s).toDouble() > 80 * 256 * 256);
    QCOMPARE(byType[u"export"_s].value(u"actor"_s).toString(), u"yamada"_s);

    // The unique name left no trace: not in the audit trail, not in anything the platform keeps
    // (payload, worker files, logs), not in the jobs folder beyond the re-linked result files
    // (which belong to the original study on purpose), not in a temporary file.
    QFile trail(auditPath);
    QVERIFY(trail.open(QIODevice::ReadOnly));
    QVERIFY(!trail.readAll().contains(kUniqueName));
    QCOMPARE(filesContaining(m_platform->stateDir(), kUniqueName), QStringList());
    QVERIFY(!m_platform->serverLog().contains(kUniqueName));
    QCOMPARE(filesContaining(m_dir.filePath(u"tmp"_s), kUniqueName), QStringList());
    QStringList inJobs = filesContaining(ai.jobsFolder, kUniqueName);
    for (const QString &file : job.resultFiles)
        inJobs.removeAll(QDir(job.resultDir).filePath(file));
    QCOMPARE(inJobs, QStringList());

    m_findings = findingsOf(job);
    QVERIFY(!m_findings.isEmpty());
    // Listed with its study in the local index.
    Result<QList<dicom::AiResultRecord>> listed = window.index()->aiResults(m_phantom.studyInstanceUid);
    QVERIFY(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->front().jobId, id);
    QCOMPARE(listed->front().seriesInstanceUid, m_phantom.seriesInstanceUid);
    // And the study browser marks the study (AI icon beside its modalities, a line in its tooltip).
    const QModelIndex study = window.browser()->model()->findStudy(m_phantom.studyInstanceUid);
    QVERIFY(study.isValid());
    QVERIFY(
        !study.siblingAtColumn(ui::StudyBrowserModel::ModalityColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(study.data(Qt::ToolTipRole).toString().contains(u"AI"_s));
    session.signOut();
}

void TestAiWorkflow::killedMidUploadResumesAfterRestart()
{
    QVERIFY2(!m_findings.isEmpty(), "needs the findings of sendToNoduleServiceAndReceiveTheResult");
    // A whole workstation process signs in, sends the phantom and is SIGKILLed mid-upload.
    const QString root = m_dir.filePath(u"killed"_s);
    test::PlatformLogin codes(*m_platform);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HAIP_AIWF_CHILD"_s, u"1"_s);
    env.insert(u"HAIP_CHILD_ROOT"_s, root);
    env.insert(u"HAIP_CHILD_PLATFORM"_s, m_platform->url().toString());
    env.insert(u"HAIP_CHILD_PLATFORM_PIN"_s, QString::fromLatin1(m_platform->pin().toHex()));
    env.insert(u"HAIP_CHILD_CATALOG_PIN"_s, QString::fromLatin1(m_catalogPin.digest().toHex()));
    env.insert(u"HAIP_CHILD_OTP"_s, codes.nextCode(u"yamada"_s)); // this process will not reuse it
    env.insert(u"HAIP_CHILD_STUDY"_s, m_dir.filePath(u"study"_s));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(180000));
    QVERIFY2(child.exitStatus() == QProcess::CrashExit, qPrintable(u"child exit code %1"_s.arg(child.exitCode())));

    // The workstation started again over the same folders: the job is there, mid-upload, and
    // continues at sign-in on the same platform job to the same findings.
    Workstation ws(root, platform::PlatformEndpoint {m_platform->url(), m_platform->pin(), {}}, m_catalogPin);
    QVERIFY2(ws.flow, qPrintable(ws.error));
    workflow::JobQueue &queue = ws.flow->queue();
    QCOMPARE(queue.ids().size(), 1);
    const QString id = queue.ids().front();
    QCOMPARE(queue.job(id)->stage, workflow::JobStage::Uploading);
    // (The record may trail the bytes the platform holds: the upload asks the platform where to go on.)
    QVERIFY(queue.job(id)->uploadedBytes < queue.job(id)->payloadBytes);
    const QString platformJob = queue.job(id)->platformJobId;
    QVERIFY(!platformJob.isEmpty());
    QCOMPARE(ws.flow->jobsPanel()->model()->rowCount(), 1);
    ws.session.start();
    ws.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws.window));
    signIn(ws.session);
    QVERIFY(QTest::qWaitFor([&] { return queue.job(id)->isFinished(); }, kJobTimeoutMs));
    const workflow::AnalysisJob job = *queue.job(id);
    QVERIFY2(job.stage == workflow::JobStage::Completed,
             qPrintable(job.failure.message() + u" "_s + job.failure.detail()));
    QCOMPARE(job.platformJobId, platformJob);
    QCOMPARE(findingsOf(job), m_findings);
    QCOMPARE(ws.window.index()->aiResults(m_phantom.studyInstanceUid)->size(), 1);
    // Removing the job removes it from the index and its files from the disk.
    QVERIFY(queue.remove(id));
    QVERIFY(ws.window.index()->aiResults(m_phantom.studyInstanceUid)->isEmpty());
    QVERIFY(!QFileInfo::exists(job.resultDir));
    ws.session.signOut();
}

int main(int argc, char *argv[])
{
    ui::SafeWebView::registerScheme(); // before QApplication
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("HAIP_AIWF_CHILD"))
        return runKilledWorkstation();
    TestAiWorkflow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "TestAiWorkflow.moc"
