// DICOM PS3.15 Table E.1-1 (Application Level Confidentiality Profile Attributes) as data: for
// every attribute (or repeating-group pattern) the action of the Basic Profile and its override
// under each option the de-identifier supports. Private attributes, which the table lists as one
// row ("X"), are handled by the de-identifier by group parity, not by a row here.
// Combined codes (Z/D, X/Z, X/D, X/Z/D, X/Z/U*) depend on the attribute's Type in the IOD; they
// are resolved by resolve() against a small, explicit list of attributes that the common image
// IODs (CT, MR, CR, DX, MG, US, NM, PET, XA, SC) require as Type 1 or 2 (requiredType()).
#pragma once

#include "dicom/DeidOptions.h"
#include "dicom/Tag.h"

#include <QString>

#include <optional>
#include <span>

namespace haip::dicom {

enum class DeidAction : quint8
{
    None, // no override (option columns only)
    Keep, // K: unchanged; a sequence is kept and the profile applied inside its items
    Remove, // X
    Empty, // Z: zero length (Patient's Name and ID get the patient's pseudonym, which Z allows)
    Dummy, // D: a non-empty dummy value of the VR; a sequence is kept and cleaned inside
    Clean, // C: dates shifted (Modified Dates), free text removed from descriptors, …
    Uid, // U: replaced by the keyed hash UID, consistently
    EmptyOrDummy, // Z/D
    RemoveOrEmpty, // X/Z
    RemoveOrDummy, // X/D
    RemoveOrEmptyOrDummy, // X/Z/D
    RemoveOrEmptyOrUid, // X/Z/U*
};

struct DeidRule
{
    quint32 tag = 0; // (group << 16) | element; for a pattern the fixed bits only
    quint32 mask = 0xFFFFFFFF; // bits of a data element tag that must equal `tag`
    DeidAction basic = DeidAction::None;
    DeidAction patientCharacteristics = DeidAction::None; // DCM 113108
    DeidAction modifiedDates = DeidAction::None; // DCM 113107
    DeidAction deviceIdentity = DeidAction::None; // DCM 113109
    DeidAction cleanDescriptors = DeidAction::None; // DCM 113105

    bool matches(quint32 key) const { return (key & mask) == tag; }
};

class DeidTable
{
public:
    static std::span<const DeidRule> rules();
    // The row for a (public) tag, or nullptr when Table E.1-1 does not list it.
    static const DeidRule *find(quint32 key);
    // The row's action under the options: an option's override wins over the basic action. Where
    // two options override one row (calibration dates: K under Device Identity, C under Modified
    // Dates), the order is Patient Characteristics, Modified Dates, Device Identity, Clean
    // Descriptors, so dates are shifted rather than kept.
    static DeidAction action(const DeidRule &rule, const DeidOptions &options);
    // 1 or 2 for the attributes the common image IODs require; 3 for every other attribute.
    static int requiredType(quint32 key);
    // A combined code resolved for an attribute of the given Type (single codes are returned as
    // they are): Z/D → D for Type 1 else Z; X/Z → Z for Type 1/2 else X; X/D → D for Type 1/2
    // else X; X/Z/D → D, Z, X; X/Z/U* → U (sequence kept, UIDs replaced), Z, X.
    static DeidAction resolve(DeidAction action, int type);
    // "X", "Z/D", "X/Z/U*", … as the standard writes them; "" for None.
    static QString code(DeidAction action);
};

} // namespace haip::dicom
