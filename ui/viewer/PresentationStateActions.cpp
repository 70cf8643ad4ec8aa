#include "viewer/PresentationStateActions.h"

#include "viewer/GraphicOverlay.h"
#include "viewer/ImageView.h"

#include <QAction>

namespace haip::ui {

PresentationStateActions::PresentationStateActions(ImageView *view, QObject *parent)
    : QObject(parent), m_view(view), m_show(new QAction(this)), m_graphicsOnly(new QAction(this))
{
    m_show->setObjectName(QStringLiteral("presentation.showGraphics"));
    m_show->setText(tr("Show Presentation Graphics"));
    m_show->setToolTip(tr("Show the graphics and text of the presentation state on the images"));
    m_show->setCheckable(true);
    m_graphicsOnly->setObjectName(QStringLiteral("presentation.graphicsOnly"));
    m_graphicsOnly->setText(tr("Graphics Only (Keep My Window/Level)"));
    m_graphicsOnly->setToolTip(
        tr("Draw the presentation state's graphics but keep your own window/level instead of the state's"));
    m_graphicsOnly->setCheckable(true);

    connect(m_show, &QAction::toggled, view, [view](bool on) { view->graphicOverlay()->setVisible(on); });
    connect(m_graphicsOnly, &QAction::toggled, view, &ImageView::setPresentationGraphicsOnly);
    connect(view, &ImageView::presentationStateChanged, this, &PresentationStateActions::sync);
    connect(view->graphicOverlay(), &GraphicOverlay::changed, this, &PresentationStateActions::sync);
    sync();
}

QAction *PresentationStateActions::showGraphicsAction() const
{
    return m_show;
}

QAction *PresentationStateActions::graphicsOnlyAction() const
{
    return m_graphicsOnly;
}

void PresentationStateActions::sync()
{
    const bool hasState = m_view->presentationState() != nullptr;
    m_show->setEnabled(hasState);
    m_graphicsOnly->setEnabled(hasState);
    // setChecked does not re-enter: toggled only fires on a change, and the view then agrees.
    m_show->setChecked(m_view->graphicOverlay()->isVisible());
    m_graphicsOnly->setChecked(m_view->isPresentationGraphicsOnly());
}

} // namespace haip::ui
