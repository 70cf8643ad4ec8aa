// PayloadUpload: the resumable, chunked upload of a job's sealed payload (docs/api/README.md,
// "Upload"). It first asks the platform how much it already holds (GET …/payload), then PUTs
// Content-Range chunks from the file in order. After a dropped connection, a timeout, a 5xx/429
// or an offset conflict it waits (exponential back-off), asks for the offset again and continues
// from there — bytes the platform stored are never sent twice and never skipped. The chunks are
// read from the file by ApiClient's bulk transport (libcurl on its own thread), so memory stays
// small whatever the chunk size. Asynchronous: progress() while running, finished() once;
// result() afterwards.
#pragma once

#include "common/Result.h"
#include "platform/ApiClient.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace haip::platform {

struct UploadOptions
{
    qint64 chunkSize = qint64 {4} * 1024 * 1024;
    int maxRetries = 8; // consecutive failures without progress before giving up
    int firstBackoffMs = 200;
    int maxBackoffMs = 10'000;
};

class PayloadUpload : public QObject
{
    Q_OBJECT
public:
    PayloadUpload(ApiClient &api,
                  QString jobId,
                  const QString &sealedPath,
                  UploadOptions options = {},
                  QObject *parent = nullptr);
    ~PayloadUpload() override;

    void start();
    void abort(); // finished() follows with Cancelled
    bool isFinished() const { return m_result.has_value(); }
    const Result<void> &result() const { return *m_result; }
    // How often the upload continued after a failure (a dropped connection, a timeout …).
    int resumes() const { return m_resumes; }
    qint64 offset() const { return m_offset; }
    qint64 total() const { return m_total; }

signals:
    void progress(qint64 storedBytes, qint64 totalBytes);
    void finished();

private:
    void queryOffset();
    void sendNext();
    void retry(const Error &error);
    void finish(Result<void> result);

    ApiClient &m_api;
    QString m_jobId;
    QFile m_file;
    UploadOptions m_options;
    qint64 m_offset = 0;
    qint64 m_total = 0;
    int m_failures = 0;
    int m_resumes = 0;
    qint64 m_conflictAt = -1; // the offset of the last conflict answer
    QPointer<ApiReply> m_reply;
    std::optional<Result<void>> m_result;
};

} // namespace haip::platform
