// AiWorkflow: the AI side of the workstation, wired into the main window when a platform is
// configured — the job queue (keys from the OS key store), the jobs dock, "Analyse with…",
// the catalog fetched and verified against the policy's pin at every sign-in (restricted to the
// services policy allows; the last verified answer is cached on disk and shown, re-verified, while
// offline or before sign-in), and jobs continuing while a clinician is signed in. Signing out
// pauses them; they continue at the next sign-in, also after a restart.
#pragma once

#include "common/Result.h"
#include "crypto/SpkiPin.h"
#include "dicom/DeidOptions.h"
#include "platform/Catalog.h"
#include "platform/CatalogCache.h"

#include <QObject>
#include <QPoint>
#include <QStringList>

#include <memory>

class QDockWidget;
class QSystemTrayIcon;
class QMenu;

namespace haip::workflow {
struct AnalysisJob;
class JobQueue;
} // namespace haip::workflow

namespace haip::ui {

class AnalysisController;
class CatalogPanel;
class ClinicianSession;
class JobsPanel;
class MainWindow;
class ResultListing;
class ResultPresenter;
class StudyAccessAudit;

class AiWorkflow : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        crypto::SpkiPin catalogPin; // policy CatalogKeySha256
        QStringList allowedServices; // policy AllowedServices (empty: all)
        dicom::DeidOptions deidOptions; // policy DeidOptions + AllowBurnedInAnnotation
        QString language;
        QString jobsFolder; // empty: workflow::JobStore::defaultFolder()
        QString mapPath; // empty: dicom::ReidentificationStore::defaultPath()
        QString catalogCachePath; // empty: platform::CatalogCache::defaultPath()
        qint64 uploadChunkBytes = 0; // 0: the uploader's default (smaller resumes sooner on poor links)
    };

    // Opens the keys (OS key store) and the job store; an error when the OS keeps no keys
    // (then the AI functions are unavailable and the window says why).
    static Result<std::unique_ptr<AiWorkflow>> create(Settings settings, MainWindow &window, ClinicianSession &session);
    ~AiWorkflow() override;

    workflow::JobQueue &queue() { return *m_queue; }
    JobsPanel *jobsPanel() const { return m_jobsPanel; }
    QDockWidget *jobsDock() const { return m_jobsDock; }
    QDockWidget *catalogDock() const { return m_catalogDock; }
    AnalysisController &controller() { return *m_controller; }
    QMenu *analyseMenu() const { return m_analyseMenu; }
    ResultPresenter *results() const { return m_results; }
    CatalogPanel *catalogPanel() const { return m_catalogPanel; }
    const std::optional<platform::Catalog> &catalog() const;
    const Error &catalogError() const { return m_catalogError; }

    // "Analyse with…" on the series on screen.
    void analyseCurrentSeries(const QString &serviceId);

signals:
    void catalogChanged();

private:
    AiWorkflow(Settings settings,
               MainWindow &window,
               ClinicianSession &session,
               std::unique_ptr<workflow::JobQueue> queue,
               const QByteArray &deidSecret);
    void createMenu();
    void fillAnalyseMenu();
    void onSignedIn();
    void onSignedOut();
    void fetchCatalog();
    void showCachedCatalog();
    void useCatalog(const platform::Catalog &catalog, const QDateTime &fetchedAt, bool fromCache);
    void notify(const QString &jobId, bool succeeded);
    void showSeriesMenu(const QString &seriesInstanceUid, const QPoint &globalPos);

    Settings m_settings;
    MainWindow &m_window;
    ClinicianSession &m_session;
    std::unique_ptr<workflow::JobQueue> m_queue;
    std::unique_ptr<AnalysisController> m_controller;
    JobsPanel *m_jobsPanel = nullptr;
    QDockWidget *m_jobsDock = nullptr;
    QMenu *m_analyseMenu = nullptr;
    ResultPresenter *m_results = nullptr; // child of the window
    ResultListing *m_listing = nullptr;
    StudyAccessAudit *m_accessAudit = nullptr;
    QSystemTrayIcon *m_tray = nullptr; // created at the first notification
    CatalogPanel *m_catalogPanel = nullptr;
    QDockWidget *m_catalogDock = nullptr;
    Error m_catalogError;
    platform::CatalogCache m_catalogCache;
};

} // namespace haip::ui
