#include "platform/ApiReply.h"

namespace haip::platform {

QByteArray ApiAnswer::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

Result<QJsonObject> ApiAnswer::json(const JsonLimits &limits) const
{
    return StrictJson::parseObject(body, limits);
}

ApiReply::ApiReply(QObject *parent) : QObject(parent) { }

ApiReply::~ApiReply()
{
    if (!isFinished() && m_abort)
        m_abort();
}

bool ApiReply::isTransient() const
{
    if (!isFinished() || m_result->ok())
        return false;
    const ErrorCode code = m_result->error().code();
    // A lock-out lasts minutes and a TLS failure is a policy decision: retrying cannot help.
    if (code == ErrorCode::Cancelled || code == ErrorCode::TlsFailure || code == ErrorCode::AccountLocked)
        return false;
    return m_networkFailure || m_status >= 500 || m_status == 429 || m_status == 408;
}

void ApiReply::abort()
{
    if (isFinished())
        return;
    if (m_abort)
        m_abort();
    else
        complete(Error(ErrorCode::Cancelled, QStringLiteral("request cancelled")));
}

void ApiReply::complete(Result<ApiAnswer> result)
{
    if (isFinished())
        return;
    m_abort = nullptr;
    m_result.emplace(std::move(result));
    emit finished();
}

} // namespace haip::platform
