// Reading attribute values out of a DCMTK item as Qt types: raw bytes (no charset conversion),
// raw strings, and numbers parsed strictly (an IS of "1A" is no number). Internal to core/dicom.
#pragma once

#include "dicom/Tag.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <dcmtk/dcmdata/dctagkey.h>

#include <optional>

class DcmItem;
class DcmElement;

namespace haip::dicom::internal {

inline DcmTagKey tagKey(Tag tag)
{
    return DcmTagKey(tag.group, tag.element);
}

// "(0028,0010)"-style text for messages.
QString tagText(Tag tag);
// The element at the top level of `item`, or nullptr.
DcmElement *findElement(DcmItem &item, Tag tag);
// The value bytes of a string-typed element exactly as stored (may include padding).
QByteArray rawValueBytes(DcmItem &item, Tag tag);
// Every value as text, joined by '\'; string values are trimmed of their padding.
QString rawString(DcmItem &item, Tag tag);
QStringList rawStrings(DcmItem &item, Tag tag);
// Value `index` parsed as a number; nullopt when absent, empty or not a number.
std::optional<double> numberValue(DcmItem &item, Tag tag, int index = 0);
std::optional<qint64> integerValue(DcmItem &item, Tag tag, int index = 0);
QList<double> numberValues(DcmItem &item, Tag tag);
// Number of values of the element (0 when absent or empty).
int valueCount(DcmItem &item, Tag tag);

} // namespace haip::dicom::internal
