// CatalogPanel: the AI-service catalog for the clinician — every service of the verified catalog
// (CatalogModel, drawn by CatalogDelegate) with search and filters (CatalogFilterModel), the
// services that accept the open series marked and the others greyed with the reason, the detail
// page of the selected service in a locked-down SafeWebView, and "Analyse with…" for an eligible
// service. A banner says when the catalog was refused (and why) or when it is the offline copy.
// Series dragged from the study browser (kSeriesMimeType) can be dropped on a service.
#pragma once

#include "common/Error.h"
#include "platform/Catalog.h"
#include "platform/ServiceEligibility.h"

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace haip::ui {

class CatalogFilterModel;
class CatalogModel;
class SafeWebView;

class CatalogPanel : public QWidget
{
    Q_OBJECT
public:
    // The study browser's drag of a series: the Series Instance UID as UTF-8.
    static constexpr char kSeriesMimeType[] = "application/x-haip-series-uid";

    explicit CatalogPanel(QWidget *parent = nullptr);
    ~CatalogPanel() override;

    // A verified catalog; `fromCache`: the offline copy (CatalogCache), fetched at `fetchedAt`.
    // A fresh catalog clears an earlier refusal banner; a cached one keeps it.
    void setCatalog(const platform::Catalog &catalog, const QDateTime &fetchedAt, bool fromCache);
    // The platform's catalog was refused (signature, pin, expiry, network): the list is emptied
    // and the banner names the reason.
    void setCatalogError(const Error &error);
    void setSeriesFacts(const platform::SeriesFacts &facts);
    void clearSeriesFacts();
    // "ja" or "en": names, texts and detail pages in that language.
    void setLanguage(const QString &language);

    QString selectedServiceId() const;
    bool selectService(const QString &serviceId);
    QString bannerText() const;

    CatalogModel *model() const { return m_model; }
    CatalogFilterModel *filterModel() const { return m_filter; }
    SafeWebView *detailView() const { return m_detail; }

signals:
    // "Analyse with…" on an eligible service.
    void analyseRequested(const QString &serviceId);
    // A series was dropped on the panel; `serviceId` is the service under the drop (may be empty).
    void seriesDropped(const QString &seriesInstanceUid, const QString &serviceId);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslate();
    void fillFilters();
    void updateBanner();
    void updateSeriesLine();
    void showSelected();
    QString serviceAt(const QPoint &panelPos) const;

    CatalogModel *m_model = nullptr;
    CatalogFilterModel *m_filter = nullptr;
    QLabel *m_banner = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_modality = nullptr;
    QComboBox *m_bodyPart = nullptr;
    QComboBox *m_regulatory = nullptr;
    QListView *m_list = nullptr;
    SafeWebView *m_detail = nullptr;
    QPushButton *m_analyse = nullptr;
    QLabel *m_seriesLine = nullptr;

    Error m_error; // code None: no refusal
    bool m_fromCache = false;
    QDateTime m_fetchedAt;
    QString m_shownDetail; // service id and language of the page shown
};

} // namespace haip::ui
