#include "dicom/ResultRelinker.h"

#include "dicom/CharsetDecoder.h"
#include "dicom/internal/DatasetParser.h"
#include "dicom/internal/FileFormatBytes.h"

#include <QStringList>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcxfer.h>

namespace haip::dicom {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxDepth = 32; // deeper nesting than any result IOD has: hostile input

class UidMapper
{
public:
    explicit UidMapper(const ResultRelinker::UidLookup &lookup) : m_lookup(lookup) { }

    Result<int> run(DcmItem &item, int depth)
    {
        if (depth > kMaxDepth)
            return Error(ErrorCode::CorruptDataset, u"sequences nested deeper than %1"_s.arg(kMaxDepth));
        int mapped = 0;
        for (unsigned long i = 0; i < item.card(); ++i) {
            DcmElement *element = item.getElement(i);
            if (!element)
                continue;
            if (element->ident() == EVR_SQ) {
                auto *sequence = static_cast<DcmSequenceOfItems *>(element);
                for (unsigned long k = 0; k < sequence->card(); ++k) {
                    Result<int> inner = run(*sequence->getItem(k), depth + 1);
                    if (!inner)
                        return inner;
                    mapped += *inner;
                }
            } else if (element->ident() == EVR_UI) {
                Result<int> n = mapValue(*element);
                if (!n)
                    return n;
                mapped += *n;
            }
        }
        return mapped;
    }

private:
    Result<int> mapValue(DcmElement &element)
    {
        OFString value;
        if (element.getOFStringArray(value).bad() || value.empty())
            return 0;
        QStringList uids = QString::fromLatin1(value.c_str()).split(u'\\');
        int mapped = 0;
        for (QString &uid : uids) {
            if (const std::optional<QString> original = m_lookup(uid.trimmed())) {
                uid = *original;
                ++mapped;
            }
        }
        if (mapped > 0 && element.putString(uids.join(u'\\').toLatin1().constData()).bad())
            return Error(ErrorCode::Internal, u"cannot write a re-linked UID"_s);
        return mapped;
    }

    const ResultRelinker::UidLookup &m_lookup;
};

// Every text value below `item` re-encoded as UTF-8 through our CharsetDecoder, which reads
// the Japanese ISO 2022 sets that DCMTK's iconv-based convertToUTF8() refuses.
Result<void> textToUtf8(DcmItem &item, const CharsetDecoder &decoder, int depth)
{
    if (depth > kMaxDepth)
        return Error(ErrorCode::CorruptDataset, u"sequences nested deeper than %1"_s.arg(kMaxDepth));
    for (unsigned long i = 0; i < item.card(); ++i) {
        DcmElement *element = item.getElement(i);
        if (!element)
            continue;
        const DcmEVR vr = element->ident();
        if (vr == EVR_SQ) {
            auto *sequence = static_cast<DcmSequenceOfItems *>(element);
            for (unsigned long k = 0; k < sequence->card(); ++k) {
                if (Result<void> inner = textToUtf8(*sequence->getItem(k), decoder, depth + 1); !inner)
                    return inner;
            }
            continue;
        }
        TextKind kind = TextKind::MultiValue;
        if (vr == EVR_PN)
            kind = TextKind::PersonName;
        else if (vr == EVR_ST || vr == EVR_LT || vr == EVR_UT)
            kind = TextKind::Free;
        else if (vr != EVR_SH && vr != EVR_LO && vr != EVR_UC)
            continue;
        char *raw = nullptr;
        Uint32 length = element->getLength();
        if (length == 0 || element->getString(raw).bad() || !raw)
            continue;
        const QString text = decoder.decode(QByteArray(raw, qsizetype(length)), kind);
        if (element->putString(text.toUtf8().constData()).bad())
            return Error(ErrorCode::Internal, u"cannot re-encode a text value"_s);
    }
    return {};
}

Result<void> putText(DcmItem &item, const DcmTagKey &tag, const QString &value)
{
    const OFCondition status = item.putAndInsertString(tag, value.toUtf8().constData());
    if (status.bad())
        return Error(ErrorCode::Internal, QString::fromLatin1(status.text()));
    return {};
}

} // namespace

ResultRelinker::ResultRelinker(UidLookup lookup, OriginalStudy study)
    : m_lookup(std::move(lookup)), m_study(std::move(study))
{ }

Result<QByteArray> ResultRelinker::relink(const QByteArray &part10, const QString &name, RelinkReport *report) const
{
    Result<internal::ParsedDataset> parsed = internal::parseDataset(part10, name, false);
    if (!parsed)
        return parsed.error();
    DcmFileFormat &file = *parsed->file;
    DcmDataset &dataset = *file.getDataset();

    OFString studyUid;
    dataset.findAndGetOFString(DCM_StudyInstanceUID, studyUid);
    const std::optional<QString> originalStudy = m_lookup(QString::fromLatin1(studyUid.c_str()));
    if (!originalStudy || *originalStudy != m_study.studyInstanceUid)
        return Error(ErrorCode::BadServerResponse, u"the result belongs to another study than the one sent"_s, name);

    // The original names are UTF-8: the result is brought to UTF-8 first (a service may have
    // written another character set), so every text in it stays readable.
    OFString charset;
    dataset.findAndGetOFStringArray(DCM_SpecificCharacterSet, charset);
    if (!charset.empty() && charset != "ISO_IR 192" && charset != "ISO_IR 6") {
        const CharsetDecoder decoder(QString::fromLatin1(charset.c_str()).split(u'\\'));
        if (!decoder.isSupported())
            return Error(ErrorCode::UnsupportedCharacterSet, decoder.unsupportedTerms().join(u", "_s), name);
        if (Result<void> converted = textToUtf8(dataset, decoder, 0); !converted)
            return converted.error().withSubject(name);
    }

    UidMapper mapper(m_lookup);
    Result<int> mapped = mapper.run(dataset, 0);
    if (!mapped)
        return mapped.error().withSubject(name);

    const std::pair<DcmTagKey, const QString *> identity[] = {
        {DCM_SpecificCharacterSet, nullptr},
        {DCM_PatientName, &m_study.patientName},
        {DCM_PatientID, &m_study.patientId},
        {DCM_PatientBirthDate, &m_study.patientBirthDate},
        {DCM_PatientSex, &m_study.patientSex},
        {DCM_StudyDate, &m_study.studyDate},
        {DCM_StudyTime, &m_study.studyTime},
        {DCM_StudyID, &m_study.studyId},
        {DCM_AccessionNumber, &m_study.accessionNumber},
        {DCM_ReferringPhysicianName, &m_study.referringPhysicianName},
    };
    for (const auto &[tag, value] : identity) {
        Result<void> put = putText(dataset, tag, value ? *value : u"ISO_IR 192"_s);
        if (!put)
            return put.error().withSubject(name);
    }

    E_TransferSyntax xfer = parsed->transferSyntax;
    if (xfer == EXS_Unknown || !dataset.canWriteXfer(xfer, xfer))
        xfer = EXS_LittleEndianExplicit;
    Result<QByteArray> bytes = internal::fileFormatBytes(file, xfer, part10.size() + 1024);
    if (!bytes)
        return bytes.error().withSubject(name);
    if (report) {
        report->uidsMapped = *mapped;
        OFString sopClass;
        OFString sopInstance;
        dataset.findAndGetOFString(DCM_SOPClassUID, sopClass);
        dataset.findAndGetOFString(DCM_SOPInstanceUID, sopInstance);
        report->sopClassUid = QString::fromLatin1(sopClass.c_str());
        report->sopInstanceUid = QString::fromLatin1(sopInstance.c_str());
    }
    return bytes;
}

} // namespace haip::dicom
