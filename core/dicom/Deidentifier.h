// On-device de-identification of DICOM files per PS3.15 Annex E: the Basic Application Level
// Confidentiality Profile driven by DeidTable, plus the options in DeidOptions. UIDs, the patient
// pseudonym and the date offset are keyed by the installation secret (see docs/deidentification.md),
// so the same study de-identified twice on one installation gets the same identifiers. The result
// is a new file; the input is never changed. Pixel data is copied byte for byte: images that may
// show burned-in patient details are refused (BurnedInAnnotation) unless the options allow them.
#pragma once

#include "common/Result.h"
#include "dicom/DeidOptions.h"
#include "dicom/Tag.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace haip::dicom {

// The originals of what was replaced, for re-linking results to the original study. It holds
// patient identifiers: keep it on the machine, encrypted; never print or log it.
struct DeidReidentification
{
    QString originalPatientId;
    QString pseudonym;
    int dateOffsetDays = 0; // added to every date under Modified Dates (−1 … −3650)
    QMap<QString, QString> uids; // original → new: Study, Series, SOP Instance and Frame of Reference UIDs
};

struct DeidReport
{
    // Data elements handled per action code ("X", "Z", "D", "K", "C", "U"), nested items
    // included, private attributes counted under "X".
    QMap<QString, int> actionCounts;
    // Every tag whose value was removed or changed (at any depth), sorted, without duplicates.
    QList<Tag> changedTags;
    QStringList methodCodes; // DCM codes written to De-identification Method Code Sequence
    bool datesShifted = false;
    QString transferSyntaxUid; // of the written file
    QString newStudyInstanceUid;
    QString newSeriesInstanceUid;
    QString newSopInstanceUid;
    DeidReidentification reidentification;
};

class Deidentifier
{
public:
    // `secret` is the installation's de-identification key (at least 16 bytes).
    Deidentifier(DeidOptions options, QByteArray secret);

    // De-identifies one Part 10 file (or bare data set) in memory; `name` names it in errors.
    // On success `out` holds the new Part 10 file.
    Result<DeidReport> deidentify(const QByteArray &in, const QString &name, QByteArray &out) const;
    // Reads `inPath`, writes `outPath` (never the same file).
    Result<DeidReport> deidentifyFile(const QString &inPath, const QString &outPath) const;
    // The UID a de-identified copy carries in place of `original` on this installation: names a
    // study in the audit trail (import, export) exactly as its send and result records do.
    QString replacementUid(const QString &original) const;

private:
    DeidOptions m_options;
    QByteArray m_secret;
};

inline Result<DeidReport>
deidentifyFile(const QString &in, const QString &out, const DeidOptions &options, const QByteArray &secret)
{
    return Deidentifier(options, secret).deidentifyFile(in, out);
}

} // namespace haip::dicom
