# core/audit sources: the hash-chained audit trail, its verifier and its forwarding as DICOM
# audit messages.
target_sources(haip_core PRIVATE
    audit/AuditCursor.cpp audit/AuditCursor.h
    audit/AuditEvent.cpp audit/AuditEvent.h
    audit/AuditForwarder.cpp audit/AuditForwarder.h
    audit/AuditLocation.cpp audit/AuditLocation.h
    audit/AuditLog.cpp audit/AuditLog.h
    audit/AuditRecord.cpp audit/AuditRecord.h
    audit/AuditVerifier.cpp audit/AuditVerifier.h
    audit/DicomAuditMessage.cpp audit/DicomAuditMessage.h
    audit/PolicyChanges.cpp audit/PolicyChanges.h
    audit/Pseudonym.cpp audit/Pseudonym.h
)
