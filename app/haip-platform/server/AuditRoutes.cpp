#include "AuditRoutes.h"

#include "ApiServer.h"
#include "PlatformState.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace haip::server {

namespace {

constexpr qint64 kMaxBody = 64 * 1024;
constexpr int kMaxEvents = 100;
constexpr int kMaxDepth = 16;

int depth(const QJsonValue &v)
{
    int deepest = 0;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            deepest = qMax(deepest, depth(it.value()));
        return deepest + 1;
    }
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            deepest = qMax(deepest, depth(e));
        return deepest + 1;
    }
    return 0;
}

Result<ApiResponse> store(const QString &file, const ApiRequest &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the body is not valid JSON"));
    QJsonArray events = doc.isArray() ? doc.array() : QJsonArray {doc.object()};
    if (events.isEmpty() || events.size() > kMaxEvents)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("1 to %1 events per request").arg(kMaxEvents));
    QByteArray lines;
    const QString received = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const QJsonValue &v : std::as_const(events)) {
        const QString type = v.toObject().value(QLatin1String("type")).toString();
        if (!v.isObject() || type.isEmpty() || type.size() > 128)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("every event is an object with a string 'type'"));
        if (depth(v) > kMaxDepth)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("events nest at most %1 levels").arg(kMaxDepth));
        const QJsonObject line {{QStringLiteral("receivedAt"), received},
                                {QStringLiteral("clinician"), r.identity->clinicianId},
                                {QStringLiteral("sessionId"), r.identity->sessionId},
                                {QStringLiteral("event"), v}};
        lines += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    if (Result<void> d = PlatformState::makePrivateDir(QFileInfo(file).absolutePath()); !d)
        return d.error();
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Append) || out.write(lines) != lines.size() || !out.flush())
        return Error(ErrorCode::WriteFailed, out.errorString(), QStringLiteral("audit log"));
#ifdef Q_OS_UNIX
    if (::fsync(out.handle()) != 0)
        return Error(ErrorCode::WriteFailed, QStringLiteral("fsync failed"), QStringLiteral("audit log"));
#endif
    return ApiResponse::json(QJsonObject {{QStringLiteral("stored"), int(events.size())}}, 202);
}

} // namespace

Result<void> registerAuditRoutes(ApiServer &server, const QString &eventsFile)
{
    if (!server.addRoute(HttpMethod::Post,
                         QStringLiteral("/v1/audit-events"),
                         {Access::Session, kMaxBody},
                         [eventsFile](const ApiRequest &r) { return store(eventsFile, r); }))
        return Error(ErrorCode::Internal, QStringLiteral("cannot register /v1/audit-events"));
    return {};
}

} // namespace haip::server
