#include "dicom/SegmentationReader.h"

#include "dicom/CharsetDecoder.h"
#include "dicom/SegmentationColours.h"
#include "dicom/internal/DatasetParser.h"
#include "dicom/internal/DatasetValues.h"
#include "dicom/internal/WholeFile.h"

#include <QFileInfo>
#include <QSet>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmfg/fgseg.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>

#include <cmath>
#include <initializer_list>
#include <memory>
#include <vector>

namespace haip::dicom {
namespace {

using namespace Qt::StringLiterals;

struct SegmentationDeleter
{
    void operator()(DcmSegmentation *s) const { delete s; }
};

// Holds attributes taken out of a data set and puts them back when it goes. dcmiod 3.6.7 leaks
// the Common Instance Reference items it has read when a later module of the same SEG fails
// (found by the result_bundle fuzzer); dcmseg is not given them, as the references are read
// here from the data set itself.
class SetAside
{
public:
    SetAside(DcmItem &item, std::initializer_list<DcmTagKey> keys) : m_item(item)
    {
        for (const DcmTagKey &key : keys) {
            if (DcmElement *element = item.remove(key))
                m_elements.push_back(element);
        }
    }
    SetAside(const SetAside &) = delete;
    SetAside &operator=(const SetAside &) = delete;
    ~SetAside()
    {
        for (DcmElement *element : m_elements) {
            if (m_item.insert(element, true).bad())
                delete element;
        }
    }

private:
    DcmItem &m_item;
    std::vector<DcmElement *> m_elements;
};

QString latin(const OFString &s)
{
    return QString::fromLatin1(s.c_str()).trimmed();
}

QString rawText(DcmItem &item, const DcmTagKey &key)
{
    OFString value;
    if (item.findAndGetOFStringArray(key, value).bad())
        return {};
    return latin(value);
}

int sequenceLength(DcmItem &item, const DcmTagKey &key)
{
    DcmSequenceOfItems *sequence = nullptr;
    if (item.findAndGetSequence(key, sequence).bad() || sequence == nullptr)
        return -1;
    return int(sequence->card());
}

// A frame's plane from its functional groups (per-frame first, then shared: FGInterface::get).
ImagePlane planeOf(FGInterface &groups, Uint32 frame)
{
    ImagePlane plane;
    if (auto *position = dynamic_cast<FGPlanePosPatient *>(groups.get(frame, DcmFGTypes::EFG_PLANEPOSPATIENT))) {
        Float64 x = 0, y = 0, z = 0;
        if (position->getImagePositionPatient(x, y, z).good() && std::isfinite(x) && std::isfinite(y) &&
            std::isfinite(z)) {
            plane.position = Vec3 {x, y, z};
            plane.hasPosition = true;
        }
    }
    if (auto *orientation =
            dynamic_cast<FGPlaneOrientationPatient *>(groups.get(frame, DcmFGTypes::EFG_PLANEORIENTPATIENT))) {
        Float64 v[6] = {};
        if (orientation->getImageOrientationPatient(v[0], v[1], v[2], v[3], v[4], v[5]).good()) {
            const Vec3 row {v[0], v[1], v[2]};
            const Vec3 column {v[3], v[4], v[5]};
            // Direction cosines must be unit vectors at right angles (PS3.3 C.7.6.2.1.1).
            if (std::abs(row.length() - 1.0) < 0.01 && std::abs(column.length() - 1.0) < 0.01 &&
                std::abs(row.dot(column)) < 0.01) {
                plane.rowDirection = row.normalized();
                plane.columnDirection = column.normalized();
                plane.hasOrientation = true;
            }
        }
    }
    if (auto *measures = dynamic_cast<FGPixelMeasures *>(groups.get(frame, DcmFGTypes::EFG_PIXELMEASURES))) {
        Float64 rowSpacing = 0, columnSpacing = 0, thickness = 0;
        if (measures->getPixelSpacing(rowSpacing, 0).good() && measures->getPixelSpacing(columnSpacing, 1).good() &&
            rowSpacing > 0 && columnSpacing > 0 && std::isfinite(rowSpacing) && std::isfinite(columnSpacing)) {
            plane.rowSpacing = rowSpacing;
            plane.columnSpacing = columnSpacing;
        }
        if (measures->getSliceThickness(thickness).good() && thickness > 0 && std::isfinite(thickness))
            plane.sliceThickness = thickness;
    }
    return plane;
}

// The first source image of the frame's Derivation Image Sequence.
void sourceOf(FGInterface &groups, Uint32 frame, SegmentationFrame &out)
{
    auto *derivation = dynamic_cast<FGDerivationImage *>(groups.get(frame, DcmFGTypes::EFG_DERIVATIONIMAGE));
    if (derivation == nullptr)
        return;
    for (DerivationImageItem *item : derivation->getDerivationImageItems()) {
        for (SourceImageItem *source : item->getSourceImageItems()) {
            OFString uid;
            if (source->getImageSOPInstanceReference().getReferencedSOPInstanceUID(uid).bad() || uid.empty())
                continue;
            out.sourceSopInstanceUid = latin(uid);
            OFVector<Uint16> frames;
            if (source->getImageSOPInstanceReference().getReferencedFrameNumber(frames).good() && !frames.empty())
                out.sourceFrame = frames.front();
            return;
        }
    }
}

QString codeMeaning(CodeSequenceMacro &code)
{
    OFString meaning;
    if (code.getCodeMeaning(meaning).bad())
        return {};
    return latin(meaning);
}

Error invalid(const QString &what, const QString &name)
{
    return Error(ErrorCode::InvalidAttribute, what, name);
}

// Checks on the data set itself, before dcmseg reads it: dcmseg 3.6.7 logs and carries on over
// most of these, and its frame access cannot be bounds-checked from outside.
Result<void> checkStructure(DcmDataset &set, const QString &name, Uint16 &rows, Uint16 &columns, qint64 &frames)
{
    OFString sopClass;
    set.findAndGetOFString(DCM_SOPClassUID, sopClass);
    if (sopClass != UID_SegmentationStorage)
        return invalid(u"(0008,0016) SOP Class UID %1 is not Segmentation Storage"_s.arg(latin(sopClass)), name);
    if (set.findAndGetUint16(DCM_Rows, rows).bad() || set.findAndGetUint16(DCM_Columns, columns).bad())
        return Error(ErrorCode::MissingAttribute, u"(0028,0010) Rows / (0028,0011) Columns"_s, name);
    if (rows == 0 || columns == 0)
        return invalid(u"the frames have %1 rows and %2 columns"_s.arg(rows).arg(columns), name);
    Sint32 count = 0;
    if (set.findAndGetSint32(DCM_NumberOfFrames, count).bad())
        return Error(ErrorCode::MissingAttribute, u"(0028,0008) Number of Frames"_s, name);
    if (count <= 0)
        return invalid(u"(0028,0008) Number of Frames is %1"_s.arg(count), name);
    frames = count;
    const int perFrame = sequenceLength(set, DCM_PerFrameFunctionalGroupsSequence);
    if (perFrame != count)
        return invalid(
            u"Number of Frames is %1 but the Per-Frame Functional Groups Sequence has %2 items"_s.arg(count).arg(
                perFrame < 0 ? 0 : perFrame),
            name);
    if (sequenceLength(set, DCM_SegmentSequence) <= 0)
        return Error(ErrorCode::MissingAttribute, u"(0062,0002) Segment Sequence"_s, name);
    // PS3.3 C.8.20.2: one sample, unsigned, MONOCHROME2; checked here so that dcmseg, which
    // checks them after it has read the rest, is given no such file.
    Uint16 samples = 0;
    Uint16 representation = 0;
    if (set.findAndGetUint16(DCM_SamplesPerPixel, samples).bad() || samples != 1 ||
        set.findAndGetUint16(DCM_PixelRepresentation, representation).bad() || representation != 0 ||
        rawText(set, DCM_PhotometricInterpretation) != "MONOCHROME2"_L1)
        return invalid(
            u"the pixels are not one unsigned MONOCHROME2 sample (%1 samples, representation %2, %3)"_s.arg(samples)
                .arg(representation)
                .arg(rawText(set, DCM_PhotometricInterpretation)),
            name);
    const QString type = rawText(set, DCM_SegmentationType);
    Uint16 bits = 0;
    set.findAndGetUint16(DCM_BitsAllocated, bits);
    if (type != "BINARY"_L1 && type != "FRACTIONAL"_L1)
        return invalid(u"(0062,0001) Segmentation Type \"%1\""_s.arg(type), name);
    if ((type == "BINARY"_L1 && bits != 1) || (type == "FRACTIONAL"_L1 && bits != 8))
        return Error(
            ErrorCode::UnsupportedBitDepth, u"%1 bits allocated for a %2 segmentation"_s.arg(bits).arg(type), name);
    return {};
}

// Frame `index` unpacked to one byte per pixel. Binary frames follow each other bit by bit
// with no padding (PS3.5 8.1.1, PS3.3 C.8.20.2): a frame need not start on a byte boundary,
// and pixel k of the Pixel Data is bit (k mod 8) — least significant first — of byte k / 8.
QByteArray unpackFrame(const Uint8 *data, qint64 index, qint64 pixelsPerFrame, bool binary, int &nonZero)
{
    QByteArray out(qsizetype(pixelsPerFrame), Qt::Uninitialized);
    char *dst = out.data();
    nonZero = 0;
    if (binary) {
        const qint64 firstBit = index * pixelsPerFrame;
        for (qint64 k = 0; k < pixelsPerFrame; ++k) {
            const qint64 bit = firstBit + k;
            const char v = char((data[bit >> 3] >> (bit & 7)) & 1);
            dst[k] = v;
            nonZero += v;
        }
    } else {
        const Uint8 *src = data + index * pixelsPerFrame;
        for (qint64 k = 0; k < pixelsPerFrame; ++k) {
            dst[k] = char(src[k]);
            nonZero += src[k] != 0 ? 1 : 0;
        }
    }
    return out;
}

// The native Pixel Data, long enough for every frame.
Result<const Uint8 *>
pixelDataOf(DcmDataset &set, const QString &name, qint64 pixelsPerFrame, qint64 frames, bool binary)
{
    const qint64 needed = binary ? (pixelsPerFrame * frames + 7) / 8 : pixelsPerFrame * frames;
    const Uint8 *data = nullptr;
    unsigned long bytes = 0;
    if (set.findAndGetUint8Array(DCM_PixelData, data, &bytes).bad() || data == nullptr)
        return Error(ErrorCode::NoPixelData, {}, name);
    if (qint64(bytes) < needed)
        return Error(ErrorCode::CorruptPixelData,
                     u"%1 bytes of pixel data for %2 frames of %3 pixels need %4"_s.arg(bytes)
                         .arg(frames)
                         .arg(pixelsPerFrame)
                         .arg(needed),
                     name);
    return data;
}

} // namespace

Result<Segmentation> SegmentationReader::fromFile(const QString &path)
{
    Result<QByteArray> bytes = internal::readWholeFile(path, MaxFileSize);
    if (!bytes)
        return bytes.error();
    return fromBytes(*bytes, path);
}

Result<Segmentation> SegmentationReader::fromBytes(const QByteArray &bytes, const QString &name)
{
    Result<internal::ParsedDataset> parsed = internal::parseDataset(bytes, name, false);
    if (!parsed)
        return parsed.error();
    DcmDataset &set = *parsed->file->getDataset();
    Uint16 rows = 0, columns = 0;
    qint64 frameCount = 0;
    if (Result<void> ok = checkStructure(set, name, rows, columns, frameCount); !ok)
        return ok.error();

    // Native pixel data is checked before dcmseg copies its frames out of it.
    if (!DcmXfer(parsed->transferSyntax).isEncapsulated()) {
        const bool binary = rawText(set, DCM_SegmentationType) == "BINARY"_L1;
        if (Result<const Uint8 *> pixels = pixelDataOf(set, name, qint64(rows) * columns, frameCount, binary); !pixels)
            return pixels.error();
    }
    DcmSegmentation *loaded = nullptr;
    OFCondition status;
    {
        const SetAside references(
            set, {DCM_ReferencedSeriesSequence, DCM_StudiesContainingOtherReferencedInstancesSequence});
        status = DcmSegmentation::loadDataset(set, loaded);
    }
    std::unique_ptr<DcmSegmentation, SegmentationDeleter> seg(loaded);
    if (status.bad() || !seg)
        return Error(ErrorCode::CorruptDataset, QString::fromLatin1(status.text()), name);
    if (qint64(seg->getNumberOfFrames()) != frameCount)
        return invalid(
            u"the functional groups describe %1 frames, Number of Frames says %2"_s.arg(seg->getNumberOfFrames())
                .arg(frameCount),
            name);

    // Pixel Data after dcmseg's loadDataset, which decompresses RLE data sets.
    const bool binary = seg->getSegmentationType() == DcmSegTypes::ST_BINARY;
    const qint64 pixelsPerFrame = qint64(rows) * qint64(columns);
    Result<const Uint8 *> pixels = pixelDataOf(set, name, pixelsPerFrame, frameCount, binary);
    if (!pixels)
        return pixels.error();
    const Uint8 *pixelData = *pixels;

    Segmentation out;
    out.rows = rows;
    out.columns = columns;
    out.sopInstanceUid = rawText(set, DCM_SOPInstanceUID);
    out.seriesInstanceUid = rawText(set, DCM_SeriesInstanceUID);
    out.studyInstanceUid = rawText(set, DCM_StudyInstanceUID);
    out.frameOfReferenceUid = rawText(set, DCM_FrameOfReferenceUID);
    const CharsetDecoder decoder(internal::rawStrings(set, Tag {0x0008, 0x0005}));
    const auto text = [&](const OFString &raw) {
        return decoder.decode(QByteArray(raw.c_str(), qsizetype(raw.length())), TextKind::MultiValue).trimmed();
    };
    OFString value;
    set.findAndGetOFString(DCM_SeriesDescription, value);
    out.seriesDescription = text(value);
    value.clear();
    set.findAndGetOFString(DCM_ContentLabel, value);
    out.contentLabel = latin(value);
    value.clear();
    set.findAndGetOFString(DCM_Manufacturer, value);
    out.manufacturer = text(value);
    if (binary) {
        out.type = SegmentationType::Binary;
    } else {
        out.type = SegmentationType::Fractional;
        out.fractionalType = rawText(set, DCM_SegmentationFractionalType) == "OCCUPANCY"_L1
            ? FractionalType::Occupancy
            : FractionalType::Probability;
        Uint16 maximum = 0;
        if (set.findAndGetUint16(DCM_MaximumFractionalValue, maximum).bad() || maximum == 0)
            return invalid(u"(0062,000E) Maximum Fractional Value missing or 0"_s, name);
        out.maximumFractionalValue = maximum;
    }
    for (unsigned long i = 0;; ++i) {
        DcmItem *series = nullptr;
        if (set.findAndGetSequenceItem(DCM_ReferencedSeriesSequence, series, long(i)).bad() || series == nullptr)
            break;
        out.referencedSeriesUids << rawText(*series, DCM_SeriesInstanceUID);
    }

    // Segments: dcmseg numbers them by their order, so the numbers the frames use are read
    // from the items themselves.
    const int segmentCount = sequenceLength(set, DCM_SegmentSequence);
    if (size_t(segmentCount) != seg->getNumberOfSegments())
        return invalid(u"dcmseg read %1 of %2 segments"_s.arg(seg->getNumberOfSegments()).arg(segmentCount), name);
    QSet<int> numbers;
    for (int i = 0; i < segmentCount; ++i) {
        DcmItem *item = nullptr;
        Uint16 number = 0;
        if (set.findAndGetSequenceItem(DCM_SegmentSequence, item, i).bad() || item == nullptr ||
            item->findAndGetUint16(DCM_SegmentNumber, number).bad() || number == 0 || numbers.contains(number))
            return invalid(u"segment %1 of the Segment Sequence has no valid, unique Segment Number"_s.arg(i + 1),
                           name);
        numbers.insert(number);
        DcmSegment *s = seg->getSegment(size_t(i) + 1);
        if (s == nullptr)
            return invalid(u"segment %1 could not be read"_s.arg(number), name);
        Segment segment;
        segment.number = number;
        value.clear();
        s->getSegmentLabel(value);
        segment.label = text(value);
        value.clear();
        s->getSegmentDescription(value);
        segment.description = text(value);
        value.clear();
        s->getSegmentAlgorithmName(value);
        segment.algorithmName = text(value);
        segment.algorithmType = rawText(*item, DCM_SegmentAlgorithmType);
        segment.category = codeMeaning(s->getSegmentedPropertyCategoryCode());
        segment.type = codeMeaning(s->getSegmentedPropertyTypeCode());
        value.clear();
        s->getTrackingID(value);
        segment.trackingId = text(value);
        value.clear();
        s->getTrackingUID(value);
        segment.trackingUid = latin(value);
        Uint16 l = 0, a = 0, b = 0;
        if (item->findAndGetUint16(DCM_RecommendedDisplayCIELabValue, l, 0).good() &&
            item->findAndGetUint16(DCM_RecommendedDisplayCIELabValue, a, 1).good() &&
            item->findAndGetUint16(DCM_RecommendedDisplayCIELabValue, b, 2).good()) {
            segment.colour = SegmentationColours::fromDicomLab(l, a, b);
            segment.colourFromFile = true;
        } else {
            segment.colour = SegmentationColours::palette(i);
        }
        out.segments << segment;
    }
    std::sort(out.segments.begin(), out.segments.end(), [](const Segment &x, const Segment &y) {
        return x.number < y.number;
    });

    // Frames.
    FGInterface &groups = seg->getFunctionalGroups();
    const ImagePlane shared = planeOf(groups, 0);
    auto *sharedMeasures = dynamic_cast<FGPixelMeasures *>(groups.get(0, DcmFGTypes::EFG_PIXELMEASURES));
    if (sharedMeasures != nullptr) {
        Float64 spacing = 0;
        if (sharedMeasures->getSpacingBetweenSlices(spacing).good() && spacing > 0 && std::isfinite(spacing))
            out.spacingBetweenSlices = spacing;
    }
    out.sliceThickness = shared.sliceThickness;
    out.frames.reserve(qsizetype(frameCount));
    for (qint64 f = 0; f < frameCount; ++f) {
        SegmentationFrame frame;
        auto *segmentGroup = dynamic_cast<FGSegmentation *>(groups.get(Uint32(f), DcmFGTypes::EFG_SEGMENTATION));
        Uint16 number = 0;
        if (segmentGroup == nullptr || segmentGroup->getReferencedSegmentNumber(number).bad())
            return Error(
                ErrorCode::MissingAttribute,
                u"frame %1: (0062,000B) Referenced Segment Number in the Segment Identification Sequence"_s.arg(f + 1),
                name);
        if (!numbers.contains(number))
            return invalid(
                u"frame %1 refers to segment %2, which the Segment Sequence does not define"_s.arg(f + 1).arg(number),
                name);
        frame.segmentNumber = number;
        frame.plane = planeOf(groups, Uint32(f));
        sourceOf(groups, Uint32(f), frame);
        frame.pixels = unpackFrame(pixelData, f, pixelsPerFrame, binary, frame.nonZero);
        out.frames << frame;
    }
    return out;
}

} // namespace haip::dicom
