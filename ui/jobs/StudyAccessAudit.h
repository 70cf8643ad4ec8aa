// StudyAccessAudit: the audit trail's records of studies entering and leaving the workstation
// through the GUI — an import record per study an open request read (instances, bytes) and an
// export record per AI report written to PDF. Studies are named by the UID their de-identified
// copy carries (the installation's keyed replacement), the same pseudonym the send and result
// records use, so one study can be followed through the trail without naming the patient.
#pragma once

#include "dicom/Deidentifier.h"

#include <QObject>

namespace haip::dicom {
struct ImportSummary;
}

namespace haip::ui {

class ClinicianSession;

class StudyAccessAudit : public QObject
{
    Q_OBJECT
public:
    // `deidSecret`: the installation's de-identification secret (the pseudonyms' key).
    StudyAccessAudit(ClinicianSession &session, QByteArray deidSecret, QObject *parent = nullptr);

    void recordImport(const dicom::ImportSummary &summary);
    // A report of the job whose de-identified study is `pseudonymousStudyUid` was exported.
    void recordExport(const QString &pseudonymousStudyUid, int objects);

private:
    ClinicianSession &m_session;
    dicom::Deidentifier m_keys; // only its keyed UIDs are used
};

} // namespace haip::ui
