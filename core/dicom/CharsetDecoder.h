// Turns DICOM text bytes into UTF-8 following Specific Character Set (0008,0005) and
// PS3.5 §6.1: single-byte sets (ISO_IR 100…), UTF-8 (ISO_IR 192), GB18030/GBK, and ISO 2022
// code extensions with escape sequences — including Japanese ISO 2022 IR 13/87/159, which
// Debian's DCMTK (iconv) refuses. Person names are split into component groups ('=') and
// components ('^') only where the active character set is single-byte, and the character
// set returns to the initial one at each delimiter, as §6.1.2.5.3 says.
//
// What decode() returns: the value with its delimiters ('\' between values, '^' and '=' in
// PN) — a '\' in the result is always a value delimiter, so callers split the decoded text,
// never the raw bytes (a GB18030 or Shift_JIS trail byte may be 0x5C). Padding is removed:
// trailing spaces and NULs of each value, and for PN trailing empty component groups
// ("Wang^XiaoDong=王^小東=" → "Wang^XiaoDong=王^小東": an empty trailing group and an omitted
// one name the same person, and pydicom reads them so too).
//
// Leniencies, so real-world bytes still read (never a crash, never a lost remainder):
// undecodable bytes and unknown escape sequences become U+FFFD; a G1 byte after a delimiter
// reset that the writer forgot to re-designate is read with the first G1 set declared; bytes
// that are Shift_JIS under ISO_IR 13 are read as Shift_JIS; a value with no G1 set declared
// whose high bytes are valid UTF-8 is read as UTF-8. Terms are matched ignoring case and
// misplaced ' ', '_', '-'.
//
// Platform: single-byte sets, JIS X 0201 and JIS X 0208 use own tables, so ISO_IR 13 and
// ISO 2022 IR 13/87 decode the same everywhere; JIS X 0212, KS X 1001, GB 2312, GB18030 and GBK
// go through QStringDecoder (ICU) — see internal/PlatformCodecs.h; where a Qt build lacks a
// codec, the term is reported unsupported rather than decoded wrongly.
// Thread-safe: decode() is const and keeps no state between calls.
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

    // False when a term is unknown (or its codec is missing on this platform); decode() then
    // still returns text (unknown bytes as U+FFFD) and unsupportedTerms() names the culprits
    // for the error message.
    bool isSupported() const;
    QStringList unsupportedTerms() const;

    QString decode(const QByteArray &raw, TextKind kind) const;

    // Every defined term of PS3.3 C.12.1.1.2 this decoder knows, e.g. "ISO 2022 IR 87".
    static QStringList definedTerms();

private:
    QString decodeWithCodeExtensions(const QByteArray &raw, TextKind kind) const;

    QStringList m_terms;
    QStringList m_unsupported;
    // charset::CodeSet / charset::WholeEncoding values (internal/CharacterSets.h).
    quint8 m_initialG0 = 0;
    quint8 m_initialG1 = 0;
    quint8 m_fallbackG1 = 0; // first G1 set declared, for G1 bytes where none is designated
    quint8 m_whole = 0;
};

} // namespace haip::dicom
