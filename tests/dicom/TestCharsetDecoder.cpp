// CharsetDecoder: the byte-exact examples of PS3.5 Annexes H (Japanese), I (Korean) and J
// (Chinese), every defined term, delimiters and code-set resets, padding, and broken input.
// Every byte string below was produced from its expected text by Python's own codecs
// (iso2022_jp, shift_jis, euc_kr, gb2312, gb18030, iso8859_*, tis_620), an implementation
// independent of ours, and the Annex examples match pydicom's chrH31/chrH32/chrI2/chrX1/chrX2
// byte for byte. Bytes are written as text with {XX} for byte 0xXX, so they stay readable.
#include "dicom/CharsetDecoder.h"
#include "dicom/internal/PlatformCodecs.h"

#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTest>

using namespace Qt::StringLiterals;
using haip::dicom::CharsetDecoder;
using haip::dicom::TextKind;

namespace {

// "A{E9}B" → 'A', 0xE9, 'B'.
QByteArray bytes(const char *text)
{
    QByteArray out;
    for (const char *p = text; *p; ++p) {
        if (*p == '{' && p[1] && p[2] && p[3] == '}') {
            out.append(char(QByteArray(p + 1, 2).toInt(nullptr, 16)));
            p += 3;
        } else {
            out.append(*p);
        }
    }
    return out;
}

void addRow(const char *name, const QStringList &terms, TextKind kind, const char *raw, const QString &expected)
{
    QTest::newRow(name) << terms << int(kind) << bytes(raw) << expected;
}

QString codePoints(const QString &s)
{
    QStringList out;
    for (const char32_t c : s.toUcs4())
        out << u"U+%1"_s.arg(quint32(c), 4, 16, QLatin1Char('0')).toUpper();
    return out.join(u' ');
}

} // namespace

class TestCharsetDecoder : public QObject
{
    Q_OBJECT
private slots:
    void testDecode_data();
    void testDecode();
    void testSupport_data();
    void testSupport();
    void testEveryDefinedTermIsSupported();
    void testSingleByteTablesMatchPlatformCodecs_data();
    void testSingleByteTablesMatchPlatformCodecs();
    void testJisX0208RoutesAgree();
    void testJisX0208TableMatchesPlatformCodec();
    void testGarbageNeverLosesTheRest();
};

void TestCharsetDecoder::testDecode_data()
{
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("expected");

    addRow("H.3.1 IR 87",
           {u""_s, u"ISO 2022 IR 87"_s},
           TextKind::PersonName,
           "Yamada^Tarou={1B}$B;3ED{1B}(B^{1B}$BB@O:{1B}(B={1B}$B$d$^$@{1B}(B^{1B}$B$?$m$&{1B}(B",
           u"Yamada^Tarou=山田^太郎=やまだ^たろう"_s);
    addRow("H.3.2 IR 13 + IR 87",
           {u"ISO 2022 IR 13"_s, u"ISO 2022 IR 87"_s},
           TextKind::PersonName,
           "{D4}{CF}{C0}{DE}^{C0}{DB}{B3}={1B}$B;3ED{1B}(J^{1B}$BB@O:{1B}(J={1B}$B$d$^$@{1B}(J^{1B}$B$?$m$&{1B}(J",
           u"ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"_s);
    addRow("IR 13 katakana in the third group",
           {u"ISO 2022 IR 13"_s, u"ISO 2022 IR 87"_s},
           TextKind::PersonName,
           "{D4}{CF}{C0}{DE}^{C0}{DB}{B3}={1B}$B;3ED{1B}(J^{1B}$BB@O:{1B}(J={D4}{CF}{C0}{DE}^{C0}{DB}{B3}",
           u"ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=ﾔﾏﾀﾞ^ﾀﾛｳ"_s);
    addRow("IR 87 with explicit IR 6",
           {u"ISO 2022 IR 6"_s, u"ISO 2022 IR 87"_s},
           TextKind::PersonName,
           "{1B}$B$d$^$@{1B}(B^{1B}$B$?$m$&{1B}(B",
           u"やまだ^たろう"_s);
    addRow("IR 159 JIS X 0212",
           {u""_s, u"ISO 2022 IR 159"_s},
           TextKind::PersonName,
           "{1B}$(D0!{1B}(B^{1B}$(D0\"{1B}(B",
           u"丂^丄"_s);
    addRow("IR 87 and IR 159 in one name",
           {u""_s, u"ISO 2022 IR 87"_s, u"ISO 2022 IR 159"_s},
           TextKind::PersonName,
           "{1B}$B;3{1B}$(D0!{1B}(B^{1B}$BB@O:{1B}(B",
           u"山丂^太郎"_s);
    addRow("JIS bytes 0x5C 0x5E 0x3D inside two-byte characters",
           {u""_s, u"ISO 2022 IR 87"_s},
           TextKind::PersonName,
           "{1B}$B4\\=^<={1B}(B^{1B}$B0!{1B}(B",
           u"舘殉悉^亜"_s);
    addRow("IR 87 multi-valued LO",
           {u""_s, u"ISO 2022 IR 87"_s},
           TextKind::MultiValue,
           "{1B}$B;3ED{1B}(B\\{1B}$BB@O:{1B}(B",
           u"山田\\太郎"_s);
    addRow("IR 87 LT lines",
           {u""_s, u"ISO 2022 IR 87"_s},
           TextKind::Free,
           "{1B}$B;3ED{1B}(B{0D}{0A}{1B}$BB@O:{1B}(B{0D}{0A}end",
           u"山田\r\n太郎\r\nend"_s);
    addRow("IR 13 single-byte katakana",
           {u"ISO_IR 13"_s},
           TextKind::PersonName,
           "{D4}{CF}{C0}{DE}^{C0}{DB}{B3}",
           u"ﾔﾏﾀﾞ^ﾀﾛｳ"_s);
    addRow("IR 13 all katakana",
           {u"ISO_IR 13"_s},
           TextKind::Free,
           "{A1}{A2}{A3}{A4}{A5}{A6}{A7}{A8}{A9}{AA}{AB}{AC}{AD}{AE}{AF}{B0}{B1}{B2}{B3}{B4}{B5}{B6}{B7}{B8}{B9}{BA}{"
           "BB}{BC}{BD}{BE}{BF}{C0}{C1}{C2}{C3}{C4}{C5}{C6}{C7}{C8}{C9}{CA}{CB}{CC}{CD}{CE}{CF}{D0}{D1}{D2}{D3}{D4}{D5}"
           "{D6}{D7}{D8}{D9}{DA}{DB}{DC}{DD}{DE}{DF}",
           u"｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ"_s);
    addRow("IR 13 romaji yen and overline in free text", {u"ISO_IR 13"_s}, TextKind::Free, "\\100 ~", u"¥100 ‾"_s);
    addRow("IR 13 backslash stays a value delimiter",
           {u"ISO_IR 13"_s},
           TextKind::PersonName,
           "{D4}{CF}{C0}{DE}\\{C0}{DB}{B3}",
           u"ﾔﾏﾀﾞ\\ﾀﾛｳ"_s);
    addRow("Shift_JIS under ISO_IR 13", {u"ISO_IR 13"_s}, TextKind::PersonName, "{8E}R{93}c^{95}\\", u"山田^表"_s);
    addRow("I.2 IR 149",
           {u""_s, u"ISO 2022 IR 149"_s},
           TextKind::PersonName,
           "Hong^Gildong={1B}$)C{FB}{F3}^{1B}$)C{D1}{CE}{D4}{D7}={1B}$)C{C8}{AB}^{1B}$)C{B1}{E6}{B5}{BF}",
           u"Hong^Gildong=洪^吉洞=홍^길동"_s);
    addRow("IR 149 LT lines",
           {u""_s, u"ISO 2022 IR 149"_s},
           TextKind::Free,
           "The 1st line includes {1B}$)C{C7}{D1}{B1}{DB}.{0D}{0A}The 2nd line includes {1B}$)C{C7}{D1}{B1}{DB}, "
           "too.{0D}{0A}The 3rd line.",
           u"The 1st line includes 한글.\r\nThe 2nd line includes 한글, too.\r\nThe 3rd line."_s);
    addRow("IR 149 escape omitted after a delimiter",
           {u""_s, u"ISO 2022 IR 149"_s},
           TextKind::PersonName,
           "{1B}$)C{C8}{AB}^{B1}{E6}{B5}{BF}",
           u"홍^길동"_s);
    addRow("J GB18030 PN",
           {u"GB18030"_s},
           TextKind::PersonName,
           "Wang^XiaoDong={CD}{F5}^{D0}{A1}{B6}{AB}=",
           u"Wang^XiaoDong=王^小东"_s);
    addRow("J GB18030 LT",
           {u"GB18030"_s},
           TextKind::Free,
           "The first line includes{D6}{D0}{CE}{C4}{D0}{BE}{C6}{AC}.{0D}{0A}The second line "
           "includes{D6}{D0}{CE}{C4}{D0}{BE}{C6}{AC}, too.{0D}{0A}The third line.",
           u"The first line includes中文芯片.\r\nThe second line includes中文芯片, too.\r\nThe third line."_s);
    addRow("GB18030 four-byte sequences",
           {u"GB18030"_s},
           TextKind::Free,
           "{95}2{82}6{81}0{81}0{A8}{A6}",
           u"\U00020000\u0080é"_s);
    addRow("GB18030 trail byte 0x5C is no delimiter",
           {u"GB18030"_s},
           TextKind::MultiValue,
           "{81}\\{82}\\\\{84}\\",
           u"乗俓\\刓"_s);
    addRow("J IR 58 PN",
           {u""_s, u"ISO 2022 IR 58"_s},
           TextKind::PersonName,
           "Zhang^XiaoDong={1B}$)A{D5}{C5}^{1B}$)A{D0}{A1}{B6}{AB}=",
           u"Zhang^XiaoDong=张^小东"_s);
    addRow("J IR 58 LT",
           {u""_s, u"ISO 2022 IR 58"_s},
           TextKind::Free,
           "The first line includes{1B}$)A{D6}{D0}{CE}{C4}{D0}{BE}{C6}{AC}.{0D}{0A}The second line "
           "includes{1B}$)A{D6}{D0}{CE}{C4}{D0}{BE}{C6}{AC}, too.{0D}{0A}The third line.",
           u"The first line includes中文芯片.\r\nThe second line includes中文芯片, too.\r\nThe third line."_s);
    addRow("GBK", {u"GBK"_s}, TextKind::PersonName, "{CD}{F5}^{D0}{A1}{B6}{AB}={E9}F", u"王^小东=镕"_s);
    addRow("ISO_IR 192 PN",
           {u"ISO_IR 192"_s},
           TextKind::PersonName,
           "Wang^XiaoDong={E7}{8E}{8B}^{E5}{B0}{8F}{E6}{9D}{B1}=",
           u"Wang^XiaoDong=王^小東"_s);
    addRow("default repertoire", {}, TextKind::PersonName, "Smith^John", u"Smith^John"_s);
    addRow("ISO_IR 6", {u"ISO_IR 6"_s}, TextKind::MultiValue, "CT\\MR", u"CT\\MR"_s);
    addRow("ISO_IR 100", {u"ISO_IR 100"_s}, TextKind::PersonName, "Buc^J{E9}r{F4}me", u"Buc^Jérôme"_s);
    addRow("ISO_IR 101", {u"ISO_IR 101"_s}, TextKind::PersonName, "Wa{B3}{EA}sa^{AF}{F3}{B3}{E6}", u"Wałęsa^Żółć"_s);
    addRow("ISO_IR 109", {u"ISO_IR 109"_s}, TextKind::PersonName, "{D5}u{BF}eppi^{A1}abib", u"Ġużeppi^Ħabib"_s);
    addRow("ISO_IR 110", {u"ISO_IR 110"_s}, TextKind::PersonName, "{D3}{BA}ni{F1}{B9}^J{E0}nis", u"Ķēniņš^Jānis"_s);
    addRow("ISO_IR 144",
           {u"ISO_IR 144"_s},
           TextKind::PersonName,
           "{B8}{D2}{D0}{DD}{DE}{D2}^{B8}{D2}{D0}{DD}",
           u"Иванов^Иван"_s);
    addRow("ISO_IR 127",
           {u"ISO_IR 127"_s},
           TextKind::PersonName,
           "{E2}{C8}{C7}{E6}{EA}^{E4}{E6}{D2}{C7}{D1}",
           u"قباني^لنزار"_s);
    addRow(
        "ISO_IR 126", {u"ISO_IR 126"_s}, TextKind::PersonName, "{C4}{E9}{EF}{ED}{F5}{F3}{E9}{EF}{F2}", u"Διονυσιος"_s);
    addRow("ISO_IR 138",
           {u"ISO_IR 138"_s},
           TextKind::PersonName,
           "{F9}{F8}{E5}{EF}^{E3}{E1}{E5}{F8}{E4}",
           u"שרון^דבורה"_s);
    addRow("ISO_IR 148", {u"ISO_IR 148"_s}, TextKind::PersonName, "{C7}a{F0}r{FD}^{DE}{FC}kr{FC}", u"Çağrı^Şükrü"_s);
    addRow("ISO_IR 203", {u"ISO_IR 203"_s}, TextKind::Free, "{BC}uvre 5{A4} {A6}{B8}", u"Œuvre 5€ Šž"_s);
    addRow(
        "ISO_IR 166", {u"ISO_IR 166"_s}, TextKind::PersonName, "{CA}{C1}{AA}{D2}{C2}^{E3}{A8}{B4}{D5}", u"สมชาย^ใจดี"_s);
    addRow("ISO 2022 IR 100 alone", {u"ISO 2022 IR 100"_s}, TextKind::PersonName, "Buc^J{E9}r{F4}me", u"Buc^Jérôme"_s);
    addRow("G1 switches between IR 100 and IR 144",
           {u"ISO 2022 IR 100"_s, u"ISO 2022 IR 144"_s},
           TextKind::PersonName,
           "Buc^J{E9}r{F4}me={1B}-L{B8}{D2}{D0}{DD}",
           u"Buc^Jérôme=Иван"_s);
    addRow("delimiter returns G1 to value 1",
           {u"ISO 2022 IR 100"_s, u"ISO 2022 IR 144"_s},
           TextKind::PersonName,
           "{1B}-L{BB}^{E9}",
           u"Л^é"_s);
    addRow("all escapes of single-byte sets",
           {u"ISO 2022 IR 6"_s,
            u"ISO 2022 IR 101"_s,
            u"ISO 2022 IR 109"_s,
            u"ISO 2022 IR 110"_s,
            u"ISO 2022 IR 127"_s,
            u"ISO 2022 IR 126"_s,
            u"ISO 2022 IR 138"_s,
            u"ISO 2022 IR 148"_s,
            u"ISO 2022 IR 203"_s,
            u"ISO 2022 IR 166"_s},
           TextKind::Free,
           "{1B}-B{A3}{1B}-C{A1}{1B}-D{D3}{1B}-G{E2}{1B}-F{C4}{1B}-H{F9}{1B}-M{F0}{1B}-b{A4}{1B}-T{CA}{1B}-A{E9}{1B})I{"
           "B1}{1B}(J\\",
           u"ŁĦĶقΔשğ€สéｱ¥"_s);
    addRow("trailing space padding", {u"ISO_IR 100"_s}, TextKind::PersonName, "Doe^John ", u"Doe^John"_s);
    addRow("trailing NUL padding", {}, TextKind::MultiValue, "ABC{00}", u"ABC"_s);
    addRow("padding of each value", {}, TextKind::MultiValue, "AB \\CD  ", u"AB\\CD"_s);
    addRow("trailing empty component groups", {}, TextKind::PersonName, "Yamada^Tarou==", u"Yamada^Tarou"_s);
    addRow("empty components are kept", {}, TextKind::PersonName, "^^^^", u"^^^^"_s);
    addRow("leading spaces of free text are kept", {}, TextKind::Free, "  indented{0D}{0A}", u"  indented\r\n"_s);
    addRow("empty value", {u""_s, u"ISO 2022 IR 87"_s}, TextKind::PersonName, "", u""_s);
    addRow(
        "truncated escape at the end", {u""_s, u"ISO 2022 IR 87"_s}, TextKind::PersonName, "ABC{1B}$", u"ABC\uFFFD"_s);
    addRow("lone ESC at the end", {u""_s, u"ISO 2022 IR 87"_s}, TextKind::PersonName, "ABC{1B}", u"ABC\uFFFD"_s);
    addRow("unknown escape sequence", {u""_s, u"ISO 2022 IR 87"_s}, TextKind::PersonName, "A{1B}(ZB", u"A\uFFFDB"_s);
    addRow("ESC followed by a high byte", {u"ISO_IR 100"_s}, TextKind::Free, "A{1B}{E9}", u"A\uFFFDé"_s);
    addRow("odd byte count in a JIS run",
           {u""_s, u"ISO 2022 IR 87"_s},
           TextKind::PersonName,
           "{1B}$B;3E{1B}(B^X",
           u"山\uFFFD^X"_s);
    addRow("odd byte count in a KS run",
           {u""_s, u"ISO 2022 IR 149"_s},
           TextKind::PersonName,
           "{1B}$)C{C8}{AB}{B1}^X",
           u"홍\uFFFD^X"_s);
    addRow("value ends inside JIS X 0208", {u""_s, u"ISO 2022 IR 87"_s}, TextKind::PersonName, "{1B}$B;3ED", u"山田"_s);
    addRow("high byte without G1",
           {u"ISO 2022 IR 6"_s, u"ISO 2022 IR 87"_s},
           TextKind::PersonName,
           "A{E9}B",
           u"A\uFFFDB"_s);
    addRow("undeclared UTF-8", {}, TextKind::PersonName, "M{C3}{BC}ller^J{C3}{BC}rgen", u"Müller^Jürgen"_s);
    addRow("undeclared Latin-1", {}, TextKind::PersonName, "M{FC}ller", u"M\uFFFDller"_s);
    addRow(
        "unsupported term still decodes ASCII", {u"ISO_IR 999"_s}, TextKind::PersonName, "Doe^J{E9}", u"Doe^J\uFFFD"_s);
    addRow("near-miss spelling of a term", {u"ISO_IR100"_s}, TextKind::PersonName, "J{E9}r{F4}me", u"Jérôme"_s);
}

void TestCharsetDecoder::testDecode()
{
    QFETCH(QStringList, terms);
    QFETCH(int, kind);
    QFETCH(QByteArray, raw);
    QFETCH(QString, expected);
    const QString actual = CharsetDecoder(terms).decode(raw, TextKind(kind));
    QVERIFY2(
        actual == expected,
        qPrintable(u"got %1 (%2), want %3 (%4)"_s.arg(actual, codePoints(actual), expected, codePoints(expected))));
}

void TestCharsetDecoder::testSupport_data()
{
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<QStringList>("unsupported");

    QTest::newRow("absent") << QStringList() << QStringList();
    QTest::newRow("empty value 1") << QStringList {u""_s, u"ISO 2022 IR 87"_s} << QStringList();
    QTest::newRow("Japanese") << QStringList {u"ISO 2022 IR 13"_s, u"ISO 2022 IR 87"_s, u"ISO 2022 IR 159"_s}
                              << QStringList();
    QTest::newRow("unknown single") << QStringList {u"ISO_IR 999"_s} << QStringList {u"ISO_IR 999"_s};
    QTest::newRow("unknown among known") << QStringList {u""_s, u"ISO 2022 IR 87"_s, u"KOI8-R"_s}
                                         << QStringList {u"KOI8-R"_s};
    QTest::newRow("padded and misspelt") << QStringList {u"ISO_IR 100 "_s, u"iso-ir 192"_s} << QStringList();
    QTest::newRow("unsplit value") << QStringList {u"\\ISO 2022 IR 149"_s} << QStringList();
}

void TestCharsetDecoder::testSupport()
{
    QFETCH(QStringList, terms);
    QFETCH(QStringList, unsupported);
    const CharsetDecoder decoder(terms);
    QCOMPARE(decoder.isSupported(), unsupported.isEmpty());
    QCOMPARE(decoder.unsupportedTerms(), unsupported);
}

void TestCharsetDecoder::testEveryDefinedTermIsSupported()
{
    const QStringList terms = CharsetDecoder::definedTerms();
    QCOMPARE(terms.size(), 33); // PS3.3 tables C.12-2 (13), C.12-3 (13), C.12-4 (4), C.12-5 (3)
    for (const QString &term : terms) {
        const CharsetDecoder decoder({term});
        QVERIFY2(decoder.isSupported(), qPrintable(term));
        QCOMPARE(decoder.decode("Doe^John"_ba, TextKind::PersonName), u"Doe^John"_s);
    }
}

void TestCharsetDecoder::testSingleByteTablesMatchPlatformCodecs_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<QByteArray>("codec");
    QTest::newRow("IR 100") << u"ISO_IR 100"_s << "ISO-8859-1"_ba;
    QTest::newRow("IR 101") << u"ISO_IR 101"_s << "ISO-8859-2"_ba;
    QTest::newRow("IR 109") << u"ISO_IR 109"_s << "ISO-8859-3"_ba;
    QTest::newRow("IR 110") << u"ISO_IR 110"_s << "ISO-8859-4"_ba;
    QTest::newRow("IR 144") << u"ISO_IR 144"_s << "ISO-8859-5"_ba;
    QTest::newRow("IR 127") << u"ISO_IR 127"_s << "ISO-8859-6"_ba;
    QTest::newRow("IR 126") << u"ISO_IR 126"_s << "ISO-8859-7"_ba;
    QTest::newRow("IR 138") << u"ISO_IR 138"_s << "ISO-8859-8"_ba;
    QTest::newRow("IR 148") << u"ISO_IR 148"_s << "ISO-8859-9"_ba;
    QTest::newRow("IR 203") << u"ISO_IR 203"_s << "ISO-8859-15"_ba;
    QTest::newRow("IR 166") << u"ISO_IR 166"_s << "ISO-8859-11"_ba;
}

// Our own tables against ICU's (through QStringDecoder), byte by byte over the upper half.
void TestCharsetDecoder::testSingleByteTablesMatchPlatformCodecs()
{
    QFETCH(QString, term);
    QFETCH(QByteArray, codec);
    QVERIFY2(QStringDecoder(codec.constData()).isValid(), "Qt without ICU: install libqt6core6 built with ICU");
    const CharsetDecoder decoder({term});
    int assigned = 0;
    for (int b = 0xA0; b <= 0xFF; ++b) {
        const QByteArray raw(1, char(b));
        QStringDecoder reference(codec.constData());
        const QString want = reference(raw);
        const QString got = decoder.decode("x"_ba + raw, TextKind::Free).mid(1);
        if (want.isEmpty() || want == QString(QChar(0xFFFD)) || want.front().category() == QChar::Other_NotAssigned) {
            QVERIFY2(got == QString(QChar(0xFFFD)) || got == want, qPrintable(u"byte %1"_s.arg(b, 0, 16)));
            continue;
        }
        ++assigned;
        QVERIFY2(got == want,
                 qPrintable(u"byte %1: got %2, ICU %3"_s.arg(b, 0, 16).arg(codePoints(got), codePoints(want))));
    }
    QVERIFY(assigned >= 40); // the Arabic part, the sparsest, has 51
}

// JIS X 0208 decodes the same whichever platform codec carries it (EUC-JP, Shift_JIS or
// ISO-2022-JP), so a platform that has only one of them reads Japanese the same way.
void TestCharsetDecoder::testJisX0208RoutesAgree()
{
    using haip::dicom::charset::JisRoute;
    QByteArray all;
    for (int row = 0x21; row <= 0x74; ++row) { // rows 1–84: every character JIS X 0208 defines
        if (row >= 0x29 && row <= 0x2F)
            continue; // rows 9–15 are empty in the standard (vendors put symbols there)
        for (int cell = 0x21; cell <= 0x7E; ++cell)
            all.append(char(row)).append(char(cell));
    }
    const QString euc = haip::dicom::charset::decodeJisX0208Via(JisRoute::EucJp, all);
    const QString sjis = haip::dicom::charset::decodeJisX0208Via(JisRoute::ShiftJis, all);
    const QString iso = haip::dicom::charset::decodeJisX0208Via(JisRoute::Iso2022Jp, all);
    QCOMPARE(euc.size(), all.size() / 2);
    for (qsizetype i = 0; i < euc.size(); ++i) {
        const QString code = QString::fromLatin1(all.mid(2 * i, 2).toHex());
        if (euc[i] == QChar(0xFFFD)) // unassigned cells: no character to agree on
            continue;
        QVERIFY2(sjis.size() == euc.size() && sjis[i] == euc[i], qPrintable(u"Shift_JIS route, JIS "_s + code));
        QVERIFY2(iso.size() == euc.size() && iso[i] == euc[i], qPrintable(u"ISO-2022-JP route, JIS "_s + code));
    }
}

// Our JIS X 0208 table against ICU's EUC-JP: the same characters except the six cells where
// ICU follows Microsoft's mapping instead of the standard's (JIS0208.TXT, glibc, Python).
void TestCharsetDecoder::testJisX0208TableMatchesPlatformCodec()
{
    using haip::dicom::charset::JisRoute;
    const QSet<QString> microsoftVariants {u"2141"_s, u"2142"_s, u"215d"_s, u"2171"_s, u"2172"_s, u"224c"_s};
    const CharsetDecoder decoder({QString(), u"ISO 2022 IR 87"_s});
    int compared = 0;
    for (int row = 0x21; row <= 0x74; ++row) {
        for (int cell = 0x21; cell <= 0x7E; ++cell) {
            const QByteArray code = QByteArray(1, char(row)) + char(cell);
            const QString ours = decoder.decode("\x1b$B"_ba + code, TextKind::Free);
            const QString icu = haip::dicom::charset::decodeJisX0208Via(JisRoute::EucJp, code);
            QCOMPARE(ours.size(), 1);
            if (ours == QString(QChar(0xFFFD)) || icu == QString(QChar(0xFFFD)))
                continue; // a cell one side leaves empty
            const QString hex = QString::fromLatin1(code.toHex());
            if (microsoftVariants.contains(hex)) {
                QVERIFY2(ours != icu, qPrintable(hex));
                continue;
            }
            QVERIFY2(ours == icu,
                     qPrintable(u"JIS %1: table %2, ICU %3"_s.arg(hex, codePoints(ours), codePoints(icu))));
            ++compared;
        }
    }
    QVERIFY(compared > 6900);
}

// Random bytes under every defined term and kind: no crash, and text written after a return
// to ASCII survives whatever came before it.
void TestCharsetDecoder::testGarbageNeverLosesTheRest()
{
    QRandomGenerator random(20240601);
    QStringList termSets = CharsetDecoder::definedTerms();
    termSets << u"\\ISO 2022 IR 87\\ISO 2022 IR 159\\ISO 2022 IR 149\\ISO 2022 IR 58"_s;
    for (const QString &term : termSets) {
        const CharsetDecoder decoder({term});
        for (int round = 0; round < 200; ++round) {
            QByteArray garbage(int(random.bounded(1, 40)), Qt::Uninitialized);
            for (char &c : garbage)
                c = char(random.bounded(256));
            // Escape-heavy garbage exercises the ISO 2022 reader harder.
            if (round % 2)
                garbage.replace('\x7f', '\x1b');
            const QByteArray raw = garbage + "\x1b(B\r\n^TAIL";
            for (const TextKind kind : {TextKind::PersonName, TextKind::MultiValue, TextKind::Free}) {
                const QString text = decoder.decode(raw, kind);
                QVERIFY2(text.endsWith(u"TAIL"_s), qPrintable(term + u": "_s + QString::fromLatin1(garbage.toHex())));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestCharsetDecoder)
#include "TestCharsetDecoder.moc"
