#include "platform/PayloadUpload.h"

#include <QTimer>

namespace haip::platform {

PayloadUpload::PayloadUpload(
    ApiClient &api, QString jobId, const QString &sealedPath, UploadOptions options, QObject *parent)
    : QObject(parent), m_api(api), m_jobId(std::move(jobId)), m_file(sealedPath), m_options(options)
{ }

PayloadUpload::~PayloadUpload()
{
    if (m_reply)
        m_reply->deleteLater();
}

void PayloadUpload::start()
{
    if (!m_file.open(QIODevice::ReadOnly))
        return finish(Error(ErrorCode::FileUnreadable, m_file.errorString(), m_file.fileName()));
    m_total = m_file.size();
    queryOffset();
}

void PayloadUpload::abort()
{
    if (isFinished())
        return;
    if (m_reply)
        m_reply->abort();
    finish(Error(ErrorCode::Cancelled, QStringLiteral("upload cancelled")));
}

void PayloadUpload::finish(Result<void> result)
{
    if (isFinished())
        return;
    m_result = std::move(result);
    m_file.close();
    emit finished();
}

void PayloadUpload::queryOffset()
{
    ApiReply *reply = m_api.get(QStringLiteral("/v1/jobs/%1/payload").arg(m_jobId));
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (isFinished())
            return;
        if (!reply->result())
            return reply->isTransient() ? retry(reply->result().error()) : finish(reply->result().error());
        Result<QJsonObject> body = reply->result()->json();
        if (!body)
            return finish(body.error());
        // toInteger: -1 for a number beyond qint64 (qint64(1e300) would be undefined behaviour).
        const qint64 received = body->value(QLatin1String("receivedBytes")).toInteger(-1);
        const qint64 total = body->value(QLatin1String("totalBytes")).toInteger(-1);
        if (total != m_total)
            return finish(
                Error(ErrorCode::Conflict,
                      QStringLiteral("the job expects %1 bytes, the payload has %2").arg(total).arg(m_total)));
        if (received < 0 || received > m_total)
            return finish(Error(ErrorCode::BadServerResponse, QStringLiteral("a malformed upload offset")));
        m_offset = received;
        emit progress(m_offset, m_total);
        sendNext();
    });
}

void PayloadUpload::sendNext()
{
    if (m_offset == m_total)
        return finish({});
    const qint64 length = qMin(m_options.chunkSize, m_total - m_offset);
    ApiRequestSpec spec;
    spec.method = QByteArrayLiteral("PUT");
    spec.path = QStringLiteral("/v1/jobs/%1/payload").arg(m_jobId);
    spec.bodyFile = m_file.fileName(); // read by the transfer thread, never held whole in memory
    spec.bodyOffset = m_offset;
    spec.bodySize = length;
    spec.contentType = QByteArrayLiteral("application/octet-stream");
    spec.headers.append(
        {QByteArrayLiteral("Content-Range"),
         QStringLiteral("bytes %1-%2/%3").arg(m_offset).arg(m_offset + length - 1).arg(m_total).toLatin1()});
    ApiReply *reply = m_api.send(spec);
    m_reply = reply;
    connect(reply, &ApiReply::uploadProgress, this, [this](qint64 sent, qint64) {
        emit progress(qMin(m_total, m_offset + sent), m_total);
    });
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (isFinished())
            return;
        if (!reply->result()) {
            const Error e = reply->result().error();
            // An offset conflict (say, a chunk stored but its answer lost) is resolved by asking
            // for the offset once; the same conflict again means the job takes no more bytes.
            if (e.code() == ErrorCode::Conflict && m_conflictAt != m_offset) {
                m_conflictAt = m_offset;
                ++m_resumes;
                return queryOffset();
            }
            if (reply->isTransient())
                return retry(e);
            return finish(e);
        }
        Result<QJsonObject> body = reply->result()->json();
        if (!body)
            return finish(body.error());
        const qint64 received = body->value(QLatin1String("receivedBytes")).toInteger(-1);
        if (received <= m_offset || received > m_total)
            return finish(Error(ErrorCode::BadServerResponse, QStringLiteral("the upload offset did not advance")));
        m_offset = received;
        m_failures = 0;
        emit progress(m_offset, m_total);
        sendNext();
    });
}

void PayloadUpload::retry(const Error &error)
{
    if (++m_failures > m_options.maxRetries)
        return finish(error);
    ++m_resumes;
    const int backoff = qMin(m_options.maxBackoffMs, m_options.firstBackoffMs << qMin(m_failures - 1, 16));
    QTimer::singleShot(backoff, this, [this] {
        if (!isFinished())
            queryOffset();
    });
}

} // namespace haip::platform
