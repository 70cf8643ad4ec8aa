#include "PlatformServer.h"

#include "AuthRoutes.h"
#include "TlsServerConfig.h"

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
    m_api->setIdentityVerifier([this](const QList<QSslCertificate> &chain) { return m_sessions->verify(chain); });

    if (Result<void> r = registerRoutes(); !r)
        return r.error();
    return m_api->listen(m_options.address, m_options.port, tls->configuration(*sessionCa));
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

    // Catalog, jobs, upload and results (platform-jobs) register here, e.g.
    //   registerCatalogRoutes(*m_api, m_state, …); registerJobRoutes(*m_api, m_state, …);

    return {};
}

} // namespace haip::server
