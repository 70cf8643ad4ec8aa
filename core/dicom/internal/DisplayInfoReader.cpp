// The display pipeline of PS3.3 C.11: Modality LUT (rescale or table), VOI (windows, tables,
// function) and the PALETTE COLOR tables, with the per-frame overrides of enhanced multi-frame
// objects (Pixel Value Transformation, Frame VOI LUT functional groups).
#include "dicom/Tag.h"
#include "dicom/internal/DatasetValues.h"
#include "dicom/internal/ImageAttributes.h"

#include <dcmtk/dcmdata/dcelem.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

namespace haip::dicom::internal {

namespace {

constexpr Tag kPixelValueTransformationSequence {0x0028, 0x9145};
constexpr Tag kFrameVoiLutSequence {0x0028, 0x9132};
// Segmented palettes (PS3.3 C.7.9.2) are not expanded here; the plain tables suffice for the
// PALETTE COLOR images this workstation meets.

// A LUT from its descriptor (entries, first mapped value, bits) and data (PS3.3 C.11.1.1).
LutTable readLut(DcmItem &item, Tag descriptorTag, Tag dataTag, bool signedInput)
{
    LutTable lut;
    const QList<double> descriptor = numberValues(item, descriptorTag);
    DcmElement *data = findElement(item, dataTag);
    if (descriptor.size() < 3 || data == nullptr || data->getLength() < 2)
        return lut;
    int entries = int(descriptor[0]);
    if (entries <= 0)
        entries = 65536; // 0 means 2^16 entries
    int first = int(descriptor[1]);
    if (signedInput && first > 32767)
        first -= 65536; // a US-encoded descriptor of a signed image
    else if (!signedInput && first < 0)
        first += 65536;
    const int bits = int(descriptor[2]);

    Uint16 *words = nullptr;
    if (data->getUint16Array(words).bad() || words == nullptr) {
        Sint16 *signedWords = nullptr;
        if (data->getSint16Array(signedWords).bad() || signedWords == nullptr)
            return lut;
        words = reinterpret_cast<Uint16 *>(signedWords);
    }
    const qsizetype wordCount = qsizetype(data->getLength() / 2);
    lut.firstMapped = first;
    lut.bitsPerEntry = bits;
    if (bits <= 8 && wordCount * 2 == entries) {
        // Some writers pack two 8-bit entries per 16-bit word.
        const auto *bytes = reinterpret_cast<const quint8 *>(words);
        for (int i = 0; i < entries; ++i)
            lut.entries.append(bytes[i]);
    } else {
        for (qsizetype i = 0; i < std::min<qsizetype>(wordCount, entries); ++i)
            lut.entries.append(words[i]);
    }
    return lut;
}

void readRescale(DcmItem &item, ModalityLut &modality)
{
    if (const std::optional<double> slope = numberValue(item, tags::RescaleSlope); slope && *slope != 0.0)
        modality.slope = *slope;
    if (const std::optional<double> intercept = numberValue(item, tags::RescaleIntercept))
        modality.intercept = *intercept;
    const QString type = rawString(item, tags::RescaleType);
    if (!type.isEmpty())
        modality.type = type;
}

void readWindows(DcmItem &item, QList<VoiWindow> &windows)
{
    const QList<double> centers = numberValues(item, tags::WindowCenter);
    const QList<double> widths = numberValues(item, tags::WindowWidth);
    if (centers.isEmpty() || widths.isEmpty())
        return;
    const QStringList explanations = rawStrings(item, tags::WindowCenterWidthExplanation);
    windows.clear();
    for (qsizetype i = 0; i < std::min(centers.size(), widths.size()); ++i) {
        if (widths[i] <= 0.0)
            continue; // PS3.3 C.11.2.1.2: Window Width shall be > 0
        windows.append({centers[i], widths[i], i < explanations.size() ? explanations[i] : QString()});
    }
}

void readVoiFunction(DcmItem &item, VoiFunction &function)
{
    const QString value = rawString(item, tags::VoiLutFunction);
    if (value == QLatin1String("LINEAR_EXACT"))
        function = VoiFunction::LinearExact;
    else if (value == QLatin1String("SIGMOID"))
        function = VoiFunction::Sigmoid;
    else if (value == QLatin1String("LINEAR"))
        function = VoiFunction::Linear;
}

} // namespace

DisplayInfo readDisplayInfo(DcmItem &dataset, int frame)
{
    DisplayInfo info;
    const bool signedPixels = integerValue(dataset, tags::PixelRepresentation).value_or(0) == 1;

    readRescale(dataset, info.modality);
    if (DcmItem *transform = functionalGroup(
            dataset, frame, kPixelValueTransformationSequence.group, kPixelValueTransformationSequence.element))
        readRescale(*transform, info.modality);
    if (DcmItem *mlut = sequenceItem(dataset, tags::ModalityLutSequence.group, tags::ModalityLutSequence.element)) {
        info.modality.table = readLut(*mlut, tags::LutDescriptor, tags::LutData, signedPixels);
        info.modality.table.explanation = rawString(*mlut, tags::LutExplanation);
        const QString type = rawString(*mlut, tags::ModalityLutType);
        if (!type.isEmpty())
            info.modality.type = type;
    }

    readWindows(dataset, info.windows);
    readVoiFunction(dataset, info.voiFunction);
    if (DcmItem *voi = functionalGroup(dataset, frame, kFrameVoiLutSequence.group, kFrameVoiLutSequence.element)) {
        readWindows(*voi, info.windows);
        readVoiFunction(*voi, info.voiFunction);
    }
    // VOI LUT input is the modality LUT output: signed when the rescaled values can be negative.
    const bool signedVoiInput = signedPixels || info.modality.intercept < 0.0;
    for (int i = 0;; ++i) {
        DcmItem *voi = sequenceItem(dataset, tags::VoiLutSequence.group, tags::VoiLutSequence.element, i);
        if (voi == nullptr)
            break;
        LutTable lut = readLut(*voi, tags::LutDescriptor, tags::LutData, signedVoiInput);
        lut.explanation = rawString(*voi, tags::LutExplanation);
        if (!lut.isEmpty())
            info.voiLuts.append(lut);
    }

    if (rawString(dataset, tags::PhotometricInterpretation) == QLatin1String("PALETTE COLOR")) {
        info.palette.red = readLut(dataset, tags::RedPaletteDescriptor, tags::RedPaletteData, false);
        info.palette.green = readLut(dataset, tags::GreenPaletteDescriptor, tags::GreenPaletteData, false);
        info.palette.blue = readLut(dataset, tags::BluePaletteDescriptor, tags::BluePaletteData, false);
    }
    return info;
}

} // namespace haip::dicom::internal
