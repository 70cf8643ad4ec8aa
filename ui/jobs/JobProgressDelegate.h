// JobProgressDelegate: draws a job's progress cell as the platform's own progress bar (busy
// when the stage gives no figure), so it looks like every other progress bar on the desktop.
#pragma once

#include <QStyledItemDelegate>

namespace haip::ui {

class JobProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace haip::ui
