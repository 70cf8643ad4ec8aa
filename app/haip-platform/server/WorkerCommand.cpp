// haip-platform worker --state DIR --service ID: runs one AI service's worker (JobWorker) — the
// process that holds the service's envelope private key (services/<id>/key), which the broker
// never reads. `serve` starts one per service (WorkerSupervisor); it can also run by hand.
// Prints {"worker": ID, "keyId": …} once it polls for work.
#include "CommandOutput.h"
#include "Commands.h"
#include "ConformanceEchoAnalysis.h"
#include "JobWorker.h"
#include "PlatformState.h"
#include "ReferenceServiceAnalysis.h"
#include "ServiceEntrySource.h"
#include "services/ServiceRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace haip::server {

namespace {

// A service whose algorithm is not part of this build: every job FAILS with this reason, so
// nothing that looks like a result is ever produced for it.
class UnavailableAnalysis : public ServiceAnalysis
{
public:
    explicit UnavailableAnalysis(QString serviceId) : m_serviceId(std::move(serviceId)) { }
    Result<QList<platform::MultipartPart>>
    analyse(const QStringList &, const std::atomic<bool> &, const AnalysisProgress &) const override
    {
        return Error(ErrorCode::Internal,
                     QStringLiteral("the algorithm of service %1 is not part of this platform build").arg(m_serviceId));
    }

private:
    QString m_serviceId;
};

std::unique_ptr<ServiceAnalysis> analysisFor(const QString &serviceId, const services::ServiceRegistry &registry)
{
    if (serviceId == QLatin1String(ConformanceEchoAnalysis::kServiceId))
        return std::make_unique<ConformanceEchoAnalysis>();
    if (const services::ReferenceService *service = registry.find(serviceId))
        return std::make_unique<ReferenceServiceAnalysis>(*service);
    return std::make_unique<UnavailableAnalysis>(serviceId);
}

} // namespace

int runWorker(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("state"), QStringLiteral("State folder (made by init)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("service"), QStringLiteral("Service id."), QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("lease-seconds"), QStringLiteral("Lease per claim (default 60)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("supervised"),
                      QStringLiteral("Exit when the process PID (the serve that started this worker) is gone."),
                      QStringLiteral("PID")});
    parser.addOption(
        {QStringLiteral("poll-ms"), QStringLiteral("Idle poll interval (default 250)."), QStringLiteral("MS")});
    if (!parser.parse(QStringList {QStringLiteral("worker")} + arguments) || !parser.isSet(QStringLiteral("state")) ||
        !parser.isSet(QStringLiteral("service")))
        return printUsage(QStringLiteral("usage: haip-platform worker --state DIR --service ID"));
    const PlatformState state(parser.value(QStringLiteral("state")));
    const QString serviceId = parser.value(QStringLiteral("service"));
    if (serviceId.isEmpty() || serviceId.contains(u'/') || serviceId.startsWith(u'.'))
        return printUsage(QStringLiteral("--service takes a service id"));

    JobStoreOptions storeOptions;
    JobWorkerOptions workerOptions;
    bool ok = true;
    if (parser.isSet(QStringLiteral("lease-seconds")))
        storeOptions.leaseSeconds = parser.value(QStringLiteral("lease-seconds")).toInt(&ok);
    if (ok && parser.isSet(QStringLiteral("poll-ms")))
        workerOptions.pollMs = parser.value(QStringLiteral("poll-ms")).toInt(&ok);
    if (!ok || storeOptions.leaseSeconds < 1 || workerOptions.pollMs < 1)
        return printUsage(QStringLiteral("numeric options take positive numbers"));

    Result<QByteArray> keyText = PlatformState::readFile(state.servicePrivateKey(serviceId), 4096);
    if (!keyText)
        return printError(keyText.error());
    Result<crypto::PrivateKey> key = crypto::PrivateKey::fromBase64(QString::fromLatin1(keyText->trimmed()));
    if (!key)
        return printError(key.error().withSubject(state.servicePrivateKey(serviceId)));

    JobStore store(state.jobsDir(), storeOptions);
    if (Result<void> r = store.open(); !r)
        return printError(r.error());
    const QString workDir = state.serviceDir(serviceId) + QStringLiteral("/work");
    if (Result<void> r = PlatformState::makePrivateDir(workDir); !r)
        return printError(r.error());
    const services::ServiceRegistry registry;
    const std::unique_ptr<ServiceAnalysis> analysis = analysisFor(serviceId, registry);
    const QString keyId = QString::fromLatin1(key->publicKey().keyId().toHex());
    JobWorker worker(store,
                     serviceId,
                     std::move(key).value(),
                     ServiceEntrySource::envelopeInfo(serviceId).toUtf8(),
                     *analysis,
                     workDir,
                     workerOptions);
    worker.start();
#ifdef Q_OS_UNIX
    // A serve that was killed cannot stop its workers; they notice they were orphaned instead.
    QTimer parentWatch;
    // The serve's pid comes from the serve itself: one that died between starting this worker
    // and this line has already left it to another parent.
    if (parser.isSet(QStringLiteral("supervised"))) {
        const pid_t parent = pid_t(parser.value(QStringLiteral("supervised")).toLongLong());
        if (::getppid() != parent)
            return 0;
        QObject::connect(&parentWatch, &QTimer::timeout, [parent] {
            if (::getppid() != parent)
                QCoreApplication::exit(0);
        });
        parentWatch.start(500);
    }
#endif
    printJson({{QStringLiteral("worker"), serviceId}, {QStringLiteral("keyId"), keyId}});
    return QCoreApplication::exec();
}

} // namespace haip::server
