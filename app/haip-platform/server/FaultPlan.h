// FaultPlan: server-side fault injection, so clients can be tested against a misbehaving
// platform (`serve --fault-plan FILE`; off unless given, and the server logs that it is on).
// The file is JSON and is read again whenever it changes, so a test can start a burst mid-job:
//   {"rules": [{"method": "GET", "pathPrefix": "/v1/jobs/", "status": 503, "count": 3,
//               "delayMs": 0, "retryAfterSeconds": 1}]}
// While a rule's count lasts, a request matching it (method optional, path prefix) first waits
// delayMs — the whole server waits, as an overloaded platform does — and is then answered with
// `status` (a problem document) instead of being handled; status 0 handles it normally, late.
#pragma once

#include "ApiRequest.h"
#include "ApiResponse.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace haip::server {

class FaultPlan
{
public:
    explicit FaultPlan(QString path);

    // What to answer instead of the handler, if anything; may first sleep delayMs.
    std::optional<ApiResponse> apply(const ApiRequest &request);

private:
    struct Rule
    {
        QByteArray method; // empty: any
        QString pathPrefix;
        int status = 503; // 0: no answer of its own, only the delay
        int count = 0; // answers left
        int delayMs = 0;
        int retryAfterSeconds = 1;
    };
    void reloadIfChanged();

    QString m_path;
    QDateTime m_loadedModified;
    qint64 m_loadedSize = -1;
    QList<Rule> m_rules;
};

} // namespace haip::server
