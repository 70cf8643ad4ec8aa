// PlatformServer: the running reference platform — loads the state folder (TLS identity, HPKI
// CA + CRL, session CA, clinician directory, OTP and session registries), builds the ApiServer
// and registers every area's routes on it. The broker never reads the services' private keys.
#pragma once

#include "ApiServer.h"
#include "AuthService.h"
#include "CatalogPublisher.h"
#include "ClinicianDirectory.h"
#include "FaultPlan.h"
#include "JobStore.h"
#include "PlatformState.h"
#include "ServerLimits.h"
#include "ServiceEntrySource.h"
#include "SessionCertificates.h"
#include "TotpVerifier.h"
#include "WorkerSupervisor.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace haip::server {

struct ServeOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;
    ServerLimits limits;
    SessionCertificates::Options session;
    AuthService::Options auth;
    TotpVerifier::Options otp;
    JobStoreOptions jobs;
    bool startWorkers = true; // one `worker` child process per offered service
    QString faultPlanPath; // non-empty: FaultPlan (resilience tests of clients only)
};

class PlatformServer : public QObject
{
    Q_OBJECT
public:
    PlatformServer(const QString &stateDir, ServeOptions options, QObject *parent = nullptr);
    ~PlatformServer() override;

    // Loads the state, registers routes, listens. The port in use on success.
    Result<quint16> start();

    ApiServer &api() { return *m_api; }
    const PlatformState &state() const { return m_state; }
    QByteArray caSpkiSha256() const { return m_caSpkiSha256; }
    // SHA-256 of the catalog signing key's SubjectPublicKeyInfo: what clients pin for the catalog.
    QByteArray catalogSpkiSha256() const { return m_catalogSpkiSha256; }

private:
    Result<void> registerRoutes();

    PlatformState m_state;
    ServeOptions m_options;
    ApiServer *m_api = nullptr;
    ClinicianDirectory m_directory;
    std::unique_ptr<TotpVerifier> m_otp;
    std::unique_ptr<SessionCertificates> m_sessions;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<FaultPlan> m_faultPlan;
    std::unique_ptr<EmergencyCodes> m_emergencyCodes;
    QByteArray m_caSpkiSha256;
    QByteArray m_catalogSpkiSha256;
    std::unique_ptr<ServiceEntrySource> m_serviceEntries;
    std::unique_ptr<CatalogPublisher> m_catalog;
    std::unique_ptr<JobStore> m_jobs;
    std::unique_ptr<WorkerSupervisor> m_workers;
};

} // namespace haip::server
