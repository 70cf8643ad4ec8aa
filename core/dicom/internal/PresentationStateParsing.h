// What the two files of PresentationStateReader share: the context of one read (the object's
// name for errors, the text decoder, running totals for the limits) and checked access to
// sequences, image references and float pairs. Internal to core/dicom.
#pragma once

#include "common/Result.h"
#include "dicom/CharsetDecoder.h"
#include "dicom/PresentationState.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <dcmtk/dcmdata/dctagkey.h>

class DcmItem;

namespace haip::dicom::internal {

struct PresentationStateContext
{
    QString name;
    CharsetDecoder decoder;
    qint64 objects = 0; // graphic and text objects so far
    qint64 points = 0; // graphic points so far

    Error invalid(const QString &detail) const;
    Error missing(const QString &detail) const;
};

// "(gggg,eeee)" text of a tag for messages.
QString psTagText(const DcmTagKey &key);
// The items of the sequence `key` in `item`; empty when absent or empty. More than
// PresentationStateReader::MaxItems items, or an element of another VR, is an error.
Result<QList<DcmItem *>> psItems(DcmItem &item, const DcmTagKey &key, const PresentationStateContext &context);
// The Referenced Image Sequence (0008,1140) of `item` (empty when absent). Every item must name
// an SOP instance; Referenced Frame Numbers must be positive.
Result<QList<ImageReference>> psImageReferences(DcmItem &item, const PresentationStateContext &context);
// A CS value, trimmed and upper-cased ("" when absent).
QString psCode(DcmItem &item, const DcmTagKey &key);
// PIXEL or DISPLAY from (0070,0003), (0070,0004) or (0070,0005); absent or another term is an error.
Result<AnnotationUnits> psUnits(DcmItem &item, const DcmTagKey &key, const PresentationStateContext &context);
// A point stored as FL with exactly two finite values within ±MaxCoordinate; nullopt when absent.
Result<std::optional<QPointF>> psPoint(DcmItem &item, const DcmTagKey &key, const PresentationStateContext &context);

// The Graphic Annotation Sequence (0070,0001), checked against the layer names.
Result<QList<GraphicAnnotation>>
readGraphicAnnotations(DcmItem &set, const QStringList &layerNames, PresentationStateContext &context);

} // namespace haip::dicom::internal
