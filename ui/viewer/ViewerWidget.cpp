// Provisional: the public contract compiles and links; the image view lands next.
#include "viewer/ViewerWidget.h"

#include "dicom/Series.h"

#include <QAction>

namespace haip::ui {

class SliceSource : public QObject
{ };

ViewerWidget::ViewerWidget(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(200, 200);
}

ViewerWidget::~ViewerWidget() = default;

void ViewerWidget::showSeries(const haip::dicom::Series &, int) { }

void ViewerWidget::showSource(std::unique_ptr<SliceSource> source)
{
    m_source = std::move(source);
}

void ViewerWidget::clear()
{
    m_source.reset();
}

QList<QAction *> ViewerWidget::viewerActions() const
{
    return {};
}

bool ViewerWidget::applyPreset(const QString &)
{
    return false;
}

int ViewerWidget::currentSlice() const
{
    return 0;
}

int ViewerWidget::sliceCount() const
{
    return 0;
}

ImageView *ViewerWidget::imageView() const
{
    return m_view;
}

} // namespace haip::ui
