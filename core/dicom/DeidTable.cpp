#include "dicom/DeidTable.h"

#include <algorithm>

namespace haip::dicom {

using namespace Qt::StringLiterals;

namespace {

// Attributes of Table E.1-1 that the common image IODs (CT, MR, CR, DX, MG, US, NM, PET, XA,
// SC; PS3.3 Patient, General Study, General Series, General Image, Contrast/Bolus modules)
// require as Type 1 or 2. Everything else is treated as Type 3, so X/Z, X/D, X/Z/D and X/Z/U*
// remove it. Enhanced (multi-frame) IODs make a few more Type 1 (Acquisition DateTime,
// Institution Name in Enhanced General Equipment); they are not in this list, so those are
// removed — an IOD validator then reports them missing, which is the safer failure.
struct RequiredType
{
    quint32 key;
    int type;
};
constexpr RequiredType kRequiredTypes[] = {
    {0x00080020, 2}, // Study Date (General Study)
    {0x00080023, 2}, // Content Date (General Image, Type 2C)
    {0x00080030, 2}, // Study Time (General Study)
    {0x00080033, 2}, // Content Time (General Image, Type 2C)
    {0x00080050, 2}, // Accession Number (General Study)
    {0x00080090, 2}, // Referring Physician's Name (General Study)
    {0x00100010, 2}, // Patient's Name (Patient)
    {0x00100020, 2}, // Patient ID (Patient)
    {0x00100030, 2}, // Patient's Birth Date (Patient)
    {0x00100040, 2}, // Patient's Sex (Patient)
    {0x00180010, 2}, // Contrast/Bolus Agent (Contrast/Bolus)
    {0x00200010, 2}, // Study ID (General Study)
};

} // namespace

const DeidRule *DeidTable::find(quint32 key)
{
    const std::span<const DeidRule> all = rules();
    // Single tags come first, sorted by tag; the few repeating-group patterns follow.
    const auto single =
        std::partition_point(all.begin(), all.end(), [](const DeidRule &r) { return r.mask == 0xFFFFFFFF; });
    const auto it = std::lower_bound(all.begin(), single, key, [](const DeidRule &r, quint32 k) { return r.tag < k; });
    if (it != single && it->tag == key)
        return &*it;
    for (auto p = single; p != all.end(); ++p) {
        if (p->matches(key))
            return &*p;
    }
    return nullptr;
}

DeidAction DeidTable::action(const DeidRule &rule, const DeidOptions &options)
{
    if (options.retainPatientCharacteristics && rule.patientCharacteristics != DeidAction::None)
        return rule.patientCharacteristics;
    if (options.modifiedDates && rule.modifiedDates != DeidAction::None)
        return rule.modifiedDates;
    if (options.retainDeviceIdentity && rule.deviceIdentity != DeidAction::None)
        return rule.deviceIdentity;
    if (options.cleanDescriptors && rule.cleanDescriptors != DeidAction::None)
        return rule.cleanDescriptors;
    return rule.basic;
}

int DeidTable::requiredType(quint32 key)
{
    for (const RequiredType &r : kRequiredTypes) {
        if (r.key == key)
            return r.type;
    }
    return 3;
}

DeidAction DeidTable::resolve(DeidAction action, int type)
{
    switch (action) {
    case DeidAction::EmptyOrDummy:
        return type == 1 ? DeidAction::Dummy : DeidAction::Empty;
    case DeidAction::RemoveOrEmpty:
        return type <= 2 ? DeidAction::Empty : DeidAction::Remove;
    case DeidAction::RemoveOrDummy:
        return type <= 2 ? DeidAction::Dummy : DeidAction::Remove;
    case DeidAction::RemoveOrEmptyOrDummy:
        return type == 1 ? DeidAction::Dummy : type == 2 ? DeidAction::Empty : DeidAction::Remove;
    case DeidAction::RemoveOrEmptyOrUid:
        return type == 1 ? DeidAction::Uid : type == 2 ? DeidAction::Empty : DeidAction::Remove;
    default:
        return action;
    }
}

QString DeidTable::code(DeidAction action)
{
    switch (action) {
    case DeidAction::None:
        return {};
    case DeidAction::Keep:
        return u"K"_s;
    case DeidAction::Remove:
        return u"X"_s;
    case DeidAction::Empty:
        return u"Z"_s;
    case DeidAction::Dummy:
        return u"D"_s;
    case DeidAction::Clean:
        return u"C"_s;
    case DeidAction::Uid:
        return u"U"_s;
    case DeidAction::EmptyOrDummy:
        return u"Z/D"_s;
    case DeidAction::RemoveOrEmpty:
        return u"X/Z"_s;
    case DeidAction::RemoveOrDummy:
        return u"X/D"_s;
    case DeidAction::RemoveOrEmptyOrDummy:
        return u"X/Z/D"_s;
    case DeidAction::RemoveOrEmptyOrUid:
        return u"X/Z/U*"_s;
    }
    return {};
}

} // namespace haip::dicom
