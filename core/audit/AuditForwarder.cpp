#include "audit/AuditForwarder.h"

#include "audit/AuditRecord.h"
#include "audit/DicomAuditMessage.h"
#include "platform/ApiClient.h"
#include "platform/ApiReply.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace haip::audit {

using namespace Qt::StringLiterals;

struct AuditForwarder::Batch
{
    QByteArray body; // a JSON array
    int count = 0;
    qint64 lastSeq = 0;
    qint64 endOffset = 0;
    QString logId;
};

namespace {

Result<AuditRecord> readRecord(QFile &file, bool *complete)
{
    QByteArray line = file.readLine();
    *complete = line.endsWith('\n');
    if (!*complete)
        return Error(ErrorCode::None);
    line.chop(1);
    return AuditRecord::parse(line);
}

} // namespace

AuditForwarder::AuditForwarder(platform::ApiClient &api, QString logPath, Options options, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_logPath(std::move(logPath))
    , m_cursorPath(AuditCursor::pathFor(m_logPath))
    , m_options(options)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &AuditForwarder::sendNext);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!m_reply && !m_retry.isActive())
            sendNext();
    });
}

AuditForwarder::AuditForwarder(platform::ApiClient &api, QString logPath, QObject *parent)
    : AuditForwarder(api, std::move(logPath), Options {}, parent)
{ }

AuditForwarder::~AuditForwarder()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void AuditForwarder::start()
{
    if (m_options.pollIntervalMs > 0)
        m_poll.start(m_options.pollIntervalMs);
    forwardNow();
}

void AuditForwarder::stop()
{
    m_poll.stop();
    m_retry.stop();
}

void AuditForwarder::forwardNow()
{
    // In flight: the next batch follows its answer. Backing off: the retry takes the new records
    // too (an offline workstation does not knock once per append).
    if (!m_reply && !m_retry.isActive())
        sendNext();
}

void AuditForwarder::sendNext()
{
    if (m_reply)
        return;
    if (!m_cursorLoaded) {
        Result<AuditCursor> loaded = AuditCursor::load(m_cursorPath);
        if (!loaded)
            return retryLater(loaded.error(), 0);
        m_cursor = *loaded;
        m_cursorLoaded = true;
    }
    QFile file(m_logPath);
    if (!file.exists())
        return emit caughtUp(m_cursor.seq);
    if (!file.open(QIODevice::ReadOnly))
        return retryLater(Error(ErrorCode::FileUnreadable, file.errorString(), m_logPath), 0);

    // Which log is this? A new logId (the log was replaced) starts from its beginning.
    bool complete = false;
    Result<AuditRecord> first = readRecord(file, &complete);
    if (!complete)
        return emit caughtUp(m_cursor.seq);
    if (!first)
        return retryLater(first.error(), 0);
    if (first->logId != m_cursor.logId)
        m_cursor = AuditCursor {first->logId, 0, 0};

    // Resume at the stored offset when the record there is the next one; else scan from the top.
    qint64 start = 0;
    if (m_cursor.offset > 0 && m_cursor.offset <= file.size() && file.seek(m_cursor.offset)) {
        if (m_cursor.offset == file.size())
            return emit caughtUp(m_cursor.seq);
        Result<AuditRecord> next = readRecord(file, &complete);
        if (!complete)
            return emit caughtUp(m_cursor.seq);
        if (next && next->seq == m_cursor.seq + 1)
            start = m_cursor.offset;
    }
    if (!file.seek(start))
        return retryLater(Error(ErrorCode::FileUnreadable, file.errorString(), m_logPath), 0);

    Batch batch;
    batch.logId = m_cursor.logId;
    QByteArray events;
    while (batch.count < m_options.maxEvents) {
        const qint64 before = file.pos();
        Result<AuditRecord> record = readRecord(file, &complete);
        if (!complete)
            break; // the end, or a line still being written
        if (!record)
            return retryLater(
                Error(ErrorCode::FileUnreadable,
                      u"audit record at byte %1 does not parse: %2"_s.arg(before).arg(record.error().detail()),
                      m_logPath),
                0);
        if (record->seq <= m_cursor.seq)
            continue;
        const QByteArray event = QJsonDocument(DicomAuditMessage::fromRecord(*record)).toJson(QJsonDocument::Compact);
        if (batch.count > 0 && events.size() + event.size() + 2 > m_options.maxBodyBytes)
            break;
        if (batch.count > 0)
            events += ',';
        events += event;
        ++batch.count;
        batch.lastSeq = record->seq;
        batch.endOffset = file.pos();
    }
    if (batch.count == 0)
        return emit caughtUp(m_cursor.seq);

    platform::ApiRequestSpec spec;
    spec.method = QByteArrayLiteral("POST");
    spec.path = u"/v1/audit-events"_s;
    spec.body = '[' + events + ']';
    spec.contentType = QByteArrayLiteral("application/json");
    m_pendingSeq = batch.lastSeq;
    m_pendingOffset = batch.endOffset;
    m_pendingLogId = batch.logId;
    m_pendingCount = batch.count;
    m_reply = m_api.send(spec);
    connect(m_reply, &platform::ApiReply::finished, this, &AuditForwarder::answered);
}

void AuditForwarder::answered()
{
    platform::ApiReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    if (!reply->result())
        return retryLater(reply->result().error(), reply->retryAfterSeconds());
    if (reply->httpStatus() != 202)
        return retryLater(Error(ErrorCode::BadServerResponse, u"HTTP %1 instead of 202"_s.arg(reply->httpStatus())), 0);
    const AuditCursor next {m_pendingLogId, m_pendingSeq, m_pendingOffset};
    if (Result<void> saved = next.save(m_cursorPath); !saved)
        return retryLater(saved.error(), 0);
    m_cursor = next;
    m_failures = 0;
    emit forwarded(m_cursor.seq, m_pendingCount);
    sendNext(); // more, or caughtUp
}

void AuditForwarder::retryLater(const Error &error, int retryAfterSeconds)
{
    ++m_failures;
    qint64 delay = m_options.initialRetryMs;
    for (int i = 1; i < m_failures && delay < m_options.maxRetryMs; ++i)
        delay *= 2;
    delay = qMin<qint64>(delay, m_options.maxRetryMs);
    delay = qMax<qint64>(delay, qint64(retryAfterSeconds) * 1000);
    m_retry.start(int(delay));
    emit deliveryFailed(error, int(delay));
}

} // namespace haip::audit
