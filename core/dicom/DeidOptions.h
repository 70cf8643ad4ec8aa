// The options of DICOM PS3.15 Annex E that the de-identifier supports on top of the Basic
// Application Level Confidentiality Profile, as IT policy sets them (policy key "DeidOptions":
// a list of the keywords below). Options of Annex E not listed here are not supported: Retain
// UIDs (UIDs are always replaced), Retain Safe Private (private attributes are always removed),
// Retain Longitudinal Temporal Information with Full Dates, Retain Institution Identity, Clean
// Pixel Data, Clean Recognizable Visual Features, Clean Graphics, Clean Structured Content.
#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace haip::dicom {

struct DeidOptions
{
    bool retainPatientCharacteristics = false; // DCM 113108: age, sex, size, weight, smoking…
    bool modifiedDates = false; // DCM 113107: dates shifted by a per-patient offset
    bool retainDeviceIdentity = false; // DCM 113109: serial numbers, station names, detector IDs
    bool cleanDescriptors = false; // DCM 113105: descriptions kept with free text removed
    // Not an Annex E option: de-identify images that may show burned-in text (Burned In
    // Annotation YES, or absent for a modality known to burn text in). Off by default.
    bool allowBurnedInAnnotation = false;

    bool operator==(const DeidOptions &) const = default;

    // Keywords: retain-patient-characteristics, modified-dates, retain-device-identity,
    // clean-descriptors, allow-burned-in, or the policy's names for them (RetainPatientCharacteristics,
    // RetainLongitudinalModifiedDates, RetainDeviceIdentity, CleanDescriptors,
    // AllowBurnedInAnnotation), case-insensitive. Unknown keywords are an InvalidArgument error.
    static Result<DeidOptions> fromKeywords(const QStringList &keywords);
    QStringList keywords() const;
};

} // namespace haip::dicom
