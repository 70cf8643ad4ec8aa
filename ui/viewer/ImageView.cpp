#include "viewer/ImageView.h"

#include "dicom/RoiStatistics.h"
#include "viewer/AnnotationPainter.h"
#include "viewer/AnnotationText.h"
#include "viewer/MeasurementPainter.h"
#include "viewer/PatientOrientation.h"
#include "viewer/SliceSource.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

namespace haip::ui {

namespace {

constexpr double HandleTolerance = 7.0; // logical pixels
constexpr double MinZoom = 0.02;
constexpr double MaxZoom = 64.0;

QString formatValue(double v)
{
    if (std::abs(v - std::round(v)) < 1e-6)
        return QString::number(qint64(std::round(v)));
    return QString::number(v, 'f', 2);
}

double aspectOf(const dicom::ImagePlane &plane)
{
    return plane.hasSpacing() ? plane.rowSpacing / plane.columnSpacing : 1.0;
}

} // namespace

ImageView::ImageView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 160);
    QPalette p = palette();
    p.setColor(QPalette::Window, Qt::black);
    setPalette(p);
    connect(&m_cineTimer, &QTimer::timeout, this, &ImageView::stepCine);
    setTool(Tool::WindowLevel);
}

ImageView::~ImageView() = default;

void ImageView::setSource(SliceSource *source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    setCinePlaying(false);
    m_source = source;
    m_initialised = false;
    m_firstShown = false;
    m_settings = {};
    m_defaultSettings = {};
    m_range = {};
    m_images.clear();
    m_measurements.clear();
    m_probe.reset();
    m_drag = Drag::None;
    m_fitMode = true;
    m_pan = {};
    m_rotation = 0;
    m_flipH = false;
    m_flipV = false;
    m_current = source ? source->sliceCount() / 2 : 0;
    if (source) {
        connect(source, &SliceSource::sliceReady, this, &ImageView::onSliceReady);
        connect(source, &SliceSource::sliceFailed, this, &ImageView::onSliceFailed);
        connect(source, &SliceSource::progress, this, qOverload<>(&ImageView::update));
        connect(source, &SliceSource::finished, this, qOverload<>(&ImageView::update));
        // Slices already in memory: show the middle one, else the first that is there.
        if (!source->slice(m_current)) {
            for (int i = 0; i < source->sliceCount(); ++i) {
                if (source->slice(i)) {
                    m_current = i;
                    break;
                }
            }
        }
        if (source->slice(m_current))
            onSliceReady(m_current);
    }
    emit currentSliceChanged(m_current, sliceCount());
    emit viewChanged();
    update();
}

SliceSource *ImageView::source() const
{
    return m_source;
}

int ImageView::currentSlice() const
{
    return m_current;
}

int ImageView::sliceCount() const
{
    return m_source ? m_source->sliceCount() : 0;
}

void ImageView::setCurrentSlice(int index)
{
    const int count = sliceCount();
    if (count == 0)
        return;
    index = std::clamp(index, 0, count - 1);
    if (index == m_current)
        return;
    m_current = index;
    if (m_drag == Drag::NewMeasurement || m_drag == Drag::MoveHandle || m_drag == Drag::MoveMeasurement)
        m_drag = Drag::None;
    if (!m_initialised && m_source && m_source->slice(index))
        onSliceReady(index);
    emit currentSliceChanged(m_current, count);
    update();
}

void ImageView::scrollBy(int delta)
{
    setCurrentSlice(m_current + delta);
}

void ImageView::onSliceReady(int index)
{
    if (!m_source)
        return;
    // Until something is on screen, show whichever slice arrives first (the loader starts
    // in the middle, but the middle may have failed).
    if (!m_firstShown && index != m_current && !m_source->slice(m_current)) {
        m_current = index;
        emit currentSliceChanged(m_current, sliceCount());
    }
    if (index != m_current) {
        update(); // progress only
        return;
    }
    const auto slice = m_source->slice(index);
    if (!slice)
        return;
    m_images.invalidate(index);
    if (!m_initialised)
        initialiseFromSlice(*slice);
    if (!m_firstShown) {
        m_firstShown = true;
        emit firstImageShown();
    }
    update();
}

void ImageView::onSliceFailed(int index)
{
    if (index == m_current)
        update();
}

void ImageView::initialiseFromSlice(const dicom::DecodedSlice &slice)
{
    m_defaultSettings = dicom::WindowLevelRenderer::defaultSettings(slice.frame, slice.display);
    m_range = dicom::WindowLevelRenderer::modalityRange(slice.frame, slice.display);
    m_initialised = true;
    setSettings(m_defaultSettings);
}

dicom::RenderSettings ImageView::renderSettings() const
{
    return m_settings;
}

void ImageView::setSettings(const dicom::RenderSettings &settings)
{
    if (settings == m_settings)
        return;
    const bool invertChanged = settings.invert != m_settings.invert;
    m_settings = settings;
    m_images.clearRendered();
    emit windowChanged(m_settings.center, m_settings.width);
    if (invertChanged)
        emit invertedChanged(m_settings.invert);
    update();
}

void ImageView::setWindow(double center, double width)
{
    dicom::RenderSettings s = m_settings;
    s.center = center;
    s.width = std::max(width, 1.0);
    s.voiLutIndex = -1;
    setSettings(s);
}

void ImageView::resetWindow()
{
    dicom::RenderSettings s = m_defaultSettings;
    s.invert = m_settings.invert;
    setSettings(s);
}

QList<dicom::WindowPreset> ImageView::filePresets() const
{
    const auto slice = m_source ? m_source->slice(m_current) : nullptr;
    return slice ? dicom::WindowPresets::fromFile(slice->display) : QList<dicom::WindowPreset> {};
}

bool ImageView::applyPreset(const QString &presetId)
{
    const auto slice = m_source ? m_source->slice(m_current) : nullptr;
    const auto preset = dicom::WindowPresets::find(presetId, slice ? slice->display : dicom::DisplayInfo {});
    if (!preset)
        return false;
    dicom::RenderSettings s = m_settings;
    s.center = preset->center;
    s.width = preset->width;
    s.voiLutIndex = preset->voiLutIndex;
    setSettings(s);
    return true;
}

void ImageView::setInverted(bool inverted)
{
    dicom::RenderSettings s = m_settings;
    s.invert = inverted;
    setSettings(s);
}

bool ImageView::isInverted() const
{
    return m_settings.invert;
}

ImageView::Tool ImageView::tool() const
{
    return m_tool;
}

void ImageView::setTool(Tool tool)
{
    m_tool = tool;
    switch (tool) {
    case Tool::Pan:
        setCursor(Qt::OpenHandCursor);
        break;
    case Tool::Zoom:
        setCursor(Qt::SizeVerCursor);
        break;
    case Tool::Length:
    case Tool::Ellipse:
    case Tool::WindowLevel:
        setCursor(Qt::CrossCursor);
        break;
    }
    emit toolChanged(tool);
}

ViewTransform ImageView::viewTransform() const
{
    ViewTransform v;
    const auto slice = m_source ? m_source->slice(m_current) : nullptr;
    if (slice) {
        v.imageSize = QSize(slice->frame.format.columns, slice->frame.format.rows);
        v.aspect = aspectOf(slice->plane);
    }
    v.quarterTurns = m_rotation;
    v.flipHorizontal = m_flipH;
    v.flipVertical = m_flipV;
    v.viewSize = QSizeF(size());
    v.devicePixelRatio = devicePixelRatioF();
    v.zoom = m_fitMode ? v.fitZoom() : m_zoom;
    v.pan = m_fitMode ? QPointF() : m_pan;
    return v;
}

double ImageView::zoom() const
{
    return viewTransform().zoom;
}

bool ImageView::isFitMode() const
{
    return m_fitMode;
}

QPointF ImageView::pan() const
{
    return m_fitMode ? QPointF() : m_pan;
}

void ImageView::setZoomAndPan(double zoom, QPointF pan, bool fitMode)
{
    m_zoom = std::clamp(zoom, MinZoom, MaxZoom);
    m_pan = pan;
    m_fitMode = fitMode;
    emit viewChanged();
    update();
}

void ImageView::fitToWindow()
{
    setZoomAndPan(viewTransform().fitZoom(), {}, true);
}

void ImageView::showActualSize()
{
    setZoomAndPan(1.0, {}, false);
}

void ImageView::zoomBy(double factor)
{
    zoomAt(factor, QPointF(width() / 2.0, height() / 2.0));
}

void ImageView::zoomAt(double factor, QPointF viewPoint)
{
    const ViewTransform v = viewTransform();
    const double newZoom = std::clamp(v.zoom * factor, MinZoom, MaxZoom);
    ViewTransform current = v;
    setZoomAndPan(newZoom, current.panForZoomAt(viewPoint, newZoom), false);
}

void ImageView::rotate(int quarterTurns)
{
    m_rotation = (((m_rotation + quarterTurns) % 4) + 4) % 4;
    emit viewChanged();
    update();
}

int ImageView::rotation() const
{
    return m_rotation;
}

void ImageView::flipHorizontal()
{
    m_flipH = !m_flipH;
    emit viewChanged();
    update();
}

void ImageView::flipVertical()
{
    m_flipV = !m_flipV;
    emit viewChanged();
    update();
}

bool ImageView::isFlippedHorizontally() const
{
    return m_flipH;
}

bool ImageView::isFlippedVertically() const
{
    return m_flipV;
}

void ImageView::resetView()
{
    m_rotation = 0;
    m_flipH = false;
    m_flipV = false;
    setSettings(m_defaultSettings);
    setZoomAndPan(1.0, {}, true);
}

void ImageView::setCinePlaying(bool playing)
{
    if (playing == m_cineTimer.isActive())
        return;
    if (playing && sliceCount() > 1) {
        m_cineTimer.start(std::max(1, 1000 / m_cineFps));
    } else {
        m_cineTimer.stop();
    }
    emit cineChanged(m_cineTimer.isActive(), m_cineFps);
    update();
}

bool ImageView::isCinePlaying() const
{
    return m_cineTimer.isActive();
}

void ImageView::setCineFps(int fps)
{
    m_cineFps = std::clamp(fps, 1, 60);
    if (m_cineTimer.isActive())
        m_cineTimer.setInterval(std::max(1, 1000 / m_cineFps));
    emit cineChanged(m_cineTimer.isActive(), m_cineFps);
    update();
}

int ImageView::cineFps() const
{
    return m_cineFps;
}

void ImageView::stepCine()
{
    const int count = sliceCount();
    if (count < 2) {
        setCinePlaying(false);
        return;
    }
    setCurrentSlice((m_current + 1) % count);
}

void ImageView::setAnnotationsVisible(bool visible)
{
    if (visible == m_annotations)
        return;
    m_annotations = visible;
    emit annotationsVisibleChanged(visible);
    update();
}

bool ImageView::annotationsVisible() const
{
    return m_annotations;
}

MeasurementSet &ImageView::measurements()
{
    return m_measurements;
}

bool ImageView::deleteSelectedMeasurement()
{
    // Only what the user can see: a selection left on another slice stays.
    const int id = m_measurements.selectedId(m_current);
    if (id == 0 || !m_measurements.remove(m_current, id))
        return false;
    emit measurementsChanged();
    update();
    return true;
}

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

void ImageView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitMode)
        emit viewChanged();
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
    setTool(m_tool); // restore the tool's cursor
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
        setTool(m_tool);
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

void ImageView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    const auto slice = m_source ? m_source->slice(m_current) : nullptr;
    const ViewTransform view = viewTransform();
    if (slice)
        paintImage(painter, *slice, view);
    paintAnnotations(painter, slice.get(), view);
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
    painter.restore();

    QList<Measurement> list = m_measurements.onSlice(m_current);
    if (m_drag == Drag::NewMeasurement)
        list.append(m_edit);
    if (!list.isEmpty()) {
        const QString units = AnnotationText::units(slice, m_source->info(m_current).modality);
        MeasurementPainter::paint(
            painter, font(), view.imageToView(), list, m_measurements.selectedId(m_current), slice, units);
    }
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
    if (slice && m_settings.voiLutIndex >= 0 && m_settings.voiLutIndex < slice->display.voiLuts.size())
        context.voiLutName = slice->display.voiLuts[m_settings.voiLutIndex].explanation;
    CornerText corners = AnnotationText::compose(context);
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
