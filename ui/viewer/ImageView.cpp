// ImageView's state: source and slices, window, view geometry, cine. Input handling is in
// ImageViewInput.cpp, painting in ImageViewPaint.cpp.
#include "viewer/ImageView.h"

#include "dicom/PresentationState.h"
#include "viewer/GraphicOverlay.h"
#include "viewer/SegmentOverlay.h"
#include "viewer/SliceSource.h"

#include <cmath>

namespace haip::ui {

namespace {

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
    applyToolCursor();
    m_segments = new SegmentOverlay(this);
    connect(m_segments, &SegmentOverlay::changed, this, qOverload<>(&QWidget::update));
    m_graphics = new GraphicOverlay(this);
    connect(m_graphics, &GraphicOverlay::changed, this, qOverload<>(&QWidget::update));
}

ImageView::~ImageView() = default;

void ImageView::setSource(SliceSource *source)
{
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    setCinePlaying(false);
    const bool wasInverted = m_settings.invert;
    m_source = source;
    m_initialised = false;
    m_firstShown = false;
    m_settings = {};
    m_defaultSettings = {};
    m_range = {};
    m_images.clear();
    m_measurements.clear();
    // A segmentation belongs to the stack it was placed on: never carried over to another.
    m_segments->setSegmentation(nullptr);
    const bool hadPresentation = m_graphics->state() != nullptr;
    m_graphics->setState(nullptr); // so does a presentation state (and the window it applied)
    m_presentationWindow.reset();
    m_windowBeforePresentation.reset();
    m_region.reset();
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
    if (wasInverted && !m_settings.invert)
        emit invertedChanged(false);
    emit currentSliceChanged(m_current, sliceCount());
    emit viewChanged();
    emit measurementsChanged();
    if (hadPresentation)
        emit presentationStateChanged();
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
    applyPresentationWindow();
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
    m_settings = m_defaultSettings;
    m_images.clearRendered();
    emit windowChanged(m_settings.center, m_settings.width);
    applyPresentationWindow();
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
    const bool changed = tool != m_tool;
    m_tool = tool;
    applyToolCursor();
    if (changed)
        emit toolChanged(tool);
}

void ImageView::applyToolCursor()
{
    switch (m_tool) {
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

void ImageView::setAnonymised(bool anonymised)
{
    if (anonymised == m_anonymised)
        return;
    m_anonymised = anonymised;
    update();
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

void ImageView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_fitMode)
        emit viewChanged();
}

void ImageView::setSegmentation(std::shared_ptr<const dicom::PlacedSegmentation> placed)
{
    m_region.reset();
    m_segments->setSegmentation(std::move(placed));
}

SegmentOverlay *ImageView::segmentOverlay() const
{
    return m_segments;
}

void ImageView::setPresentationState(std::shared_ptr<const dicom::PresentationState> state, bool graphicsOnly)
{
    restoreWindowBeforePresentation();
    m_graphicsOnly = graphicsOnly;
    m_graphics->setState(std::move(state));
    applyPresentationWindow();
    emit presentationStateChanged();
}

std::shared_ptr<const dicom::PresentationState> ImageView::presentationState() const
{
    return m_graphics->state();
}

void ImageView::setPresentationGraphicsOnly(bool graphicsOnly)
{
    if (graphicsOnly == m_graphicsOnly)
        return;
    m_graphicsOnly = graphicsOnly;
    if (graphicsOnly)
        restoreWindowBeforePresentation();
    else
        applyPresentationWindow();
    emit presentationStateChanged();
}

bool ImageView::isPresentationGraphicsOnly() const
{
    return m_graphicsOnly;
}

GraphicOverlay *ImageView::graphicOverlay() const
{
    return m_graphics;
}

void ImageView::applyPresentationWindow()
{
    const auto state = m_graphics->state();
    // Once per state: after that the window is the user's to change.
    if (!state || m_graphicsOnly || m_presentationWindow || !m_initialised || !m_source || sliceCount() == 0)
        return;
    const auto voi = state->voiFor(m_source->info(m_current).sopInstanceUid, m_source->frameOf(m_current) + 1);
    if (!voi || !voi->hasWindow())
        return;
    m_windowBeforePresentation = m_settings;
    dicom::RenderSettings s = m_settings;
    s.center = *voi->center;
    s.width = std::max(*voi->width, 1.0);
    s.voiLutIndex = -1;
    m_presentationWindow = s;
    setSettings(s);
}

void ImageView::restoreWindowBeforePresentation()
{
    // Only a window the state set: one the user has changed since stays.
    if (m_presentationWindow && m_windowBeforePresentation && m_settings.center == m_presentationWindow->center &&
        m_settings.width == m_presentationWindow->width &&
        m_settings.voiLutIndex == m_presentationWindow->voiLutIndex) {
        dicom::RenderSettings s = *m_windowBeforePresentation;
        s.invert = m_settings.invert;
        setSettings(s);
    }
    m_presentationWindow.reset();
    m_windowBeforePresentation.reset();
}

void ImageView::showRegion(int slice, const QRectF &imageRect)
{
    setCurrentSlice(slice);
    m_region = std::make_pair(m_current, imageRect);
    const ViewTransform view = viewTransform();
    const QPointF centre(width() / 2.0, height() / 2.0);
    setZoomAndPan(view.zoom, view.pan + (centre - view.toView(imageRect.center())), false);
    update();
}

void ImageView::clearRegion()
{
    m_region.reset();
    update();
}

} // namespace haip::ui
