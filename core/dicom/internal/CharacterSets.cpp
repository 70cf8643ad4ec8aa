#include "dicom/internal/CharacterSets.h"

#include <QString>

#include <array>

namespace haip::dicom::charset {

namespace {

using enum CodeSet;

// PS3.3 C.12.1.1.2. G0 of the ISO 8859 terms is ISO-IR 6; G0 of ISO_IR 13 is JIS X 0201 Romaji.
constexpr std::array kDefinedTerms = {
    // Table C.12-2: single-byte character sets without code extensions
    DefinedTerm {"ISO_IR 6", Ascii, None},
    DefinedTerm {"ISO_IR 100", Ascii, Latin1},
    DefinedTerm {"ISO_IR 101", Ascii, Latin2},
    DefinedTerm {"ISO_IR 109", Ascii, Latin3},
    DefinedTerm {"ISO_IR 110", Ascii, Latin4},
    DefinedTerm {"ISO_IR 144", Ascii, Cyrillic},
    DefinedTerm {"ISO_IR 127", Ascii, Arabic},
    DefinedTerm {"ISO_IR 126", Ascii, Greek},
    DefinedTerm {"ISO_IR 138", Ascii, Hebrew},
    DefinedTerm {"ISO_IR 148", Ascii, Latin5},
    DefinedTerm {"ISO_IR 203", Ascii, Latin9},
    DefinedTerm {"ISO_IR 13", JisRoman, JisKatakana},
    DefinedTerm {"ISO_IR 166", Ascii, Thai},
    // Table C.12-3: single-byte character sets with code extensions
    DefinedTerm {"ISO 2022 IR 6", Ascii, None},
    DefinedTerm {"ISO 2022 IR 100", Ascii, Latin1},
    DefinedTerm {"ISO 2022 IR 101", Ascii, Latin2},
    DefinedTerm {"ISO 2022 IR 109", Ascii, Latin3},
    DefinedTerm {"ISO 2022 IR 110", Ascii, Latin4},
    DefinedTerm {"ISO 2022 IR 144", Ascii, Cyrillic},
    DefinedTerm {"ISO 2022 IR 127", Ascii, Arabic},
    DefinedTerm {"ISO 2022 IR 126", Ascii, Greek},
    DefinedTerm {"ISO 2022 IR 138", Ascii, Hebrew},
    DefinedTerm {"ISO 2022 IR 148", Ascii, Latin5},
    DefinedTerm {"ISO 2022 IR 203", Ascii, Latin9},
    DefinedTerm {"ISO 2022 IR 13", JisRoman, JisKatakana},
    DefinedTerm {"ISO 2022 IR 166", Ascii, Thai},
    // Table C.12-4: multi-byte character sets with code extensions
    DefinedTerm {"ISO 2022 IR 87", JisX0208, None},
    DefinedTerm {"ISO 2022 IR 159", JisX0212, None},
    DefinedTerm {"ISO 2022 IR 149", None, KsX1001},
    DefinedTerm {"ISO 2022 IR 58", None, Gb2312},
    // Table C.12-5: multi-byte character sets without code extensions
    DefinedTerm {"ISO_IR 192", None, None, WholeEncoding::Utf8},
    DefinedTerm {"GB18030", None, None, WholeEncoding::Gb18030},
    DefinedTerm {"GBK", None, None, WholeEncoding::Gbk},
};

struct EscapeSequence
{
    const char *afterEscape; // intermediate bytes + final byte
    Designation designation;
};

// PS3.3 tables C.12-3 and C.12-4 (ESC is 01/11; e.g. "-A" is ESC 02/13 04/01).
constexpr std::array kEscapeSequences = {
    EscapeSequence {"(B", {Ascii, Element::G0}}, // ISO 2022 IR 6
    EscapeSequence {"-A", {Latin1, Element::G1}}, // ISO 2022 IR 100
    EscapeSequence {"-B", {Latin2, Element::G1}}, // ISO 2022 IR 101
    EscapeSequence {"-C", {Latin3, Element::G1}}, // ISO 2022 IR 109
    EscapeSequence {"-D", {Latin4, Element::G1}}, // ISO 2022 IR 110
    EscapeSequence {"-L", {Cyrillic, Element::G1}}, // ISO 2022 IR 144
    EscapeSequence {"-G", {Arabic, Element::G1}}, // ISO 2022 IR 127
    EscapeSequence {"-F", {Greek, Element::G1}}, // ISO 2022 IR 126
    EscapeSequence {"-H", {Hebrew, Element::G1}}, // ISO 2022 IR 138
    EscapeSequence {"-M", {Latin5, Element::G1}}, // ISO 2022 IR 148
    EscapeSequence {"-b", {Latin9, Element::G1}}, // ISO 2022 IR 203
    EscapeSequence {")I", {JisKatakana, Element::G1}}, // ISO 2022 IR 13, katakana
    EscapeSequence {"(J", {JisRoman, Element::G0}}, // ISO 2022 IR 13, romaji
    EscapeSequence {"-T", {Thai, Element::G1}}, // ISO 2022 IR 166
    EscapeSequence {"$B", {JisX0208, Element::G0}}, // ISO 2022 IR 87
    EscapeSequence {"$(D", {JisX0212, Element::G0}}, // ISO 2022 IR 159
    EscapeSequence {"$)C", {KsX1001, Element::G1}}, // ISO 2022 IR 149
    EscapeSequence {"$)A", {Gb2312, Element::G1}}, // ISO 2022 IR 58
    // Not DICOM, but written by ISO-2022-JP software; accepted so such text still reads.
    EscapeSequence {"$@", {JisX0208, Element::G0}}, // JIS C 6226-1978, the predecessor of JIS X 0208
    EscapeSequence {"$(B", {JisX0208, Element::G0}}, // long form of ESC $ B
    EscapeSequence {"(I", {JisKatakana, Element::G0}}, // JIS X 0201 katakana into G0
};

// Upper case without ' ', '_' and '-', so near-miss spellings of a term still match.
QString normalizedTerm(QStringView term)
{
    QString out;
    out.reserve(term.size());
    for (const QChar c : term) {
        if (c != u' ' && c != u'_' && c != u'-')
            out.append(c.toUpper());
    }
    return out;
}

} // namespace

std::span<const DefinedTerm> definedTerms()
{
    return kDefinedTerms;
}

const DefinedTerm *findDefinedTerm(QStringView term)
{
    const QString wanted = normalizedTerm(term);
    if (wanted.isEmpty())
        return nullptr;
    for (const DefinedTerm &t : kDefinedTerms) {
        if (normalizedTerm(QString::fromLatin1(t.term)) == wanted)
            return &t;
    }
    return nullptr;
}

std::optional<Designation> designationFor(QByteArrayView afterEscape)
{
    for (const EscapeSequence &e : kEscapeSequences) {
        if (afterEscape == QByteArrayView(e.afterEscape))
            return e.designation;
    }
    return std::nullopt;
}

bool isDoubleByte(CodeSet set)
{
    return set == JisX0208 || set == JisX0212 || set == KsX1001 || set == Gb2312;
}

} // namespace haip::dicom::charset
