#include "AuditTestLog.h"

#include "audit/AuditLog.h"

#include <QFile>
#include <QtTest>

namespace haip::test {

using namespace Qt::StringLiterals;

audit::AuditEvent sampleEvent(int i)
{
    const auto study = *audit::Pseudonym::fromString(u"2.25.%1"_s.arg(9000 + i));
    switch (i % 6) {
    case 0:
        return audit::AuditEvent::loginSuccess(u"sato"_s);
    case 1: {
        audit::SendDetails d;
        d.serviceId = u"chest-ct-nodule"_s;
        d.jobId = u"job-%1"_s.arg(i);
        d.study = study;
        d.bytes = 1000 + i;
        d.payloadSha256 = QString(64, u'a');
        return audit::AuditEvent::send(u"sato"_s, d);
    }
    case 2:
        return audit::AuditEvent::lock(u"sato"_s, audit::LockReason::CardRemoved);
    case 3:
        return audit::AuditEvent::deidentify(u"sato"_s, study, 10 + i);
    case 4:
        return audit::AuditEvent::loginFailure(u"tanaka"_s, Error(ErrorCode::AuthenticationFailed));
    default:
        return audit::AuditEvent::policyChange(u"system"_s, u"PlatformUrl"_s);
    }
}

bool writeSampleLog(const QString &path, int count, const QString &workstation)
{
    Result<audit::AuditLog> log = audit::AuditLog::open(path, workstation);
    if (!log) {
        qWarning("%s", qPrintable(log.error().detail()));
        return false;
    }
    for (int i = 0; i < count; ++i) {
        if (Result<audit::AuditRecord> r = log->append(sampleEvent(i)); !r) {
            qWarning("%s", qPrintable(r.error().detail()));
            return false;
        }
    }
    return true;
}

QByteArrayList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArrayList lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

bool writeLines(const QString &path, const QByteArrayList &lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    for (const QByteArray &line : lines) {
        if (file.write(line + '\n') != line.size() + 1)
            return false;
    }
    return true;
}

} // namespace haip::test
