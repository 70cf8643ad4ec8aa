// DicomAuditMessage: an audit record rendered as the DICOM Audit Message (PS3.15 A.5, the IHE
// ATNA schema) in JSON — the element names of the schema as keys, coded values as
// {"csd-code", "codeSystemName", "originalText"} — so a hospital's audit repository can map it
// one to one. Added for the platform's endpoint: "type" (the record's type, the endpoint needs
// it), "eventId" = "<logId>:<seq>" (the receiver drops a batch sent twice after a lost answer)
// and "record" {seq, prev, sha256}: the record's place in the local chain, so the copy outside
// the machine can prove what the local log held.
#pragma once

#include "audit/AuditRecord.h"

#include <QJsonObject>
#include <QString>

namespace haip::audit {

// A coded value of PS3.16 (DCM) or of this product's own scheme (99HAIP).
struct AuditCode
{
    const char *code;
    const char *scheme;
    const char *meaning;
};

struct AuditEventMapping
{
    const char *type; // the record's type
    AuditCode eventId;
    char actionCode; // C create, R read, U update, D delete, E execute
    AuditCode eventType; // code == nullptr: none
};

class DicomAuditMessage
{
public:
    // The mapping of a record type, nullptr for a type this build does not know.
    static const AuditEventMapping *mappingFor(const QString &type);
    static QJsonObject fromRecord(const AuditRecord &record);
};

} // namespace haip::audit
