// The multi-byte character sets, decoded through Qt's QStringDecoder: the only part of
// character set decoding that depends on the platform's codecs. Qt 6 builds with ICU (Debian,
// most Linux, macOS) know every name tried; a Qt build without ICU (possible on Windows) knows
// only UTF-8/UTF-16/Latin-1, and then JIS X 0212, KS X 1001, GB 2312, GB18030 and GBK report
// themselves unavailable (CharsetDecoder names the terms as unsupported) instead of decoding
// wrongly. Portable everywhere: single-byte sets, JIS X 0201 (ISO_IR 13) and JIS X 0208
// (ISO 2022 IR 87, own table incl. NEC row 13); only vendor rows 89–94 of JIS X 0208 and
// Shift_JIS under ISO_IR 13 still ask the codec. Each set has several routes (codec name +
// byte form), tried in order, so e.g. JIS X 0212 also decodes where only ISO-2022-JP-1 exists.
#pragma once

#include "dicom/internal/CharacterSets.h"

#include <QString>

namespace haip::dicom::charset {

bool platformCanDecode(CodeSet set);
bool platformCanDecode(WholeEncoding encoding);

// Decodes a run of two-byte characters of a double-byte set (`isDoubleByte(set)`), bytes as
// they stand in the value: 0x21–0x7E for the G0 sets (JIS X 0208/0212), 0xA1–0xFE for the G1
// sets (KS X 1001, GB 2312). An odd last byte becomes U+FFFD.
QString decodeDoubleByte(CodeSet set, QByteArrayView bytes);

// One Shift_JIS (CP932) character: Japanese equipment often writes Shift_JIS under ISO_IR 13,
// whose lead bytes (0x81–0x9F, 0xE0–0xFC) JIS X 0201 leaves empty.
bool isShiftJisLead(uchar byte);
bool isShiftJisTrail(uchar byte);
QString decodeShiftJisPair(uchar lead, uchar trail);

// A whole value of an encoding without code extensions (UTF-8, GB18030, GBK).
QString decodeWhole(WholeEncoding encoding, QByteArrayView bytes);

// The ways to JIS X 0208 through a platform codec (our table bypassed); tests check that they
// agree with each other and with the table.
enum class JisRoute
{
    EucJp, // each byte | 0x80
    ShiftJis, // row/cell arithmetic to Shift_JIS
    Iso2022Jp, // wrapped in ESC $ B … ESC ( B
};
// `bytes`: JIS X 0208 pairs (0x21–0x7E). Empty string when the route's codec is missing.
QString decodeJisX0208Via(JisRoute route, QByteArrayView bytes);

} // namespace haip::dicom::charset
