#include "audit/AuditRecord.h"

#include "audit/AuditEvent.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace haip::audit {

using namespace Qt::StringLiterals;

namespace {

constexpr int kKeyCount = 8;

// A JSON string literal, escaped as QJsonDocument escapes it.
QByteArray jsonString(const QString &value)
{
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

bool isHex64(const QByteArray &text)
{
    if (text.size() != 64)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

Error unreadable(const QString &why)
{
    return Error(ErrorCode::FileUnreadable, why, u"audit record"_s);
}

} // namespace

AuditRecord AuditRecord::make(
    const AuditEvent &event, qint64 seq, const QString &workstation, const QString &logId, const QByteArray &prev)
{
    AuditRecord r;
    r.seq = seq;
    r.time = event.time().toUTC().toString(Qt::ISODateWithMs);
    r.type = event.typeName();
    r.actor = event.actor();
    r.workstation = workstation;
    r.data = event.data();
    r.logId = logId;
    r.prev = prev;
    r.line = "{\"seq\":" + QByteArray::number(seq) + ",\"time\":" + jsonString(r.time) +
        ",\"type\":" + jsonString(r.type) + ",\"actor\":" + jsonString(r.actor) +
        ",\"workstation\":" + jsonString(r.workstation) +
        ",\"data\":" + QJsonDocument(r.data).toJson(QJsonDocument::Compact) + ",\"logId\":" + jsonString(logId) +
        ",\"prev\":\"" + prev + "\"}";
    return r;
}

Result<AuditRecord> AuditRecord::parse(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return unreadable(u"not a JSON object: %1"_s.arg(error.errorString()));
    const QJsonObject o = doc.object();
    if (o.size() != kKeyCount)
        return unreadable(u"%1 keys instead of %2"_s.arg(o.size()).arg(kKeyCount));
    AuditRecord r;
    const QJsonValue seq = o.value(u"seq"_s);
    r.seq = seq.toInteger(-1);
    if (!seq.isDouble() || r.seq < 1 || double(r.seq) != seq.toDouble())
        return unreadable(u"seq is not a positive integer"_s);
    for (const auto &[key, target] : {std::pair {u"time"_s, &r.time},
                                      std::pair {u"type"_s, &r.type},
                                      std::pair {u"actor"_s, &r.actor},
                                      std::pair {u"workstation"_s, &r.workstation},
                                      std::pair {u"logId"_s, &r.logId}}) {
        const QJsonValue v = o.value(key);
        if (!v.isString())
            return unreadable(u"%1 is not a string"_s.arg(key));
        *target = v.toString();
    }
    if (!QDateTime::fromString(r.time, Qt::ISODateWithMs).isValid())
        return unreadable(u"time is not an ISO 8601 time"_s);
    if (r.type.isEmpty())
        return unreadable(u"type is empty"_s);
    if (QUuid::fromString(r.logId).isNull())
        return unreadable(u"logId is not a UUID"_s);
    if (!o.value(u"data"_s).isObject())
        return unreadable(u"data is not an object"_s);
    r.data = o.value(u"data"_s).toObject();
    r.prev = o.value(u"prev"_s).toString().toLatin1();
    if (!isHex64(r.prev))
        return unreadable(u"prev is not 64 lowercase hex digits"_s);
    r.line = line;
    return r;
}

QByteArray AuditRecord::lineSha256(const QByteArray &line)
{
    return QCryptographicHash::hash(line, QCryptographicHash::Sha256).toHex();
}

QByteArray AuditRecord::zeroHash()
{
    return QByteArray(64, '0');
}

} // namespace haip::audit
