#include "dicom/TagNames.h"

#include <dcmtk/dcmdata/dcdict.h>
#include <dcmtk/dcmdata/dctag.h>

namespace haip::dicom {

QString tagKeyword(Tag tag)
{
    QString numeric = QStringLiteral("(%1,%2)")
                          .arg(tag.group, 4, 16, QLatin1Char('0'))
                          .arg(tag.element, 4, 16, QLatin1Char('0'))
                          .toUpper();
    if (tag.group % 2 == 1)
        return numeric;
    DcmTag dcmTag(tag.group, tag.element); // getTagName() is not const in DCMTK 3.6.7
    const char *name = dcmTag.getTagName();
    if (!name || QByteArrayView(name) == DcmTag_ERROR_TagName)
        return numeric;
    return QString::fromLatin1(name);
}

} // namespace haip::dicom
