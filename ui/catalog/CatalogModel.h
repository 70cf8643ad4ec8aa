// CatalogModel: the services of the verified catalog as list rows for the catalog panel — name in
// the UI language, vendor, version, tags, regulatory status, turnaround, an icon (per service id,
// else per output kind, from :/icons/services/) and whether the series the clinician has open fits
// the service (ServiceEligibility), with the reasons when it does not.
#pragma once

#include "platform/Catalog.h"
#include "platform/ServiceEligibility.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QList>

#include <optional>

namespace haip::ui {

class CatalogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        ServiceIdRole = Qt::UserRole + 1,
        VendorRole,
        VersionRole,
        ModalitiesRole, // QStringList
        BodyPartsRole, // QStringList
        RegulatoryStatusRole, // "pmda-approved" | "research-use-only"
        RegulatoryTextRole, // in the UI language
        TurnaroundRole, // seconds (int)
        TurnaroundTextRole, // "about 1 min"
        FitRole, // Fit (int)
        ReasonsRole, // QStringList, translated
        SearchTextRole, // everything a search may match, lower case
    };
    Q_ENUM(Role)

    // Whether the open series fits: Unknown when no series is open.
    enum class Fit
    {
        Unknown,
        Accepted,
        Refused
    };
    Q_ENUM(Fit)

    explicit CatalogModel(QObject *parent = nullptr);

    void setCatalog(const platform::Catalog &catalog);
    void clear();
    // "ja" or "en" (anything else: English).
    void setLanguage(const QString &language);
    const QString &language() const { return m_language; }
    void setSeriesFacts(const platform::SeriesFacts &facts);
    void clearSeriesFacts();
    const std::optional<platform::SeriesFacts> &seriesFacts() const { return m_facts; }

    const platform::CatalogService *service(int row) const;
    int rowOf(const QString &serviceId) const;
    // Every modality / body part listed by a service, sorted, for the filters.
    QStringList modalities() const;
    QStringList bodyParts() const;

    // The text of `text` in `language` (English when the Japanese text is missing).
    static QString localized(const platform::CatalogText &text, const QString &language);
    static QString turnaroundText(int seconds);
    static QIcon serviceIcon(const platform::CatalogService &service);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void evaluate();

    struct Row
    {
        platform::CatalogService service;
        QIcon icon;
        platform::Eligibility eligibility;
    };
    QList<Row> m_rows;
    QString m_language = QStringLiteral("en");
    std::optional<platform::SeriesFacts> m_facts;
};

} // namespace haip::ui
