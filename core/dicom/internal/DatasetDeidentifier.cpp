#include "dicom/internal/DatasetDeidentifier.h"

#include "dicom/internal/DeidKeys.h"
#include "dicom/internal/DeidText.h"

#include <QStringList>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

namespace haip::dicom::internal {

using namespace Qt::StringLiterals;

namespace {

constexpr quint32 kPatientName = 0x00100010;
constexpr quint32 kPatientId = 0x00100020;
constexpr quint32 kStudyInstanceUid = 0x0020000D;
constexpr quint32 kSeriesInstanceUid = 0x0020000E;
constexpr quint32 kSopInstanceUid = 0x00080018;
constexpr quint32 kFrameOfReferenceUid = 0x00200052;
constexpr quint32 kTimezoneOffsetFromUtc = 0x00080201;

// Dummy values for D (and for Z/D resolved to D) by value representation; all fit every VR's
// length limit and character repertoire.
const char *dummyText(DcmEVR vr)
{
    switch (vr) {
    case EVR_AS:
        return "000Y";
    case EVR_DA:
        return "19000101";
    case EVR_DT:
        return "19000101000000";
    case EVR_TM:
        return "000000";
    case EVR_DS:
    case EVR_IS:
        return "0";
    default:
        return "ANONYMOUS";
    }
}

// The option codes of PS3.16 CID 7050 "De-identification Method" in the order they are written.
struct MethodCode
{
    const char *value;
    const char *meaning;
    bool DeidOptions::*option; // nullptr: always (the Basic Profile)
    const char *methodText;
};
constexpr MethodCode kMethodCodes[] = {
    {"113100", "Basic Application Confidentiality Profile", nullptr, "PS3.15 E.1 Basic Profile (HAIP Workstation)"},
    {"113108",
     "Retain Patient Characteristics Option",
     &DeidOptions::retainPatientCharacteristics,
     "Retain Patient Characteristics"},
    {"113107",
     "Retain Longitudinal Temporal Information Modified Dates Option",
     &DeidOptions::modifiedDates,
     "Retain Longitudinal Modified Dates"},
    {"113109", "Retain Device Identity Option", &DeidOptions::retainDeviceIdentity, "Retain Device Identity"},
    {"113105", "Clean Descriptors Option", &DeidOptions::cleanDescriptors, "Clean Descriptors"},
};

// Modalities (PS3.3 C.7.3.1.1.1) whose images usually show patient details in the pixels:
// ultrasound, external-camera, endoscopy and ophthalmic photography, microscopy, scanned documents.
constexpr const char *kBurnedInModalities[] = {"US", "IVUS", "XC", "ES", "OP", "GM", "SM", "DOC", "OT"};
// Secondary Capture SOP classes (1.2.840.10008.5.1.4.1.1.7 and its multi-frame .7.x): screenshots.
constexpr const char *kSecondaryCapturePrefix = "1.2.840.10008.5.1.4.1.1.7";

QString stringOf(DcmItem &item, const DcmTagKey &tag)
{
    OFString value;
    if (item.findAndGetOFStringArray(tag, value, OFFalse).bad())
        return {};
    return QString::fromLatin1(value.c_str()).trimmed();
}

quint32 keyOf(const DcmElement &element)
{
    const DcmTag &tag = element.getTag();
    return (quint32(tag.getGTag()) << 16) | tag.getETag();
}

} // namespace

bool mayHaveBurnedInText(const QString &modality, const QString &sopClassUid)
{
    for (const char *m : kBurnedInModalities) {
        if (modality == QLatin1String(m))
            return true;
    }
    return sopClassUid.startsWith(QLatin1String(kSecondaryCapturePrefix));
}

DatasetDeidentifier::DatasetDeidentifier(const DeidOptions &options, const DeidKeys &keys)
    : m_options(options), m_keys(keys)
{ }

Result<DeidReport> DatasetDeidentifier::run(DcmDataset &dataset, const QString &name)
{
    if (!m_options.allowBurnedInAnnotation) {
        const QString burnedIn = stringOf(dataset, DCM_BurnedInAnnotation).toUpper();
        const QString modality = stringOf(dataset, DCM_Modality);
        if (burnedIn == u"YES")
            return Error(ErrorCode::BurnedInAnnotation, u"Burned In Annotation is YES"_s, name);
        const QString sopClass = stringOf(dataset, DCM_SOPClassUID);
        if (burnedIn.isEmpty() && mayHaveBurnedInText(modality, sopClass)) {
            const bool capture = sopClass.startsWith(QLatin1String(kSecondaryCapturePrefix));
            return Error(ErrorCode::BurnedInAnnotation,
                         u"Burned In Annotation is absent and %1 images usually show burned-in text"_s.arg(
                             capture ? u"secondary capture"_s : modality),
                         name);
        }
    }

    const QString patientId = stringOf(dataset, DCM_PatientID);
    m_pseudonym = m_keys.pseudonym(patientId);
    m_dateOffset = m_keys.dateOffsetDays(patientId);
    m_report = DeidReport();
    m_changed.clear();
    m_report.reidentification.originalPatientId = patientId;
    m_report.reidentification.pseudonym = m_pseudonym;
    m_report.reidentification.dateOffsetDays = m_options.modifiedDates ? m_dateOffset : 0;

    processItem(dataset, 0);

    if (Result<void> marked = writeMarkers(dataset); !marked)
        return marked.error().withSubject(name);
    m_report.newStudyInstanceUid = stringOf(dataset, DCM_StudyInstanceUID);
    m_report.newSeriesInstanceUid = stringOf(dataset, DCM_SeriesInstanceUID);
    m_report.newSopInstanceUid = stringOf(dataset, DCM_SOPInstanceUID);
    for (const quint32 key : m_changed)
        m_report.changedTags.append(Tag {quint16(key >> 16), quint16(key & 0xFFFF)});
    return m_report;
}

void DatasetDeidentifier::processItem(DcmItem &item, int depth)
{
    unsigned long index = 0;
    while (index < item.card()) {
        DcmElement *element = item.getElement(index);
        const quint32 key = keyOf(*element);
        const DcmTag &tag = element->getTag();
        DeidAction action = DeidAction::None;
        if (tag.isPrivate()) {
            // Table E.1-1 "Private Attributes": X (Retain Safe Private is not supported).
            action = DeidAction::Remove;
        } else if (tag.getETag() == 0x0000) {
            // Group lengths (retired in data sets) would be wrong after the changes; DCMTK
            // recomputes the ones the encoding needs when writing.
            delete item.remove(index);
            continue;
        } else if (const DeidRule *rule = DeidTable::find(key)) {
            action = DeidTable::resolve(DeidTable::action(*rule, m_options), DeidTable::requiredType(key));
        }
        if (action == DeidAction::None) {
            // Not in the table: kept, but its items are searched like every other sequence's.
            if (element->ident() == EVR_SQ)
                recurse(*element, depth);
            ++index;
            continue;
        }
        index = apply(item, index, key, action, depth);
    }
}

unsigned long DatasetDeidentifier::apply(DcmItem &item, unsigned long index, quint32 key, DeidAction action, int depth)
{
    DcmElement *element = item.getElement(index);
    const bool sequence = element->ident() == EVR_SQ;
    // Patient's Name (Z) and Patient ID (Z/D) take the patient's pseudonym: a dummy value, which
    // Z allows, so results can be matched to the study without the real identity.
    if ((key == kPatientName || key == kPatientId) && (action == DeidAction::Empty || action == DeidAction::Dummy)) {
        const QString pseudonym = key == kPatientName ? m_pseudonym : m_keys.pseudonym(stringOf(item, DCM_PatientID));
        element->putString(pseudonym.toLatin1().constData());
        count(DeidAction::Dummy, key, true);
        return index + 1;
    }
    switch (action) {
    case DeidAction::Remove:
        // An overlay without its data is an invalid overlay: the whole 60xx group goes with it.
        if ((key & 0xFF00FFFF) == 0x60003000) {
            const quint16 group = quint16(key >> 16);
            unsigned long next = index;
            for (unsigned long i = item.card(); i-- > 0;) {
                if (item.getElement(i)->getTag().getGTag() == group) {
                    count(DeidAction::Remove, keyOf(*item.getElement(i)), true);
                    delete item.remove(i);
                    if (i < index)
                        --next; // already visited elements of the group were kept so far
                }
            }
            return next;
        }
        count(action, key, true);
        delete item.remove(index);
        return index;
    case DeidAction::Empty:
        count(action, key, element->getLength() != 0);
        if (sequence)
            static_cast<DcmSequenceOfItems *>(element)->clear();
        else
            element->clear();
        return index + 1;
    case DeidAction::Dummy:
        if (sequence) {
            count(action, key, false);
            recurse(*element, depth);
        } else {
            putDummy(*element, key);
        }
        return index + 1;
    case DeidAction::Uid:
        if (sequence) {
            count(action, key, false);
            recurse(*element, depth);
        } else {
            replaceUids(*element, key, depth);
        }
        return index + 1;
    case DeidAction::Clean:
        if (sequence) {
            count(action, key, false);
            recurse(*element, depth);
            return index + 1;
        }
        if (clean(*element))
            return index + 1;
        // No cleaning rule for this VR: fall back to the Basic Profile's action.
        if (const DeidRule *rule = DeidTable::find(key)) {
            const DeidAction basic = DeidTable::resolve(rule->basic, DeidTable::requiredType(key));
            if (basic != DeidAction::Clean)
                return apply(item, index, key, basic, depth);
        }
        count(DeidAction::Remove, key, true);
        delete item.remove(index);
        return index;
    case DeidAction::Keep:
    default:
        count(DeidAction::Keep, key, false);
        if (sequence)
            recurse(*element, depth);
        return index + 1;
    }
}

void DatasetDeidentifier::recurse(DcmElement &sequence, int depth)
{
    auto &items = static_cast<DcmSequenceOfItems &>(sequence);
    for (unsigned long i = 0; i < items.card(); ++i)
        processItem(*items.getItem(i), depth + 1);
}

void DatasetDeidentifier::replaceUids(DcmElement &element, quint32 key, int depth)
{
    if (element.ident() != EVR_UI) {
        putDummy(element, key);
        return;
    }
    OFString value;
    if (element.getOFStringArray(value).bad() || value.empty()) {
        count(DeidAction::Uid, key, false);
        return;
    }
    QStringList replaced;
    for (const QString &original : QString::fromLatin1(value.c_str()).split(u'\\')) {
        const QString uid = original.trimmed();
        const QString mapped = uid.isEmpty() ? QString() : m_keys.uid(uid);
        replaced.append(mapped);
        // The identifiers a result refers back to: a SEG names its images' frame of reference.
        const bool linked = key == kStudyInstanceUid || key == kSeriesInstanceUid || key == kSopInstanceUid ||
            key == kFrameOfReferenceUid;
        if (depth == 0 && linked && !uid.isEmpty())
            m_report.reidentification.uids.insert(uid, mapped);
    }
    element.putString(replaced.join(u'\\').toLatin1().constData());
    count(DeidAction::Uid, key, true);
}

void DatasetDeidentifier::putDummy(DcmElement &element, quint32 key)
{
    const DcmEVR vr = element.ident();
    OFCondition status = EC_Normal;
    if (vr == EVR_UI) {
        replaceUids(element, key, 1);
        return;
    }
    if (element.isaString()) {
        status = element.putString(dummyText(vr));
    } else {
        switch (vr) {
        case EVR_US:
            status = element.putUint16(0);
            break;
        case EVR_SS:
            status = element.putSint16(0);
            break;
        case EVR_UL:
            status = element.putUint32(0);
            break;
        case EVR_SL:
            status = element.putSint32(0);
            break;
        case EVR_FL:
            status = element.putFloat32(0.0f);
            break;
        case EVR_FD:
            status = element.putFloat64(0.0);
            break;
        case EVR_OW: {
            const Uint16 zero[1] = {0};
            status = element.putUint16Array(zero, 1);
            break;
        }
        default: {
            const Uint8 zeros[2] = {0, 0};
            status = element.putUint8Array(zeros, 2);
            break;
        }
        }
    }
    // A VR that takes none of these (AT, OF, OD, …) is emptied instead: never left as it was.
    if (status.bad())
        element.clear();
    count(DeidAction::Dummy, key, true);
}

bool DatasetDeidentifier::clean(DcmElement &element)
{
    const quint32 key = keyOf(element);
    const DcmEVR vr = element.ident();
    OFString raw;
    if (!element.isaString() || element.getOFStringArray(raw).bad())
        return false;
    const QByteArray value(raw.c_str(), qsizetype(raw.size()));
    QByteArray cleaned;
    switch (vr) {
    case EVR_DA:
        if (!m_options.modifiedDates)
            return false;
        cleaned = shiftDates(value, m_dateOffset);
        break;
    case EVR_DT:
        if (!m_options.modifiedDates)
            return false;
        cleaned = shiftDateTimes(value, m_dateOffset);
        break;
    case EVR_TM:
        // Whole-day offsets leave times of day as they were.
        count(DeidAction::Clean, key, false);
        return true;
    case EVR_SH:
        // Timezone Offset From UTC (C under Modified Dates) is no date: kept like the times.
        if (key == kTimezoneOffsetFromUtc) {
            count(DeidAction::Clean, key, false);
            return true;
        }
        cleaned = cleanDescriptor(value);
        break;
    case EVR_AE:
        // Device identity keeps stations, but an AE title often names the hospital.
        cleaned = dummyText(vr);
        break;
    case EVR_LO:
    case EVR_ST:
    case EVR_LT:
    case EVR_UT:
    case EVR_UC:
    case EVR_CS:
        cleaned = cleanDescriptor(value);
        break;
    default:
        return false;
    }
    const bool changed = cleaned != value;
    if (changed)
        element.putString(cleaned.constData());
    count(DeidAction::Clean, key, changed);
    return true;
}

void DatasetDeidentifier::count(DeidAction action, quint32 key, bool changed)
{
    m_report.actionCounts[DeidTable::code(action)] += 1;
    if (changed)
        m_changed.insert(key);
}

Result<void> DatasetDeidentifier::writeMarkers(DcmDataset &dataset)
{
    OFCondition status = dataset.putAndInsertString(DCM_PatientIdentityRemoved, "YES");
    QStringList methodText;
    // Any earlier method sequence (from a previous de-identification) is replaced, not extended.
    dataset.findAndDeleteElement(DCM_DeidentificationMethodCodeSequence);
    for (const MethodCode &code : kMethodCodes) {
        if (status.bad())
            break;
        if (code.option != nullptr && !(m_options.*code.option))
            continue;
        DcmItem *item = nullptr;
        status = dataset.findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, item, -2);
        if (status.good())
            status = item->putAndInsertString(DCM_CodeValue, code.value);
        if (status.good())
            status = item->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
        if (status.good())
            status = item->putAndInsertString(DCM_CodeMeaning, code.meaning);
        methodText.append(QLatin1String(code.methodText));
        m_report.methodCodes.append(QLatin1String(code.value));
    }
    if (status.good())
        status = dataset.putAndInsertString(DCM_DeidentificationMethod, methodText.join(u'\\').toLatin1().constData());
    if (status.good() && m_options.modifiedDates) {
        status = dataset.putAndInsertString(DCM_LongitudinalTemporalInformationModified, "MODIFIED");
        m_report.datesShifted = true;
    }
    if (status.bad())
        return Error(ErrorCode::Internal, QString::fromLatin1(status.text()));
    return {};
}

} // namespace haip::dicom::internal
