// Turns DICOM text bytes into UTF-8 following Specific Character Set (0008,0005) and
// PS3.5 §6.1: single-byte sets (ISO_IR 100…), UTF-8 (ISO_IR 192), GB18030/GBK, and ISO 2022
// code extensions with escape sequences — including Japanese ISO 2022 IR 13/87/159, which
// Debian's DCMTK (iconv) refuses. Person names are split into component groups ('=') and
// components ('^') only where the active character set is single-byte, and the character
// set returns to the initial one at each delimiter, as §6.1.2.5.3 says.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace haip::dicom {

enum class TextKind
{
    PersonName, // PN: delimiters '=' '^' '\' reset the code set
    MultiValue, // SH, LO, CS, UC…: '\' separates values and resets the code set
    Free // ST, LT, UT: only control characters (CR, LF, TAB, FF) reset the code set
};

class CharsetDecoder
{
public:
    // `specificCharacterSet`: the values of (0008,0005) as stored (may be empty = ISO-IR 6).
    explicit CharsetDecoder(const QStringList &specificCharacterSet = {});

    // False when a term is unknown; decode() then still returns text (unknown bytes as U+FFFD)
    // and unsupportedTerms() names the culprits for the error message.
    bool isSupported() const;
    QStringList unsupportedTerms() const;

    QString decode(const QByteArray &raw, TextKind kind) const;

private:
    QStringList m_terms;
    QStringList m_unsupported;
};

} // namespace haip::dicom
