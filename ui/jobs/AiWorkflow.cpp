#include "jobs/AiWorkflow.h"

#include "MainWindow.h"
#include "auth/ClinicianSession.h"
#include "browser/OpenSeriesThen.h"
#include "browser/StudyBrowser.h"
#include "catalog/CatalogPanel.h"
#include "common/ProblemsPanel.h"
#include "crypto/OsKeyStore.h"
#include "dicom/ReidentificationStore.h"
#include "jobs/AnalysisController.h"
#include "jobs/JobsPanel.h"
#include "jobs/ResultListing.h"
#include "jobs/ResultPresenter.h"
#include "jobs/StudyAccessAudit.h"
#include "platform/JobClient.h"
#include "platform/ServiceEligibility.h"
#include "theme/ThemedIcon.h"
#include "workflow/JobQueue.h"
#include "workflow/JobStore.h"

#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

namespace haip::ui {

Result<std::unique_ptr<AiWorkflow>> AiWorkflow::create(Settings settings, MainWindow &window, ClinicianSession &session)
{
    Result<crypto::SecureBuffer> storeKey = workflow::JobStore::defaultKey();
    if (!storeKey)
        return storeKey.error();
    Result<crypto::SecureBuffer> mapKey = dicom::ReidentificationStore::defaultKey();
    if (!mapKey)
        return mapKey.error();
    // The installation's de-identification secret, shared with haip-cli deid.
    Result<crypto::SecureBuffer> secret = crypto::OsKeyStore::loadOrCreate(QStringLiteral("deid-secret"), 32);
    if (!secret)
        return secret.error();

    workflow::JobEnvironment env;
    env.deidOptions = settings.deidOptions;
    env.deidSecret = secret->toByteArray();
    env.mapPath = settings.mapPath.isEmpty() ? dicom::ReidentificationStore::defaultPath() : settings.mapPath;
    env.mapKey = std::move(*mapKey);
    env.uploadChunkBytes = settings.uploadChunkBytes;
    env.audit = [&session](const audit::AuditEvent &event) {
        session.record(event);
    };
    const QString folder = settings.jobsFolder.isEmpty() ? workflow::JobStore::defaultFolder() : settings.jobsFolder;
    auto queue = std::make_unique<workflow::JobQueue>(workflow::JobStore(folder, std::move(*storeKey)), std::move(env));
    return std::unique_ptr<AiWorkflow>(
        new AiWorkflow(std::move(settings), window, session, std::move(queue), secret->toByteArray()));
}

AiWorkflow::AiWorkflow(Settings settings,
                       MainWindow &window,
                       ClinicianSession &session,
                       std::unique_ptr<workflow::JobQueue> queue,
                       const QByteArray &deidSecret)
    : QObject(&window)
    , m_settings(std::move(settings))
    , m_window(window)
    , m_session(session)
    , m_queue(std::move(queue))
    , m_catalogCache(m_settings.catalogCachePath.isEmpty() ? platform::CatalogCache::defaultPath()
                                                           : m_settings.catalogCachePath)
{
    m_controller = std::make_unique<AnalysisController>(*m_queue, m_settings.language, &window);
    m_jobsPanel = new JobsPanel(*m_queue, m_settings.language);
    m_jobsDock = new QDockWidget(tr("AI jobs"), &window);
    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobsPanel);
    window.addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    if (window.problemsDock())
        window.tabifyDockWidget(window.problemsDock(), m_jobsDock);

    for (const Error &unreadable : m_queue->unreadable())
        window.problemsPanel()->addProblem(unreadable);
    m_catalogPanel = new CatalogPanel;
    m_catalogPanel->setLanguage(m_settings.language);
    m_catalogDock = new QDockWidget(tr("AI services"), &window);
    m_catalogDock->setObjectName(QStringLiteral("catalogDock"));
    m_catalogDock->setWidget(m_catalogPanel);
    window.addDockWidget(Qt::LeftDockWidgetArea, m_catalogDock);
    if (window.browserDock())
        window.tabifyDockWidget(window.browserDock(), m_catalogDock);
    window.browserDock()->raise();
    connect(m_catalogPanel, &CatalogPanel::analyseRequested, this, &AiWorkflow::analyseCurrentSeries);
    // A series dragged from the study browser: opened first when it is not the one on screen,
    // analysed once its first image is shown (the confirmation then matches what is seen).
    // Dropped beside the services it is only opened; the catalog then marks what accepts it.
    connect(m_catalogPanel, &CatalogPanel::seriesDropped, this, [this](const QString &series, const QString &service) {
        std::function<void()> analyse;
        if (!service.isEmpty())
            analyse = [this, service] {
                analyseCurrentSeries(service);
            };
        openSeriesThen(m_window, series, this, std::move(analyse));
    });
    // The browser's context menu on a series: "Analyse with" each service, the same way.
    if (m_window.browser())
        connect(m_window.browser(), &StudyBrowser::seriesMenuRequested, this, &AiWorkflow::showSeriesMenu);

    m_results = new ResultPresenter(window);
    m_accessAudit = new StudyAccessAudit(session, deidSecret, this);
    connect(&window, &MainWindow::importFinished, m_accessAudit, &StudyAccessAudit::recordImport);
    connect(m_results, &ResultPresenter::reportExported, m_accessAudit, [this](const QString &study) {
        m_accessAudit->recordExport(study, 1);
    });
    connect(m_jobsPanel, &JobsPanel::showResultRequested, this, [this](const QString &id) {
        if (const workflow::AnalysisJob *job = m_queue->job(id))
            m_results->show(*job);
    });
    m_listing = new ResultListing(window, *m_queue, *m_results, m_settings.language, this);
    connect(m_jobsPanel, &JobsPanel::resultReady, this, [this](const QString &id) {
        const workflow::AnalysisJob *job = m_queue->job(id);
        if (!job)
            return;
        m_listing->list(*job);
        notify(id, true);
        // On the images at once when its series is the one on screen.
        if (job->seriesInstanceUid == m_window.currentSeries().seriesInstanceUid)
            m_results->show(*job);
    });
    connect(m_queue.get(), &workflow::JobQueue::jobSaveFailed, this, [this](const QString &, const Error &error) {
        m_window.problemsPanel()->addProblem(error);
    });
    // A series opened again shows its newest result again (from the index, listed with its
    // study); the catalog marks what accepts it.
    connect(&window, &MainWindow::firstImageShown, this, [this] {
        m_catalogPanel->setSeriesFacts(platform::SeriesFacts::of(m_window.currentSeries()));
        m_listing->showNewestForCurrentSeries();
    });
    connect(m_jobsPanel, &JobsPanel::jobFailed, this, [this](const QString &id) { notify(id, false); });
    createMenu();
    connect(this, &AiWorkflow::catalogChanged, this, &AiWorkflow::fillAnalyseMenu);
    showCachedCatalog();
    connect(&session, &ClinicianSession::signedIn, this, &AiWorkflow::onSignedIn);
    connect(&session, &ClinicianSession::signedOut, this, &AiWorkflow::onSignedOut);
}

AiWorkflow::~AiWorkflow() = default;

const std::optional<platform::Catalog> &AiWorkflow::catalog() const
{
    return m_queue->catalog();
}

void AiWorkflow::createMenu()
{
    QMenu *menu = m_window.menuBar()->addMenu(tr("&AI"));
    menu->setObjectName(QStringLiteral("aiMenu"));
    m_analyseMenu = menu->addMenu(tr("&Analyse with"));
    m_analyseMenu->setObjectName(QStringLiteral("analyseMenu"));
    menu->addAction(m_catalogDock->toggleViewAction());
    menu->addAction(m_jobsDock->toggleViewAction());
    fillAnalyseMenu();

    // The same menu from the toolbar, one click away while reading.
    if (auto *toolbar = m_window.findChild<QToolBar *>(QStringLiteral("mainToolbar"))) {
        auto *button = new QToolButton(toolbar);
        button->setObjectName(QStringLiteral("analyseButton"));
        button->setIcon(themedIcon(QStringLiteral("analyse")));
        button->setText(tr("Analyse with"));
        button->setToolTip(tr("Send the series on screen to an AI service"));
        button->setMenu(m_analyseMenu);
        button->setPopupMode(QToolButton::InstantPopup);
        toolbar->addSeparator();
        toolbar->addWidget(button);
    }
}

void AiWorkflow::fillAnalyseMenu()
{
    m_analyseMenu->clear();
    const std::optional<platform::Catalog> &catalog = m_queue->catalog();
    if (!catalog || catalog->services().isEmpty()) {
        QAction *none = m_analyseMenu->addAction(m_catalogError.code() != ErrorCode::None
                                                     ? tr("Catalog refused: %1").arg(m_catalogError.message())
                                                     : tr("No catalog yet: sign in"));
        none->setEnabled(false);
        return;
    }
    for (const platform::CatalogService &service : catalog->services()) {
        const QString name = m_settings.language.startsWith(QLatin1String("ja")) && !service.name.ja.isEmpty()
            ? service.name.ja
            : service.name.en;
        QAction *action = m_analyseMenu->addAction(name);
        action->setData(service.id);
        connect(action, &QAction::triggered, this, [this, id = service.id] { analyseCurrentSeries(id); });
    }
}

void AiWorkflow::showSeriesMenu(const QString &seriesInstanceUid, const QPoint &globalPos)
{
    QMenu menu(&m_window);
    QMenu *analyse = menu.addMenu(themedIcon(QStringLiteral("analyse")), tr("&Analyse with"));
    for (QAction *service : m_analyseMenu->actions()) {
        QAction *action = analyse->addAction(service->text());
        action->setEnabled(service->isEnabled());
        const QString id = service->data().toString();
        connect(action, &QAction::triggered, this, [this, seriesInstanceUid, id] {
            openSeriesThen(m_window, seriesInstanceUid, this, [this, id] { analyseCurrentSeries(id); });
        });
    }
    menu.exec(globalPos);
}

void AiWorkflow::onSignedIn()
{
    m_queue->setConnection(&m_session.api(), m_session.clinicianId());
    fetchCatalog();
}

void AiWorkflow::onSignedOut()
{
    m_queue->setConnection(nullptr, {});
}

void AiWorkflow::fetchCatalog()
{
    auto *client = new platform::JobClient(m_session.api(), this);
    client->fetchSignedCatalog([this, client](Result<QJsonObject> answer) {
        client->deleteLater();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Verified before it is kept or shown; a refused answer never replaces the cache.
        Result<platform::Catalog> catalog = answer ? m_catalogCache.store(*answer, m_settings.catalogPin, now)
                                                   : Result<platform::Catalog>(answer.error());
        if (!catalog) {
            m_catalogError = catalog.error();
            m_catalogPanel->setCatalogError(catalog.error());
            m_window.problemsPanel()->addProblem(catalog.error());
            emit catalogChanged();
            return;
        }
        m_catalogError = Error();
        useCatalog(*catalog, now, false);
    });
}

void AiWorkflow::showCachedCatalog()
{
    Result<platform::CachedCatalog> cached = m_catalogCache.load(m_settings.catalogPin);
    if (cached) {
        useCatalog(cached->catalog, cached->fetchedAt, true);
        return;
    }
    if (cached.error().code() == ErrorCode::FileNotFound)
        return; // never fetched yet
    // A cache that no longer verifies (other key, expired, edited) is not shown: say why.
    m_catalogError = cached.error();
    m_catalogPanel->setCatalogError(cached.error());
    m_window.problemsPanel()->addProblem(cached.error());
}

void AiWorkflow::useCatalog(const platform::Catalog &catalog, const QDateTime &fetchedAt, bool fromCache)
{
    m_queue->setCatalog(catalog.restrictedTo(m_settings.allowedServices));
    m_catalogPanel->setCatalog(*m_queue->catalog(), fetchedAt, fromCache);
    emit catalogChanged();
}

void AiWorkflow::analyseCurrentSeries(const QString &serviceId)
{
    Result<QString> job = m_controller->analyse(serviceId, m_window.currentSeries());
    if (!job && job.error().code() != ErrorCode::Cancelled)
        m_window.problemsPanel()->addProblem(job.error());
    if (job) {
        m_jobsDock->show();
        m_jobsDock->raise();
    }
}

void AiWorkflow::notify(const QString &jobId, bool succeeded)
{
    const workflow::AnalysisJob *job = m_queue->job(jobId);
    if (!job)
        return;
    const QString title = succeeded ? tr("AI result ready") : tr("AI job failed");
    // The service and the series kind only: a notification may be seen by anyone in the room.
    const QString text = tr("%1 — %2 series").arg(job->serviceName(m_settings.language), job->modality);
    m_window.statusBar()->showMessage(title + QStringLiteral(": ") + text, 10000);
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        // One icon for every notification, shown while one is on screen.
        if (m_tray == nullptr)
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->show();
        m_tray->showMessage(title, text, succeeded ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning, 8000);
        QTimer::singleShot(10000, m_tray, &QSystemTrayIcon::hide);
    }
}

} // namespace haip::ui
