#include "browser/IndexSnapshot.h"

#include "dicom/ImageIndex.h"

#include <QHash>

namespace haip::ui {

Result<QList<StudyBrowserModel::PatientEntry>> readBrowserContents(const dicom::ImageIndex &index)
{
    auto patients = index.patients();
    if (!patients)
        return patients.error();
    auto studies = index.studies();
    if (!studies)
        return studies.error();

    QList<StudyBrowserModel::PatientEntry> entries;
    // Key: ID and name, so two patients sharing an empty (or reused) ID stay apart.
    QHash<QString, qsizetype> byKey;
    const auto keyOf = [](const QString &id, const QString &name) {
        return id + QChar(0) + name;
    };
    for (const dicom::PatientRecord &patient : *patients) {
        byKey.insert(keyOf(patient.patientId, patient.patientName), entries.size());
        entries.append({patient, {}});
    }
    for (const dicom::StudyRecord &study : *studies) {
        const QString key = keyOf(study.patientId, study.patientName);
        auto found = byKey.constFind(key);
        if (found == byKey.cend()) {
            dicom::PatientRecord patient;
            patient.patientId = study.patientId;
            patient.patientName = study.patientName;
            found = byKey.insert(key, entries.size());
            entries.append({patient, {}});
        }
        StudyBrowserModel::StudyEntry studyEntry {study, {}};
        auto series = index.series(study.studyInstanceUid);
        if (!series)
            return series.error();
        for (const dicom::SeriesRecord &record : *series)
            studyEntry.series.append({record, index.thumbnail(record.seriesInstanceUid)});
        entries[*found].studies.append(studyEntry);
    }
    // Patients the index lists without any study left (e.g. after a partial import) are noise.
    entries.removeIf([](const StudyBrowserModel::PatientEntry &e) { return e.studies.isEmpty(); });
    return entries;
}

} // namespace haip::ui
