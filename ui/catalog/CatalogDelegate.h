// CatalogDelegate: paints one catalog service as a card row — icon, name, regulatory badge
// (approved medical device and research use only in clearly different colours), vendor, version
// and turnaround, modality and body-part tags, and a last line saying whether the open series
// fits or why not. Services that do not accept the open series are drawn greyed.
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace haip::ui {

class CatalogDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit CatalogDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The badge's text and colours for a regulatory status (also used by tests and the panel).
    static QString badgeText(const QString &regulatoryStatus);
    static QColor badgeColour(const QString &regulatoryStatus);
};

} // namespace haip::ui
