// ResultRelinker: turns a DICOM result an AI service made for the de-identified copy of a study
// (SEG, SR, parametric map …) back into one that belongs to the original study. Every UID the
// de-identification replaced — study, series, instances, frame of reference, at any depth, such
// as Referenced SOP Instance UID in a SEG's derivation items — is mapped back through the
// re-identification map, and the original patient and study identity is put in place of the
// pseudonyms. UIDs the map does not know (the result's own series and instance) stay. A result
// whose study does not map back to the study the job was sent for is refused: it would file
// someone else's findings under this patient.
// The relinked file holds patient identifiers: it stays on this machine.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace haip::dicom {

// The identity of the study the job was sent from, as the local index holds it (UTF-8 text).
struct OriginalStudy
{
    QString studyInstanceUid;
    QString patientName;
    QString patientId;
    QString patientBirthDate;
    QString patientSex;
    QString studyDate;
    QString studyTime;
    QString studyId;
    QString accessionNumber;
    QString referringPhysicianName;
};

struct RelinkReport
{
    int uidsMapped = 0; // UID values replaced by their originals
    QString sopClassUid;
    QString sopInstanceUid;
};

class ResultRelinker
{
public:
    // new (de-identified) UID → original, as dicom::ReidentificationStore::originalUid answers.
    using UidLookup = std::function<std::optional<QString>(const QString &newUid)>;

    ResultRelinker(UidLookup lookup, OriginalStudy study);

    // `part10`: the result as the service sent it. `name` names it in errors.
    Result<QByteArray> relink(const QByteArray &part10, const QString &name, RelinkReport *report = nullptr) const;

private:
    UidLookup m_lookup;
    OriginalStudy m_study;
};

} // namespace haip::dicom
