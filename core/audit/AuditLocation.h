// Where the workstation's audit trail lives and what it calls the machine. One log per OS user,
// shared by haip-workstation and haip-cli: <AppDataLocation of haip-workstation>/audit/audit.jsonl
// (e.g. ~/.local/share/HAIP/haip-workstation/audit/audit.jsonl), whichever program asks.
// The environment variable HAIP_AUDIT_LOG, when set, names another file (tests, kiosks).
#pragma once

#include <QString>

namespace haip::audit {

QString defaultAuditLogPath();
// The workstation id written into every record (AuditSourceID): the machine's host name.
QString defaultWorkstationId();

} // namespace haip::audit
