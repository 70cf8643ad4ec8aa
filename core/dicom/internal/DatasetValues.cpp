#include "dicom/internal/DatasetValues.h"

#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcvr.h>

namespace haip::dicom::internal {

namespace {

// VRs whose values are character strings (PS3.5 Table 6.2-1).
bool isStringVr(DcmEVR vr)
{
    switch (vr) {
    case EVR_AE:
    case EVR_AS:
    case EVR_CS:
    case EVR_DA:
    case EVR_DS:
    case EVR_DT:
    case EVR_IS:
    case EVR_LO:
    case EVR_LT:
    case EVR_PN:
    case EVR_SH:
    case EVR_ST:
    case EVR_TM:
    case EVR_UC:
    case EVR_UI:
    case EVR_UR:
    case EVR_UT:
        return true;
    default:
        return false;
    }
}

// Padding DICOM allows around values: spaces, and NUL after UIDs.
QByteArray trimPadding(QByteArray value)
{
    while (!value.isEmpty() && (value.back() == ' ' || value.back() == '\0'))
        value.chop(1);
    qsizetype start = 0;
    while (start < value.size() && value.at(start) == ' ')
        ++start;
    return value.mid(start);
}

} // namespace

QString tagText(Tag tag)
{
    return QStringLiteral("(%1,%2)").arg(
        QString::number(tag.group, 16).rightJustified(4, QLatin1Char('0')).toUpper(),
        QString::number(tag.element, 16).rightJustified(4, QLatin1Char('0')).toUpper());
}

DcmElement *findElement(DcmItem &item, Tag tag)
{
    DcmElement *element = nullptr;
    if (item.findAndGetElement(tagKey(tag), element, OFFalse).bad())
        return nullptr;
    return element;
}

namespace {

QByteArray stringBytes(DcmElement *element)
{
    if (element == nullptr || element->getLength() == 0 || !isStringVr(element->ident()))
        return {};
    char *value = nullptr;
    Uint32 length = 0;
    if (element->getString(value, length).bad() || value == nullptr)
        return {};
    return QByteArray(value, qsizetype(length));
}

} // namespace

QByteArray rawValueBytes(DcmItem &item, Tag tag)
{
    return stringBytes(findElement(item, tag));
}

QStringList rawStrings(DcmItem &item, Tag tag)
{
    DcmElement *element = findElement(item, tag);
    if (element == nullptr || element->getLength() == 0)
        return {};
    QStringList values;
    if (isStringVr(element->ident())) {
        // One lookup per value: DCMTK's search walks the item's element list.
        const QByteArray raw = stringBytes(element);
        for (const QByteArray &part : raw.split('\\'))
            values.append(QString::fromLatin1(trimPadding(part)));
        return values;
    }
    const unsigned long count = element->getVM();
    for (unsigned long i = 0; i < count; ++i) {
        OFString text;
        if (element->getOFString(text, i, OFTrue).bad())
            break;
        values.append(QString::fromLatin1(text.c_str(), qsizetype(text.size())));
    }
    return values;
}

QString rawString(DcmItem &item, Tag tag)
{
    return rawStrings(item, tag).join(QLatin1Char('\\'));
}

int valueCount(DcmItem &item, Tag tag)
{
    return int(rawStrings(item, tag).size());
}

std::optional<double> numberValue(DcmItem &item, Tag tag, int index)
{
    const QStringList values = rawStrings(item, tag);
    if (index < 0 || index >= values.size())
        return std::nullopt;
    bool ok = false;
    const double value = values.at(index).trimmed().toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

std::optional<qint64> integerValue(DcmItem &item, Tag tag, int index)
{
    const QStringList values = rawStrings(item, tag);
    if (index < 0 || index >= values.size())
        return std::nullopt;
    const QString text = values.at(index).trimmed();
    bool ok = false;
    // IS may carry a leading '+'; QString::toLongLong accepts it.
    const qint64 value = text.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QList<double> numberValues(DcmItem &item, Tag tag)
{
    QList<double> numbers;
    const QStringList values = rawStrings(item, tag);
    for (const QString &v : values) {
        bool ok = false;
        const double value = v.trimmed().toDouble(&ok);
        if (!ok)
            return {};
        numbers.append(value);
    }
    return numbers;
}

} // namespace haip::dicom::internal
