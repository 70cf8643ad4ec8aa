#include "card/Apdu.h"

namespace haip::card {

QByteArray CommandApdu::encode() const
{
    QByteArray out;
    out.append(char(cla));
    out.append(char(ins));
    out.append(char(p1));
    out.append(char(p2));
    const bool extended = data.size() > 255 || (le && *le > 256);
    if (!data.isEmpty()) {
        if (extended) {
            out.append(char(0));
            out.append(char(data.size() >> 8));
            out.append(char(data.size()));
        } else {
            out.append(char(data.size()));
        }
        out.append(data);
    }
    if (le) {
        const int n = *le;
        if (extended) {
            if (data.isEmpty())
                out.append(char(0));
            out.append(char(n >= 65536 ? 0 : n >> 8));
            out.append(char(n >= 65536 ? 0 : n));
        } else {
            out.append(char(n >= 256 ? 0 : n));
        }
    }
    return out;
}

std::optional<CommandApdu> CommandApdu::parse(QByteArrayView bytes)
{
    if (bytes.size() < 4)
        return std::nullopt;
    const auto at = [&](qsizetype i) {
        return int(quint8(bytes[i]));
    };
    CommandApdu c;
    c.cla = quint8(at(0));
    c.ins = quint8(at(1));
    c.p1 = quint8(at(2));
    c.p2 = quint8(at(3));
    const qsizetype body = bytes.size() - 4;
    if (body == 0) // case 1
        return c;
    if (body == 1) { // case 2 short
        c.le = at(4) == 0 ? 256 : at(4);
        return c;
    }
    if (at(4) != 0) { // short Lc
        const int lc = at(4);
        if (body == 1 + lc) { // case 3 short
            c.data = bytes.sliced(5, lc).toByteArray();
            return c;
        }
        if (body == 2 + lc) { // case 4 short
            c.data = bytes.sliced(5, lc).toByteArray();
            c.le = at(5 + lc) == 0 ? 256 : at(5 + lc);
            return c;
        }
        return std::nullopt;
    }
    // Extended: 00 then two bytes.
    if (body == 3) { // case 2 extended
        const int le = (at(5) << 8) | at(6);
        c.le = le == 0 ? 65536 : le;
        return c;
    }
    if (body < 3)
        return std::nullopt;
    const int lc = (at(5) << 8) | at(6);
    if (lc == 0)
        return std::nullopt;
    if (body == 3 + lc) {
        c.data = bytes.sliced(7, lc).toByteArray();
        return c;
    }
    if (body == 5 + lc) {
        c.data = bytes.sliced(7, lc).toByteArray();
        const int le = (at(7 + lc) << 8) | at(8 + lc);
        c.le = le == 0 ? 65536 : le;
        return c;
    }
    return std::nullopt;
}

QByteArray ResponseApdu::encode() const
{
    QByteArray out = data;
    out.append(char(status >> 8));
    out.append(char(status & 0xFF));
    return out;
}

std::optional<ResponseApdu> ResponseApdu::parse(QByteArrayView bytes)
{
    if (bytes.size() < 2)
        return std::nullopt;
    ResponseApdu r;
    r.data = bytes.first(bytes.size() - 2).toByteArray();
    r.status = quint16((quint8(bytes[bytes.size() - 2]) << 8) | quint8(bytes[bytes.size() - 1]));
    return r;
}

} // namespace haip::card
