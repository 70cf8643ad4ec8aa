// Table-driven proof that the de-identifier applies PS3.15 Table E.1-1: a data set holding every
// attribute of the table that DCMTK's dictionary knows (a plausible value for its VR), plus a
// copy of all of them in a sequence item two levels deep, is de-identified under the Basic
// Profile and under each option; every attribute, at both depths, is checked against the
// action the table gives it (removed, emptied, dummy, kept, cleaned, UID replaced consistently).
#include "TestSupport.h"
#include "dicom/DeidTable.h"
#include "dicom/Deidentifier.h"

#include <QDate>
#include <QTemporaryDir>
#include <QtTest>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <memory>
#include <set>

using namespace haip;
using namespace haip::dicom;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(haip::dicom::DeidOptions)

namespace {

const QByteArray kSecret = QByteArrayLiteral("test secret for the table-driven test");
constexpr const char *kPatientId = "PID-0042-7731";

// A plausible value of each VR, all carrying the planted word "Smith" where text can, and
// vocabulary words ("CHEST") that Clean Descriptors keeps.
QByteArray plausible(DcmEVR vr, quint32 key)
{
    switch (vr) {
    case EVR_AE:
        return "SMITHAE";
    case EVR_AS:
        return "045Y";
    case EVR_CS:
        return "SMITH CHEST";
    case EVR_DA:
        return "20200317";
    case EVR_DT:
        return "20200317101500";
    case EVR_TM:
        return "101500";
    case EVR_DS:
        return "1.5";
    case EVR_IS:
        return "7";
    case EVR_PN:
        return "Smith^John";
    case EVR_SH:
        return "Smith CHEST";
    case EVR_UI:
        return QByteArray("1.2.826.0.1.3680043.10.543.") + QByteArray::number(key);
    case EVR_UR:
        return "http://smith.example/";
    case EVR_LO:
    case EVR_LT:
    case EVR_ST:
    case EVR_UT:
    case EVR_UC:
        return "Smith 20211201 CHEST";
    default:
        return {};
    }
}

// Adds the element `key` with a plausible value to `item`; false when DCMTK does not know it.
bool addAttribute(DcmItem &item, quint32 key)
{
    const DcmTagKey tagKey(quint16(key >> 16), quint16(key & 0xFFFF));
    DcmTag tag(tagKey); // getTagName() is not const
    const DcmEVR vr = tag.getEVR();
    if (vr == EVR_UNKNOWN || vr == EVR_UN || vr == EVR_UNKNOWN2B ||
        std::string(tag.getTagName()) == "Unknown Tag & Data")
        return false;
    if (vr == EVR_SQ) {
        DcmItem *inner = nullptr;
        if (item.findOrCreateSequenceItem(tagKey, inner, -2).bad())
            return false;
        // Every sequence item references an instance, so UID rewriting inside it is visible.
        return inner->putAndInsertString(DCM_CodeValue, "T-D3000").good() &&
            inner->putAndInsertString(DCM_ReferencedSOPInstanceUID, "1.2.826.0.1.3680043.10.543.999").good();
    }
    const QByteArray text = plausible(vr, key);
    if (!text.isEmpty())
        return item.putAndInsertString(tagKey, text.constData()).good();
    switch (vr) {
    case EVR_US:
        return item.putAndInsertUint16(tagKey, 7).good();
    case EVR_SS:
        return item.putAndInsertSint16(tagKey, 7).good();
    case EVR_UL:
        return item.putAndInsertUint32(tagKey, 7).good();
    case EVR_SL:
        return item.putAndInsertSint32(tagKey, 7).good();
    case EVR_FL:
        return item.putAndInsertFloat32(tagKey, 7.0f).good();
    case EVR_FD:
        return item.putAndInsertFloat64(tagKey, 7.0).good();
    case EVR_AT:
        return item.putAndInsertTagKey(tagKey, DCM_PatientName).good();
    case EVR_OB:
    case EVR_OW: {
        const Uint8 bytes[4] = {'S', 'M', 'I', 'T'};
        return item.putAndInsertUint8Array(tagKey, bytes, 4).good();
    }
    default:
        return false; // OF, OD, OL, SV, UV: none of them is in the table
    }
}

// The single-tag rows a data set can hold (not command, meta or the file's trailing elements).
std::vector<quint32> datasetRows()
{
    std::vector<quint32> keys;
    for (const DeidRule &rule : DeidTable::rules()) {
        const quint16 group = quint16(rule.tag >> 16);
        if (rule.mask != 0xFFFFFFFF || group == 0x0000 || group == 0x0002 || group >= 0xFFFA)
            continue;
        keys.push_back(rule.tag);
    }
    return keys;
}

QString valueOf(DcmItem &item, quint32 key, bool *present = nullptr, DcmElement **out = nullptr)
{
    DcmElement *element = nullptr;
    const bool found =
        item.findAndGetElement(DcmTagKey(quint16(key >> 16), quint16(key & 0xFFFF)), element, OFFalse).good();
    if (present)
        *present = found;
    if (out)
        *out = element;
    if (!found || element->ident() == EVR_SQ)
        return {};
    OFString value;
    element->getOFStringArray(value);
    return QString::fromLatin1(value.c_str());
}

} // namespace

class TestDeidTable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tableFollowsTheStandard();
    void optionsFromPolicyKeywords();
    void everyAttributeHandled_data();
    void everyAttributeHandled();

private:
    QTemporaryDir m_dir;
    QString m_input;
    std::vector<quint32> m_keys; // rows planted in the input
};

void TestDeidTable::initTestCase()
{
    QVERIFY(m_dir.isValid());
    DcmFileFormat file;
    DcmDataset &dataset = *file.getDataset();
    QVERIFY(dataset.putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage).good());
    // Two levels deep: Referenced Series Sequence → Referenced Instance Sequence (not in the table).
    DcmItem *series = nullptr;
    QVERIFY(dataset.findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, series, -2).good());
    DcmItem *nested = nullptr;
    QVERIFY(series->findOrCreateSequenceItem(DCM_ReferencedInstanceSequence, nested, -2).good());
    int unknown = 0;
    for (const quint32 key : datasetRows()) {
        const bool top = addAttribute(dataset, key);
        const bool deep = addAttribute(*nested, key);
        QCOMPARE(deep, top);
        if (top)
            m_keys.push_back(key);
        else
            ++unknown;
    }
    QVERIFY(dataset.putAndInsertString(DCM_PatientID, kPatientId).good());
    QVERIFY(nested->putAndInsertString(DCM_PatientID, kPatientId).good());
    // Repeating groups and a private block.
    QVERIFY(dataset.putAndInsertUint16(DcmTagKey(0x6000, 0x0010), 4).good());
    const Uint16 overlay[2] = {0xFFFF, 0x0F0F};
    QVERIFY(dataset.putAndInsertUint16Array(DcmTagKey(0x6000, 0x3000), overlay, 2).good());
    QVERIFY(dataset.putAndInsertString(DcmTagKey(0x6002, 0x4000), "Smith overlay").good());
    QVERIFY(dataset.putAndInsertUint16Array(DcmTagKey(0x5000, 0x3000), overlay, 2).good());
    QVERIFY(dataset.putAndInsertString(DcmTagKey(0x0009, 0x0010), "HAIP TEST").good());
    QVERIFY(dataset.putAndInsertString(DcmTag(DcmTagKey(0x0009, 0x1001), EVR_LO), "Smith^John").good());
    QVERIFY(nested->putAndInsertString(DcmTagKey(0x0009, 0x0010), "HAIP TEST").good());
    QVERIFY(nested->putAndInsertString(DcmTag(DcmTagKey(0x0009, 0x1001), EVR_LO), "Smith^John").good());

    qInfo("%zu table rows planted at two depths; %d rows unknown to DCMTK's dictionary", m_keys.size(), unknown);
    QVERIFY2(m_keys.size() >= 550, "most of Table E.1-1 must be exercised");
    m_input = m_dir.filePath(u"table.dcm"_s);
    QVERIFY(file.saveFile(m_input.toLocal8Bit().constData(), EXS_LittleEndianExplicit).good());
}

void TestDeidTable::tableFollowsTheStandard()
{
    const auto rules = DeidTable::rules();
    QVERIFY(rules.size() > 600);
    for (size_t i = 1; i < rules.size(); ++i) {
        if (rules[i].mask == 0xFFFFFFFF && rules[i - 1].mask == 0xFFFFFFFF)
            QVERIFY2(rules[i - 1].tag < rules[i].tag, "rows sorted by tag, no duplicates");
    }
    // Spot checks against PS3.15 Table E.1-1.
    const auto basic = [](quint32 key) {
        const DeidRule *rule = DeidTable::find(key);
        return rule ? DeidTable::code(rule->basic) : u"-"_s;
    };
    QCOMPARE(basic(0x00100010), u"Z"_s); // Patient's Name
    QCOMPARE(basic(0x00100020), u"Z/D"_s); // Patient ID
    QCOMPARE(basic(0x00080050), u"Z"_s); // Accession Number
    QCOMPARE(basic(0x00080018), u"U"_s); // SOP Instance UID
    QCOMPARE(basic(0x00080080), u"X/Z/D"_s); // Institution Name
    QCOMPARE(basic(0x00081140), u"X/Z/U*"_s); // Referenced Image Sequence
    QCOMPARE(basic(0x00101000), u"X"_s); // Other Patient IDs
    QCOMPARE(basic(0x60023000), u"X"_s); // Overlay Data, any 60xx group
    QCOMPARE(basic(0x601E4000), u"X"_s); // Overlay Comments
    QCOMPARE(basic(0x50101234), u"X"_s); // curve data
    QCOMPARE(basic(0x00280010), u"-"_s); // Rows: not in the table
    const DeidRule *sex = DeidTable::find(0x00100040);
    QVERIFY(sex);
    QCOMPARE(sex->patientCharacteristics, DeidAction::Keep);
    QCOMPARE(DeidTable::find(0x00080020)->modifiedDates, DeidAction::Clean); // Study Date
    QCOMPARE(DeidTable::find(0x00181000)->deviceIdentity, DeidAction::Keep); // Device Serial Number
    QCOMPARE(DeidTable::find(0x0008103E)->cleanDescriptors, DeidAction::Clean); // Series Description
    QCOMPARE(DeidTable::resolve(DeidAction::RemoveOrEmptyOrDummy, 1), DeidAction::Dummy);
    QCOMPARE(DeidTable::resolve(DeidAction::RemoveOrEmptyOrDummy, 2), DeidAction::Empty);
    QCOMPARE(DeidTable::resolve(DeidAction::RemoveOrEmptyOrDummy, 3), DeidAction::Remove);
}

void TestDeidTable::optionsFromPolicyKeywords()
{
    // The IT policy's "DeidOptions" choices (core/config) and the CLI's words give the same options.
    const Result<DeidOptions> policy = DeidOptions::fromKeywords(
        {u"RetainPatientCharacteristics"_s, u"RetainLongitudinalModifiedDates"_s, u"CleanDescriptors"_s});
    QVERIFY(policy.ok());
    QCOMPARE(*policy, (DeidOptions {true, true, false, true, false}));
    const Result<DeidOptions> cli = DeidOptions::fromKeywords({u"modified-dates"_s, u"allow-burned-in"_s});
    QVERIFY(cli.ok());
    QCOMPARE(cli->keywords(), (QStringList {u"modified-dates"_s, u"allow-burned-in"_s}));
    const Result<DeidOptions> unknown = DeidOptions::fromKeywords({u"RetainUIDs"_s});
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code(), ErrorCode::InvalidArgument);
}

void TestDeidTable::everyAttributeHandled_data()
{
    QTest::addColumn<DeidOptions>("options");
    QTest::newRow("basic profile") << DeidOptions {};
    QTest::newRow("retain patient characteristics") << DeidOptions {.retainPatientCharacteristics = true};
    QTest::newRow("modified dates") << DeidOptions {.modifiedDates = true};
    QTest::newRow("retain device identity") << DeidOptions {.retainDeviceIdentity = true};
    QTest::newRow("clean descriptors") << DeidOptions {.cleanDescriptors = true};
    QTest::newRow("all options") << DeidOptions {true, true, true, true};
}

void TestDeidTable::everyAttributeHandled()
{
    QFETCH(DeidOptions, options);
    const QString output = m_dir.filePath(u"out.dcm"_s);
    const Result<DeidReport> report = deidentifyFile(m_input, output, options, kSecret);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message()));

    DcmFileFormat original;
    DcmFileFormat result;
    QVERIFY(original.loadFile(m_input.toLocal8Bit().constData()).good());
    QVERIFY(result.loadFile(output.toLocal8Bit().constData()).good());
    DcmDataset &out = *result.getDataset();
    DcmItem *deep = nullptr;
    DcmItem *originalDeep = nullptr;
    QVERIFY(out.findAndGetSequenceItem(DCM_ReferencedSeriesSequence, deep).good());
    QVERIFY(deep->findAndGetSequenceItem(DCM_ReferencedInstanceSequence, deep).good());
    QVERIFY(original.getDataset()->findAndGetSequenceItem(DCM_ReferencedSeriesSequence, originalDeep).good());
    QVERIFY(originalDeep->findAndGetSequenceItem(DCM_ReferencedInstanceSequence, originalDeep).good());

    const QString pseudonym = report->reidentification.pseudonym;
    QVERIFY(pseudonym.startsWith(u"HAIP-"_s) && pseudonym.size() == 17);
    const int offset = report->reidentification.dateOffsetDays;
    if (options.modifiedDates)
        QVERIFY(offset <= -1 && offset >= -3650);
    else
        QCOMPARE(offset, 0);

    QStringList failures;
    int checked = 0;
    for (const quint32 key : m_keys) {
        const DeidRule *rule = DeidTable::find(key);
        QVERIFY(rule);
        DeidAction expected = DeidTable::resolve(DeidTable::action(*rule, options), DeidTable::requiredType(key));
        const QString name =
            QString::fromLatin1(DcmTag(DcmTagKey(quint16(key >> 16), quint16(key & 0xFFFF))).getTagName());
        const QString where = u"(%1,%2) %3 [%4]"_s.arg(uint(key >> 16), 4, 16, QChar(u'0'))
                                  .arg(uint(key & 0xFFFF), 4, 16, QChar(u'0'))
                                  .arg(name, DeidTable::code(expected));
        QString newUid[2];
        for (int level = 0; level < 2; ++level) {
            DcmItem &in = level == 0 ? *original.getDataset() : *originalDeep;
            DcmItem &res = level == 0 ? static_cast<DcmItem &>(out) : *deep;
            DcmElement *inElement = nullptr;
            DcmElement *outElement = nullptr;
            bool present = false;
            const QString before = valueOf(in, key, nullptr, &inElement);
            const QString after = valueOf(res, key, &present, &outElement);
            const DcmEVR vr = inElement->ident();
            const bool sequence = vr == EVR_SQ;
            DeidAction action = expected;
            // C has rules for dates (Modified Dates), times, AE titles and text; other VRs fall
            // back to the Basic Profile's action.
            if (action == DeidAction::Clean && !sequence) {
                const bool date = vr == EVR_DA || vr == EVR_DT;
                const bool text = vr == EVR_LO || vr == EVR_SH || vr == EVR_ST || vr == EVR_LT || vr == EVR_UT ||
                    vr == EVR_UC || vr == EVR_CS;
                if (!(date && options.modifiedDates) && vr != EVR_TM && vr != EVR_AE && !text)
                    action = DeidTable::resolve(rule->basic, DeidTable::requiredType(key));
            }
            const QString at = where + (level == 0 ? u" top: "_s : u" nested: "_s);
            ++checked;
            if ((key == 0x00100010 || key == 0x00100020) &&
                (action == DeidAction::Empty || action == DeidAction::Dummy)) {
                if (after != pseudonym)
                    failures << at + u"not the pseudonym"_s;
                continue;
            }
            switch (action) {
            case DeidAction::Remove:
                if (present)
                    failures << at + u"not removed"_s;
                break;
            case DeidAction::Empty:
                if (!present ||
                    (sequence ? static_cast<DcmSequenceOfItems *>(outElement)->card() != 0
                              : outElement->getLength() != 0))
                    failures << at + u"not emptied"_s;
                break;
            case DeidAction::Dummy:
                if (!present || (!sequence && (outElement->getLength() == 0 || after == before)))
                    failures << at + u"no dummy value"_s;
                break;
            case DeidAction::Keep:
                if (!present || after != before ||
                    (sequence && static_cast<DcmSequenceOfItems *>(outElement)->card() != 1))
                    failures << at + u"not kept"_s;
                break;
            case DeidAction::Uid:
                if (!present || (!sequence && (!after.startsWith(u"2.25."_s) || after == before)))
                    failures << at + u"UID not replaced"_s;
                newUid[level] = after;
                break;
            case DeidAction::Clean:
                if (!present) {
                    failures << at + u"removed instead of cleaned"_s;
                } else if (vr == EVR_DA || vr == EVR_DT) {
                    const QDate shifted = QDate::fromString(after.left(8), u"yyyyMMdd"_s);
                    if (shifted != QDate(2020, 3, 17).addDays(offset) || after.mid(8) != before.mid(8))
                        failures << at + u"date not shifted by the patient's offset"_s;
                } else if (vr == EVR_TM || key == 0x00080201) { // times, Timezone Offset From UTC
                    if (after != before)
                        failures << at + u"time changed"_s;
                } else if (vr == EVR_AE) {
                    if (after == before)
                        failures << at + u"AE title kept"_s;
                } else if (!sequence &&
                           (after.contains(u"smith"_s, Qt::CaseInsensitive) || !after.contains(u"CHEST"_s))) {
                    failures << at + u"descriptor not cleaned: "_s + QString::number(after.size()) + u" chars"_s;
                }
                break;
            default:
                failures << at + u"unresolved action"_s;
            }
        }
        if (expected == DeidAction::Uid && newUid[0] != newUid[1])
            failures << where + u" the same UID became two different UIDs"_s;
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 30).join(u'\n')));
    QVERIFY(checked >= 1100);

    // References inside every kept sequence item map to one new UID.
    std::set<QString> references;
    for (const quint32 key : m_keys) {
        DcmItem *item = nullptr;
        const DcmTagKey tag(quint16(key >> 16), quint16(key & 0xFFFF));
        if (out.findAndGetSequenceItem(tag, item).good() && item != nullptr)
            references.insert(valueOf(*item, 0x00081155));
    }
    references.erase(QString()); // items without the reference (none expected) and removed ones
    QCOMPARE(references.size(), size_t(1));
    QVERIFY(references.begin()->startsWith(u"2.25."_s));

    // Private attributes, overlay groups and curves are gone at every depth.
    for (DcmItem *item : {static_cast<DcmItem *>(&out), deep}) {
        for (unsigned long i = 0; i < item->card(); ++i) {
            const DcmTag &tag = item->getElement(i)->getTag();
            QVERIFY2(!tag.isPrivate(), "a private attribute survived");
            QVERIFY2((tag.getGTag() & 0xFF00) != 0x6000 && (tag.getGTag() & 0xFF00) != 0x5000,
                     "an overlay or curve attribute survived");
        }
    }

    // Markers, PS3.15 E.1.1 and E.3.
    OFString value;
    QVERIFY(out.findAndGetOFString(DCM_PatientIdentityRemoved, value).good());
    QCOMPARE(QString::fromLatin1(value.c_str()), u"YES"_s);
    QStringList codes;
    DcmItem *codeItem = nullptr;
    for (int i = 0; out.findAndGetSequenceItem(DCM_DeidentificationMethodCodeSequence, codeItem, i).good(); ++i) {
        QVERIFY(codeItem->findAndGetOFString(DCM_CodeValue, value).good());
        codes << QString::fromLatin1(value.c_str());
        QVERIFY(codeItem->findAndGetOFString(DCM_CodingSchemeDesignator, value).good());
        QCOMPARE(QString::fromLatin1(value.c_str()), u"DCM"_s);
    }
    QStringList expectedCodes {u"113100"_s};
    if (options.retainPatientCharacteristics)
        expectedCodes << u"113108"_s;
    if (options.modifiedDates)
        expectedCodes << u"113107"_s;
    if (options.retainDeviceIdentity)
        expectedCodes << u"113109"_s;
    if (options.cleanDescriptors)
        expectedCodes << u"113105"_s;
    QCOMPARE(codes, expectedCodes);
    QCOMPARE(report->methodCodes, expectedCodes);
    const bool modified = out.findAndGetOFString(DCM_LongitudinalTemporalInformationModified, value).good();
    QCOMPARE(modified, options.modifiedDates);
    if (modified)
        QCOMPARE(QString::fromLatin1(value.c_str()), u"MODIFIED"_s);
    QVERIFY(out.findAndGetOFString(DCM_DeidentificationMethod, value).good());

    // File Meta: Media Storage SOP Instance UID follows the new SOP Instance UID.
    OFString sop;
    OFString media;
    QVERIFY(out.findAndGetOFString(DCM_SOPInstanceUID, sop).good());
    QVERIFY(result.getMetaInfo()->findAndGetOFString(DCM_MediaStorageSOPInstanceUID, media).good());
    QCOMPARE(QString::fromLatin1(media.c_str()), QString::fromLatin1(sop.c_str()));
    QCOMPARE(report->newSopInstanceUid, QString::fromLatin1(sop.c_str()));

    // The report names tags only; every removed or changed top-level row is among them.
    QVERIFY(report->changedTags.size() > 300);
    QVERIFY(report->actionCounts.value(u"X"_s) > 300);
}

QTEST_GUILESS_MAIN(TestDeidTable)
#include "TestDeidTable.moc"
