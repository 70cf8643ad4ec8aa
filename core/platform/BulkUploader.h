// BulkUploader: HTTPS PUTs of file ranges (the sealed payload's chunks) through libcurl, on a
// thread of its own, under the same TLS policy as ApiClient.
//
// Why not QNetworkAccessManager: its asynchronous upload hands the body from the caller's thread
// to its HTTP thread 16 KiB at a time, one signal round trip per piece; on the 2-core reference
// machine that held a 158 MB upload to about half of curl's rate (docs/performance.md, "Upload").
// libcurl reads the file itself on the transfer thread and keeps the connection across chunks.
//
// TLS: the only trust anchor is the pinned CA certificate (no system store, no environment
// proxy), TLS 1.2 minimum with the policy's suites only, host name verified, the session
// certificate and key given from memory. After each handshake the negotiated protocol and suite
// are read back from OpenSSL and checked against the policy, as ApiClient does. A libcurl built on
// another TLS library is refused (TlsFailure) rather than trusted to apply the same rules.
//
// One transfer runs at a time per uploader (uploads share the link anyway); put() queues. Results
// and progress come back as queued calls in the thread that owns the uploader.
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace haip::platform {

struct BulkIdentity
{
    QSslCertificate anchor; // the pinned CA
    QList<QSslCertificate> chain; // the client certificate, leaf first (empty: anonymous)
    QSslKey key;
    int idleTimeoutMs = 30'000; // no byte either way for this long → NetworkUnavailable
};

struct BulkPut
{
    QUrl url;
    QString filePath;
    qint64 offset = 0;
    qint64 length = 0;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 maxAnswerBytes = qint64 {4} * 1024 * 1024;
};

struct BulkOutcome
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    Error failure; // set when the transfer itself failed (TLS, network, file, oversized answer)
    bool networkFailure = false; // the failure is a connection problem worth retrying
};

class BulkUploader : public QObject
{
    Q_OBJECT
public:
    using Progress = std::function<void(qint64 sent, qint64 total)>;
    using Done = std::function<void(BulkOutcome)>;

    explicit BulkUploader(BulkIdentity identity, QObject *parent = nullptr);
    ~BulkUploader() override; // cancels what is queued or running and waits for the thread

    // Queues the PUT; returns a cancel function (done() follows with Cancelled).
    std::function<void()> put(BulkPut request, Progress progress, Done done);
    bool isIdle() const;

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

} // namespace haip::platform
