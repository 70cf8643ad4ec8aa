// Overlay planes in groups 6000-601E (PS3.3 C.9.2), with Overlay Data unpacked to one byte per
// pixel. Overlays embedded in unused high bits of Pixel Data (retired since 2004) are not read.
#include "dicom/Tag.h"
#include "dicom/internal/DatasetValues.h"
#include "dicom/internal/ImageAttributes.h"

#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>

namespace haip::dicom::internal {

namespace {

Tag at(quint16 group, quint16 element)
{
    return Tag {group, element};
}

} // namespace

QList<OverlayPlane> readOverlays(DcmItem &dataset)
{
    QList<OverlayPlane> overlays;
    for (quint16 group = 0x6000; group <= 0x601E; group += 2) {
        DcmElement *data = findElement(dataset, at(group, tags::OverlayDataElement));
        const std::optional<qint64> rows = integerValue(dataset, at(group, tags::OverlayRowsElement));
        const std::optional<qint64> columns = integerValue(dataset, at(group, tags::OverlayColumnsElement));
        if (data == nullptr || !rows || !columns || *rows <= 0 || *columns <= 0)
            continue;
        OverlayPlane plane;
        plane.group = group;
        plane.rows = int(*rows);
        plane.columns = int(*columns);
        const QList<double> origin = numberValues(dataset, at(group, tags::OverlayOriginElement));
        if (origin.size() >= 2) {
            plane.originRow = int(origin[0]);
            plane.originColumn = int(origin[1]);
        }
        plane.type = rawString(dataset, at(group, tags::OverlayTypeElement));
        plane.description = rawString(dataset, at(group, tags::OverlayDescriptionElement));
        plane.label = rawString(dataset, at(group, tags::OverlayLabelElement));
        plane.frameCount = int(
            std::max<qint64>(1, integerValue(dataset, at(group, tags::NumberOfFramesInOverlayElement)).value_or(1)));
        plane.firstImageFrame = int(integerValue(dataset, at(group, tags::ImageFrameOriginElement)).value_or(1));

        // Overlay Data is a bit stream, least significant bit first, frames back to back.
        Uint8 *bytes = nullptr;
        if (data->getUint8Array(bytes).bad() || bytes == nullptr)
            continue;
        const qint64 bitCount = qint64(plane.rows) * plane.columns * plane.frameCount;
        const qint64 available = qint64(data->getLength()) * 8;
        if (bitCount > available)
            continue; // damaged overlay: skip it rather than draw garbage
        plane.bits = QByteArray(qsizetype(bitCount), Qt::Uninitialized);
        for (qint64 i = 0; i < bitCount; ++i)
            plane.bits[qsizetype(i)] = char((bytes[i / 8] >> (i % 8)) & 1);
        overlays.append(plane);
    }
    return overlays;
}

} // namespace haip::dicom::internal
