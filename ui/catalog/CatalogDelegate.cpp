#include "catalog/CatalogDelegate.h"

#include "catalog/CatalogModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace haip::ui {

namespace {

constexpr int kPad = 8;
constexpr int kIcon = 40;

// Badge colours: green for an approved device, amber for research use only (both keep white
// text above 4.5:1 contrast).
const QColor kApproved(0x2e, 0x7d, 0x32);
const QColor kResearch(0xb4, 0x53, 0x09);
const QColor kModalityTag(0x1e, 0x5a, 0x96);
const QColor kBodyPartTag(0x00, 0x69, 0x5c);
const QColor kAcceptedText(0x43, 0xa0, 0x47);
const QColor kRefusedText(0xe5, 0x73, 0x73);

// A rounded label; returns its width.
int drawChip(QPainter *p, int x, int y, int height, const QString &text, const QColor &fill, const QFont &font)
{
    const QFontMetrics fm(font);
    const int w = fm.horizontalAdvance(text) + 12;
    QPainterPath path;
    path.addRoundedRect(QRectF(x, y, w, height), height / 2.0, height / 2.0);
    p->fillPath(path, fill);
    p->setPen(Qt::white);
    p->setFont(font);
    p->drawText(QRect(x, y, w, height), Qt::AlignCenter, text);
    return w;
}

} // namespace

CatalogDelegate::CatalogDelegate(QObject *parent) : QStyledItemDelegate(parent) { }

QString CatalogDelegate::badgeText(const QString &regulatoryStatus)
{
    if (regulatoryStatus == QLatin1String("pmda-approved"))
        return tr("Approved medical device");
    return tr("Research use only");
}

QColor CatalogDelegate::badgeColour(const QString &regulatoryStatus)
{
    return regulatoryStatus == QLatin1String("pmda-approved") ? kApproved : kResearch;
}

QSize CatalogDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {320, kPad * 2 + line * 4 + 10};
}

void CatalogDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = {};
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, p, opt.widget);

    const auto fit = CatalogModel::Fit(index.data(CatalogModel::FitRole).toInt());
    const bool refused = fit == CatalogModel::Fit::Refused;
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = refused ? QPalette::Disabled : QPalette::Normal;
    const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.7f);

    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRect r = opt.rect.adjusted(kPad, kPad, -kPad, -kPad);
    const int line = opt.fontMetrics.height();

    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    icon.paint(
        p, QRect(r.left(), r.top() + 2, kIcon, kIcon), Qt::AlignCenter, refused ? QIcon::Disabled : QIcon::Normal);

    const int x = r.left() + kIcon + kPad + 4;
    const int right = r.right();

    // Badge at the top right, then the name in the space left of it.
    QFont small = opt.font;
    small.setPointSizeF(opt.font.pointSizeF() * 0.85);
    const QString status = index.data(CatalogModel::RegulatoryStatusRole).toString();
    const QString badge = badgeText(status);
    const int badgeWidth = QFontMetrics(small).horizontalAdvance(badge) + 12;
    QColor badgeFill = badgeColour(status);
    if (refused)
        badgeFill.setAlphaF(0.55f);
    drawChip(p, right - badgeWidth, r.top(), line, badge, badgeFill, small);

    QFont bold = opt.font;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(text);
    const QString name =
        QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight, right - badgeWidth - 8 - x);
    p->drawText(QRect(x, r.top(), right - x, line), Qt::AlignLeft | Qt::AlignVCenter, name);

    // Vendor · version · turnaround
    p->setFont(opt.font);
    p->setPen(muted);
    QStringList facts {index.data(CatalogModel::VendorRole).toString(),
                       tr("version %1").arg(index.data(CatalogModel::VersionRole).toString())};
    const QString turnaround = index.data(CatalogModel::TurnaroundTextRole).toString();
    if (!turnaround.isEmpty())
        facts.append(tr("result in %1").arg(turnaround));
    p->drawText(QRect(x, r.top() + line + 2, right - x, line),
                Qt::AlignLeft | Qt::AlignVCenter,
                opt.fontMetrics.elidedText(facts.join(QStringLiteral(" · ")), Qt::ElideRight, right - x));

    // Tags: modalities, then body parts.
    int tx = x;
    const int ty = r.top() + 2 * line + 5;
    QColor modalityFill = kModalityTag;
    QColor bodyFill = kBodyPartTag;
    if (refused) {
        modalityFill.setAlphaF(0.5f);
        bodyFill.setAlphaF(0.5f);
    }
    for (const QString &m : index.data(CatalogModel::ModalitiesRole).toStringList())
        tx += drawChip(p, tx, ty, line - 2, m, modalityFill, small) + 4;
    tx += 6;
    for (const QString &b : index.data(CatalogModel::BodyPartsRole).toStringList()) {
        if (tx > right - 40)
            break;
        tx += drawChip(p, tx, ty, line - 2, b, bodyFill, small) + 4;
    }

    // Whether the open series fits.
    const QRect fitLine(x, r.top() + 3 * line + 8, right - x, line);
    if (fit == CatalogModel::Fit::Accepted) {
        p->setPen(selected ? text : kAcceptedText);
        p->drawText(fitLine, Qt::AlignLeft | Qt::AlignVCenter, tr("✓ accepts the open series"));
    } else if (refused) {
        p->setPen(selected ? text : kRefusedText);
        const QString reasons = index.data(CatalogModel::ReasonsRole).toStringList().join(QStringLiteral("; "));
        p->drawText(fitLine,
                    Qt::AlignLeft | Qt::AlignVCenter,
                    opt.fontMetrics.elidedText(tr("✗ %1").arg(reasons), Qt::ElideRight, fitLine.width()));
    }
    p->restore();
}

} // namespace haip::ui
