// haip-audit-appender LOG COUNT: a test helper that appends COUNT send events (0: until killed)
// to the audit log LOG through audit::AuditLog and prints each acknowledged seq on its own line,
// flushed — so a test that kills it knows which records the log promised to keep.
#include "audit/AuditLog.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace haip;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fputs("usage: haip-audit-appender LOG COUNT\n", stderr);
        return 2;
    }
    const qint64 count = args.at(2).toLongLong();
    const QString workstation = u"helper-%1"_s.arg(QCoreApplication::applicationPid());
    Result<audit::AuditLog> log = audit::AuditLog::open(args.at(1), workstation);
    if (!log) {
        std::fprintf(stderr, "%s\n", qPrintable(log.error().detail()));
        return 1;
    }
    for (qint64 i = 0; count == 0 || i < count; ++i) {
        audit::SendDetails details;
        details.serviceId = u"chest-ct-nodule"_s;
        details.jobId = u"job-%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(i);
        details.study = audit::Pseudonym::fromString(u"2.25.%1"_s.arg(1000 + i));
        details.bytes = 1000 + i;
        Result<audit::AuditRecord> r = log->append(audit::AuditEvent::send(u"sato"_s, details));
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().detail()));
            return 1;
        }
        std::printf("%lld\n", static_cast<long long>(r->seq));
        std::fflush(stdout);
    }
    return 0;
}
