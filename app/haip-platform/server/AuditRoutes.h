// AuditRoutes: POST /v1/audit-events (session route) — the workstation's audit events, one
// object or an array of at most 100, each with a string "type", stored append-only in
// <state>/audit/events.jsonl (one JSON line each, synced before the answer) with the time
// received and the sending session's clinician and session id. → 202 {stored: n}.
#pragma once

#include "common/Result.h"

#include <QString>

namespace haip::server {

class ApiServer;

Result<void> registerAuditRoutes(ApiServer &server, const QString &eventsFile);

} // namespace haip::server
