#include "dicom/PresentationState.h"

namespace haip::dicom {

namespace {

// An item applies to an image when the state references it and the item either names no
// images (then it covers all of the state's) or names this one.
bool itemApplies(const PresentationState &state,
                 const QList<ImageReference> &images,
                 const QString &sopInstance,
                 int frame)
{
    if (!state.references(sopInstance, frame))
        return false;
    if (images.isEmpty())
        return true;
    for (const ImageReference &image : images)
        if (image.matches(sopInstance, frame))
            return true;
    return false;
}

} // namespace

bool ImageReference::matches(const QString &sopInstance, int frame) const
{
    return !sopInstance.isEmpty() && sopInstance == sopInstanceUid && (frames.isEmpty() || frames.contains(frame));
}

QColor GraphicLayer::displayColour(const QColor &fallback) const
{
    if (colour && colour->isValid())
        return *colour;
    if (grayscale) {
        const int v = (*grayscale * 255 + 32767) / 65535;
        return QColor(v, v, v);
    }
    return fallback;
}

QRectF DisplayedArea::imageRect() const
{
    return QRectF(QPointF(topLeft.x() - 1, topLeft.y() - 1), QPointF(bottomRight.x(), bottomRight.y()));
}

bool PresentationState::references(const QString &sopInstance, int frame) const
{
    for (const ImageReference &image : images)
        if (image.matches(sopInstance, frame))
            return true;
    return false;
}

QList<const GraphicAnnotation *> PresentationState::annotationsFor(const QString &sopInstance, int frame) const
{
    QList<const GraphicAnnotation *> out;
    for (const GraphicAnnotation &annotation : annotations)
        if (itemApplies(*this, annotation.images, sopInstance, frame))
            out << &annotation;
    return out;
}

std::optional<SoftcopyVoi> PresentationState::voiFor(const QString &sopInstance, int frame) const
{
    for (const SoftcopyVoi &voi : vois)
        if (itemApplies(*this, voi.images, sopInstance, frame))
            return voi;
    return std::nullopt;
}

std::optional<DisplayedArea> PresentationState::displayedAreaFor(const QString &sopInstance, int frame) const
{
    for (const DisplayedArea &area : displayedAreas)
        if (itemApplies(*this, area.images, sopInstance, frame))
            return area;
    return std::nullopt;
}

const GraphicLayer *PresentationState::layer(const QString &name) const
{
    for (const GraphicLayer &l : layers)
        if (l.name == name)
            return &l;
    return nullptr;
}

} // namespace haip::dicom
