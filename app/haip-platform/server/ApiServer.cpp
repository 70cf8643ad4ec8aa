#include "ApiServer.h"

#include "GuardedSslServer.h"
#include "HttpServerShim.h"
#include "ProblemResponse.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QLoggingCategory>

#include <exception>

Q_LOGGING_CATEGORY(lcApi, "haip.platform.api")

namespace haip::server {

ApiServer::ApiServer(const ServerLimits &limits, QObject *parent) : QObject(parent), m_limits(limits)
{
    m_http = new HttpServerAdapter(
        [this](ApiRequest &request, const QByteArray &encodedPath) { return dispatch(request, encodedPath); }, this);
}

ApiServer::~ApiServer() = default;

void ApiServer::setIdentityVerifier(IdentityVerifier verifier)
{
    m_identityVerifier = std::move(verifier);
}

bool ApiServer::addRoute(HttpMethod method, const QString &pattern, RouteOptions options, RouteHandler handler)
{
    return m_router.add(method, pattern, options, std::move(handler));
}

qint64 ApiServer::bodyLimit(HttpMethod method, const QByteArray &encodedPath) const
{
    const Router::Match m = m_router.match(method, encodedPath);
    if (!m.route || m.route->options.maxBodyBytes < 0)
        return m_limits.maxBodyBytes;
    return qMin(m.route->options.maxBodyBytes, m_limits.maxBodyBytesAnyRoute);
}

Result<quint16> ApiServer::listen(const QHostAddress &address, quint16 port, const QSslConfiguration &tls)
{
    auto *tcp = new GuardedSslServer(
        m_limits, [this](HttpMethod method, const QByteArray &path) { return bodyLimit(method, path); }, this);
    tcp->setSslConfiguration(tls);
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(why));
    }
    m_address = address;
    m_port = tcp->serverPort();
    if (!m_http->bindListening(tcp))
        return Error(ErrorCode::Internal, QStringLiteral("the HTTP server refused the listener"));
    return m_port;
}

QUrl ApiServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(m_address.toString());
    url.setPort(m_port);
    return url;
}

ApiResponse ApiServer::dispatch(ApiRequest &request, const QByteArray &encodedPath)
{
    QElapsedTimer timer;
    timer.start();
    const Router::Match match = m_router.match(request.method, encodedPath);
    ApiResponse response;
    std::optional<ApiResponse> intercepted = m_interceptor ? m_interceptor(request) : std::nullopt;
    if (intercepted) {
        response = std::move(*intercepted);
    } else if (!match.route && match.allowed.isEmpty()) {
        response = ProblemResponse::from(Error(ErrorCode::NotFound, {}, request.path));
    } else if (!match.route) {
        QByteArrayList names;
        for (HttpMethod m : match.allowed)
            names.append(httpMethodName(m));
        response = ProblemResponse::from(Error(ErrorCode::MethodNotAllowed,
                                               QStringLiteral("allowed: %1").arg(QString::fromLatin1(names.join(", "))),
                                               request.path));
        response.headers.append({QByteArrayLiteral("Allow"), names.join(", ")});
    } else {
        request.params = match.params;
        response = run(*match.route, request);
    }
    // Access log: no bodies, no names — method, path pattern, status, time, client key.
    qCInfo(lcApi).noquote() << httpMethodName(request.method)
                            << (match.route ? match.route->pattern : QStringLiteral("-")) << response.status
                            << timer.elapsed() << "ms"
                            << (request.identity ? request.identity->clinicianId : request.peerAddress.toString());
    // RFC 9110 section 6.6.1: a server with a clock sends Date; clients use it to measure skew.
    response.headers.append(
        {QByteArrayLiteral("Date"),
         QLocale::c()
                 .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
                 .toLatin1() +
             " GMT"});
    return response;
}

ApiResponse ApiServer::run(const Route &route, ApiRequest &request)
{
    const QString addressKey = QStringLiteral("addr:") + request.peerAddress.toString();
    if (route.options.access == Access::Session) {
        Result<ClientIdentity> identity = m_identityVerifier
            ? m_identityVerifier(request.peerChain)
            : Result<ClientIdentity>(Error(ErrorCode::AuthenticationRequired, QStringLiteral("no session authority")));
        if (!identity) {
            // Failed attempts count against the address, so guessing is rate-limited too.
            const RateLimiter::Decision d =
                m_rateLimiter.take(addressKey, m_limits.publicRatePerSecond, m_limits.publicBurst);
            if (!d.allowed)
                return ProblemResponse::from(Error(ErrorCode::RateLimited, QStringLiteral("too many requests")),
                                             d.retryAfterSeconds);
            return ProblemResponse::from(identity.error().withSubject(request.path));
        }
        request.identity = std::move(identity).value();
        const RateLimiter::Decision d = m_rateLimiter.take(
            QStringLiteral("user:") + request.identity->clinicianId, m_limits.apiRatePerSecond, m_limits.apiBurst);
        if (!d.allowed)
            return ProblemResponse::from(Error(ErrorCode::RateLimited, QStringLiteral("too many requests")),
                                         d.retryAfterSeconds);
    } else {
        const RateLimiter::Decision d =
            m_rateLimiter.take(addressKey, m_limits.publicRatePerSecond, m_limits.publicBurst);
        if (!d.allowed)
            return ProblemResponse::from(Error(ErrorCode::RateLimited, QStringLiteral("too many requests")),
                                         d.retryAfterSeconds);
    }
    const qint64 limit = route.options.maxBodyBytes < 0
        ? m_limits.maxBodyBytes
        : qMin(route.options.maxBodyBytes, m_limits.maxBodyBytesAnyRoute);
    if (request.body.size() > limit) // the guard refuses these first; this is the backstop
        return ProblemResponse::from(Error(ErrorCode::PayloadTooLarge, QStringLiteral("at most %1 bytes").arg(limit)));
    try {
        Result<ApiResponse> result = route.handler(request);
        if (!result)
            return ProblemResponse::from(result.error());
        return std::move(result).value();
    } catch (const std::exception &e) {
        qCWarning(lcApi) << "handler threw:" << e.what();
        return ProblemResponse::from(Error(ErrorCode::Internal, QStringLiteral("unexpected server error")));
    }
}

} // namespace haip::server
