// AuditRecord: one line of the audit log, parsed — and the one place that writes a line. The
// line is compact JSON with its keys in this order (docs/audit.md gives it byte for byte):
//   {"seq":N,"time":"…Z","type":"…","actor":"…","workstation":"…","data":{…},"logId":"…","prev":"…"}
// `prev` is the lowercase hex SHA-256 of the previous line's exact bytes (without its "\n"),
// 64 zeros for seq 1. The hash of a line is taken over exactly those bytes.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace haip::audit {

class AuditEvent;

struct AuditRecord
{
    qint64 seq = 0;
    QString time; // ISO 8601 UTC with milliseconds
    QString type;
    QString actor;
    QString workstation;
    QJsonObject data;
    QString logId; // UUID without braces
    QByteArray prev; // 64 lowercase hex digits
    QByteArray line; // the exact bytes read (parse) or written (serialize), without "\n"

    QByteArray sha256() const { return lineSha256(line); }

    // The line for an event (no trailing "\n"); sets `line` on the returned record.
    static AuditRecord
    make(const AuditEvent &event, qint64 seq, const QString &workstation, const QString &logId, const QByteArray &prev);
    // Strict: every key present with its type, no others; seq ≥ 1; prev 64 hex digits.
    static Result<AuditRecord> parse(const QByteArray &line);
    static QByteArray lineSha256(const QByteArray &line);
    static QByteArray zeroHash(); // 64 '0'
};

} // namespace haip::audit
