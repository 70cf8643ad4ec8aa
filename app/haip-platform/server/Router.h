// Router: the route table of the API. Patterns are paths with {name} segments, e.g.
// "/v1/jobs/{jobId}/chunks/{index}"; a {name} matches one non-empty, percent-decoded segment.
// Lookup distinguishes "no such resource" (404) from "resource without this method" (405).
#pragma once

#include "ApiRequest.h"
#include "ApiResponse.h"
#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace haip::server {

// Who may call a route.
enum class Access
{
    Public, // no client certificate needed (login steps, health)
    Session, // a valid session client certificate over mutual TLS is required
};

struct RouteOptions
{
    Access access = Access::Session;
    // Body limit of this route in bytes; -1 = the server default (ServerLimits::maxBodyBytes).
    // Capped at ServerLimits::maxBodyBytesAnyRoute.
    qint64 maxBodyBytes = -1;
};

using RouteHandler = std::function<Result<ApiResponse>(const ApiRequest &request)>;

struct Route
{
    HttpMethod method;
    QString pattern;
    QStringList segments; // pattern split on '/', without the leading empty one
    RouteOptions options;
    RouteHandler handler;
};

class Router
{
public:
    struct Match
    {
        const Route *route = nullptr; // null: no route
        QHash<QString, QString> params;
        QList<HttpMethod> allowed; // when route is null but the path exists: its methods (→ 405)
    };

    // Returns false (and adds nothing) for a malformed pattern or a duplicate method + pattern.
    bool add(HttpMethod method, const QString &pattern, RouteOptions options, RouteHandler handler);
    // encodedPath: the request path as sent (percent-encoded), without the query.
    Match match(HttpMethod method, const QByteArray &encodedPath) const;

private:
    static bool segmentsMatch(const QStringList &pattern, const QStringList &path, QHash<QString, QString> *params);
    std::vector<Route> m_routes;
};

} // namespace haip::server
