// Router: literal segments compare exactly; {name} captures one decoded segment.
#include "Router.h"

#include <QUrl>

namespace haip::server {

namespace {

bool isParameter(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

// Splits "/a/b%2Fc" into {"a", "b/c"}; a path that does not start with '/' or has an empty inner
// segment ("//") yields no segments at all, so it matches nothing.
std::optional<QStringList> decodeSegments(const QByteArray &encodedPath)
{
    if (!encodedPath.startsWith('/'))
        return std::nullopt;
    QStringList out;
    const QList<QByteArray> parts = encodedPath.mid(1).split('/');
    for (int i = 0; i < parts.size(); ++i) {
        const QByteArray &p = parts[i];
        if (p.isEmpty()) {
            if (i == parts.size() - 1 && i > 0)
                break; // one trailing slash is tolerated
            if (parts.size() == 1)
                break; // the root "/"
            return std::nullopt;
        }
        out.append(QUrl::fromPercentEncoding(p));
    }
    return out;
}

} // namespace

bool Router::add(HttpMethod method, const QString &pattern, RouteOptions options, RouteHandler handler)
{
    if (!pattern.startsWith(u'/') || !handler)
        return false;
    Route route {method, pattern, pattern.mid(1).split(u'/'), options, std::move(handler)};
    for (const QString &s : route.segments) {
        if (s.isEmpty() || (s.contains(u'{') && !isParameter(s)))
            return false;
    }
    for (const Route &r : m_routes) {
        if (r.method == method && r.pattern == pattern)
            return false;
    }
    m_routes.push_back(std::move(route));
    return true;
}

bool Router::segmentsMatch(const QStringList &pattern, const QStringList &path, QHash<QString, QString> *params)
{
    if (pattern.size() != path.size())
        return false;
    QHash<QString, QString> captured;
    for (int i = 0; i < pattern.size(); ++i) {
        if (isParameter(pattern[i])) {
            if (path[i].isEmpty())
                return false;
            captured.insert(pattern[i].mid(1, pattern[i].size() - 2), path[i]);
        } else if (pattern[i] != path[i]) {
            return false;
        }
    }
    if (params)
        *params = std::move(captured);
    return true;
}

Router::Match Router::match(HttpMethod method, const QByteArray &encodedPath) const
{
    Match m;
    const std::optional<QStringList> path = decodeSegments(encodedPath);
    if (!path)
        return m;
    for (const Route &r : m_routes) {
        QHash<QString, QString> params;
        if (!segmentsMatch(r.segments, *path, &params))
            continue;
        if (r.method == method) {
            m.route = &r;
            m.params = std::move(params);
            m.allowed.clear();
            return m;
        }
        m.allowed.append(r.method);
    }
    return m;
}

} // namespace haip::server
