// ImageView's painting: the rendered slice through the view transform, DICOM overlays,
// measurements, then annotations, messages and the loading bar on top.
#include "common/AnonymisedBadge.h"
#include "viewer/AnnotationPainter.h"
#include "viewer/AnnotationText.h"
#include "viewer/GraphicOverlay.h"
#include "viewer/ImageView.h"
#include "viewer/MeasurementPainter.h"
#include "viewer/PatientOrientation.h"
#include "viewer/SegmentOverlay.h"
#include "viewer/SliceSource.h"

#include <QPainter>

#include <cmath>

namespace haip::ui {

void ImageView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    const auto slice = m_source ? m_source->slice(m_current) : nullptr;
    const ViewTransform view = viewTransform();
    if (slice) {
        paintImage(painter, *slice, view);
        m_segments->paintColourBar(painter, font(), rect());
    }
    paintAnnotations(painter, slice.get(), view);
    if (m_anonymised)
        AnonymisedBadge::paint(painter, font(), rect());
}

void ImageView::paintImage(QPainter &painter, const dicom::DecodedSlice &slice, const ViewTransform &view)
{
    const RenderedSlice &rendered = m_images.rendered(m_current, slice, m_settings, view.visibleImageRect());
    if (rendered.image.isNull())
        return;
    painter.save();
    painter.setTransform(view.imageToView(), true);
    // Integer zooms (1:1, 2:1…) show exact pixels; anything else is interpolated.
    const bool integerZoom = std::abs(view.zoom - std::round(view.zoom)) < 1e-9 && view.aspect == 1.0;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, !integerZoom);
    painter.drawImage(QPointF(rendered.region.topLeft()), rendered.image);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    for (const PlacedOverlay &overlay : m_images.overlays(m_current, slice))
        painter.drawImage(QPointF(overlay.offset), overlay.image);
    m_segments->paintImageLayer(painter, m_current);
    painter.restore();
    if (m_region && m_region->first == m_current) {
        painter.save();
        painter.setPen(QPen(QColor(255, 255, 0), 1.5, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(view.imageToView().mapRect(m_region->second).adjusted(-3, -3, 3, 3));
        painter.restore();
    }
    // Presentation-state graphics under the user's own measurements.
    m_graphics->paint(painter, font(), view, m_source->info(m_current).sopInstanceUid, m_source->frameOf(m_current));

    QList<Measurement> list = m_measurements.onSlice(m_current);
    if (m_drag == Drag::NewMeasurement)
        list.append(m_edit);
    if (!list.isEmpty()) {
        const QString units = AnnotationText::units(slice, m_source->info(m_current).modality);
        MeasurementPainter::paint(
            painter, font(), view.imageToView(), list, m_measurements.selectedId(m_current), slice, units);
    }
}

CornerText ImageView::composeCorners(const dicom::DecodedSlice *slice, const ViewTransform &view) const
{
    AnnotationContext context;
    context.info = m_source->info(m_current);
    context.slice = slice;
    context.index = m_current;
    context.count = sliceCount();
    context.settings = m_settings;
    context.zoomPercent = view.zoom * 100.0;
    context.probe = probeText();
    context.cinePlaying = isCinePlaying();
    context.cineFps = m_cineFps;
    context.anonymised = m_anonymised;
    if (slice && m_settings.voiLutIndex >= 0 && m_settings.voiLutIndex < slice->display.voiLuts.size())
        context.voiLutName = slice->display.voiLuts[m_settings.voiLutIndex].explanation;
    return AnnotationText::compose(context);
}

CornerText ImageView::cornerText() const
{
    if (!m_source)
        return {};
    const auto slice = m_source->slice(m_current);
    return composeCorners(slice.get(), viewTransform());
}

void ImageView::paintAnnotations(QPainter &painter, const dicom::DecodedSlice *slice, const ViewTransform &view)
{
    AnnotationPainter annotations(painter, font());
    const QRectF area = rect();
    if (!m_source) {
        painter.setPen(QColor(0x80, 0x84, 0x8C));
        painter.drawText(area, Qt::AlignCenter, tr("No series open"));
        return;
    }
    CornerText corners = composeCorners(slice, view);
    if (m_source->isLoading())
        corners.bottomLeft << tr("Loading %1/%2").arg(m_source->loadedCount()).arg(sliceCount());
    if (m_annotations)
        annotations.drawCorners(area, corners);

    if (slice) {
        if (m_annotations) {
            annotations.drawEdgeLetters(area, PatientOrientation::edges(slice->plane, view));
            if (slice->plane.hasSpacing())
                annotations.drawScaleBar(area, slice->plane.columnSpacing * view.devicePixelRatio / view.zoom);
        }
    } else if (const auto failure = m_source->failure(m_current)) {
        annotations.drawMessage(area, tr("Slice %1 could not be displayed").arg(m_current + 1), failure->message());
    } else if (sliceCount() > 0) {
        annotations.drawMessage(area, tr("Loading slice %1…").arg(m_current + 1), QString());
    } else {
        annotations.drawMessage(area, tr("This series has no images to show"), QString());
    }
    if (m_source->isLoading())
        annotations.drawProgress(area, m_source->loadedCount(), sliceCount());
}

} // namespace haip::ui
