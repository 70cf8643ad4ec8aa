#include "AuthRoutes.h"

#include "ApiServer.h"
#include "AuthService.h"

namespace haip::server {

namespace {
constexpr qint64 kAuthBodyBytes = 16 * 1024; // a certificate, a key and a signature in base64
}

Result<void> registerAuthRoutes(ApiServer &server, AuthService &auth)
{
    const RouteOptions publicRoute {Access::Public, kAuthBodyBytes};
    const RouteOptions sessionRoute {Access::Session, kAuthBodyBytes};
    const bool ok = server.addRoute(HttpMethod::Post,
                                    QStringLiteral("/v1/auth/challenge"),
                                    publicRoute,
                                    [&auth](const ApiRequest &) { return auth.challenge(); }) &&
        server.addRoute(HttpMethod::Post,
                        QStringLiteral("/v1/auth/card"),
                        publicRoute,
                        [&auth](const ApiRequest &r) { return auth.card(r); }) &&
        server.addRoute(HttpMethod::Post,
                        QStringLiteral("/v1/auth/otp"),
                        publicRoute,
                        [&auth](const ApiRequest &r) { return auth.otp(r); }) &&
        server.addRoute(HttpMethod::Post,
                        QStringLiteral("/v1/auth/emergency"),
                        publicRoute,
                        [&auth](const ApiRequest &r) { return auth.emergency(r); }) &&
        server.addRoute(HttpMethod::Get,
                        QStringLiteral("/v1/auth/session"),
                        sessionRoute,
                        [&auth](const ApiRequest &r) { return auth.session(r); }) &&
        server.addRoute(HttpMethod::Post,
                        QStringLiteral("/v1/auth/renew"),
                        sessionRoute,
                        [&auth](const ApiRequest &r) { return auth.renew(r); }) &&
        server.addRoute(HttpMethod::Post,
                        QStringLiteral("/v1/auth/logout"),
                        sessionRoute,
                        [&auth](const ApiRequest &r) { return auth.logout(r); });
    if (!ok)
        return Error(ErrorCode::Internal, QStringLiteral("duplicate or malformed auth route"));
    return {};
}

} // namespace haip::server
