#include "dicom/CharsetDecoder.h"

#include "dicom/internal/CharacterSets.h"
#include "dicom/internal/PlatformCodecs.h"

#include <QStringDecoder>

namespace haip::dicom {

using charset::CodeSet;
using charset::WholeEncoding;

namespace {

constexpr QChar kReplacement {0xFFFD};
constexpr uchar kEscape = 0x1B;

bool isPadding(QChar c)
{
    return c == u' ' || c == u'\0';
}

QByteArray withoutTrailingPadding(const QByteArray &raw)
{
    qsizetype end = raw.size();
    while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == '\0'))
        --end;
    return raw.left(end);
}

// PS3.5 §6.1.2.5.3: the delimiters before which the initial code set is active again.
bool isDelimiter(uchar b, TextKind kind)
{
    switch (kind) {
    case TextKind::PersonName:
        return b == '^' || b == '=' || b == '\\';
    case TextKind::MultiValue:
        return b == '\\';
    case TextKind::Free:
        return b == '\r' || b == '\n' || b == '\t' || b == '\f';
    }
    return false;
}

// A GL byte (0x00–0x7F) under a single-byte G0 set. SP and controls are the same in every set.
QChar g0Character(CodeSet g0, uchar b)
{
    if (g0 == CodeSet::JisRoman) { // JIS X 0201 Romaji differs from ASCII in two places
        if (b == 0x5C)
            return QChar(0x00A5); // YEN SIGN
        if (b == 0x7E)
            return QChar(0x203E); // OVERLINE
    }
    if (g0 == CodeSet::JisKatakana && b >= 0x21 && b <= 0x5F)
        return QChar(0xFF61 + (b - 0x21));
    return QChar(char16_t(b));
}

bool hasHighBytes(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (uchar(c) >= 0x80)
            return true;
    }
    return false;
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString text = decoder(bytes);
    return !decoder.hasError();
}

// Removes trailing padding from each value and, for PN, trailing empty component groups.
// A '\' in the decoded text can only come from a delimiter (see the header), so splitting
// here is safe for every character set.
QString tidyValues(const QString &text, TextKind kind)
{
    if (kind == TextKind::Free)
        return text;
    QStringList values = text.split(u'\\');
    for (QString &value : values) {
        while (!value.isEmpty() && (isPadding(value.back()) || (kind == TextKind::PersonName && value.back() == u'=')))
            value.chop(1);
    }
    return values.join(u'\\');
}

// Reads the escape sequence starting at `i` (ESC), applies the designation and returns the
// index after it. Unknown or broken sequences leave the code elements alone and yield U+FFFD.
qsizetype readEscape(QByteArrayView bytes, qsizetype i, CodeSet &g0, CodeSet &g1, QString &out)
{
    qsizetype j = i + 1;
    while (j < bytes.size() && uchar(bytes[j]) >= 0x20 && uchar(bytes[j]) <= 0x2F) // intermediate bytes
        ++j;
    if (j >= bytes.size()) { // truncated at the end of the value
        out += kReplacement;
        return bytes.size();
    }
    const uchar final = uchar(bytes[j]);
    if (final < 0x30 || final > 0x7E) { // not an escape sequence: drop ESC, read on from here
        out += kReplacement;
        return j;
    }
    const auto designation = charset::designationFor(bytes.sliced(i + 1, j - i));
    if (!designation)
        out += kReplacement;
    else if (designation->element == charset::Element::G0)
        g0 = designation->set;
    else
        g1 = designation->set;
    return j + 1;
}

qsizetype runEnd(QByteArrayView bytes, qsizetype from, uchar low, uchar high)
{
    qsizetype end = from;
    while (end < bytes.size() && uchar(bytes[end]) >= low && uchar(bytes[end]) <= high)
        ++end;
    return end;
}

} // namespace

CharsetDecoder::CharsetDecoder(const QStringList &specificCharacterSet)
{
    // A caller may hand the stored string unsplit ("\ISO 2022 IR 87").
    for (const QString &value : specificCharacterSet)
        m_terms += value.split(u'\\');

    m_initialG0 = quint8(CodeSet::Ascii);
    for (qsizetype k = 0; k < m_terms.size(); ++k) {
        const QString term = m_terms[k].trimmed();
        if (term.isEmpty()) // an empty value 1 means ISO-IR 6 (PS3.5 §6.1.2.5.1)
            continue;
        const charset::DefinedTerm *defined = charset::findDefinedTerm(term);
        const bool decodable = defined && charset::platformCanDecode(defined->g0) &&
            charset::platformCanDecode(defined->g1) && charset::platformCanDecode(defined->whole);
        if (!decodable) {
            m_unsupported.append(term);
            continue;
        }
        if (k == 0) { // value 1 is active at the start of each value and after each delimiter
            if (defined->g0 != CodeSet::None && !charset::isDoubleByte(defined->g0))
                m_initialG0 = quint8(defined->g0);
            m_initialG1 = quint8(defined->g1);
        }
        if (CodeSet(m_fallbackG1) == CodeSet::None)
            m_fallbackG1 = quint8(defined->g1);
        if (WholeEncoding(m_whole) == WholeEncoding::None)
            m_whole = quint8(defined->whole);
    }
}

bool CharsetDecoder::isSupported() const
{
    return m_unsupported.isEmpty();
}

QStringList CharsetDecoder::unsupportedTerms() const
{
    return m_unsupported;
}

QStringList CharsetDecoder::definedTerms()
{
    QStringList terms;
    for (const charset::DefinedTerm &t : charset::definedTerms())
        terms.append(QString::fromLatin1(t.term));
    return terms;
}

QString CharsetDecoder::decode(const QByteArray &raw, TextKind kind) const
{
    const QByteArray bytes = withoutTrailingPadding(raw);
    QString text;
    if (WholeEncoding(m_whole) != WholeEncoding::None)
        text = charset::decodeWhole(WholeEncoding(m_whole), bytes);
    else if (CodeSet(m_fallbackG1) == CodeSet::None && hasHighBytes(bytes) && !bytes.contains(char(kEscape)) &&
             isValidUtf8(bytes))
        text = QString::fromUtf8(bytes); // no G1 set declared: UTF-8 written without saying so
    else
        text = decodeWithCodeExtensions(bytes, kind);
    return tidyValues(text, kind);
}

// ISO 2022 as DICOM uses it (PS3.5 §6.1.2.5): G0 in GL (0x21–0x7E), G1 in GR (0xA0–0xFF), both
// switched by escape sequences; the single-byte sets without code extensions are the case
// where no escape sequence appears.
QString CharsetDecoder::decodeWithCodeExtensions(const QByteArray &raw, TextKind kind) const
{
    const CodeSet initialG0 = CodeSet(m_initialG0);
    const CodeSet initialG1 = CodeSet(m_initialG1);
    CodeSet g0 = initialG0;
    CodeSet g1 = initialG1;
    const QByteArrayView bytes(raw);
    QString out;
    out.reserve(bytes.size());
    qsizetype i = 0;
    while (i < bytes.size()) {
        const uchar b = uchar(bytes[i]);
        if (b == kEscape) {
            i = readEscape(bytes, i, g0, g1, out);
            continue;
        }
        if (b < 0x80) {
            if (charset::isDoubleByte(g0) && b >= 0x21 && b <= 0x7E) {
                const qsizetype end = runEnd(bytes, i, 0x21, 0x7E);
                out += charset::decodeDoubleByte(g0, bytes.sliced(i, end - i));
                i = end;
                continue;
            }
            if (charset::isDoubleByte(g0)) { // SP and controls between two-byte characters
                out += QChar(char16_t(b));
            } else if (isDelimiter(b, kind)) {
                out += QChar(char16_t(b));
                g0 = initialG0;
                g1 = initialG1;
            } else {
                out += g0Character(g0, b);
            }
            ++i;
            continue;
        }
        const CodeSet set = g1 != CodeSet::None ? g1 : CodeSet(m_fallbackG1);
        if (charset::isDoubleByte(set)) {
            const qsizetype end = runEnd(bytes, i, 0xA1, 0xFE);
            if (end == i) {
                out += kReplacement;
                ++i;
            } else {
                out += charset::decodeDoubleByte(set, bytes.sliced(i, end - i));
                i = end;
            }
            continue;
        }
        if (set == CodeSet::JisKatakana && (b < 0xA1 || b > 0xDF) && charset::isShiftJisLead(b) &&
            i + 1 < bytes.size() && charset::isShiftJisTrail(uchar(bytes[i + 1]))) {
            out += charset::decodeShiftJisPair(b, uchar(bytes[i + 1]));
            i += 2;
            continue;
        }
        out += QChar(charset::singleByteCharacter(set, b));
        ++i;
    }
    return out;
}

} // namespace haip::dicom
