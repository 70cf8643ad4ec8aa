// haip-workstation: the clinicians' GUI. Wiring only; everything it shows lives in ui/ and core/.
#include "MainWindow.h"
#include "ScreenshotJob.h"
#include "WorkstationOptions.h"
#include "audit/AuditLocation.h"
#include "audit/PolicyChanges.h"
#include "auth/ClinicianSession.h"
#include "common/AppSettings.h"
#include "common/Library.h"
#include "common/ProblemsPanel.h"
#include "common/Translations.h"
#include "config/EffectiveConfig.h"
#include "config/PolicyStore.h"
#include "jobs/AiWorkflow.h"
#include "theme/Theme.h"
#include "viewer/ViewerWidget.h"
#include "web/SafeWebView.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

int printVersion()
{
    std::printf("haip-workstation %s\n", HAIP_VERSION);
    return 0;
}

// The size of screenshots: the demo's Xvfb screen (scripts/demo.sh) and a typical reading
// station's window, independent of the (offscreen) screen.
constexpr QSize kScreenshotSize(1600, 1000);

// The AI functions, when policy names the catalog's key. Without a key store the workstation
// still works as a viewer and says why the AI functions are missing. `scratch`: a folder for
// the jobs and the re-identification map of a screenshot run (empty: the user's own).
std::unique_ptr<haip::ui::AiWorkflow> makeAiWorkflow(const haip::config::EffectiveConfig &config,
                                                     const QString &language,
                                                     const QString &scratch,
                                                     haip::ui::MainWindow &window,
                                                     haip::ui::ClinicianSession &session)
{
    if (config.catalogKeySha256().isEmpty())
        return nullptr;
    haip::ui::AiWorkflow::Settings settings;
    const haip::Result<haip::crypto::SpkiPin> pin = haip::crypto::SpkiPin::parse(config.catalogKeySha256());
    haip::Result<haip::dicom::DeidOptions> deid = haip::dicom::DeidOptions::fromKeywords(config.deidOptions());
    if (!pin || !deid) {
        window.problemsPanel()->addProblem(!pin ? pin.error() : deid.error());
        return nullptr;
    }
    settings.catalogPin = *pin;
    settings.deidOptions = *deid;
    settings.deidOptions.allowBurnedInAnnotation = config.allowBurnedInAnnotation();
    settings.allowedServices = config.allowedServices();
    settings.language = language;
    if (!scratch.isEmpty()) {
        settings.jobsFolder = scratch + QStringLiteral("/jobs");
        settings.mapPath = scratch + QStringLiteral("/deid/reidentification.sealed");
        settings.catalogCachePath = scratch + QStringLiteral("/catalog-cache.json");
    }
    haip::Result<std::unique_ptr<haip::ui::AiWorkflow>> ai = haip::ui::AiWorkflow::create(settings, window, session);
    if (!ai) {
        window.problemsPanel()->addProblem(ai.error());
        return nullptr;
    }
    return std::move(*ai);
}

} // namespace

int main(int argc, char *argv[])
{
    // `haip-workstation --version` alone answers before QApplication, which needs a display:
    // IT checks installed versions over SSH and from deployment scripts.
    if (argc == 2 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-v") == 0))
        return printVersion();
    // The web view's own scheme (haip:) must be known to the engine before QApplication exists.
    haip::ui::SafeWebView::registerScheme();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("haip-workstation"));
    QApplication::setApplicationDisplayName(QStringLiteral("HAIP Clinician Workstation"));
    QApplication::setOrganizationName(QStringLiteral("HAIP"));
    QApplication::setApplicationVersion(QStringLiteral(HAIP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("haip-workstation"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app/haip.svg")));

    const auto options = haip::app::parseWorkstationOptions(QApplication::arguments());
    if (!options) {
        std::fprintf(stderr, "haip-workstation: %s\n", qUtf8Printable(options.error().detail()));
        return 2;
    }
    if (options->showHelp) {
        std::fputs(qUtf8Printable(options->helpText), stdout);
        return 0;
    }
    if (options->showVersion)
        return printVersion();
    haip::LibraryScope library;

    // Screenshots must not depend on (or change) the user's saved layout: they use defaults
    // in a throw-away settings file.
    const bool screenshot = !options->screenshotPath.isEmpty();
    QTemporaryDir scratch;
    std::unique_ptr<QSettings> settings = screenshot
        ? std::make_unique<QSettings>(scratch.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
        : std::make_unique<QSettings>();
    haip::ui::AppSettings appSettings(*settings);

    // Machine policy over the user's settings over defaults; the command line counts as the
    // user's and cannot override what policy fixed.
    const std::unique_ptr<QSettings> policy = haip::config::openMachinePolicy();
    haip::config::EffectiveConfig config = haip::config::EffectiveConfig::resolve(policy.get(), settings.get());
    const auto fromCommandLine = [&config](const char *name, const QVariant &value) {
        if (haip::Result<void> ok = config.overrideByUser(QLatin1String(name), value); !ok) {
            std::fprintf(stderr, "haip-workstation: %s: %s\n", name, qUtf8Printable(ok.error().detail()));
            return false;
        }
        return true;
    };
    if (!options->platform.isEmpty() && !fromCommandLine("PlatformUrl", options->platform.toString()))
        return 2;
    if (!options->caPin.isEmpty() && !fromCommandLine("PinnedCaSha256", QString::fromLatin1(options->caPin.toHex())))
        return 2;
    if (!options->catalogPin.isEmpty() &&
        !fromCommandLine("CatalogKeySha256", QString::fromLatin1(options->catalogPin.toHex())))
        return 2;
    if (!options->language.isEmpty() && !config.isLocked(QStringLiteral("Language")) &&
        !fromCommandLine("Language", options->language))
        return 2;
    for (const QString &problem : config.problems())
        std::fprintf(stderr, "haip-workstation: configuration: %s\n", qUtf8Printable(problem));
    if (!screenshot) {
        if (haip::Result<void> noted =
                haip::audit::recordPolicyChanges(config, *settings, haip::audit::defaultAuditLogPath());
            !noted)
            std::fprintf(stderr, "haip-workstation: audit: %s\n", qUtf8Printable(noted.error().detail()));
    }

    const QString language = haip::installTranslators(app, config.language());
    haip::ui::Theme::applyFonts(language);
    haip::ui::Theme(options->theme.isEmpty() ? appSettings.theme() : haip::ui::Theme::kindFromName(options->theme))
        .apply(app);

    haip::ui::MainWindow window(haip::app::indexDatabasePath(*options), *settings);
    window.setEffectiveConfig(config);
    if (!options->preset.isEmpty()) {
        // The preset applies to the first series shown, once its first image is on screen.
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection =
            QObject::connect(&window, &haip::ui::MainWindow::firstImageShown, &window, [&window, connection, &options] {
                QObject::disconnect(*connection);
                if (!window.viewer()->applyPreset(options->preset))
                    std::fprintf(stderr, "haip-workstation: unknown preset %s\n", qUtf8Printable(options->preset));
            });
    }
    if (screenshot) {
        window.resize(kScreenshotSize);
        auto *job = new haip::app::ScreenshotJob(
            window, options->screenshotPath, options->screenshotTimeoutSeconds, !options->paths.isEmpty());
        QObject::connect(job, &haip::app::ScreenshotJob::done, &app, [](int code) { QCoreApplication::exit(code); });
    }
    // With a platform, the login screen covers the window until a clinician signs in.
    std::unique_ptr<haip::ui::ClinicianSession> clinician;
    std::unique_ptr<haip::ui::AiWorkflow> ai;
    if (!config.platformUrl().isEmpty()) {
        haip::ui::ClinicianSession::Settings sign;
        sign.platform = haip::platform::PlatformEndpoint {
            QUrl(config.platformUrl()), QByteArray::fromHex(config.pinnedCaSha256().toLatin1()), {}};
        sign.policy = haip::auth::AuthPolicy::fromConfig(config);
        sign.language = language;
        // Screenshot runs (demos, tests) keep their audit records with their other scratch files.
        sign.auditLogPath =
            screenshot ? scratch.filePath(QStringLiteral("audit/audit.jsonl")) : haip::audit::defaultAuditLogPath();
        sign.auditForwarding = config.auditForwarding();
        // The command line may only make locking stricter (tests, demos): a shorter idle time.
        const int minutes = options->idleLockMinutes;
        if (minutes > 0 && (sign.policy.idleLockSeconds == 0 || minutes * 60 < sign.policy.idleLockSeconds))
            sign.policy.idleLockSeconds = minutes * 60;
        clinician = std::make_unique<haip::ui::ClinicianSession>(sign, window);
        ai = makeAiWorkflow(config, language, screenshot ? scratch.path() : QString(), window, *clinician);
        clinician->start();
    }
    window.show();
    if (!options->paths.isEmpty())
        QTimer::singleShot(0, &window, [&window, &options] { window.openPaths(options->paths); });
    return QApplication::exec();
}
