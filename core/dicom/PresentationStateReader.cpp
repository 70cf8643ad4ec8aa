// The top level of a presentation state: identity, Presentation State Relationship (the images),
// Graphic Layer, Softcopy VOI LUT, Displayed Area and Spatial Transformation modules. The
// graphic annotations are read in internal/PresentationStateGraphics.cpp.
#include "dicom/PresentationStateReader.h"

#include "dicom/SegmentationColours.h"
#include "dicom/internal/DatasetParser.h"
#include "dicom/internal/DatasetValues.h"
#include "dicom/internal/PresentationStateParsing.h"
#include "dicom/internal/WholeFile.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>
#include <cmath>

namespace haip::dicom {

using namespace Qt::StringLiterals;
using internal::PresentationStateContext;

namespace {

// The SOP classes whose graphic annotations, VOI and spatial modules this reader understands
// (PS3.4 B.5); blending and the 3-D / advanced states have another structure.
constexpr const char *SupportedClasses[] = {
    UID_GrayscaleSoftcopyPresentationStateStorage, // 1.2.840.10008.5.1.4.1.1.11.1
    UID_ColorSoftcopyPresentationStateStorage, // 1.2.840.10008.5.1.4.1.1.11.2
    UID_PseudoColorSoftcopyPresentationStateStorage, // 1.2.840.10008.5.1.4.1.1.11.3
};

Tag tagOf(const DcmTagKey &key)
{
    return Tag {key.getGroup(), key.getElement()};
}

QString text(DcmItem &item, const DcmTagKey &key, const PresentationStateContext &context, TextKind kind)
{
    return context.decoder.decode(internal::rawValueBytes(item, tagOf(key)), kind).trimmed();
}

std::optional<double> finiteNumber(DcmItem &item, const DcmTagKey &key)
{
    const std::optional<double> v = internal::numberValue(item, tagOf(key));
    return v && std::isfinite(*v) ? v : std::nullopt;
}

// Presentation State Relationship module (C.11.11): the images, series by series.
Result<QList<ImageReference>> readReferencedSeries(DcmItem &set, const PresentationStateContext &context)
{
    Result<QList<DcmItem *>> series = internal::psItems(set, DCM_ReferencedSeriesSequence, context);
    if (!series)
        return series.error();
    if (series->isEmpty())
        return context.missing(u"(0008,1115) Referenced Series Sequence"_s);
    QList<ImageReference> out;
    for (DcmItem *item : *series) {
        const QString seriesUid = internal::rawString(*item, tagOf(DCM_SeriesInstanceUID));
        Result<QList<ImageReference>> images = internal::psImageReferences(*item, context);
        if (!images)
            return images.error();
        if (images->isEmpty())
            return context.missing(u"(0008,1140) Referenced Image Sequence of series %1"_s.arg(seriesUid.left(64)));
        for (ImageReference image : *images) {
            image.seriesInstanceUid = seriesUid;
            out << image;
        }
        if (out.size() > PresentationStateReader::MaxItems)
            return context.invalid(u"more than %1 referenced images"_s.arg(PresentationStateReader::MaxItems));
    }
    return out;
}

Result<QList<GraphicLayer>> readLayers(DcmItem &set, const PresentationStateContext &context)
{
    Result<QList<DcmItem *>> items = internal::psItems(set, DCM_GraphicLayerSequence, context);
    if (!items)
        return items.error();
    QList<GraphicLayer> out;
    for (int i = 0; i < items->size(); ++i) {
        DcmItem &item = *items->at(i);
        GraphicLayer layer;
        layer.name = internal::rawString(item, tagOf(DCM_GraphicLayer)).trimmed();
        if (layer.name.isEmpty())
            return context.missing(u"graphic layer %1: (0070,0002) Graphic Layer"_s.arg(i + 1));
        for (const GraphicLayer &other : out)
            if (other.name == layer.name)
                return context.invalid(u"graphic layer \"%1\" is defined twice"_s.arg(layer.name.left(64)));
        const std::optional<qint64> order = internal::integerValue(item, tagOf(DCM_GraphicLayerOrder));
        if (!order)
            return context.missing(u"graphic layer \"%1\": (0070,0062) Graphic Layer Order"_s.arg(layer.name.left(64)));
        layer.order = int(std::clamp<qint64>(*order, -(qint64(1) << 30), qint64(1) << 30));
        layer.description = text(item, DCM_GraphicLayerDescription, context, TextKind::MultiValue);
        Uint16 v[3] = {};
        if (item.findAndGetUint16(DCM_GraphicLayerRecommendedDisplayGrayscaleValue, v[0]).good())
            layer.grayscale = v[0];
        if (item.findAndGetUint16(DCM_GraphicLayerRecommendedDisplayCIELabValue, v[0], 0).good() &&
            item.findAndGetUint16(DCM_GraphicLayerRecommendedDisplayCIELabValue, v[1], 1).good() &&
            item.findAndGetUint16(DCM_GraphicLayerRecommendedDisplayCIELabValue, v[2], 2).good()) {
            layer.colour = SegmentationColours::fromDicomLab(v[0], v[1], v[2]);
        } else if (item.findAndGetUint16(DCM_RETIRED_GraphicLayerRecommendedDisplayRGBValue, v[0], 0).good() &&
                   item.findAndGetUint16(DCM_RETIRED_GraphicLayerRecommendedDisplayRGBValue, v[1], 1).good() &&
                   item.findAndGetUint16(DCM_RETIRED_GraphicLayerRecommendedDisplayRGBValue, v[2], 2).good()) {
            // Older writers (dcmpstat among them) still write the retired RGB value, 0…65535 each.
            layer.colour = QColor::fromRgba64(v[0], v[1], v[2]).toRgb();
        }
        out << layer;
    }
    std::stable_sort(
        out.begin(), out.end(), [](const GraphicLayer &a, const GraphicLayer &b) { return a.order < b.order; });
    return out;
}

// Softcopy VOI LUT module (C.11.8).
Result<QList<SoftcopyVoi>> readVois(DcmItem &set, const PresentationStateContext &context)
{
    Result<QList<DcmItem *>> items = internal::psItems(set, DCM_SoftcopyVOILUTSequence, context);
    if (!items)
        return items.error();
    QList<SoftcopyVoi> out;
    for (int i = 0; i < items->size(); ++i) {
        DcmItem &item = *items->at(i);
        SoftcopyVoi voi;
        Result<QList<ImageReference>> images = internal::psImageReferences(item, context);
        if (!images)
            return images.error();
        voi.images = *images;
        voi.hasLutTable = internal::findElement(item, tagOf(DCM_VOILUTSequence)) != nullptr;
        const bool hasCenter = internal::findElement(item, tagOf(DCM_WindowCenter)) != nullptr;
        const bool hasWidth = internal::findElement(item, tagOf(DCM_WindowWidth)) != nullptr;
        if (hasCenter || hasWidth) {
            voi.center = finiteNumber(item, DCM_WindowCenter);
            voi.width = finiteNumber(item, DCM_WindowWidth);
            if (!voi.center || !voi.width || *voi.width < 1.0)
                return context.invalid(u"softcopy VOI %1: Window Center / Width not a finite centre and a width "
                                       u"of at least 1"_s.arg(i + 1));
            voi.explanation = text(item, DCM_WindowCenterWidthExplanation, context, TextKind::MultiValue);
        } else if (!voi.hasLutTable) {
            return context.missing(u"softcopy VOI %1: neither a window nor a VOI LUT"_s.arg(i + 1));
        }
        out << voi;
    }
    return out;
}

// Displayed Area module (C.10.4).
Result<QList<DisplayedArea>> readDisplayedAreas(DcmItem &set, const PresentationStateContext &context)
{
    Result<QList<DcmItem *>> items = internal::psItems(set, DCM_DisplayedAreaSelectionSequence, context);
    if (!items)
        return items.error();
    QList<DisplayedArea> out;
    for (int i = 0; i < items->size(); ++i) {
        DcmItem &item = *items->at(i);
        DisplayedArea area;
        Result<QList<ImageReference>> images = internal::psImageReferences(item, context);
        if (!images)
            return images.error();
        area.images = *images;
        Sint32 c[4] = {};
        if (item.findAndGetSint32(DCM_DisplayedAreaTopLeftHandCorner, c[0], 0).bad() ||
            item.findAndGetSint32(DCM_DisplayedAreaTopLeftHandCorner, c[1], 1).bad() ||
            item.findAndGetSint32(DCM_DisplayedAreaBottomRightHandCorner, c[2], 0).bad() ||
            item.findAndGetSint32(DCM_DisplayedAreaBottomRightHandCorner, c[3], 1).bad())
            return context.missing(u"displayed area %1: its corners (0070,0052) / (0070,0053)"_s.arg(i + 1));
        const auto bounded = [](Sint32 v) {
            return std::abs(double(v)) <= PresentationStateReader::MaxCoordinate;
        };
        if (!std::all_of(std::begin(c), std::end(c), bounded) || c[2] < c[0] || c[3] < c[1])
            return context.invalid(
                u"displayed area %1: corners (%2, %3) – (%4, %5)"_s.arg(i + 1).arg(c[0]).arg(c[1]).arg(c[2]).arg(c[3]));
        area.topLeft = QPoint(c[0], c[1]);
        area.bottomRight = QPoint(c[2], c[3]);
        area.sizeMode = internal::psCode(item, DCM_PresentationSizeMode);
        const QList<double> spacing = internal::numberValues(item, tagOf(DCM_PresentationPixelSpacing));
        if (spacing.size() == 2 && std::isfinite(spacing[0]) && std::isfinite(spacing[1]) && spacing[0] > 0 &&
            spacing[1] > 0) {
            area.pixelSpacingRow = spacing[0];
            area.pixelSpacingColumn = spacing[1];
        }
        Float32 magnification = 0;
        if (item.findAndGetFloat32(DCM_PresentationPixelMagnificationRatio, magnification).good() &&
            std::isfinite(magnification) && magnification > 0)
            area.magnification = magnification;
        out << area;
    }
    return out;
}

Result<void> readSpatial(DcmItem &set, PresentationState &state, const PresentationStateContext &context)
{
    Uint16 rotation = 0;
    if (set.findAndGetUint16(DCM_ImageRotation, rotation).good()) {
        if (rotation % 90 != 0 || rotation > 270)
            return context.invalid(u"(0070,0042) Image Rotation %1"_s.arg(rotation));
        state.rotation = rotation;
    }
    const QString flip = internal::psCode(set, DCM_ImageHorizontalFlip);
    if (!flip.isEmpty() && flip != "Y"_L1 && flip != "N"_L1)
        return context.invalid(u"(0070,0041) Image Horizontal Flip \"%1\""_s.arg(flip.left(16)));
    state.horizontalFlip = flip == "Y"_L1;
    return {};
}

} // namespace

Result<PresentationState> PresentationStateReader::fromFile(const QString &path)
{
    Result<QByteArray> bytes = internal::readWholeFile(path, MaxFileSize);
    if (!bytes)
        return bytes.error();
    return fromBytes(*bytes, path);
}

Result<PresentationState> PresentationStateReader::fromBytes(const QByteArray &bytes, const QString &name)
{
    if (bytes.size() > MaxFileSize)
        return Error(ErrorCode::FileTooLarge, QString::number(bytes.size()), name);
    Result<internal::ParsedDataset> parsed = internal::parseDataset(bytes, name, false);
    if (!parsed)
        return parsed.error();
    DcmItem &set = *parsed->file->getDataset();
    PresentationStateContext context {name, CharsetDecoder(internal::rawStrings(set, Tag {0x0008, 0x0005}))};

    PresentationState state;
    state.sopClassUid = internal::rawString(set, tagOf(DCM_SOPClassUID));
    if (std::none_of(std::begin(SupportedClasses), std::end(SupportedClasses), [&](const char *uid) {
            return state.sopClassUid == QLatin1String(uid);
        }))
        return context.invalid(
            u"(0008,0016) SOP Class UID %1 is not a softcopy presentation state"_s.arg(state.sopClassUid.left(64)));
    state.sopInstanceUid = internal::rawString(set, tagOf(DCM_SOPInstanceUID));
    state.seriesInstanceUid = internal::rawString(set, tagOf(DCM_SeriesInstanceUID));
    state.studyInstanceUid = internal::rawString(set, tagOf(DCM_StudyInstanceUID));
    state.contentLabel = internal::rawString(set, tagOf(DCM_ContentLabel)).trimmed();
    state.contentDescription = text(set, DCM_ContentDescription, context, TextKind::MultiValue);
    state.creatorName = text(set, DCM_ContentCreatorName, context, TextKind::PersonName);
    state.presentationLutShape = internal::psCode(set, DCM_PresentationLUTShape);
    state.rescaleSlope = finiteNumber(set, DCM_RescaleSlope);
    state.rescaleIntercept = finiteNumber(set, DCM_RescaleIntercept);

    Result<QList<ImageReference>> images = readReferencedSeries(set, context);
    if (!images)
        return images.error();
    state.images = *images;
    Result<QList<GraphicLayer>> layers = readLayers(set, context);
    if (!layers)
        return layers.error();
    state.layers = *layers;
    QStringList layerNames;
    for (const GraphicLayer &layer : state.layers)
        layerNames << layer.name;
    Result<QList<GraphicAnnotation>> annotations = internal::readGraphicAnnotations(set, layerNames, context);
    if (!annotations)
        return annotations.error();
    state.annotations = *annotations;
    Result<QList<SoftcopyVoi>> vois = readVois(set, context);
    if (!vois)
        return vois.error();
    state.vois = *vois;
    Result<QList<DisplayedArea>> areas = readDisplayedAreas(set, context);
    if (!areas)
        return areas.error();
    state.displayedAreas = *areas;
    if (Result<void> spatial = readSpatial(set, state, context); !spatial)
        return spatial.error();
    return state;
}

} // namespace haip::dicom
