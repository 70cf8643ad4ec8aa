#include "PlatformServer.h"

#include "AuditRoutes.h"
#include "AuthRoutes.h"
#include "JobRoutes.h"
#include "TlsServerConfig.h"
#include "crypto/SpkiPin.h"
#include "services/CatalogEntry.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace haip::server {

PlatformServer::PlatformServer(const QString &stateDir, ServeOptions options, QObject *parent)
    : QObject(parent), m_state(stateDir), m_options(options), m_api(new ApiServer(options.limits, this))
{ }

PlatformServer::~PlatformServer() = default;

Result<quint16> PlatformServer::start()
{
    Result<TlsServerConfig> tls = TlsServerConfig::load(m_state);
    if (!tls)
        return tls.error();
    m_caSpkiSha256 = tls->caSpkiSha256;

    Result<ClinicianDirectory> directory = ClinicianDirectory::load(m_state.clinicianDirectory());
    if (!directory)
        return directory.error();
    m_directory = std::move(directory).value();

    Result<QByteArray> hpkiCa = PlatformState::readFile(m_state.hpkiCaCertificate());
    Result<QByteArray> crl = PlatformState::readFile(m_state.hpkiCrl());
    if (!hpkiCa || !crl)
        return hpkiCa ? crl.error() : hpkiCa.error();
    Result<CardVerifier> cards = CardVerifier::load(*hpkiCa, *crl);
    if (!cards)
        return cards.error();

    Result<QByteArray> sessionCaCert = PlatformState::readFile(m_state.sessionCaCertificate());
    Result<QByteArray> sessionCaKey = PlatformState::readFile(m_state.sessionCaKey());
    if (!sessionCaCert || !sessionCaKey)
        return sessionCaCert ? sessionCaKey.error() : sessionCaCert.error();
    Result<CertificateAuthority> sessionCa = CertificateAuthority::load(*sessionCaCert, *sessionCaKey);
    if (!sessionCa)
        return sessionCa.error();

    if (Result<void> r = PlatformState::makePrivateDir(m_state.authDir()); !r)
        return r.error();
    m_otp = std::make_unique<TotpVerifier>(m_state.otpState(), m_options.otp);
    if (Result<void> r = m_otp->load(); !r)
        return r.error();
    m_sessions = std::make_unique<SessionCertificates>(*sessionCa, m_state.sessions(), m_options.session);
    if (Result<void> r = m_sessions->load(); !r)
        return r.error();
    m_auth = std::make_unique<AuthService>(m_directory, std::move(cards).value(), *m_otp, *m_sessions, m_options.auth);
    m_emergencyCodes = std::make_unique<EmergencyCodes>(m_state.emergencyCodes());
    m_auth->setEmergencyCodes(m_emergencyCodes.get());
    m_api->setIdentityVerifier([this](const QList<QSslCertificate> &chain) { return m_sessions->verify(chain); });

    // Catalog and jobs. The broker reads only the services' public keys (key.pub), never `key`.
    Result<QByteArray> catalogKeyPem = PlatformState::readFile(m_state.catalogSigningKey());
    if (!catalogKeyPem)
        return catalogKeyPem.error();
    Result<crypto::SigningKey> catalogKey = crypto::SigningKey::fromPem(*catalogKeyPem);
    if (!catalogKey)
        return catalogKey.error().withSubject(m_state.catalogSigningKey());
    m_catalogSpkiSha256 = crypto::SpkiPin::of(catalogKey->verifyingKey()).digest();
    // The reference services' own catalog entries (compiled-in resources of the services area).
    m_serviceEntries = std::make_unique<ServiceEntrySource>(m_state, [](const QString &serviceId) {
        Result<services::CatalogEntry> entry = services::CatalogEntry::fromResources(serviceId);
        return entry ? entry->toJson() : QJsonObject();
    });
    m_catalog = std::make_unique<CatalogPublisher>(*m_serviceEntries, std::move(catalogKey).value());
    m_jobs = std::make_unique<JobStore>(m_state.jobsDir(), m_options.jobs);
    if (Result<void> r = m_jobs->open(); !r)
        return r.error();

    if (Result<void> r = registerRoutes(); !r)
        return r.error();
    if (!m_options.faultPlanPath.isEmpty()) {
        m_faultPlan = std::make_unique<FaultPlan>(m_options.faultPlanPath);
        m_api->setInterceptor([plan = m_faultPlan.get()](const ApiRequest &r) { return plan->apply(r); });
    }
    Result<quint16> port = m_api->listen(m_options.address, m_options.port, tls->configuration(*sessionCa));
    if (!port)
        return port;
    if (m_options.startWorkers) {
        QStringList ids;
        for (const ServiceDescription &s : m_serviceEntries->services())
            ids.append(s.id);
        m_workers = std::make_unique<WorkerSupervisor>(
            QCoreApplication::applicationFilePath(),
            m_state.root(),
            QStringList {QStringLiteral("--lease-seconds"), QString::number(m_options.jobs.leaseSeconds)});
        m_workers->start(ids);
    }
    return port;
}

Result<void> PlatformServer::registerRoutes()
{
    if (!m_api->addRoute(HttpMethod::Get, QStringLiteral("/v1/health"), {Access::Public, 0}, [](const ApiRequest &) {
            return Result<ApiResponse>(ApiResponse::json({{QStringLiteral("status"), QStringLiteral("ok")},
                                                          {QStringLiteral("version"), QStringLiteral(HAIP_VERSION)}}));
        }))
        return Error(ErrorCode::Internal, QStringLiteral("cannot register /v1/health"));
    if (Result<void> r = registerAuthRoutes(*m_api, *m_auth); !r)
        return r;

    if (Result<void> r = registerCatalogRoutes(*m_api, *m_catalog); !r)
        return r;
    if (Result<void> r = registerJobRoutes(*m_api, *m_jobs, *m_serviceEntries); !r)
        return r;
    if (Result<void> r = registerAuditRoutes(*m_api, m_state.path(QStringLiteral("audit/events.jsonl"))); !r)
        return r;

    return {};
}

} // namespace haip::server
