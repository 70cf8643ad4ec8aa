#include "FaultPlan.h"

#include "ProblemResponse.h"
#include "platform/Problem.h"
#include "platform/StrictJson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QThread>

Q_LOGGING_CATEGORY(lcFaults, "haip.platform.faults")

namespace haip::server {

namespace {
constexpr int kMaxDelayMs = 120'000;
} // namespace

FaultPlan::FaultPlan(QString path) : m_path(std::move(path))
{
    qCWarning(lcFaults).noquote() << "fault injection is on (" << m_path << "): not for clinical use";
}

void FaultPlan::reloadIfChanged()
{
    const QFileInfo info(m_path);
    if (!info.exists()) {
        m_rules.clear();
        m_loadedSize = -1;
        return;
    }
    if (info.lastModified() == m_loadedModified && info.size() == m_loadedSize)
        return;
    m_loadedModified = info.lastModified();
    m_loadedSize = info.size();
    m_rules.clear();
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly)) {
        qCWarning(lcFaults).noquote() << "cannot read the fault plan:" << f.errorString();
        return;
    }
    Result<QJsonObject> plan = platform::StrictJson::parseObject(f.readAll());
    if (!plan) {
        qCWarning(lcFaults).noquote() << "fault plan ignored:" << plan.error().detail();
        return;
    }
    for (const QJsonValue &v : plan->value(QStringLiteral("rules")).toArray()) {
        const QJsonObject o = v.toObject();
        Rule r;
        r.method = o.value(QStringLiteral("method")).toString().toLatin1();
        r.pathPrefix = o.value(QStringLiteral("pathPrefix")).toString();
        const int status = o.value(QStringLiteral("status")).toInt(503);
        r.status = status == 0 ? 0 : qBound(500, status, 599);
        r.count = qMax(0, o.value(QStringLiteral("count")).toInt(0));
        r.delayMs = qBound(0, o.value(QStringLiteral("delayMs")).toInt(0), kMaxDelayMs);
        r.retryAfterSeconds = qMax(0, o.value(QStringLiteral("retryAfterSeconds")).toInt(1));
        m_rules.append(r);
    }
    qCInfo(lcFaults) << "fault plan loaded:" << m_rules.size() << "rules";
}

std::optional<ApiResponse> FaultPlan::apply(const ApiRequest &request)
{
    reloadIfChanged();
    for (Rule &r : m_rules) {
        if ((!r.method.isEmpty() && r.method != httpMethodName(request.method)) ||
            !request.path.startsWith(r.pathPrefix))
            continue;
        if (r.count <= 0)
            continue;
        --r.count;
        qCInfo(lcFaults).noquote() << "fault plan applied:" << httpMethodName(request.method) << r.pathPrefix
                                   << "status" << r.status << "delay" << r.delayMs << "ms";
        if (r.delayMs > 0)
            QThread::msleep(ulong(r.delayMs));
        if (r.status == 0)
            return std::nullopt;
        platform::Problem p;
        p.status = r.status;
        p.title = QString::fromLatin1(ProblemResponse::reasonPhrase(r.status));
        p.detail = QStringLiteral("injected by the fault plan");
        return ProblemResponse::from(p, r.retryAfterSeconds);
    }
    return std::nullopt;
}

} // namespace haip::server
