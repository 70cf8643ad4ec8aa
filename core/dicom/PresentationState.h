// A Softcopy Presentation State (PS3.3 A.33: grayscale, colour and pseudo-colour GSPS) as the
// viewer needs it, in Qt types: which images (and frames) it applies to, its graphic layers,
// the graphic and text annotations per image, the softcopy VOI (window) per image, the displayed
// area and the spatial transformation. PresentationStateReader fills it from Part 10 bytes; the
// queries below answer "what applies to this SOP instance and frame" the way PS3.3 C.10.5 and
// C.11.8 say: an item without its own Referenced Image Sequence applies to every image the
// presentation state references.
#pragma once

#include <QColor>
#include <QList>
#include <QPoint>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>

namespace haip::dicom {

// Graphic / Bounding Box / Anchor Point Annotation Units (0070,0005), (0070,0003), (0070,0004).
enum class AnnotationUnits
{
    Pixel, // image pixels, sub-pixel: (0,0) is the top-left corner of the first pixel, (columns, rows) the image's far
           // corner
    Display // fractions 0…1 of the displayed area, (0,0) top left
};

// Graphic Type (0070,0023).
enum class GraphicType
{
    Point, // one point
    Polyline, // connected straight segments; closed when the last point repeats the first
    Interpolated, // a smooth curve through the points
    Circle, // centre, then a point on the circle
    Ellipse // the two ends of the major axis, then the two ends of the minor axis
};

// Bounding Box Text Horizontal Justification (0070,0012).
enum class TextJustification
{
    Left,
    Right,
    Center
};

// One image (and optionally some of its frames) a presentation state or one of its items applies to.
struct ImageReference
{
    QString seriesInstanceUid; // from the Referenced Series Sequence; empty inside annotation items
    QString sopClassUid;
    QString sopInstanceUid;
    QList<int> frames; // Referenced Frame Number, 1-based; empty: every frame

    bool matches(const QString &sopInstance, int frame) const; // frame 1-based
};

struct GraphicObject
{
    GraphicType type = GraphicType::Polyline;
    AnnotationUnits units = AnnotationUnits::Pixel;
    QList<QPointF> points; // (column, row) in PIXEL units, (x, y) 0…1 in DISPLAY units
    bool filled = false; // Graphic Filled (0070,0024) "Y": closed shapes are filled
};

struct TextObject
{
    QString text; // Unformatted Text Value (0070,0006), UTF-8
    std::optional<QRectF> boundingBox; // top-left, bottom-right corners as given
    AnnotationUnits boundingBoxUnits = AnnotationUnits::Pixel;
    TextJustification justification = TextJustification::Left;
    std::optional<QPointF> anchor;
    AnnotationUnits anchorUnits = AnnotationUnits::Pixel;
    bool anchorVisible = false; // Anchor Point Visibility (0070,0015) "Y": a line from the text to the anchor
};

// One item of the Graphic Annotation Sequence (0070,0001).
struct GraphicAnnotation
{
    QString layer; // Graphic Layer (0070,0002); always one of PresentationState::layers
    QList<ImageReference> images; // empty: every image of the presentation state
    QList<GraphicObject> graphics;
    QList<TextObject> texts;
};

// One item of the Graphic Layer Sequence (0070,0060).
struct GraphicLayer
{
    QString name;
    int order = 0; // Graphic Layer Order (0070,0062): lower layers are drawn first
    QString description;
    std::optional<int> grayscale; // Recommended Display Grayscale Value, 0…65535
    std::optional<QColor> colour; // Recommended Display CIELab Value (or the retired RGB value), as sRGB

    // The colour to draw with: the recommended colour, else the grey value, else `fallback`.
    QColor displayColour(const QColor &fallback) const;
};

// One item of the Softcopy VOI LUT Sequence (0028,3110).
struct SoftcopyVoi
{
    QList<ImageReference> images; // empty: every image
    std::optional<double> center; // Window Center / Width (first values)
    std::optional<double> width;
    QString explanation; // Window Center & Width Explanation
    bool hasLutTable = false; // a VOI LUT Sequence instead of (or beside) the window: kept, not applied

    bool hasWindow() const { return center.has_value() && width.has_value(); }
};

// One item of the Displayed Area Selection Sequence (0070,005A).
struct DisplayedArea
{
    QList<ImageReference> images; // empty: every image
    QPoint topLeft; // Displayed Area Top Left Hand Corner, 1-based pixel (column, row)
    QPoint bottomRight; // Displayed Area Bottom Right Hand Corner (inclusive)
    QString sizeMode; // SCALE TO FIT, TRUE SIZE or MAGNIFY
    double pixelSpacingRow = 0.0; // Presentation Pixel Spacing (0 when absent)
    double pixelSpacingColumn = 0.0;
    double magnification = 0.0; // Presentation Pixel Magnification Ratio (0 when absent)

    // The area in image pixel coordinates (the first pixel covers [0,1) × [0,1)).
    QRectF imageRect() const;
};

struct PresentationState
{
    QString sopClassUid;
    QString sopInstanceUid;
    QString seriesInstanceUid;
    QString studyInstanceUid;
    QString contentLabel; // (0070,0080)
    QString contentDescription; // (0070,0081)
    QString creatorName; // Content Creator's Name (0070,0084)

    QList<ImageReference> images; // Referenced Series Sequence: every image the state applies to
    QList<GraphicLayer> layers; // in Graphic Layer Order
    QList<GraphicAnnotation> annotations; // in file order
    QList<SoftcopyVoi> vois;
    QList<DisplayedArea> displayedAreas;
    int rotation = 0; // Image Rotation (0070,0042): 0, 90, 180 or 270 degrees clockwise
    bool horizontalFlip = false; // Image Horizontal Flip (0070,0041), applied after the rotation
    QString presentationLutShape; // IDENTITY or INVERSE (empty when absent)
    std::optional<double> rescaleSlope; // Modality LUT of the state (kept; the image's is used)
    std::optional<double> rescaleIntercept;

    // True when the state applies to that image: it is in the Referenced Series Sequence
    // (and, for a multi-frame image, the frame is one of those listed). `frame` is 1-based.
    bool references(const QString &sopInstance, int frame = 1) const;
    // The annotations to draw on that image, in file order (nothing when it is not referenced).
    QList<const GraphicAnnotation *> annotationsFor(const QString &sopInstance, int frame = 1) const;
    // The window for that image, if the state sets one.
    std::optional<SoftcopyVoi> voiFor(const QString &sopInstance, int frame = 1) const;
    std::optional<DisplayedArea> displayedAreaFor(const QString &sopInstance, int frame = 1) const;
    // The layer named `name`, or null.
    const GraphicLayer *layer(const QString &name) const;
};

} // namespace haip::dicom
