// BER-TLV as ISO/IEC 7816-4 and NIST SP 800-73-4 use it on PIV cards: tags of one to three
// bytes (kept as their big-endian value, e.g. 0x5FC105), definite lengths of up to three
// length bytes. Shared by the PIV client and the virtual card.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace haip::card {

struct Tlv
{
    quint32 tag = 0;
    QByteArray value;
};

namespace tlv {

QByteArray encode(quint32 tag, QByteArrayView value);
// Every top-level TLV of `data`; nullopt when a tag or length is malformed or runs past the end.
std::optional<QList<Tlv>> parse(QByteArrayView data);
// The value of the first top-level TLV with `tag`; nullopt when absent or `data` is malformed.
std::optional<QByteArray> find(QByteArrayView data, quint32 tag);

} // namespace tlv
} // namespace haip::card
