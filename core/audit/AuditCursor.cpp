#include "audit/AuditCursor.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace haip::audit {

using namespace Qt::StringLiterals;

QString AuditCursor::pathFor(const QString &logPath)
{
    return logPath + u".forwarded.json"_s;
}

Result<AuditCursor> AuditCursor::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return AuditCursor {};
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    const QJsonObject o = QJsonDocument::fromJson(file.read(4096)).object();
    AuditCursor c;
    c.logId = o.value(u"logId"_s).toString();
    c.seq = o.value(u"seq"_s).toInteger(-1);
    c.offset = o.value(u"offset"_s).toInteger(-1);
    if (c.seq < 0 || c.offset < 0)
        return Error(ErrorCode::FileUnreadable, u"not an audit forwarding cursor"_s, path);
    return c;
}

Result<void> AuditCursor::save(const QString &path) const
{
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(QJsonObject {{u"logId"_s, logId}, {u"seq"_s, seq}, {u"offset"_s, offset}})
                                 .toJson(QJsonDocument::Compact) +
        '\n';
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error(ErrorCode::WriteFailed, file.errorString(), path);
    return {};
}

} // namespace haip::audit
