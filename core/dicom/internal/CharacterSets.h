// The DICOM character repertoires as data (PS3.3 C.12.1.1.2 tables C.12-2…C.12-5, PS3.5 §6.1):
// every defined term of Specific Character Set with the code elements it designates, the
// ISO 2022 escape sequences that switch code elements inside a value, and the single-byte
// G1 sets and JIS X 0208 (own tables, so they never depend on the platform's codecs).
#pragma once

#include <QByteArrayView>
#include <QStringView>

#include <optional>
#include <span>

namespace haip::dicom::charset {

// A graphic character set that ISO 2022 designates to the code element G0 (bytes 0x21–0x7E)
// or G1 (bytes 0xA0–0xFF).
enum class CodeSet : quint8
{
    None,
    Ascii, // ISO-IR 6
    JisRoman, // ISO-IR 14, JIS X 0201 Romaji: ASCII with ¥ at 0x5C and ‾ at 0x7E
    JisKatakana, // ISO-IR 13, JIS X 0201 Katakana: half-width katakana
    Latin1, // ISO-IR 100
    Latin2, // ISO-IR 101
    Latin3, // ISO-IR 109
    Latin4, // ISO-IR 110
    Cyrillic, // ISO-IR 144
    Arabic, // ISO-IR 127
    Greek, // ISO-IR 126
    Hebrew, // ISO-IR 138
    Latin5, // ISO-IR 148
    Latin9, // ISO-IR 203
    Thai, // ISO-IR 166
    JisX0208, // ISO-IR 87, two bytes per character
    JisX0212, // ISO-IR 159, two bytes per character
    KsX1001, // ISO-IR 149, two bytes per character
    Gb2312, // ISO-IR 58, two bytes per character
};

// Encodings that cover a whole value and allow no code extensions.
enum class WholeEncoding : quint8
{
    None,
    Utf8, // ISO_IR 192
    Gb18030, // GB18030
    Gbk, // GBK
};

struct DefinedTerm
{
    const char *term = nullptr; // as written in (0008,0005)
    CodeSet g0 = CodeSet::None; // None: the term does not designate G0
    CodeSet g1 = CodeSet::None; // None: the term does not designate G1
    WholeEncoding whole = WholeEncoding::None;
};

enum class Element : quint8
{
    G0,
    G1
};

struct Designation
{
    CodeSet set;
    Element element;
};

// Every defined term, in the order of PS3.3 tables C.12-2 to C.12-5.
std::span<const DefinedTerm> definedTerms();
// The defined term for a stored value; tolerant of case and of ' ', '_' and '-' misplaced
// ("ISO_IR100", "ISO-IR 100"). nullptr when unknown.
const DefinedTerm *findDefinedTerm(QStringView term);

// The designation an escape sequence makes; `afterEscape` holds the intermediate bytes and
// the final byte (e.g. "$B" for ESC $ B). nullopt when the sequence is not one we know.
std::optional<Designation> designationFor(QByteArrayView afterEscape);

bool isDoubleByte(CodeSet set);

// The character for a byte of a single-byte G1 set (0x80–0xFF; 0x80–0x9F are C1 controls and
// map to U+0080…U+009F as in every ISO 8859 part). U+FFFD for positions the set leaves empty.
char16_t singleByteCharacter(CodeSet set, uchar byte);

// The character of a JIS X 0208 row/cell pair (bytes 0x21–0x7E, the high bit ignored) from our
// own table (JisX0208Table.cpp); U+FFFD for cells it does not hold (empty, or vendor rows 89+).
char16_t jisX0208Character(uchar first, uchar second);

} // namespace haip::dicom::charset
