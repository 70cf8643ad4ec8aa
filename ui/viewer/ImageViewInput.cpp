// ImageView's input: wheel (slices; with Ctrl, zoom), mouse (right W/L, middle pan, left the
// tool or the measurement under the cursor), keys (scroll, delete, escape) and the probe.
#include "dicom/RoiStatistics.h"
#include "viewer/AnnotationText.h"
#include "viewer/ImageView.h"
#include "viewer/SliceSource.h"

#include <QKeyEvent>
#include <QLineF>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

namespace haip::ui {

namespace {

constexpr double HandleTolerance = 7.0; // logical pixels

QString formatValue(double v)
{
    if (std::abs(v - std::round(v)) < 1e-6)
        return QString::number(qint64(std::round(v)));
    return QString::number(v, 'f', 2);
}

} // namespace

QString ImageView::probeText() const
{
    const auto slice = m_source ? m_source->slice(m_current) : nullptr;
    if (!m_probe || !slice)
        return {};
    const int c = m_probe->x();
    const int r = m_probe->y();
    const QString where = QStringLiteral("(%1, %2)").arg(c).arg(r);
    const dicom::Photometric photometric = slice->frame.format.photometric;
    const QList<qint64> samples = dicom::RoiStatistics::samplesAt(slice->frame, c, r);
    if (samples.isEmpty())
        return {};
    if (photometric == dicom::Photometric::Rgb && samples.size() == 3)
        return tr("%1  R %2 G %3 B %4").arg(where).arg(samples[0]).arg(samples[1]).arg(samples[2]);
    if (photometric == dicom::Photometric::PaletteColor)
        return tr("%1  index %2").arg(where).arg(samples[0]);
    const auto value = dicom::RoiStatistics::valueAt(slice->frame, slice->display, c, r);
    if (!value)
        return {};
    const QString units = AnnotationText::units(*slice, m_source->info(m_current).modality);
    return units.isEmpty() ? tr("%1  %2").arg(where, formatValue(*value))
                           : tr("%1  %2 %3").arg(where, formatValue(*value), units);
}

void ImageView::updateProbe(QPointF viewPoint)
{
    const auto slice = m_source ? m_source->slice(m_current) : nullptr;
    std::optional<QPoint> probe;
    if (slice) {
        const QPointF p = viewTransform().toImage(viewPoint);
        const QPoint pixel(int(std::floor(p.x())), int(std::floor(p.y())));
        if (pixel.x() >= 0 && pixel.y() >= 0 && pixel.x() < slice->frame.format.columns &&
            pixel.y() < slice->frame.format.rows)
            probe = pixel;
    }
    if (probe != m_probe) {
        m_probe = probe;
        update();
    }
}

double ImageView::dragSpeed() const
{
    // Modality units per logical pixel: the whole data range over ~1000 pixels of drag
    // (≈ 4 HU per pixel for CT), never slower than 1/64 unit.
    const double span = m_range.valid ? m_range.max - m_range.min : 4096.0;
    return std::max(span, 16.0) / 1024.0;
}

void ImageView::wheelEvent(QWheelEvent *event)
{
    const double delta = event->angleDelta().y();
    if (event->modifiers() & Qt::ControlModifier) {
        zoomAt(std::pow(1.0015, delta), event->position()); // one notch (120) ≈ ×1.2
        event->accept();
        return;
    }
    // Accumulate so high-resolution wheels and touchpads step one slice per notch.
    m_wheelRemainder += delta;
    const int steps = int(m_wheelRemainder / 120.0);
    m_wheelRemainder -= steps * 120.0;
    if (steps != 0)
        scrollBy(-steps); // wheel towards the user: next slice
    event->accept();
}

void ImageView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    const QPointF pos = event->position();
    m_pressPos = pos;
    m_lastPos = pos;
    m_pressSettings = m_settings;
    const ViewTransform view = viewTransform();
    m_pressZoom = view.zoom;
    m_pressImagePos = view.toImage(pos);
    const bool haveImage = m_source && m_source->slice(m_current);

    if (event->button() == Qt::RightButton) {
        m_drag = haveImage ? Drag::WindowLevel : Drag::None;
        return;
    }
    if (event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;

    // A measurement under the cursor is edited whatever the tool: handles first, then bodies.
    const QTransform toView = view.imageToView();
    const QList<Measurement> list = m_measurements.onSlice(m_current);
    for (auto it = list.crbegin(); it != list.crend(); ++it) {
        const int handle = it->handleAt(toView, pos, HandleTolerance);
        if (handle >= 0 || it->contains(toView, pos, HandleTolerance / 2.0)) {
            m_measurements.select(m_current, it->id);
            m_edit = *it;
            m_editHandle = handle;
            m_drag = handle >= 0 ? Drag::MoveHandle : Drag::MoveMeasurement;
            emit measurementsChanged();
            update();
            return;
        }
    }
    if (m_measurements.selectedId(m_current) != 0) {
        m_measurements.clearSelection();
        emit measurementsChanged();
        update();
    }

    switch (m_tool) {
    case Tool::WindowLevel:
        m_drag = haveImage ? Drag::WindowLevel : Drag::None;
        break;
    case Tool::Pan:
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
        break;
    case Tool::Zoom:
        m_drag = Drag::Zoom;
        break;
    case Tool::Length:
    case Tool::Ellipse:
        if (!haveImage)
            break;
        m_edit = {};
        m_edit.kind = m_tool == Tool::Length ? Measurement::Kind::Length : Measurement::Kind::Ellipse;
        m_edit.a = m_pressImagePos;
        m_edit.b = m_pressImagePos;
        m_drag = Drag::NewMeasurement;
        break;
    }
}

void ImageView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    const QPointF total = pos - m_pressPos;
    const QPointF step = pos - m_lastPos;
    m_lastPos = pos;
    switch (m_drag) {
    case Drag::None:
        updateCursor(pos);
        break;
    case Drag::WindowLevel: {
        // Horizontal: width (right = wider); vertical: centre (down = higher centre, darker).
        const double speed = dragSpeed();
        dicom::RenderSettings s = m_pressSettings;
        s.width = std::max(1.0, m_pressSettings.width + total.x() * speed);
        s.center = m_pressSettings.center + total.y() * speed;
        s.voiLutIndex = -1;
        setSettings(s);
        break;
    }
    case Drag::Pan:
        setZoomAndPan(viewTransform().zoom, pan() + step, false);
        break;
    case Drag::Zoom: {
        // Up zooms in, about the point first pressed.
        const double target = std::clamp(m_pressZoom * std::exp(-total.y() / 150.0), MinZoom, MaxZoom);
        const ViewTransform v = viewTransform();
        setZoomAndPan(target, v.panForZoomAt(m_pressPos, target), false);
        break;
    }
    case Drag::NewMeasurement:
        m_edit.b = viewTransform().toImage(pos);
        update();
        break;
    case Drag::MoveHandle:
        m_edit = m_edit.withHandleAt(m_editHandle, viewTransform().toImage(pos));
        m_measurements.update(m_current, m_edit);
        emit measurementsChanged();
        update();
        break;
    case Drag::MoveMeasurement: {
        const QPointF image = viewTransform().toImage(pos);
        m_measurements.update(m_current, m_edit.translated(image - m_pressImagePos));
        emit measurementsChanged();
        update();
        break;
    }
    }
    updateProbe(pos);
}

void ImageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::NewMeasurement) {
        const QTransform toView = viewTransform().imageToView();
        // A click without a drag draws nothing.
        if (QLineF(toView.map(m_edit.a), toView.map(m_edit.b)).length() >= 4.0) {
            const int id = m_measurements.add(m_current, m_edit);
            m_measurements.select(m_current, id);
            emit measurementsChanged();
        }
    }
    m_drag = Drag::None;
    applyToolCursor();
    updateCursor(event->position());
    update();
}

void ImageView::updateCursor(QPointF pos)
{
    if (!m_source || !m_source->slice(m_current))
        return;
    const QTransform toView = viewTransform().imageToView();
    for (const Measurement &m : m_measurements.onSlice(m_current)) {
        if (m.handleAt(toView, pos, HandleTolerance) >= 0) {
            setCursor(Qt::PointingHandCursor);
            return;
        }
        if (m.contains(toView, pos, HandleTolerance / 2.0)) {
            setCursor(Qt::SizeAllCursor);
            return;
        }
    }
    if (cursor().shape() == Qt::PointingHandCursor || cursor().shape() == Qt::SizeAllCursor)
        applyToolCursor();
}

void ImageView::keyPressEvent(QKeyEvent *event)
{
    const int page = std::max(1, sliceCount() / 10);
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Left:
        scrollBy(-1);
        break;
    case Qt::Key_Down:
    case Qt::Key_Right:
        scrollBy(1);
        break;
    case Qt::Key_PageUp:
        scrollBy(-page);
        break;
    case Qt::Key_PageDown:
        scrollBy(page);
        break;
    case Qt::Key_Home:
        setCurrentSlice(0);
        break;
    case Qt::Key_End:
        setCurrentSlice(sliceCount() - 1);
        break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        deleteSelectedMeasurement();
        break;
    case Qt::Key_Escape:
        // Escape undoes the innermost thing: a drawing in progress, a selection, then the view.
        if (m_drag == Drag::NewMeasurement) {
            m_drag = Drag::None;
        } else if (m_measurements.selectedId(m_current) != 0) {
            m_measurements.clearSelection();
            emit measurementsChanged();
        } else {
            resetView();
        }
        update();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ImageView::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    if (m_probe) {
        m_probe.reset();
        update();
    }
}

} // namespace haip::ui
