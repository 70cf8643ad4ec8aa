#include "jobs/StudyAccessAudit.h"

#include "audit/AuditEvent.h"
#include "audit/Pseudonym.h"
#include "auth/ClinicianSession.h"
#include "dicom/Importer.h"

namespace haip::ui {

StudyAccessAudit::StudyAccessAudit(ClinicianSession &session, QByteArray deidSecret, QObject *parent)
    : QObject(parent), m_session(session), m_keys(dicom::DeidOptions {}, std::move(deidSecret))
{ }

void StudyAccessAudit::recordImport(const dicom::ImportSummary &summary)
{
    for (const QString &study : summary.studyInstanceUids) {
        const std::optional<audit::Pseudonym> pseudonym = audit::Pseudonym::fromString(m_keys.replacementUid(study));
        if (!pseudonym)
            continue; // a keyed UID is always a pseudonym; nothing else is ever written
        const dicom::ImportSummary::StudyVolume volume = summary.studyVolumes.value(study);
        m_session.record(
            audit::AuditEvent::import(m_session.clinicianId(), *pseudonym, volume.instances, volume.bytes));
    }
}

void StudyAccessAudit::recordExport(const QString &pseudonymousStudyUid, int objects)
{
    if (const std::optional<audit::Pseudonym> pseudonym = audit::Pseudonym::fromString(pseudonymousStudyUid))
        m_session.record(audit::AuditEvent::exportStudy(m_session.clinicianId(), *pseudonym, objects));
}

} // namespace haip::ui
