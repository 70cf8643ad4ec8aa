// The checked helpers of PresentationStateParsing.h and the Graphic Annotation Sequence
// (PS3.3 C.10.5): graphic objects (C.10.5.1.2) and text objects (C.10.5.1.1).
#include "dicom/PresentationStateReader.h"
#include "dicom/internal/DatasetValues.h"
#include "dicom/internal/PresentationStateParsing.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcsequen.h>

#include <cmath>

namespace haip::dicom::internal {

using namespace Qt::StringLiterals;

namespace {

Tag tagOf(const DcmTagKey &key)
{
    return Tag {key.getGroup(), key.getElement()};
}

// Graphic Type (0070,0023) defined terms and the number of points each needs (0: at least one,
// -2: at least two).
struct GraphicTypeTerm
{
    const char *term;
    GraphicType type;
    int points;
};
constexpr GraphicTypeTerm GraphicTypes[] = {
    {"POINT", GraphicType::Point, 1}, // a single point
    {"POLYLINE", GraphicType::Polyline, -2}, // two or more vertices
    {"INTERPOLATED", GraphicType::Interpolated, -2}, // two or more points the curve passes through
    {"CIRCLE", GraphicType::Circle, 2}, // centre, then a point on the circle
    {"ELLIPSE", GraphicType::Ellipse, 4}, // major axis ends, then minor axis ends
};

bool finiteAndBounded(double v)
{
    return std::isfinite(v) && std::abs(v) <= PresentationStateReader::MaxCoordinate;
}

Result<GraphicObject> readGraphicObject(DcmItem &item, int index, PresentationStateContext &context)
{
    const QString where = u"graphic object %1"_s.arg(index + 1);
    GraphicObject object;
    Result<AnnotationUnits> units = psUnits(item, DCM_GraphicAnnotationUnits, context);
    if (!units)
        return units.error();
    object.units = *units;
    Uint16 dimensions = 0;
    if (item.findAndGetUint16(DCM_GraphicDimensions, dimensions).bad())
        return context.missing(u"%1: (0070,0020) Graphic Dimensions"_s.arg(where));
    if (dimensions != 2)
        return context.invalid(u"%1: Graphic Dimensions %2 (only 2 is defined)"_s.arg(where).arg(dimensions));
    Uint16 declared = 0;
    if (item.findAndGetUint16(DCM_NumberOfGraphicPoints, declared).bad())
        return context.missing(u"%1: (0070,0021) Number of Graphic Points"_s.arg(where));

    const QString typeTerm = psCode(item, DCM_GraphicType);
    const GraphicTypeTerm *term = nullptr;
    for (const GraphicTypeTerm &t : GraphicTypes)
        if (typeTerm == QLatin1String(t.term))
            term = &t;
    if (term == nullptr)
        return context.invalid(u"%1: Graphic Type \"%2\""_s.arg(where, typeTerm.left(64)));
    object.type = term->type;

    const Float32 *data = nullptr;
    unsigned long count = 0;
    if (item.findAndGetFloat32Array(DCM_GraphicData, data, &count).bad() || data == nullptr)
        return context.missing(u"%1: (0070,0022) Graphic Data (FL)"_s.arg(where));
    if (count % 2 != 0)
        return context.invalid(u"%1: Graphic Data has %2 values, not x/y pairs"_s.arg(where).arg(count));
    if (count / 2 != declared)
        return context.invalid(
            u"%1: Number of Graphic Points is %2 but Graphic Data holds %3"_s.arg(where).arg(declared).arg(count / 2));
    const qsizetype points = qsizetype(count / 2);
    if ((term->points > 0 && points != term->points) || (term->points < 0 && points < -term->points))
        return context.invalid(u"%1: %2 points for a %3"_s.arg(where).arg(points).arg(typeTerm));
    context.points += points;
    if (context.points > PresentationStateReader::MaxPoints)
        return context.invalid(u"more than %1 graphic points"_s.arg(PresentationStateReader::MaxPoints));
    object.points.reserve(points);
    for (qsizetype i = 0; i < points; ++i) {
        const double x = data[2 * i];
        const double y = data[2 * i + 1];
        if (!finiteAndBounded(x) || !finiteAndBounded(y))
            return context.invalid(u"%1: point %2 is not a finite coordinate in range"_s.arg(where).arg(i + 1));
        object.points << QPointF(x, y);
    }
    const QString filled = psCode(item, DCM_GraphicFilled);
    if (!filled.isEmpty() && filled != "Y"_L1 && filled != "N"_L1)
        return context.invalid(u"%1: Graphic Filled \"%2\""_s.arg(where, filled.left(16)));
    object.filled = filled == "Y"_L1;
    return object;
}

Result<TextObject> readTextObject(DcmItem &item, int index, PresentationStateContext &context)
{
    const QString where = u"text object %1"_s.arg(index + 1);
    TextObject object;
    object.text = context.decoder.decode(rawValueBytes(item, tagOf(DCM_UnformattedTextValue)), TextKind::Free);
    Result<std::optional<QPointF>> topLeft = psPoint(item, DCM_BoundingBoxTopLeftHandCorner, context);
    if (!topLeft)
        return topLeft.error();
    Result<std::optional<QPointF>> bottomRight = psPoint(item, DCM_BoundingBoxBottomRightHandCorner, context);
    if (!bottomRight)
        return bottomRight.error();
    Result<std::optional<QPointF>> anchor = psPoint(item, DCM_AnchorPoint, context);
    if (!anchor)
        return anchor.error();
    if (topLeft->has_value() != bottomRight->has_value())
        return context.invalid(u"%1: only one corner of the bounding box"_s.arg(where));
    if (!topLeft->has_value() && !anchor->has_value())
        return context.missing(u"%1: neither a bounding box nor an anchor point"_s.arg(where));
    if (topLeft->has_value()) {
        Result<AnnotationUnits> units = psUnits(item, DCM_BoundingBoxAnnotationUnits, context);
        if (!units)
            return units.error();
        object.boundingBoxUnits = *units;
        object.boundingBox = QRectF(**topLeft, **bottomRight);
        const QString justification = psCode(item, DCM_BoundingBoxTextHorizontalJustification);
        if (justification == "RIGHT"_L1)
            object.justification = TextJustification::Right;
        else if (justification == "CENTER"_L1)
            object.justification = TextJustification::Center;
        else if (justification.isEmpty() || justification == "LEFT"_L1)
            object.justification = TextJustification::Left;
        else
            return context.invalid(u"%1: justification \"%2\""_s.arg(where, justification.left(16)));
    }
    if (anchor->has_value()) {
        Result<AnnotationUnits> units = psUnits(item, DCM_AnchorPointAnnotationUnits, context);
        if (!units)
            return units.error();
        object.anchorUnits = *units;
        object.anchor = **anchor;
        object.anchorVisible = psCode(item, DCM_AnchorPointVisibility) == "Y"_L1;
    }
    return object;
}

} // namespace

Error PresentationStateContext::invalid(const QString &detail) const
{
    return Error(ErrorCode::InvalidAttribute, detail, name);
}

Error PresentationStateContext::missing(const QString &detail) const
{
    return Error(ErrorCode::MissingAttribute, detail, name);
}

QString psTagText(const DcmTagKey &key)
{
    return tagText(tagOf(key));
}

Result<QList<DcmItem *>> psItems(DcmItem &item, const DcmTagKey &key, const PresentationStateContext &context)
{
    QList<DcmItem *> out;
    DcmElement *element = nullptr;
    if (item.findAndGetElement(key, element, OFFalse).bad() || element == nullptr)
        return out;
    if (element->ident() != EVR_SQ)
        return context.invalid(u"%1 is not a sequence"_s.arg(psTagText(key)));
    auto *sequence = static_cast<DcmSequenceOfItems *>(element);
    const unsigned long count = sequence->card();
    if (count > unsigned(PresentationStateReader::MaxItems))
        return context.invalid(u"%1 has %2 items"_s.arg(psTagText(key)).arg(count));
    for (unsigned long i = 0; i < count; ++i)
        if (DcmItem *child = sequence->getItem(i); child != nullptr)
            out << child;
    return out;
}

Result<QList<ImageReference>> psImageReferences(DcmItem &item, const PresentationStateContext &context)
{
    Result<QList<DcmItem *>> items = psItems(item, DCM_ReferencedImageSequence, context);
    if (!items)
        return items.error();
    QList<ImageReference> out;
    for (DcmItem *child : *items) {
        ImageReference reference;
        reference.sopClassUid = rawString(*child, tagOf(DCM_ReferencedSOPClassUID));
        reference.sopInstanceUid = rawString(*child, tagOf(DCM_ReferencedSOPInstanceUID));
        if (reference.sopInstanceUid.isEmpty())
            return context.missing(u"(0008,1155) Referenced SOP Instance UID in a Referenced Image Sequence item"_s);
        const QStringList frames = rawStrings(*child, tagOf(DCM_ReferencedFrameNumber));
        if (frames.size() > PresentationStateReader::MaxItems)
            return context.invalid(u"%1 Referenced Frame Numbers"_s.arg(frames.size()));
        for (const QString &f : frames) {
            bool ok = false;
            const int frame = f.trimmed().toInt(&ok);
            if (!ok || frame < 1)
                return context.invalid(u"Referenced Frame Number \"%1\""_s.arg(f.left(16)));
            reference.frames << frame;
        }
        out << reference;
    }
    return out;
}

QString psCode(DcmItem &item, const DcmTagKey &key)
{
    return rawString(item, tagOf(key)).trimmed().toUpper();
}

Result<AnnotationUnits> psUnits(DcmItem &item, const DcmTagKey &key, const PresentationStateContext &context)
{
    const QString units = psCode(item, key);
    if (units == "PIXEL"_L1)
        return AnnotationUnits::Pixel;
    if (units == "DISPLAY"_L1)
        return AnnotationUnits::Display;
    if (units.isEmpty())
        return context.missing(psTagText(key) + u" annotation units"_s);
    return context.invalid(
        u"%1 annotation units \"%2\" (PIXEL and DISPLAY are supported)"_s.arg(psTagText(key), units.left(16)));
}

Result<std::optional<QPointF>> psPoint(DcmItem &item, const DcmTagKey &key, const PresentationStateContext &context)
{
    const Float32 *data = nullptr;
    unsigned long count = 0;
    DcmElement *element = nullptr;
    if (item.findAndGetElement(key, element, OFFalse).bad() || element == nullptr)
        return std::optional<QPointF> {};
    if (item.findAndGetFloat32Array(key, data, &count).bad() || data == nullptr || count != 2)
        return context.invalid(u"%1 is not two FL values"_s.arg(psTagText(key)));
    if (!finiteAndBounded(data[0]) || !finiteAndBounded(data[1]))
        return context.invalid(u"%1 is not a finite coordinate in range"_s.arg(psTagText(key)));
    return std::optional<QPointF>(QPointF(data[0], data[1]));
}

Result<QList<GraphicAnnotation>>
readGraphicAnnotations(DcmItem &set, const QStringList &layerNames, PresentationStateContext &context)
{
    Result<QList<DcmItem *>> items = psItems(set, DCM_GraphicAnnotationSequence, context);
    if (!items)
        return items.error();
    QList<GraphicAnnotation> out;
    for (int a = 0; a < items->size(); ++a) {
        DcmItem &item = *items->at(a);
        GraphicAnnotation annotation;
        annotation.layer = rawString(item, tagOf(DCM_GraphicLayer)).trimmed();
        if (annotation.layer.isEmpty())
            return context.missing(u"graphic annotation %1: (0070,0002) Graphic Layer"_s.arg(a + 1));
        if (!layerNames.contains(annotation.layer))
            return context.invalid(u"graphic annotation %1 is on layer \"%2\", which the Graphic Layer "
                                   u"Sequence does not define"_s.arg(a + 1)
                                       .arg(annotation.layer.left(64)));
        Result<QList<ImageReference>> images = psImageReferences(item, context);
        if (!images)
            return images.error();
        annotation.images = *images;
        Result<QList<DcmItem *>> graphics = psItems(item, DCM_GraphicObjectSequence, context);
        if (!graphics)
            return graphics.error();
        Result<QList<DcmItem *>> texts = psItems(item, DCM_TextObjectSequence, context);
        if (!texts)
            return texts.error();
        context.objects += graphics->size() + texts->size();
        if (context.objects > PresentationStateReader::MaxObjects)
            return context.invalid(u"more than %1 graphic and text objects"_s.arg(PresentationStateReader::MaxObjects));
        for (int g = 0; g < graphics->size(); ++g) {
            Result<GraphicObject> object = readGraphicObject(*graphics->at(g), g, context);
            if (!object)
                return Error(object.error().code(),
                             u"graphic annotation %1, %2"_s.arg(a + 1).arg(object.error().detail()),
                             context.name);
            annotation.graphics << *object;
        }
        for (int t = 0; t < texts->size(); ++t) {
            Result<TextObject> object = readTextObject(*texts->at(t), t, context);
            if (!object)
                return Error(object.error().code(),
                             u"graphic annotation %1, %2"_s.arg(a + 1).arg(object.error().detail()),
                             context.name);
            annotation.texts << *object;
        }
        out << annotation;
    }
    return out;
}

} // namespace haip::dicom::internal
