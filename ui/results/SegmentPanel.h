// SegmentPanel: the segments of the AI segmentation shown in the image view — one row per
// segment (colour swatch, name, category, show/hide checkbox, volume), a global opacity
// slider and a fill / outline switch, all editing the view's SegmentOverlay. Double-clicking a
// row goes to the slice where that segment is largest and frames it (ImageView::showRegion).
// When a SEG was refused by the geometry check, the panel says why instead.
#pragma once

#include "common/Error.h"

#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QSlider;
class QTreeWidget;
class QTreeWidgetItem;

namespace haip::ui {

class ImageView;
class SegmentOverlay;

class SegmentPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn, // checkbox, swatch and label
        CategoryColumn,
        VolumeColumn,
        ColumnCount
    };

    explicit SegmentPanel(QWidget *parent = nullptr);

    // Follows `view`'s segment overlay (not owned). Null detaches.
    void setView(ImageView *view);
    // Shows why the segmentation is not drawn (and clears the rows).
    void setRefusal(const Error &error);

    QTreeWidget *segmentList() const;
    QSlider *opacitySlider() const;
    // Rows in Segment Number order; -1 when there is no such row.
    int rowOfSegment(int segmentNumber) const;

signals:
    void segmentActivated(int segmentNumber);

private:
    void rebuild();
    void syncControls();
    void onItemChanged(QTreeWidgetItem *item, int column);
    void onItemActivated(QTreeWidgetItem *item);

    QPointer<ImageView> m_view;
    QPointer<SegmentOverlay> m_overlay;
    QLabel *m_summary = nullptr;
    QLabel *m_refusal = nullptr;
    QTreeWidget *m_list = nullptr;
    QSlider *m_opacity = nullptr;
    QButtonGroup *m_style = nullptr;
    const void *m_shown = nullptr; // the segmentation the rows were built for
    bool m_updating = false;
};

} // namespace haip::ui
