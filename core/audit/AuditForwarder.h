// AuditForwarder: delivers the audit log to the platform's POST /v1/audit-events, each record as
// a DICOM audit message (DicomAuditMessage), in batches of at most 100 events and 60 KiB (the
// endpoint takes 100 and 64 KiB). What was delivered is the persisted AuditCursor; it moves only
// when the platform answers 202. Offline, 5xx, 429 or any other refusal → the records stay
// queued in the log itself and the batch is retried after a back-off (1 s doubling to 5 min, or
// the server's Retry-After). A record that does not parse stops forwarding at that record
// (reported by deliveryFailed; `haip-cli audit verify` tells what happened).
//
// Runs in the owner's thread on the ApiClient's asynchronous replies: nothing blocks. Call
// forwardNow() after an append; start() also polls the log for appends by other processes.
#pragma once

#include "audit/AuditCursor.h"
#include "common/Error.h"

#include <QObject>
#include <QTimer>

namespace haip::platform {
class ApiClient;
class ApiReply;
} // namespace haip::platform

namespace haip::audit {

class AuditForwarder : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int initialRetryMs = 1000;
        int maxRetryMs = 5 * 60 * 1000;
        int pollIntervalMs = 30'000; // 0: no polling
        int maxEvents = 100;
        qint64 maxBodyBytes = qint64 {60} * 1024;
    };

    AuditForwarder(platform::ApiClient &api, QString logPath, Options options, QObject *parent = nullptr);
    AuditForwarder(platform::ApiClient &api, QString logPath, QObject *parent = nullptr);
    ~AuditForwarder() override;

    // Forwards what is pending now, then polls (Options::pollIntervalMs).
    void start();
    void stop();
    // Sends what is pending now, unless a request is in flight (its answer leads to the next
    // batch) or a back-off is running (the retry takes everything pending).
    void forwardNow();

    const AuditCursor &cursor() const { return m_cursor; }
    bool isSending() const { return m_reply != nullptr; }
    int consecutiveFailures() const { return m_failures; }

signals:
    // The platform accepted records up to lastSeq (count of them in this request).
    void forwarded(qint64 lastSeq, int count);
    // Nothing left to send.
    void caughtUp(qint64 lastSeq);
    void deliveryFailed(const haip::Error &error, int retryInMs);

private:
    struct Batch;
    void sendNext();
    void answered();
    void retryLater(const Error &error, int retryAfterSeconds);

    platform::ApiClient &m_api;
    QString m_logPath;
    QString m_cursorPath;
    Options m_options;
    AuditCursor m_cursor;
    bool m_cursorLoaded = false;
    platform::ApiReply *m_reply = nullptr;
    qint64 m_pendingSeq = 0;
    qint64 m_pendingOffset = 0;
    QString m_pendingLogId;
    int m_pendingCount = 0;
    int m_failures = 0;
    QTimer m_retry;
    QTimer m_poll;
};

} // namespace haip::audit
