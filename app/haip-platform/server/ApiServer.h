// ApiServer: the HTTPS API server of the reference platform. Areas register routes on it
// (auth, catalog, jobs, …); it owns the listener and applies, in this order, to every request:
//   1. ConnectionGuard (below Qt HttpServer): header/body size limits, timeouts   → 431/413/408
//   2. route lookup                                                               → 404/405
//   3. on Access::Session routes: the mutual-TLS client certificate, verified
//      per request by the IdentityVerifier (no bearer value is ever accepted)    → 401
//   4. per-client rate limit (clinician for session routes, address otherwise)   → 429 + Retry-After
//   5. the handler; an haip::Error it returns becomes a problem document (ProblemResponse)
// Handlers run on the server's thread and answer synchronously; keep them short (move file
// work of more than a few milliseconds to a worker and let the client poll).
#pragma once

#include "ClientIdentity.h"
#include "RateLimiter.h"
#include "Router.h"
#include "ServerLimits.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace haip::server {

class HttpServerAdapter;

class ApiServer : public QObject
{
    Q_OBJECT
public:
    explicit ApiServer(const ServerLimits &limits, QObject *parent = nullptr);
    ~ApiServer() override;

    // Required before any Access::Session route can succeed (without it they all answer 401).
    void setIdentityVerifier(IdentityVerifier verifier);
    // Asked before routing; an answer it gives replaces the handler's (fault injection, FaultPlan).
    using Interceptor = std::function<std::optional<ApiResponse>(const ApiRequest &request)>;
    void setInterceptor(Interceptor interceptor) { m_interceptor = std::move(interceptor); }

    // Registers a route; returns false for a malformed or duplicate pattern (a programming error:
    // callers Q_ASSERT or fail start-up).
    bool addRoute(HttpMethod method, const QString &pattern, RouteOptions options, RouteHandler handler);

    // Starts listening with TLS. port 0 picks a free port; the port in use is returned.
    Result<quint16> listen(const QHostAddress &address, quint16 port, const QSslConfiguration &tls);
    QUrl baseUrl() const; // https://<address>:<port>

    const ServerLimits &limits() const { return m_limits; }
    // The body limit for a request line (the guard asks before reading a body).
    qint64 bodyLimit(HttpMethod method, const QByteArray &encodedPath) const;

private:
    ApiResponse dispatch(ApiRequest &request, const QByteArray &encodedPath);
    ApiResponse run(const Route &route, ApiRequest &request);

    ServerLimits m_limits;
    Router m_router;
    RateLimiter m_rateLimiter;
    IdentityVerifier m_identityVerifier;
    Interceptor m_interceptor;
    HttpServerAdapter *m_http = nullptr;
    QHostAddress m_address;
    quint16 m_port = 0;
};

} // namespace haip::server
