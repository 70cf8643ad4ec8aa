#include "viewer/ViewerWidget.h"

#include "dicom/Series.h"
#include "viewer/ImageView.h"
#include "viewer/LoaderSliceSource.h"
#include "viewer/ViewerActions.h"

#include <QVBoxLayout>

namespace haip::ui {

ViewerWidget::ViewerWidget(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new ImageView(this);
    layout->addWidget(m_view);
    setFocusProxy(m_view);
    m_actions = new ViewerActions(m_view, this);
    connect(m_view, &ImageView::firstImageShown, this, &ViewerWidget::firstImageShown);
}

ViewerWidget::~ViewerWidget()
{
    // The view must let go of the source before it is destroyed.
    m_view->setSource(nullptr);
}

void ViewerWidget::showSeries(const haip::dicom::Series &series, int stack)
{
    auto source = std::make_unique<LoaderSliceSource>(series, stack);
    LoaderSliceSource *loader = source.get();
    showSource(std::move(source)); // connects the view first, so no signal is missed
    loader->start();
}

void ViewerWidget::showSource(std::unique_ptr<SliceSource> source)
{
    m_view->setSource(nullptr);
    m_source = std::move(source);
    if (m_source) {
        connect(m_source.get(), &SliceSource::progress, this, &ViewerWidget::loadProgress);
        connect(m_source.get(), &SliceSource::finished, this, &ViewerWidget::loadFinished);
        connect(m_source.get(), &SliceSource::sliceFailed, this, [this](int, const Error &error) {
            emit sliceFailed(error);
        });
    }
    m_view->setSource(m_source.get());
}

void ViewerWidget::clear()
{
    m_view->setSource(nullptr);
    m_source.reset();
}

void ViewerWidget::cancelLoading()
{
    if (m_source)
        m_source->cancel();
}

bool ViewerWidget::isLoading() const
{
    return m_source && m_source->isLoading();
}

QList<QAction *> ViewerWidget::viewerActions() const
{
    return m_actions->actions();
}

bool ViewerWidget::applyPreset(const QString &presetId)
{
    return m_view->applyPreset(presetId);
}

int ViewerWidget::currentSlice() const
{
    return m_view->currentSlice();
}

int ViewerWidget::sliceCount() const
{
    return m_view->sliceCount();
}

ImageView *ViewerWidget::imageView() const
{
    return m_view;
}

} // namespace haip::ui
