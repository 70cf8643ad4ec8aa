// CharsetDecoder over pydicom's charset corpus (Debian python3-pydicom, charset_files): every
// text element of every file — sequences included, each item with its own or its parent's
// Specific Character Set — decoded by us and by pydicom, an independent implementation, must
// agree; and every assigned cell of the double-byte sets (JIS X 0208/0212, KS X 1001, GB 2312)
// must decode as Python's codecs decode it. One /usr/bin/python3 run gives all references.
// Top-level elements are read as the application reads them, DicomFile::text(); elements in
// sequence items (which DicomFile does not reach) as raw bytes through DCMTK's dcmdata,
// never through its charset conversion, then CharsetDecoder with the item's character set.
#include "TestSupport.h"
#include "dicom/CharsetDecoder.h"
#include "dicom/DicomFile.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <dcmtk/dcmdata/dctk.h>

using namespace Qt::StringLiterals;
using haip::dicom::CharsetDecoder;
using haip::dicom::DicomFile;
using haip::dicom::Tag;
using haip::dicom::TextKind;

namespace {

struct TextElement
{
    QString path; // "0032,1064[0]/0010,0010", as the reference script names it
    QString vr;
    QByteArray raw;
    QStringList characterSet; // the one in force for this element
};

QByteArray rawValue(DcmElement *element)
{
    if (element->ident() == EVR_UN) { // a private element whose VR DCMTK's dictionary lacks
        Uint8 *data = nullptr;
        if (element->getUint8Array(data).bad() || !data)
            return {};
        return QByteArray(reinterpret_cast<const char *>(data), qsizetype(element->getLength()));
    }
    auto *text = dynamic_cast<DcmByteString *>(element);
    char *value = nullptr;
    Uint32 length = 0;
    if (!text || text->getString(value, length).bad() || !value)
        return {};
    return QByteArray(value, qsizetype(length));
}

QString tagName(const DcmTagKey &tag)
{
    return u"%1,%2"_s.arg(tag.getGroup(), 4, 16, QLatin1Char('0'))
        .arg(tag.getElement(), 4, 16, QLatin1Char('0'))
        .toUpper();
}

// PS3.5 §6.1.2.5 / PS3.3 C.12.1.1.2: a sequence item without its own (0008,0005) inherits it.
void collect(DcmItem &item, const QString &prefix, QStringList characterSet, QList<TextElement> &out)
{
    DcmElement *scs = nullptr;
    if (item.findAndGetElement(DCM_SpecificCharacterSet, scs, OFFalse).good() && scs)
        characterSet = QString::fromLatin1(rawValue(scs)).split(u'\\');
    for (unsigned long i = 0; i < item.card(); ++i) {
        DcmElement *element = item.getElement(i);
        const QString tag = tagName(element->getTag());
        const QString vr = QString::fromLatin1(DcmVR(element->ident()).getValidVRName());
        if (element->ident() == EVR_SQ) {
            auto *sequence = dynamic_cast<DcmSequenceOfItems *>(element);
            for (unsigned long k = 0; sequence && k < sequence->card(); ++k)
                collect(*sequence->getItem(k), u"%1%2[%3]/"_s.arg(prefix, tag).arg(k), characterSet, out);
        } else if (QStringList {u"PN"_s, u"LO"_s, u"SH"_s, u"ST"_s, u"LT"_s, u"UT"_s, u"UC"_s}.contains(vr) ||
                   (vr == u"UN"_s && element->getTag().isPrivate())) {
            out.append({prefix + tag, vr, rawValue(element), characterSet});
        }
    }
}

TextKind kindOf(const QString &vr)
{
    if (vr == u"PN"_s)
        return TextKind::PersonName;
    if (vr == u"ST"_s || vr == u"LT"_s || vr == u"UT"_s)
        return TextKind::Free;
    return TextKind::MultiValue;
}

QString charsetFile(const QString &name)
{
    return haip::test::pydicomFile(u"charset_files/"_s + name);
}

} // namespace

class TestCharsetCorpus : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void testCorpusIsComplete();
    void testFileMatchesPydicom_data();
    void testFileMatchesPydicom();
    void testH31IsTheStandardsExample();
    void testDoubleByteSetMatchesPython_data();
    void testDoubleByteSetMatchesPython();

private:
    QJsonObject m_reference;
};

void TestCharsetCorpus::initTestCase()
{
    const QString python = u"/usr/bin/python3"_s;
    QVERIFY2(QFileInfo::exists(python), "/usr/bin/python3 is missing: install python3-pydicom");
    const QString script = QStringLiteral(HAIP_SOURCE_DIR "/tests/dicom/charset_reference.py");
    const haip::test::ProcessResult result =
        haip::test::run(python, {script, haip::test::pydicomFile(u"charset_files"_s)}, 60000);
    QVERIFY2(result.finished && result.exitCode == 0, result.err.constData());
    QJsonParseError error;
    m_reference = QJsonDocument::fromJson(result.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
}

void TestCharsetCorpus::testCorpusIsComplete()
{
    const QStringList files = QDir(haip::test::pydicomFile(u"charset_files"_s)).entryList({u"*.dcm"_s});
    for (const char *name : {"chrArab",
                             "chrFren",
                             "chrFrenMulti",
                             "chrGerm",
                             "chrGreek",
                             "chrH31",
                             "chrH32",
                             "chrHbrw",
                             "chrI2",
                             "chrJapMulti",
                             "chrJapMultiExplicitIR6",
                             "chrKoreanMulti",
                             "chrRuss",
                             "chrSQEncoding",
                             "chrSQEncoding1",
                             "chrX1",
                             "chrX2"})
        QVERIFY2(files.contains(QString::fromLatin1(name) + u".dcm"_s), name);
    QCOMPARE(m_reference.value(u"files"_s).toObject().keys(), files);
}

void TestCharsetCorpus::testFileMatchesPydicom_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(haip::test::pydicomFile(u"charset_files"_s)).entryList({u"*.dcm"_s});
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

void TestCharsetCorpus::testFileMatchesPydicom()
{
    QFETCH(QString, file);
    DcmFileFormat format;
    const OFCondition status = format.loadFile(OFFilename(QFile::encodeName(charsetFile(file)).constData()));
    QVERIFY2(status.good(), status.text());
    QList<TextElement> ours;
    collect(*format.getDataset(), {}, {}, ours);
    const haip::Result<DicomFile> dicomFile = DicomFile::open(charsetFile(file), DicomFile::Content::HeaderOnly);
    QVERIFY2(dicomFile.ok(), qPrintable(dicomFile.ok() ? QString() : dicomFile.error().message()));

    const QJsonArray reference = m_reference.value(u"files"_s).toObject().value(file).toArray();
    QVERIFY(!reference.isEmpty());
    int compared = 0;
    for (const QJsonValue &v : reference) {
        const QJsonObject ref = v.toObject();
        const QString path = ref.value(u"path"_s).toString();
        const auto it = std::find_if(ours.cbegin(), ours.cend(), [&](const TextElement &e) { return e.path == path; });
        QVERIFY2(it != ours.cend(), qPrintable(u"no element "_s + path));
        // Private elements of implicit VR files: pydicom knows their VR (AGFA's dictionary), DCMTK reads UN.
        const QString vr = ref.value(u"vr"_s).toString();
        QVERIFY2(it->vr == vr || it->vr == u"UN"_s, qPrintable(path + u" "_s + it->vr));
        const CharsetDecoder decoder(it->characterSet);
        QVERIFY2(decoder.isSupported(), qPrintable(decoder.unsupportedTerms().join(u',')));
        QString decoded;
        if (path.contains(u'/') || it->vr == u"UN"_s) { // DicomFile::text() reads text VRs only
            decoded = decoder.decode(it->raw, kindOf(vr));
        } else {
            const Tag tag {path.left(4).toUShort(nullptr, 16), path.mid(5, 4).toUShort(nullptr, 16)};
            decoded = dicomFile->text(tag);
        }
        QVERIFY2(decoded == ref.value(u"value"_s).toString(),
                 qPrintable(u"%1: ours \"%2\", pydicom \"%3\""_s.arg(path, decoded, ref.value(u"value"_s).toString())));
        ++compared;
    }
    // …and we found no text element that pydicom did not (UN elements count only when pydicom knows them as text)
    for (const TextElement &e : ours) {
        const bool known = std::any_of(reference.begin(), reference.end(), [&](const QJsonValue &r) {
            return r.toObject().value(u"path"_s).toString() == e.path;
        });
        QVERIFY2(known || e.vr == u"UN"_s, qPrintable(u"pydicom lacks "_s + e.path));
    }
    QVERIFY(compared > 0);
}

// PS3.5 H.3.1, independently of pydicom: the name the issue quotes, as the application reads it.
void TestCharsetCorpus::testH31IsTheStandardsExample()
{
    const haip::Result<DicomFile> file = DicomFile::open(charsetFile(u"chrH31.dcm"_s));
    QVERIFY(file.ok());
    QCOMPARE(file->text(haip::dicom::tags::PatientName), u"Yamada^Tarou=山田^太郎=やまだ^たろう"_s);
    QCOMPARE(file->info().patientName, u"Yamada^Tarou=山田^太郎=やまだ^たろう"_s);

    DcmFileFormat format;
    QVERIFY(format.loadFile(OFFilename(QFile::encodeName(charsetFile(u"chrH31.dcm"_s)).constData())).good());
    QList<TextElement> elements;
    collect(*format.getDataset(), {}, {}, elements);
    const auto name =
        std::find_if(elements.cbegin(), elements.cend(), [](const TextElement &e) { return e.path == u"0010,0010"_s; });
    QVERIFY(name != elements.cend());
    QCOMPARE(name->characterSet, (QStringList {u""_s, u"ISO 2022 IR 87"_s}));
    QCOMPARE(CharsetDecoder(name->characterSet).decode(name->raw, TextKind::PersonName),
             u"Yamada^Tarou=山田^太郎=やまだ^たろう"_s);
}

void TestCharsetCorpus::testDoubleByteSetMatchesPython_data()
{
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("term");
    QTest::addColumn<QByteArray>("escape");
    QTest::addColumn<bool>("highBit"); // G1 sets sit in GR: bytes | 0x80
    QTest::addColumn<int>("minimum"); // cells the standard assigns, at least
    QTest::newRow("JIS X 0208") << u"JisX0208"_s << u"ISO 2022 IR 87"_s << "\x1b$B"_ba << false << 6879;
    QTest::newRow("JIS X 0212") << u"JisX0212"_s << u"ISO 2022 IR 159"_s << "\x1b$(D"_ba << false << 6067;
    QTest::newRow("KS X 1001") << u"KsX1001"_s << u"ISO 2022 IR 149"_s << "\x1b$)C"_ba << true << 8224;
    QTest::newRow("GB 2312") << u"Gb2312"_s << u"ISO 2022 IR 58"_s << "\x1b$)A"_ba << true << 7445;
}

void TestCharsetCorpus::testDoubleByteSetMatchesPython()
{
    QFETCH(QString, set);
    QFETCH(QString, term);
    QFETCH(QByteArray, escape);
    QFETCH(bool, highBit);
    QFETCH(int, minimum);
    const QJsonObject table = m_reference.value(u"tables"_s).toObject().value(set).toObject();
    QVERIFY2(table.size() >= minimum, qPrintable(QString::number(table.size())));
    const CharsetDecoder decoder({QString(), term});
    QStringList mismatches;
    for (auto it = table.begin(); it != table.end(); ++it) {
        QByteArray cell = QByteArray::fromHex(it.key().toLatin1());
        if (highBit) {
            cell[0] = char(cell[0] | 0x80);
            cell[1] = char(cell[1] | 0x80);
        }
        const QString ours = decoder.decode(escape + cell, TextKind::Free);
        if (ours != it.value().toString())
            mismatches << u"%1: ours %2, Python %3"_s.arg(it.key(), ours, it.value().toString());
    }
    QVERIFY2(mismatches.isEmpty(),
             qPrintable(u"%1 cells differ: "_s.arg(mismatches.size()) + mismatches.mid(0, 20).join(u"; ")));
}

QTEST_GUILESS_MAIN(TestCharsetCorpus)
#include "TestCharsetCorpus.moc"
