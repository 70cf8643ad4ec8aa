#include "platform/AnswerError.h"

#include "platform/Problem.h"
#include "platform/StrictJson.h"

namespace haip::platform {

Error errorFromAnswer(int status, const QByteArray &contentType, const QByteArray &body, const QString &path)
{
    if (contentType.startsWith(Problem::kMediaType)) {
        Result<QJsonObject> checked = StrictJson::parseObject(body, JsonLimits {qsizetype {64} * 1024, 8, 1000, 40});
        if (checked) {
            Result<Problem> problem = Problem::parse(body);
            if (problem) {
                Error e = problem->toError();
                return e.subject().isEmpty() ? e.withSubject(path) : e;
            }
        }
    }
    Problem fallback;
    fallback.status = status;
    fallback.detail = QStringLiteral("HTTP %1 without a problem document").arg(status);
    fallback.instance = path;
    return fallback.toError();
}

int retryAfterSeconds(const QByteArray &value)
{
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    return ok && seconds > 0 ? qMin(seconds, 3600) : 0;
}

} // namespace haip::platform
