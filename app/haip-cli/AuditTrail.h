// The commands' entries in the workstation's audit log (audit::defaultAuditLogPath(), or
// $HAIP_AUDIT_LOG): login, logout and submit record what they did. A record that cannot be
// written is reported on stderr as {"warning":"audit-log",…}; the command's own outcome stands.
#pragma once

#include "audit/AuditEvent.h"

namespace haip::cli {

void recordAudit(const audit::AuditEvent &event);

} // namespace haip::cli
