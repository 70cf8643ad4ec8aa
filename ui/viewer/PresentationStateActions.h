// The two switches of a presentation state (GSPS) on the image view, as checkable QActions the
// result dock or a menu can show: "Show Presentation Graphics" hides or shows its graphics, and
// "Graphics Only (Keep My Window/Level)" keeps the user's window instead of the state's. Both
// are enabled only while the view has a presentation state and follow the view's state, so
// the view can also be driven directly.
#pragma once

#include <QObject>

class QAction;

namespace haip::ui {

class ImageView;

class PresentationStateActions : public QObject
{
    Q_OBJECT
public:
    // The actions are children of this object; `view` must outlive it.
    explicit PresentationStateActions(ImageView *view, QObject *parent = nullptr);

    QAction *showGraphicsAction() const; // objectName "presentation.showGraphics"
    QAction *graphicsOnlyAction() const; // objectName "presentation.graphicsOnly"

private:
    void sync();

    ImageView *m_view;
    QAction *m_show;
    QAction *m_graphicsOnly;
};

} // namespace haip::ui
