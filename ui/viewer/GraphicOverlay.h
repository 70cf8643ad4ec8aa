// GraphicOverlay: the graphic and text annotations of a presentation state (GSPS) on the image
// they belong to. Drawn in widget coordinates through the image's ViewTransform (PIXEL units
// follow the image through zoom, pan, rotation and flips; DISPLAY units are fractions of the
// displayed area as it sits on screen), so lines keep their width and text stays upright and
// readable in the UI font at any zoom. Layers are drawn in their Graphic Layer Order, each in its
// recommended colour. Only the annotations that apply to the SOP instance and frame on screen
// are drawn: a state for other images draws nothing.
#pragma once

#include "viewer/ViewTransform.h"

#include <QColor>
#include <QObject>

#include <memory>

class QFont;
class QPainter;

namespace haip::dicom {
struct PresentationState;
struct GraphicObject;
struct TextObject;
} // namespace haip::dicom

namespace haip::ui {

class GraphicOverlay : public QObject
{
    Q_OBJECT
public:
    explicit GraphicOverlay(QObject *parent = nullptr);
    ~GraphicOverlay() override;

    // Null clears.
    void setState(std::shared_ptr<const dicom::PresentationState> state);
    std::shared_ptr<const dicom::PresentationState> state() const;

    // Hidden graphics stay set (and their window applied); they are only not drawn.
    bool isVisible() const;
    void setVisible(bool visible);

    // True when the state draws something on that image (`frame` 0-based).
    bool hasGraphics(const QString &sopInstanceUid, int frame) const;
    // Draws the annotations of that image; the painter maps widget (logical) coordinates.
    void paint(QPainter &painter,
               const QFont &font,
               const ViewTransform &view,
               const QString &sopInstanceUid,
               int frame) const;

    // The colour of a layer that recommends none.
    static QColor defaultColour();

signals:
    void changed();

private:
    std::shared_ptr<const dicom::PresentationState> m_state;
    bool m_visible = true;
};

} // namespace haip::ui
