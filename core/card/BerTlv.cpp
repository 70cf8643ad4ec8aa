#include "card/BerTlv.h"

namespace haip::card::tlv {

QByteArray encode(quint32 tag, QByteArrayView value)
{
    QByteArray out;
    if (tag > 0xFFFF)
        out.append(char(tag >> 16));
    if (tag > 0xFF)
        out.append(char(tag >> 8));
    out.append(char(tag));
    const qsizetype n = value.size();
    if (n < 0x80) {
        out.append(char(n));
    } else if (n <= 0xFF) {
        out.append(char(0x81));
        out.append(char(n));
    } else if (n <= 0xFFFF) {
        out.append(char(0x82));
        out.append(char(n >> 8));
        out.append(char(n));
    } else {
        out.append(char(0x83));
        out.append(char(n >> 16));
        out.append(char(n >> 8));
        out.append(char(n));
    }
    out.append(value.data(), value.size());
    return out;
}

std::optional<QList<Tlv>> parse(QByteArrayView data)
{
    QList<Tlv> items;
    qsizetype i = 0;
    const auto byteAt = [&](qsizetype k) {
        return quint8(data[k]);
    };
    while (i < data.size()) {
        // Tag: low five bits all set means more tag bytes follow, each with bit 8 set but the last.
        quint32 tag = byteAt(i++);
        if ((tag & 0x1F) == 0x1F) {
            int more = 0;
            do {
                if (i >= data.size() || ++more > 2)
                    return std::nullopt;
                tag = (tag << 8) | byteAt(i);
            } while (byteAt(i++) & 0x80);
        }
        if (i >= data.size())
            return std::nullopt;
        qsizetype length = byteAt(i++);
        if (length & 0x80) {
            const int lengthBytes = int(length & 0x7F);
            if (lengthBytes == 0 || lengthBytes > 3 || i + lengthBytes > data.size())
                return std::nullopt;
            length = 0;
            for (int k = 0; k < lengthBytes; ++k)
                length = (length << 8) | byteAt(i++);
        }
        if (length > data.size() - i)
            return std::nullopt;
        items.append({tag, data.sliced(i, length).toByteArray()});
        i += length;
    }
    return items;
}

std::optional<QByteArray> find(QByteArrayView data, quint32 tag)
{
    const std::optional<QList<Tlv>> items = parse(data);
    if (!items)
        return std::nullopt;
    for (const Tlv &t : *items) {
        if (t.tag == tag)
            return t.value;
    }
    return std::nullopt;
}

} // namespace haip::card::tlv
