// AuditCursor: how far the forwarder has delivered a log — its logId, the last seq the platform
// accepted and the byte offset just after that record (so the next batch is read from there, not
// from the top). A small JSON file next to the log (<log>.forwarded.json), replaced atomically
// (QSaveFile) only after the platform answered 202, so a crash never moves it past undelivered
// records (at worst a batch is sent twice; its eventIds let the receiver drop the repeats).
#pragma once

#include "common/Result.h"

#include <QString>

namespace haip::audit {

struct AuditCursor
{
    QString logId;
    qint64 seq = 0;
    qint64 offset = 0;

    static QString pathFor(const QString &logPath);
    // A missing file is the start (seq 0); an unreadable one is an error.
    static Result<AuditCursor> load(const QString &path);
    Result<void> save(const QString &path) const;
};

} // namespace haip::audit
