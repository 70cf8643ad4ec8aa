#include "jobs/JobProgressDelegate.h"

#include "jobs/JobsModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace haip::ui {

void JobProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int percent = index.data(JobsModel::PercentRole).toInt();
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 3, -2, -3);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    bar.minimum = 0;
    bar.maximum = percent < 0 ? 0 : 100; // 0..0: busy
    bar.progress = std::max(percent, 0);
    bar.text = percent < 0 ? QString() : QStringLiteral("%1 %").arg(percent);
    bar.textVisible = percent >= 0;
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
}

} // namespace haip::ui
