#include "results/SegmentPanel.h"

#include "dicom/SegmentPlacement.h"
#include "viewer/ImageView.h"
#include "viewer/SegmentOverlay.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QRadioButton>
#include <QSlider>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace haip::ui {
namespace {

constexpr int SegmentNumberRole = Qt::UserRole + 1;

QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setPen(QColor(0, 0, 0, 160));
    painter.setBrush(colour);
    painter.drawRect(QRectF(0.5, 0.5, 13, 13));
    return QIcon(pixmap);
}

} // namespace

SegmentPanel::SegmentPanel(QWidget *parent) : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_refusal = new QLabel(this);
    m_refusal->setWordWrap(true);
    m_refusal->setStyleSheet(QStringLiteral("color: #E0A030;"));
    m_refusal->hide();

    m_list = new QTreeWidget(this);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Segment"), tr("Category"), tr("Volume")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(CategoryColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(VolumeColumn, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemChanged, this, &SegmentPanel::onItemChanged);
    connect(m_list, &QTreeWidget::itemActivated, this, &SegmentPanel::onItemActivated);

    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(int(SegmentOverlay::DefaultOpacity * 100));
    m_opacity->setToolTip(tr("Opacity of the filled segments"));
    connect(m_opacity, &QSlider::valueChanged, this, [this](int value) {
        if (m_overlay && !m_updating)
            m_overlay->setOpacity(value / 100.0);
    });

    auto *fill = new QRadioButton(tr("Fill"), this);
    auto *outline = new QRadioButton(tr("Outline"), this);
    m_style = new QButtonGroup(this);
    m_style->addButton(fill, int(SegmentOverlay::Style::Fill));
    m_style->addButton(outline, int(SegmentOverlay::Style::Outline));
    fill->setChecked(true);
    connect(m_style, &QButtonGroup::idClicked, this, [this](int id) {
        if (m_overlay && !m_updating)
            m_overlay->setStyle(SegmentOverlay::Style(id));
    });

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Opacity"), this));
    controls->addWidget(m_opacity, 1);
    controls->addWidget(fill);
    controls->addWidget(outline);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_refusal);
    layout->addWidget(m_list, 1);
    layout->addLayout(controls);
    rebuild();
}

void SegmentPanel::setView(ImageView *view)
{
    if (m_overlay)
        disconnect(m_overlay, nullptr, this, nullptr);
    m_view = view;
    m_overlay = view ? view->segmentOverlay() : nullptr;
    if (m_overlay) {
        // Rows are rebuilt only when the segmentation itself changes; settings just resync.
        connect(m_overlay, &SegmentOverlay::changed, this, [this] {
            if (m_updating)
                return;
            if (m_overlay->segmentation().get() == m_shown)
                syncControls();
            else
                rebuild();
        });
    }
    rebuild();
}

void SegmentPanel::setRefusal(const Error &error)
{
    m_refusal->setText(error.message());
    m_refusal->setVisible(true);
    m_list->clear();
    m_summary->clear();
    m_shown = nullptr;
}

QTreeWidget *SegmentPanel::segmentList() const
{
    return m_list;
}

QSlider *SegmentPanel::opacitySlider() const
{
    return m_opacity;
}

int SegmentPanel::rowOfSegment(int segmentNumber) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(NameColumn, SegmentNumberRole).toInt() == segmentNumber)
            return i;
    return -1;
}

void SegmentPanel::rebuild()
{
    m_updating = true;
    m_list->clear();
    const auto placed = m_overlay ? m_overlay->segmentation() : nullptr;
    m_shown = placed.get();
    if (!placed) {
        m_summary->setText(tr("No segmentation shown."));
        m_updating = false;
        return;
    }
    m_refusal->hide();
    const dicom::Segmentation &seg = *placed->segmentation;
    QString kind = tr("Binary segmentation");
    if (seg.isFractional())
        kind = seg.fractionalType == dicom::FractionalType::Probability ? tr("Probability map (heat map)")
                                                                        : tr("Occupancy map (heat map)");
    m_summary->setText(seg.seriesDescription.isEmpty() ? kind : tr("%1 — %2").arg(seg.seriesDescription, kind));
    const QLocale locale;
    for (const dicom::Segment &segment : seg.segments) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(NameColumn, SegmentNumberRole, segment.number);
        item->setText(NameColumn, segment.label.isEmpty() ? tr("Segment %1").arg(segment.number) : segment.label);
        item->setIcon(NameColumn, swatch(segment.colour));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(NameColumn, m_overlay->isSegmentVisible(segment.number) ? Qt::Checked : Qt::Unchecked);
        item->setText(CategoryColumn, segment.type.isEmpty() ? segment.category : segment.type);
        QStringList tip;
        if (!segment.description.isEmpty())
            tip << segment.description;
        if (!segment.category.isEmpty())
            tip << tr("Category: %1").arg(segment.category);
        if (!segment.type.isEmpty())
            tip << tr("Type: %1").arg(segment.type);
        if (!segment.algorithmName.isEmpty())
            tip << tr("Algorithm: %1 (%2)").arg(segment.algorithmName, segment.algorithmType);
        item->setToolTip(NameColumn, tip.join(QLatin1Char('\n')));
        if (const dicom::SegmentMeasure *m = placed->measure(segment.number)) {
            // mL with two decimals below 10 mL, one above: small nodules are fractions of a mL.
            item->setText(VolumeColumn, tr("%1 mL").arg(locale.toString(m->volumeMl, 'f', m->volumeMl < 10 ? 2 : 1)));
            item->setToolTip(VolumeColumn, tr("%1 voxels on %2 slices").arg(std::lround(m->voxels)).arg(m->slices));
            item->setTextAlignment(VolumeColumn, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    m_updating = false;
    syncControls();
}

void SegmentPanel::syncControls()
{
    if (!m_overlay)
        return;
    m_updating = true;
    m_opacity->setValue(int(std::lround(m_overlay->opacity() * 100)));
    if (QAbstractButton *button = m_style->button(int(m_overlay->style())))
        button->setChecked(true);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const int number = item->data(NameColumn, SegmentNumberRole).toInt();
        item->setCheckState(NameColumn, m_overlay->isSegmentVisible(number) ? Qt::Checked : Qt::Unchecked);
    }
    m_updating = false;
}

void SegmentPanel::onItemChanged(QTreeWidgetItem *item, int column)
{
    if (m_updating || !m_overlay || column != NameColumn)
        return;
    m_overlay->setSegmentVisible(item->data(NameColumn, SegmentNumberRole).toInt(),
                                 item->checkState(NameColumn) == Qt::Checked);
}

void SegmentPanel::onItemActivated(QTreeWidgetItem *item)
{
    const int number = item->data(NameColumn, SegmentNumberRole).toInt();
    emit segmentActivated(number);
    const auto placed = m_overlay ? m_overlay->segmentation() : nullptr;
    if (!m_view || !placed)
        return;
    if (const auto region = placed->regionOf(number))
        m_view->showRegion(region->slice, QRectF(region->imageRect));
}

} // namespace haip::ui
