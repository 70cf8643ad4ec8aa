#include "dicom/internal/PixelModule.h"

#include "dicom/Tag.h"
#include "dicom/internal/DatasetValues.h"

#include <dcmtk/dcmdata/dcitem.h>

namespace haip::dicom::internal {

qint64 PixelModule::nativeFrameBits() const
{
    if (isSubsampled422())
        return pixelsPerFrame() * 2 * bitsAllocated;
    return pixelsPerFrame() * samplesPerPixel * bitsAllocated;
}

qint64 PixelModule::nativeFrameBytes() const
{
    return (nativeFrameBits() + 7) / 8;
}

bool PixelModule::isSubsampled422() const
{
    return samplesPerPixel == 3 &&
        (photometric == QLatin1String("YBR_FULL_422") || photometric == QLatin1String("YBR_PARTIAL_422"));
}

namespace {

QString describe(Tag tag, const QString &keyword)
{
    return QStringLiteral("%1 %2").arg(keyword, tagText(tag));
}

// Reads a required integer attribute; absent → MissingAttribute, unparsable → InvalidAttribute.
Result<int> requiredInteger(DcmItem &dataset, Tag tag, const QString &keyword, const QString &name)
{
    if (findElement(dataset, tag) == nullptr || valueCount(dataset, tag) == 0)
        return Error(ErrorCode::MissingAttribute, describe(tag, keyword), name);
    const std::optional<qint64> value = integerValue(dataset, tag);
    if (!value || *value < 0 || *value > 0x7FFFFFFF)
        return Error(ErrorCode::InvalidAttribute,
                     QStringLiteral("%1 = \"%2\"").arg(describe(tag, keyword), rawString(dataset, tag)),
                     name);
    return int(*value);
}

} // namespace

Result<PixelModule> readPixelModule(DcmItem &dataset, const QString &name)
{
    PixelModule m;
    const auto rows = requiredInteger(dataset, tags::Rows, QStringLiteral("Rows"), name);
    if (!rows)
        return rows.error();
    const auto columns = requiredInteger(dataset, tags::Columns, QStringLiteral("Columns"), name);
    if (!columns)
        return columns.error();
    const auto bitsAllocated = requiredInteger(dataset, tags::BitsAllocated, QStringLiteral("Bits Allocated"), name);
    if (!bitsAllocated)
        return bitsAllocated.error();
    m.rows = *rows;
    m.columns = *columns;
    m.bitsAllocated = *bitsAllocated;
    m.samplesPerPixel = int(integerValue(dataset, tags::SamplesPerPixel).value_or(1));
    m.bitsStored = int(integerValue(dataset, tags::BitsStored).value_or(m.bitsAllocated));
    m.highBit = int(integerValue(dataset, tags::HighBit).value_or(m.bitsStored - 1));
    m.pixelRepresentation = int(integerValue(dataset, tags::PixelRepresentation).value_or(0));
    m.planarConfiguration = int(integerValue(dataset, tags::PlanarConfiguration).value_or(0));
    m.photometric = rawString(dataset, tags::PhotometricInterpretation).trimmed();
    if (m.photometric.isEmpty())
        m.photometric = m.samplesPerPixel == 1 ? QStringLiteral("MONOCHROME2") : QStringLiteral("RGB");

    // Number of Frames is optional (absent = 1) but, when present, must be an integer: an IS
    // value such as "1A" leaves the frame layout unknown, so nothing is guessed.
    if (findElement(dataset, tags::NumberOfFrames) != nullptr && valueCount(dataset, tags::NumberOfFrames) > 0) {
        const std::optional<qint64> frames = integerValue(dataset, tags::NumberOfFrames);
        if (!frames || *frames < 1 || *frames > 0x7FFFFFFF)
            return Error(ErrorCode::InvalidAttribute,
                         QStringLiteral("Number of Frames (0028,0008) = \"%1\" is not a positive integer")
                             .arg(rawString(dataset, tags::NumberOfFrames)),
                         name);
        m.numberOfFrames = int(*frames);
    }

    if (m.rows == 0 || m.columns == 0)
        return Error(
            ErrorCode::InvalidAttribute, QStringLiteral("image size %1 x %2").arg(m.columns).arg(m.rows), name);
    if (m.samplesPerPixel != 1 && m.samplesPerPixel != 3)
        return Error(ErrorCode::InvalidAttribute,
                     QStringLiteral("Samples per Pixel (0028,0002) = %1").arg(m.samplesPerPixel),
                     name);
    if (m.bitsAllocated != 1 && m.bitsAllocated != 8 && m.bitsAllocated != 16 && m.bitsAllocated != 32)
        return Error(ErrorCode::UnsupportedBitDepth, QStringLiteral("Bits Allocated %1").arg(m.bitsAllocated), name);
    if (m.bitsStored < 1 || m.bitsStored > m.bitsAllocated)
        return Error(ErrorCode::InvalidAttribute,
                     QStringLiteral("Bits Stored (0028,0101) = %1 with Bits Allocated %2")
                         .arg(m.bitsStored)
                         .arg(m.bitsAllocated),
                     name);
    if (m.highBit < m.bitsStored - 1 || m.highBit >= m.bitsAllocated)
        return Error(ErrorCode::InvalidAttribute,
                     QStringLiteral("High Bit (0028,0102) = %1 with Bits Stored %2, Bits Allocated %3")
                         .arg(m.highBit)
                         .arg(m.bitsStored)
                         .arg(m.bitsAllocated),
                     name);
    if (m.pixelRepresentation != 0 && m.pixelRepresentation != 1)
        return Error(ErrorCode::InvalidAttribute,
                     QStringLiteral("Pixel Representation (0028,0103) = %1").arg(m.pixelRepresentation),
                     name);
    return m;
}

} // namespace haip::dicom::internal
