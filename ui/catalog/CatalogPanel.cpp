#include "catalog/CatalogPanel.h"

#include "catalog/CatalogDelegate.h"
#include "catalog/CatalogFilterModel.h"
#include "catalog/CatalogModel.h"
#include "web/SafeWebView.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace haip::ui {

namespace {

// Banner colours: a refused catalog (red) and the offline copy (amber).
constexpr char kRefusedStyle[] = "background:#8e1b1b;color:white;padding:6px;border-radius:3px;";
constexpr char kOfflineStyle[] = "background:#7a4f01;color:white;padding:6px;border-radius:3px;";

QString defaultLanguage()
{
    return QLocale().uiLanguages().value(0).startsWith(QLatin1String("ja")) ? QStringLiteral("ja")
                                                                            : QStringLiteral("en");
}

// A series UID is digits and dots, at most 64 characters (PS3.5 9.1); anything else is refused.
bool isUid(const QString &uid)
{
    if (uid.isEmpty() || uid.size() > 64)
        return false;
    for (const QChar c : uid) {
        if (!c.isDigit() && c != QLatin1Char('.'))
            return false;
    }
    return true;
}

} // namespace

CatalogPanel::CatalogPanel(QWidget *parent)
    : QWidget(parent), m_model(new CatalogModel(this)), m_filter(new CatalogFilterModel(this))
{
    m_filter->setSourceModel(m_model);
    m_model->setLanguage(defaultLanguage());
    setAcceptDrops(true);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("catalogBanner"));
    m_banner->setWordWrap(true);
    m_banner->hide();

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("catalogSearch"));
    m_search->setClearButtonEnabled(true);
    m_modality = new QComboBox(this);
    m_modality->setObjectName(QStringLiteral("catalogModalityFilter"));
    m_bodyPart = new QComboBox(this);
    m_bodyPart->setObjectName(QStringLiteral("catalogBodyPartFilter"));
    m_regulatory = new QComboBox(this);
    m_regulatory->setObjectName(QStringLiteral("catalogRegulatoryFilter"));

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("catalogList"));
    m_list->setModel(m_filter);
    m_list->setItemDelegate(new CatalogDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setUniformItemSizes(true);

    m_detail = new SafeWebView(this);
    m_detail->setObjectName(QStringLiteral("catalogDetail"));
    m_analyse = new QPushButton(this);
    m_analyse->setObjectName(QStringLiteral("catalogAnalyse"));
    m_analyse->setEnabled(false);
    m_seriesLine = new QLabel(this);
    m_seriesLine->setObjectName(QStringLiteral("catalogSeries"));
    m_seriesLine->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_modality, 1);
    filters->addWidget(m_bodyPart, 1);
    filters->addWidget(m_regulatory, 1);

    auto *detailBox = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_seriesLine, 1);
    buttons->addWidget(m_analyse);
    detailLayout->addLayout(buttons);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(detailBox);
    // The list and the detail page share the height (the list would take it all by its hint).
    split->setSizes({550, 450});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    connect(m_search, &QLineEdit::textChanged, m_filter, &CatalogFilterModel::setSearchText);
    connect(m_modality, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setModality(m_modality->currentData().toString());
    });
    connect(m_bodyPart, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setBodyPart(m_bodyPart->currentData().toString());
    });
    connect(m_regulatory, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setRegulatoryStatus(m_regulatory->currentData().toString());
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &CatalogPanel::showSelected);
    // Re-check the button and the page when eligibility or language changes the selected row.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CatalogPanel::showSelected);
    connect(m_analyse, &QPushButton::clicked, this, [this] {
        const QString id = selectedServiceId();
        const int row = m_model->rowOf(id);
        if (row >= 0 &&
            CatalogModel::Fit(m_model->index(row).data(CatalogModel::FitRole).toInt()) == CatalogModel::Fit::Accepted)
            emit analyseRequested(id);
    });

    retranslate();
}

CatalogPanel::~CatalogPanel() = default;

void CatalogPanel::setCatalog(const platform::Catalog &catalog, const QDateTime &fetchedAt, bool fromCache)
{
    const QString selected = selectedServiceId();
    m_model->setCatalog(catalog);
    m_fetchedAt = fetchedAt;
    m_fromCache = fromCache;
    if (!fromCache)
        m_error = Error();
    fillFilters();
    updateBanner();
    if (!selectService(selected) && m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
    showSelected();
}

void CatalogPanel::setCatalogError(const Error &error)
{
    m_error = error;
    m_fromCache = false;
    m_model->clear();
    fillFilters();
    updateBanner();
    showSelected();
}

void CatalogPanel::setSeriesFacts(const platform::SeriesFacts &facts)
{
    m_model->setSeriesFacts(facts);
    updateSeriesLine();
    showSelected();
}

void CatalogPanel::clearSeriesFacts()
{
    m_model->clearSeriesFacts();
    updateSeriesLine();
    showSelected();
}

void CatalogPanel::setLanguage(const QString &language)
{
    m_model->setLanguage(language);
    updateBanner();
    showSelected();
}

QString CatalogPanel::selectedServiceId() const
{
    return m_list->currentIndex().data(CatalogModel::ServiceIdRole).toString();
}

bool CatalogPanel::selectService(const QString &serviceId)
{
    const int row = m_model->rowOf(serviceId);
    if (row < 0)
        return false;
    const QModelIndex proxy = m_filter->mapFromSource(m_model->index(row));
    if (!proxy.isValid())
        return false;
    m_list->setCurrentIndex(proxy);
    return true;
}

QString CatalogPanel::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void CatalogPanel::fillFilters()
{
    const auto refill = [](QComboBox *box, const QString &all, const QStringList &values) {
        const QString current = box->currentData().toString();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(all, QString());
        for (const QString &v : values)
            box->addItem(v, v);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    refill(m_modality, tr("All modalities"), m_model->modalities());
    refill(m_bodyPart, tr("All body parts"), m_model->bodyParts());
    m_filter->setModality(m_modality->currentData().toString());
    m_filter->setBodyPart(m_bodyPart->currentData().toString());
}

void CatalogPanel::updateBanner()
{
    QStringList lines;
    if (m_error.code() != ErrorCode::None)
        lines.append(tr("Catalog refused: %1").arg(m_error.message()));
    if (m_fromCache)
        lines.append(tr("Offline — showing the catalog of %1")
                         .arg(QLocale().toString(m_fetchedAt.toLocalTime(), QLocale::ShortFormat)));
    m_banner->setText(lines.join(QLatin1Char('\n')));
    m_banner->setStyleSheet(QLatin1String(m_error.code() != ErrorCode::None ? kRefusedStyle : kOfflineStyle));
    m_banner->setVisible(!lines.isEmpty());
}

void CatalogPanel::updateSeriesLine()
{
    const std::optional<platform::SeriesFacts> &f = m_model->seriesFacts();
    if (!f) {
        m_seriesLine->setText(tr("No series open: open one, or drop it here, to see which services accept it."));
        return;
    }
    QString line = tr("Open series: %1, %n image(s)", nullptr, f->sliceCount)
                       .arg(f->modality.isEmpty() ? QStringLiteral("?") : f->modality);
    const double thickness = std::max(f->sliceThicknessMm, f->sliceSpacingMm);
    if (thickness > 0 && f->sliceCount > 1)
        line += tr(", %1 mm slices").arg(QLocale().toString(thickness, 'g', 3));
    m_seriesLine->setText(line);
}

void CatalogPanel::showSelected()
{
    const QModelIndex current = m_list->currentIndex();
    const int row = current.isValid() ? m_filter->mapToSource(current).row() : -1;
    const platform::CatalogService *s = m_model->service(row);
    if (!s) {
        m_analyse->setEnabled(false);
        m_analyse->setText(tr("Analyse with…"));
        m_analyse->setToolTip({});
        if (!m_shownDetail.isEmpty()) {
            m_detail->clearDocument();
            m_shownDetail.clear();
        }
        return;
    }
    const QString name = CatalogModel::localized(s->name, m_model->language());
    const auto fit = CatalogModel::Fit(current.data(CatalogModel::FitRole).toInt());
    // Long service names are elided; the tooltip and the row keep the whole name.
    m_analyse->setText(tr("Analyse with %1…").arg(m_analyse->fontMetrics().elidedText(name, Qt::ElideRight, 300)));
    m_analyse->setEnabled(fit == CatalogModel::Fit::Accepted);
    if (fit == CatalogModel::Fit::Unknown)
        m_analyse->setToolTip(tr("Open a series first."));
    else if (fit == CatalogModel::Fit::Refused)
        m_analyse->setToolTip(current.data(CatalogModel::ReasonsRole).toStringList().join(QLatin1Char('\n')));
    else
        m_analyse->setToolTip(name);

    // Reload the page only when the service or the language changed (a reload flickers).
    const QString key = s->id + QLatin1Char('/') + m_model->language();
    if (key != m_shownDetail) {
        m_shownDetail = key;
        m_detail->showDocument(CatalogModel::localized(s->detailHtml, m_model->language()));
    }
}

QString CatalogPanel::serviceAt(const QPoint &panelPos) const
{
    const QPoint inList = m_list->viewport()->mapFrom(this, panelPos);
    return m_list->indexAt(inList).data(CatalogModel::ServiceIdRole).toString();
}

void CatalogPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CatalogPanel::retranslate()
{
    m_search->setPlaceholderText(tr("Search services, vendors, body parts…"));
    {
        const QSignalBlocker block(m_regulatory);
        const QString current = m_regulatory->currentData().toString();
        m_regulatory->clear();
        m_regulatory->addItem(tr("Any regulatory status"), QString());
        m_regulatory->addItem(CatalogDelegate::badgeText(QStringLiteral("pmda-approved")),
                              QStringLiteral("pmda-approved"));
        m_regulatory->addItem(CatalogDelegate::badgeText(QStringLiteral("research-use-only")),
                              QStringLiteral("research-use-only"));
        m_regulatory->setCurrentIndex(std::max(0, m_regulatory->findData(current)));
    }
    fillFilters();
    updateBanner();
    updateSeriesLine();
    showSelected();
}

void CatalogPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(kSeriesMimeType)))
        event->acceptProposedAction();
}

void CatalogPanel::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(kSeriesMimeType)))
        event->acceptProposedAction();
}

void CatalogPanel::dropEvent(QDropEvent *event)
{
    const QString uid = QString::fromUtf8(event->mimeData()->data(QLatin1String(kSeriesMimeType))).trimmed();
    if (!isUid(uid))
        return;
    event->acceptProposedAction();
    emit seriesDropped(uid, serviceAt(event->position().toPoint()));
}

} // namespace haip::ui
