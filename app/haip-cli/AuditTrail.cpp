#include "AuditTrail.h"

#include "CliOutput.h"
#include "audit/AuditLocation.h"
#include "audit/AuditLog.h"

#include <QJsonDocument>

#include <cstdio>

namespace haip::cli {

using namespace Qt::StringLiterals;

void recordAudit(const audit::AuditEvent &event)
{
    Result<audit::AuditLog> log = audit::AuditLog::open(audit::defaultAuditLogPath(), audit::defaultWorkstationId());
    Error error;
    if (log) {
        if (Result<audit::AuditRecord> written = log->append(event); !written)
            error = written.error();
    } else {
        error = log.error();
    }
    if (error.code() == ErrorCode::None)
        return;
    QJsonObject o = CliOutput::errorObject(error);
    o.insert(u"warning"_s, u"audit-log"_s);
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).append('\n').constData(), stderr);
    std::fflush(stderr);
}

} // namespace haip::cli
