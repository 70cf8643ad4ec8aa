// Shared by the audit tests: a log of varied events written through audit::AuditLog, and the
// file as lines for tampering with it by hand.
#pragma once

#include "audit/AuditEvent.h"

#include <QByteArrayList>
#include <QList>
#include <QString>

namespace haip::test {

// The i-th event of a varied sequence (login, send with a pseudonymous study, lock, …).
audit::AuditEvent sampleEvent(int i);
// Appends `count` sample events to the log at `path`; false (with a QTest failure) on error.
bool writeSampleLog(const QString &path, int count, const QString &workstation = QStringLiteral("ws-test"));
// The file's complete lines, without their "\n".
QByteArrayList readLines(const QString &path);
bool writeLines(const QString &path, const QByteArrayList &lines);

} // namespace haip::test
