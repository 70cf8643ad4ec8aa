#include "dicom/StructuredReportReader.h"

#include "dicom/CharsetDecoder.h"
#include "dicom/internal/DatasetParser.h"
#include "dicom/internal/DatasetValues.h"
#include "dicom/internal/WholeFile.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <cmath>

namespace haip::dicom {
namespace {

using namespace Qt::StringLiterals;

// Concept names of TID 1500 / TID 1411 (PS3.16) the list reads.
struct Concept
{
    const char *value;
    const char *scheme;
};
constexpr Concept kMeasurementGroup {"125007", "DCM"};
constexpr Concept kTrackingIdentifier {"112039", "DCM"};
constexpr Concept kTrackingUid {"112040", "DCM"};
constexpr Concept kFinding {"121071", "DCM"};
constexpr Concept kFindingSite {"363698007", "SCT"};
constexpr Concept kFindingSiteSrt {"G-C0E3", "SRT"}; // the retired SNOMED RT code older writers use
constexpr Concept kReferencedSegment {"121191", "DCM"};
constexpr Concept kSourceSeriesForSegmentation {"121232", "DCM"};
constexpr Concept kDerivation {"121401", "DCM"};
constexpr Concept kAlgorithmName {"111001", "DCM"};
constexpr Concept kQualitativeEvaluations {"C0034375", "UMLS"};
constexpr Concept kDeviceObserverName {"121013", "DCM"};
constexpr Concept kPersonObserverName {"121008", "DCM"};

bool is(const CodedValue &code, const Concept &c)
{
    return code.is(c.value, c.scheme);
}

class TextDecoder
{
public:
    explicit TextDecoder(DcmItem &set) : m_decoder(internal::rawStrings(set, Tag {0x0008, 0x0005})) { }

    QString operator()(const OFString &raw, TextKind kind = TextKind::Free) const
    {
        return m_decoder.decode(QByteArray(raw.c_str(), qsizetype(raw.length())), kind).trimmed();
    }

    CodedValue code(const DSRCodedEntryValue &entry) const
    {
        return {QString::fromLatin1(entry.getCodeValue().c_str()).trimmed(),
                QString::fromLatin1(entry.getCodingSchemeDesignator().c_str()).trimmed(),
                (*this)(entry.getCodeMeaning(), TextKind::MultiValue)};
    }

private:
    CharsetDecoder m_decoder;
};

Error invalid(const QString &why, const QString &name)
{
    return Error(ErrorCode::InvalidAttribute, why, name);
}

// Walks the content tree depth first. A measurement group is everything below a
// Measurement Group container; a NUM directly in the group starts a measurement whose
// modifiers (derivation, algorithm) are its children.
class TreeWalker
{
public:
    TreeWalker(DSRDocumentTree &tree, const TextDecoder &text) : m_tree(tree), m_text(text) { }

    void walk(StructuredReport &out)
    {
        if (m_tree.gotoRoot() == 0)
            return;
        out.title = m_text.code(m_tree.getCurrentContentItem().getConceptName());
        do {
            visit(out, m_tree.getCurrentContentItem(), m_tree.getLevel());
        } while (m_tree.iterate() != 0);
    }

private:
    void visit(StructuredReport &out, DSRContentItem &item, size_t level)
    {
        if (m_groupLevel != 0 && level <= m_groupLevel)
            m_groupLevel = 0; // left the group
        if (m_evaluationsLevel != 0 && level <= m_evaluationsLevel)
            m_evaluationsLevel = 0;
        const CodedValue name = m_text.code(item.getConceptName());
        const DSRTypes::E_ValueType type = item.getValueType();

        if (type == DSRTypes::VT_Container && is(name, kMeasurementGroup)) {
            out.findings.append(ReportFinding {});
            m_groupLevel = level;
            m_measurement = -1;
            return;
        }
        if (type == DSRTypes::VT_Container && is(name, kQualitativeEvaluations)) {
            m_evaluationsLevel = level;
            return;
        }
        if (m_groupLevel == 0) {
            if (type == DSRTypes::VT_Code && m_evaluationsLevel != 0)
                out.evaluations << m_text.code(item.getCodeValue());
            else if (type == DSRTypes::VT_Text && is(name, kDeviceObserverName) && out.observer.isEmpty())
                out.observer = m_text(item.getStringValue(), TextKind::MultiValue);
            else if (type == DSRTypes::VT_PName && is(name, kPersonObserverName) && out.observer.isEmpty())
                out.observer = m_text(item.getStringValue(), TextKind::PersonName);
            return;
        }
        ReportFinding &finding = out.findings.last();
        if (level == m_groupLevel + 1)
            visitGroupItem(finding, item, name, type);
        else if (level == m_groupLevel + 2 && m_measurement >= 0)
            visitModifier(finding, item, name, type);
    }

    void
    visitGroupItem(ReportFinding &finding, DSRContentItem &item, const CodedValue &name, DSRTypes::E_ValueType type)
    {
        m_measurement = -1;
        switch (type) {
        case DSRTypes::VT_Text:
            if (is(name, kTrackingIdentifier))
                finding.trackingId = m_text(item.getStringValue(), TextKind::MultiValue);
            break;
        case DSRTypes::VT_UIDRef:
            if (is(name, kTrackingUid))
                finding.trackingUid = QString::fromLatin1(item.getStringValue().c_str()).trimmed();
            else if (is(name, kSourceSeriesForSegmentation))
                finding.sourceSeriesUid = QString::fromLatin1(item.getStringValue().c_str()).trimmed();
            break;
        case DSRTypes::VT_Code:
            if (is(name, kFinding))
                finding.finding = m_text.code(item.getCodeValue());
            else if (is(name, kFindingSite) || is(name, kFindingSiteSrt))
                finding.site = m_text.code(item.getCodeValue());
            break;
        case DSRTypes::VT_Image:
            if (is(name, kReferencedSegment)) {
                const DSRImageReferenceValue &ref = item.getImageReference();
                finding.segmentationInstanceUid = QString::fromLatin1(ref.getSOPInstanceUID().c_str()).trimmed();
                if (!ref.getSegmentList().isEmpty())
                    finding.segmentNumber = ref.getSegmentList().getItem(1);
            }
            break;
        case DSRTypes::VT_Num: {
            const DSRNumericMeasurementValue &num = item.getNumericValue();
            ReportMeasurement m;
            m.name = name;
            m.valueText = QString::fromLatin1(num.getNumericValue().c_str()).trimmed();
            bool ok = false;
            m.value = m.valueText.toDouble(&ok);
            if (!ok || !std::isfinite(m.value))
                break; // no value (e.g. a NUM with a qualifier only): nothing to list
            m.unit = m_text.code(num.getMeasurementUnit());
            finding.measurements << m;
            m_measurement = int(finding.measurements.size()) - 1;
            break;
        }
        default:
            break;
        }
    }

    void visitModifier(ReportFinding &finding, DSRContentItem &item, const CodedValue &name, DSRTypes::E_ValueType type)
    {
        if (type == DSRTypes::VT_Code && is(name, kDerivation))
            finding.measurements[m_measurement].derivation = m_text.code(item.getCodeValue());
        else if (type == DSRTypes::VT_Text && is(name, kAlgorithmName) && finding.algorithmName.isEmpty())
            finding.algorithmName = m_text(item.getStringValue(), TextKind::MultiValue);
    }

    DSRDocumentTree &m_tree;
    const TextDecoder &m_text;
    size_t m_groupLevel = 0; // level of the open measurement group, 0 = none
    size_t m_evaluationsLevel = 0;
    int m_measurement = -1; // index of the measurement whose modifiers may follow
};

} // namespace

const ReportMeasurement *ReportFinding::measurement(const char *codeValue, const char *codingScheme) const
{
    for (const ReportMeasurement &m : measurements) {
        if (m.name.is(codeValue, codingScheme))
            return &m;
    }
    return nullptr;
}

Result<StructuredReport> StructuredReportReader::fromFile(const QString &path)
{
    Result<QByteArray> bytes = internal::readWholeFile(path, MaxFileSize);
    if (!bytes)
        return bytes.error();
    return fromBytes(*bytes, path);
}

Result<StructuredReport> StructuredReportReader::fromBytes(const QByteArray &bytes, const QString &name)
{
    if (bytes.size() > MaxFileSize)
        return Error(ErrorCode::FileTooLarge, QString::number(bytes.size()), name);
    Result<internal::ParsedDataset> parsed = internal::parseDataset(bytes, name, false);
    if (!parsed)
        return parsed.error();
    DcmDataset &set = *parsed->file->getDataset();
    OFString modality;
    if (set.findAndGetOFString(DCM_Modality, modality).bad() || modality != "SR")
        return invalid(u"not a structured report (Modality is not SR)"_s, name);

    DSRDocument document;
    const OFCondition status = document.read(set);
    if (status.bad())
        return Error(ErrorCode::CorruptDataset, u"dcmsr: %1"_s.arg(QString::fromLatin1(status.text())), name);
    DSRDocumentTree &tree = document.getTree();
    if (tree.countNodes() > size_t(MaxContentItems))
        return invalid(u"more than %1 content items"_s.arg(MaxContentItems), name);

    const TextDecoder text(set);
    StructuredReport out;
    OFString value;
    document.getSOPInstanceUID(value);
    out.sopInstanceUid = QString::fromLatin1(value.c_str());
    document.getSeriesInstanceUID(value);
    out.seriesInstanceUid = QString::fromLatin1(value.c_str());
    document.getStudyInstanceUID(value);
    out.studyInstanceUid = QString::fromLatin1(value.c_str());
    out.complete = document.getCompletionFlag() == DSRTypes::CF_Complete;
    out.verified = document.getVerificationFlag() == DSRTypes::VF_Verified;
    TreeWalker(tree, text).walk(out);
    // TID 1500's root is "Imaging Measurement Report" (126000, DCM); other reports are not
    // findings lists and are refused rather than shown half understood.
    if (!out.title.is("126000", "DCM"))
        return invalid(
            u"not a TID 1500 measurement report (root concept %1 %2)"_s.arg(out.title.value, out.title.meaning), name);
    return out;
}

} // namespace haip::dicom
