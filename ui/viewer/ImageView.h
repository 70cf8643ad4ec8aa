// ImageView: the image on screen, painted by hand (no QGraphicsView: one image, a transform
// and a few overlays need no scene). Shows one slice of a SliceSource at a time with its
// window/level, zoom, pan, rotation and flips, corner annotations, orientation letters,
// scale bar, DICOM overlays and measurements; scrolls with the wheel and keys, adjusts W/L
// by right-drag, pans by middle-drag, and runs the left button as the chosen tool. Rendered
// images are cached per slice for the current window, so cine and scrolling cost a blit.
#pragma once

#include "dicom/WindowLevelRenderer.h"
#include "dicom/WindowPresets.h"
#include "viewer/AnnotationPainter.h"
#include "viewer/MeasurementSet.h"
#include "viewer/SliceImageCache.h"
#include "viewer/ViewTransform.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

namespace haip::dicom {
struct PlacedSegmentation;
struct PresentationState;
} // namespace haip::dicom

namespace haip::ui {

class GraphicOverlay;
class SegmentOverlay;
class SliceSource;

class ImageView : public QWidget
{
    Q_OBJECT
public:
    enum class Tool
    {
        WindowLevel,
        Pan,
        Zoom,
        Length,
        Ellipse
    };
    Q_ENUM(Tool)

    static constexpr double MinZoom = 0.02; // device pixels per image column
    static constexpr double MaxZoom = 64.0;

    explicit ImageView(QWidget *parent = nullptr);
    ~ImageView() override;

    // Shows `source` (not owned; may be null). Starts at the middle slice, or at the first
    // slice that becomes ready; W/L starts at the file's default of the first slice shown.
    void setSource(SliceSource *source);
    SliceSource *source() const;

    int currentSlice() const;
    int sliceCount() const;
    void setCurrentSlice(int index);
    void scrollBy(int delta); // clamped to the stack

    dicom::RenderSettings renderSettings() const;
    void setWindow(double center, double width);
    bool applyPreset(const QString &presetId); // standard or the current slice's file presets
    void resetWindow(); // the file's default window (inversion kept)
    QList<dicom::WindowPreset> filePresets() const; // of the current slice
    void setInverted(bool inverted);
    bool isInverted() const;

    Tool tool() const;
    void setTool(Tool tool);

    // Zoom in device pixels per image column: 1.0 is 1:1 on the physical screen.
    double zoom() const;
    bool isFitMode() const;
    void fitToWindow();
    void showActualSize();
    void zoomBy(double factor); // about the centre
    QPointF pan() const;
    void rotate(int quarterTurns); // + clockwise
    int rotation() const; // 0..3 clockwise quarter turns
    void flipHorizontal();
    void flipVertical();
    bool isFlippedHorizontally() const;
    bool isFlippedVertically() const;
    // Back to the file's window, fit, no rotation, no flips, not inverted.
    void resetView();

    void setCinePlaying(bool playing);
    bool isCinePlaying() const;
    void setCineFps(int fps);
    int cineFps() const;

    // Corner text, orientation letters and scale bar (measurements and overlays stay).
    void setAnnotationsVisible(bool visible);
    bool annotationsVisible() const;
    // Anonymised display: the corner text leaves out what identifies the patient and a badge
    // says so (drawn even with annotations hidden). Nothing in the source changes.
    void setAnonymised(bool anonymised);
    bool isAnonymised() const { return m_anonymised; }
    // The corner text as painted now (empty without a source), for tests and accessibility.
    CornerText cornerText() const;

    MeasurementSet &measurements();
    bool deleteSelectedMeasurement();

    // Results: a placed DICOM SEG (or heat map) drawn over the slices of the stack it was placed
    // on (null clears); how it is drawn is the overlay's (SegmentPanel edits it).
    void setSegmentation(std::shared_ptr<const dicom::PlacedSegmentation> placed);
    SegmentOverlay *segmentOverlay() const;
    // Results: a presentation state (GSPS) whose graphics are drawn on the images it references
    // (null clears; a new source clears it too). Unless `graphicsOnly`, its window for the slice
    // on screen is applied (the first time a slice it sets a window for is shown); the window
    // from before comes back when the state is cleared or graphics-only is switched on, unless
    // the user has changed the window since.
    void setPresentationState(std::shared_ptr<const dicom::PresentationState> state, bool graphicsOnly = false);
    std::shared_ptr<const dicom::PresentationState> presentationState() const;
    void setPresentationGraphicsOnly(bool graphicsOnly);
    bool isPresentationGraphicsOnly() const;
    GraphicOverlay *graphicOverlay() const;
    // Goes to `slice`, centres `imageRect` (image pixels) and frames it until cleared.
    void showRegion(int slice, const QRectF &imageRect);
    void clearRegion();

    // Where the current slice sits in the widget.
    ViewTransform viewTransform() const;
    // The probe line for the pixel under the cursor, e.g. "(120, 87)  −850 HU"; empty off-image.
    QString probeText() const;

signals:
    void currentSliceChanged(int index, int count);
    void windowChanged(double center, double width);
    void invertedChanged(bool inverted);
    void viewChanged();
    void toolChanged(haip::ui::ImageView::Tool tool);
    void cineChanged(bool playing, int fps);
    void firstImageShown();
    void measurementsChanged();
    void annotationsVisibleChanged(bool visible);
    void presentationStateChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    enum class Drag
    {
        None,
        WindowLevel,
        Pan,
        Zoom,
        NewMeasurement,
        MoveHandle,
        MoveMeasurement
    };
    void onSliceReady(int index);
    void onSliceFailed(int index);
    void initialiseFromSlice(const dicom::DecodedSlice &slice);
    void setSettings(const dicom::RenderSettings &settings);
    void setZoomAndPan(double zoom, QPointF pan, bool fitMode);
    void zoomAt(double factor, QPointF viewPoint);
    void updateProbe(QPointF viewPoint);
    void updateCursor(QPointF viewPoint);
    void applyToolCursor();
    void stepCine();
    void paintImage(QPainter &painter, const dicom::DecodedSlice &slice, const ViewTransform &view);
    void paintAnnotations(QPainter &painter, const dicom::DecodedSlice *slice, const ViewTransform &view);
    CornerText composeCorners(const dicom::DecodedSlice *slice, const ViewTransform &view) const;
    double dragSpeed() const;
    void applyPresentationWindow();
    void restoreWindowBeforePresentation();

    QPointer<SliceSource> m_source;
    int m_current = 0;
    bool m_initialised = false; // W/L and range taken from the first slice shown
    bool m_firstShown = false;
    dicom::RenderSettings m_settings;
    dicom::RenderSettings m_defaultSettings;
    dicom::ValueRange m_range;

    Tool m_tool = Tool::WindowLevel;
    double m_zoom = 1.0;
    QPointF m_pan;
    bool m_fitMode = true;
    int m_rotation = 0;
    bool m_flipH = false;
    bool m_flipV = false;
    bool m_annotations = true;
    bool m_anonymised = false;

    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    QPointF m_lastPos;
    dicom::RenderSettings m_pressSettings;
    double m_pressZoom = 1.0;
    Measurement m_edit; // the measurement being drawn or edited
    int m_editHandle = -1;
    QPointF m_pressImagePos;
    double m_wheelRemainder = 0.0;

    MeasurementSet m_measurements;
    std::optional<QPoint> m_probe; // image pixel under the cursor

    QTimer m_cineTimer;
    int m_cineFps = 20;

    SliceImageCache m_images;

    SegmentOverlay *m_segments = nullptr; // child
    std::optional<std::pair<int, QRectF>> m_region; // slice and image rect of showRegion()

    GraphicOverlay *m_graphics = nullptr; // child
    bool m_graphicsOnly = false;
    // The window before the presentation state's was applied, and the window it applied.
    std::optional<dicom::RenderSettings> m_windowBeforePresentation;
    std::optional<dicom::RenderSettings> m_presentationWindow;
};

} // namespace haip::ui
