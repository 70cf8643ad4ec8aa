#include "dicom/internal/PlatformCodecs.h"

#include <QStringDecoder>

#include <array>

namespace haip::dicom::charset {

namespace {

constexpr char16_t kReplacement = 0xFFFD;

// How the value's bytes are rewritten before they reach the codec.
enum class ByteForm : quint8
{
    AsIs,
    EucJp0208, // JIS X 0208 pair | 0x80
    EucJp0212, // 0x8F, then JIS X 0212 pair | 0x80
    ShiftJis0208, // JIS X 0208 row/cell → Shift_JIS
    Iso2022Jp0208, // ESC $ B pairs ESC ( B
    Iso2022Jp0212, // ESC $ ( D pairs ESC ( B
};

struct Route
{
    const char *codec = nullptr;
    ByteForm form = ByteForm::AsIs;
};

enum Target : quint8
{
    TargetJisX0208,
    TargetJisX0212,
    TargetKsX1001,
    TargetGb2312,
    TargetGb18030,
    TargetGbk,
    TargetShiftJis,
    TargetCount
};

// The one table of codec names. The first route whose codec QStringDecoder accepts is used.
// EUC-JP first for JIS: it covers JIS X 0212 too and, in ICU, the NEC row 13 symbols.
// GB18030 first for GB 2312: it is the current national mapping of the EUC-CN range.
// Rows in the order of Target.
constexpr std::array<std::array<Route, 4>, TargetCount> kRoutes = {{
    // JIS X 0208 (ISO 2022 IR 87)
    {{{"EUC-JP", ByteForm::EucJp0208},
      {"Shift_JIS", ByteForm::ShiftJis0208},
      {"ISO-2022-JP", ByteForm::Iso2022Jp0208}}},
    // JIS X 0212 (ISO 2022 IR 159): no Shift_JIS form exists
    {{{"EUC-JP", ByteForm::EucJp0212}, {"ISO-2022-JP-1", ByteForm::Iso2022Jp0212}}},
    // KS X 1001 (ISO 2022 IR 149), GR bytes as EUC-KR
    {{{"EUC-KR"}, {"windows-949"}, {"CP949"}}},
    // GB 2312 (ISO 2022 IR 58), GR bytes as EUC-CN
    {{{"GB18030"}, {"GBK"}, {"GB2312"}, {"EUC-CN"}}},
    // GB18030
    {{{"GB18030"}}},
    // GBK: GB18030 is a superset
    {{{"GBK"}, {"windows-936"}, {"CP936"}, {"GB18030"}}},
    // Shift_JIS written under ISO_IR 13, lead bytes 0xF0–0xFC (the rest goes through JIS X 0208)
    {{{"windows-31j"}, {"CP932"}}},
}};

// Characters we decode ourselves instead of asking the codec. JIS X 0208 comes from our own
// table (portable, and in the standard's mapping). Elsewhere, where ICU's tables follow
// Microsoft's variants, predate a revision of the standard, or (GB 2312 read through GB18030)
// use GB18030's remapping: the character of the standard's own mapping as Unicode published it
// (JIS0212.TXT, KSX1001.TXT, GB2312.TXT) — what glibc's iconv and Python decode, so all agree.
struct Override
{
    CodeSet set;
    quint16 code; // 7-bit row/cell pair
    char16_t character;
};
constexpr std::array kOverrides = {
    Override {CodeSet::JisX0212, 0x2237, 0x007E}, // TILDE (ICU: U+FF5E)
    Override {CodeSet::KsX1001, 0x2266, 0x20AC}, // EURO SIGN, KS X 1001:1998 (ICU: none)
    Override {CodeSet::KsX1001, 0x2267, 0x00AE}, // REGISTERED SIGN, KS X 1001:2002 (ICU: none)
    Override {CodeSet::Gb2312, 0x2124, 0x30FB}, // KATAKANA MIDDLE DOT (GB18030: U+00B7)
    Override {CodeSet::Gb2312, 0x212A, 0x2015}, // HORIZONTAL BAR (GB18030: U+2014)
};

// 0 when the codec should decode the pair.
char16_t ownCharacter(CodeSet set, uchar first, uchar second, bool useOwnTables)
{
    if (set == CodeSet::JisX0208 && useOwnTables) {
        const char16_t c = jisX0208Character(first, second);
        return c == 0xFFFD ? 0 : c;
    }
    const quint16 code = quint16(((first & 0x7F) << 8) | (second & 0x7F));
    for (const Override &o : kOverrides) {
        if (o.set == set && o.code == code)
            return o.character;
    }
    return 0;
}

// Resolved once per process; function-local statics initialise thread-safely.
const Route *routeFor(Target target)
{
    static const std::array<const Route *, TargetCount> resolved = [] {
        std::array<const Route *, TargetCount> r {};
        for (int t = 0; t < TargetCount; ++t) {
            for (const Route &route : kRoutes[t]) {
                if (route.codec && QStringDecoder(route.codec).isValid()) {
                    r[t] = &route;
                    break;
                }
            }
        }
        return r;
    }();
    return resolved[target];
}

Target targetFor(CodeSet set)
{
    switch (set) {
    case CodeSet::JisX0208:
        return TargetJisX0208;
    case CodeSet::JisX0212:
        return TargetJisX0212;
    case CodeSet::KsX1001:
        return TargetKsX1001;
    case CodeSet::Gb2312:
        return TargetGb2312;
    default:
        return TargetCount;
    }
}

void appendPair(ByteForm form, uchar first, uchar second, QByteArray &out)
{
    const uchar j1 = first & 0x7F;
    const uchar j2 = second & 0x7F;
    switch (form) {
    case ByteForm::AsIs:
        out.append(char(first)).append(char(second));
        return;
    case ByteForm::EucJp0212:
        out.append(char(0x8F));
        [[fallthrough]];
    case ByteForm::EucJp0208:
        out.append(char(j1 | 0x80)).append(char(j2 | 0x80));
        return;
    case ByteForm::ShiftJis0208: {
        const uchar s1 = uchar(((j1 + 1) >> 1) + (j1 <= 0x5E ? 0x70 : 0xB0));
        const uchar s2 = (j1 & 1) ? uchar(j2 + (j2 <= 0x5F ? 0x1F : 0x20)) : uchar(j2 + 0x7E);
        out.append(char(s1)).append(char(s2));
        return;
    }
    case ByteForm::Iso2022Jp0208:
    case ByteForm::Iso2022Jp0212:
        out.append(char(j1)).append(char(j2));
        return;
    }
}

QString runCodec(const Route &route, const QByteArray &bytes)
{
    QByteArray input;
    if (route.form == ByteForm::Iso2022Jp0208)
        input = QByteArrayLiteral("\x1b$B") + bytes + QByteArrayLiteral("\x1b(B");
    else if (route.form == ByteForm::Iso2022Jp0212)
        input = QByteArrayLiteral("\x1b$(D") + bytes + QByteArrayLiteral("\x1b(B");
    else
        input = bytes;
    QStringDecoder decoder(route.codec);
    return decoder(input);
}

// Pairs we hold ourselves are decoded here; runs of the others go to the route's codec
// (U+FFFD each when the platform has none).
QString decodePairs(CodeSet set, const Route *route, QByteArrayView bytes, bool useOwnTables)
{
    QString out;
    out.reserve(bytes.size() / 2 + 1);
    QByteArray pending;
    const auto flush = [&] {
        if (route && !pending.isEmpty())
            out += runCodec(*route, pending);
        pending.clear();
    };
    for (qsizetype i = 0; i + 1 < bytes.size(); i += 2) {
        const uchar first = uchar(bytes[i]);
        const uchar second = uchar(bytes[i + 1]);
        if (const char16_t own = ownCharacter(set, first, second, useOwnTables)) {
            flush();
            out += QChar(own);
        } else if (route) {
            appendPair(route->form, first, second, pending);
        } else {
            out += QChar(kReplacement);
        }
    }
    flush();
    if (bytes.size() % 2)
        out += QChar(kReplacement);
    return out;
}

} // namespace

bool platformCanDecode(CodeSet set)
{
    const Target t = targetFor(set);
    // Single-byte sets and JIS X 0208 are our own tables.
    return t == TargetCount || set == CodeSet::JisX0208 || routeFor(t) != nullptr;
}

bool platformCanDecode(WholeEncoding encoding)
{
    switch (encoding) {
    case WholeEncoding::Gb18030:
        return routeFor(TargetGb18030) != nullptr;
    case WholeEncoding::Gbk:
        return routeFor(TargetGbk) != nullptr;
    default:
        return true; // UTF-8 is Qt's own
    }
}

QString decodeDoubleByte(CodeSet set, QByteArrayView bytes)
{
    const Target t = targetFor(set);
    return decodePairs(set, t == TargetCount ? nullptr : routeFor(t), bytes, true);
}

bool isShiftJisLead(uchar byte)
{
    return (byte >= 0x81 && byte <= 0x9F) || (byte >= 0xE0 && byte <= 0xFC);
}

bool isShiftJisTrail(uchar byte)
{
    return byte >= 0x40 && byte <= 0xFC && byte != 0x7F;
}

QString decodeShiftJisPair(uchar lead, uchar trail)
{
    if (lead >= 0xF0) { // user-defined and IBM rows: only CP932 itself knows them
        const Route *route = routeFor(TargetShiftJis);
        const char pair[2] = {char(lead), char(trail)};
        return route ? runCodec(*route, QByteArray(pair, 2)) : QString(QChar(kReplacement));
    }
    // Shift_JIS → JIS X 0208 row/cell (JIS X 0208 Annex 1), then our table, so a character
    // reads the same whether it came as Shift_JIS or through ESC $ B.
    uchar j1 = uchar((lead - (lead <= 0x9F ? 0x70 : 0xB0)) << 1);
    uchar j2 = 0;
    if (trail < 0x9F) {
        j1 = uchar(j1 - 1);
        j2 = uchar(trail - 0x1F - (trail >= 0x80 ? 1 : 0));
    } else {
        j2 = uchar(trail - 0x7E);
    }
    const char pair[2] = {char(j1), char(j2)};
    return decodeDoubleByte(CodeSet::JisX0208, QByteArrayView(pair, 2));
}

QString decodeWhole(WholeEncoding encoding, QByteArrayView bytes)
{
    const Route *route = nullptr;
    switch (encoding) {
    case WholeEncoding::Gb18030:
        route = routeFor(TargetGb18030);
        break;
    case WholeEncoding::Gbk:
        route = routeFor(TargetGbk);
        break;
    default:
        return QString::fromUtf8(bytes);
    }
    if (!route) {
        QString out;
        for (const char c : bytes)
            out += uchar(c) < 0x80 ? QChar(char16_t(uchar(c))) : QChar(kReplacement);
        return out;
    }
    return runCodec(*route, bytes.toByteArray());
}

QString decodeJisX0208Via(JisRoute route, QByteArrayView bytes)
{
    static constexpr std::array<Route, 3> kJisRoutes = {{
        {"EUC-JP", ByteForm::EucJp0208},
        {"Shift_JIS", ByteForm::ShiftJis0208},
        {"ISO-2022-JP", ByteForm::Iso2022Jp0208},
    }};
    const Route &r = kJisRoutes[size_t(route)];
    if (!QStringDecoder(r.codec).isValid())
        return {};
    return decodePairs(CodeSet::JisX0208, &r, bytes, false);
}

} // namespace haip::dicom::charset
