// ApiReply: one request to the platform API in flight, and its outcome. ApiClient makes them;
// the caller owns the reply (delete it, or deleteLater() in the finished() slot). Outcome after
// finished(): result() holds the 2xx answer or an haip::Error — RFC 9457 problems become their
// error code with the problem's detail (or title), TLS failures TlsFailure, unreachable hosts and
// stalls NetworkUnavailable, oversized or malformed answers BadServerResponse, abort() Cancelled.
// isTransient() tells retry logic whether trying again later can help.
#pragma once

#include "common/Result.h"
#include "platform/StrictJson.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>

#include <functional>
#include <optional>

namespace haip::platform {

struct ApiAnswer
{
    int status = 0;
    QByteArray body; // empty when the body was streamed to the request's sink
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(QByteArrayView name) const; // case-insensitive; empty when absent
    // The body as a JSON object within limits (BadServerResponse otherwise).
    Result<QJsonObject> json(const JsonLimits &limits = {}) const;
};

class ApiReply : public QObject
{
    Q_OBJECT
public:
    ~ApiReply() override;

    bool isFinished() const { return m_result.has_value(); }
    // Only after finished().
    const Result<ApiAnswer> &result() const { return *m_result; }
    // The HTTP status, 0 when there was no HTTP answer (TLS, connection, timeout).
    int httpStatus() const { return m_status; }
    // Connection failures, stalls, 5xx and 429: the same request may succeed later.
    bool isTransient() const;
    // From a 429/503 answer's Retry-After, else 0.
    int retryAfterSeconds() const { return m_retryAfter; }
    // Stops the request; finished() follows with Cancelled (unless it has already finished).
    void abort();

signals:
    void finished();
    void uploadProgress(qint64 sent, qint64 total);
    void downloadProgress(qint64 received, qint64 total);

private:
    friend class ApiClient;
    explicit ApiReply(QObject *parent = nullptr);
    void complete(Result<ApiAnswer> result);

    std::optional<Result<ApiAnswer>> m_result;
    int m_status = 0;
    int m_retryAfter = 0;
    bool m_networkFailure = false;
    // Set by ApiClient: how to stop the underlying transfer.
    std::function<void()> m_abort;
};

} // namespace haip::platform
