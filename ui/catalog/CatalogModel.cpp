#include "catalog/CatalogModel.h"

#include <QFile>
#include <QSet>

namespace haip::ui {

namespace {

// Icons for services without their own: by the first output kind that has one.
struct KindIcon
{
    const char *kind;
    const char *file;
};
constexpr KindIcon kKindIcons[] = {
    {"SEG", "kind-seg"}, // segmentations (and heat maps as fractional SEG)
    {"SR", "kind-sr"}, // structured reports only
};

} // namespace

CatalogModel::CatalogModel(QObject *parent) : QAbstractListModel(parent) { }

void CatalogModel::setCatalog(const platform::Catalog &catalog)
{
    beginResetModel();
    m_rows.clear();
    for (const platform::CatalogService &s : catalog.services())
        m_rows.append(Row {s, serviceIcon(s), {}});
    evaluate();
    endResetModel();
}

void CatalogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void CatalogModel::setLanguage(const QString &language)
{
    const QString l = language.startsWith(QLatin1String("ja")) ? QStringLiteral("ja") : QStringLiteral("en");
    if (l == m_language)
        return;
    m_language = l;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void CatalogModel::setSeriesFacts(const platform::SeriesFacts &facts)
{
    m_facts = facts;
    evaluate();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void CatalogModel::clearSeriesFacts()
{
    m_facts.reset();
    evaluate();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void CatalogModel::evaluate()
{
    for (Row &r : m_rows)
        r.eligibility = m_facts ? platform::ServiceEligibility::check(r.service, *m_facts) : platform::Eligibility {};
}

const platform::CatalogService *CatalogModel::service(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].service : nullptr;
}

int CatalogModel::rowOf(const QString &serviceId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].service.id == serviceId)
            return i;
    }
    return -1;
}

QStringList CatalogModel::modalities() const
{
    QSet<QString> all;
    for (const Row &r : m_rows) {
        for (const QString &m : r.service.modalities)
            all.insert(m);
    }
    QStringList out(all.begin(), all.end());
    out.sort();
    return out;
}

QStringList CatalogModel::bodyParts() const
{
    QSet<QString> all;
    for (const Row &r : m_rows) {
        for (const QString &b : r.service.bodyParts)
            all.insert(b);
    }
    QStringList out(all.begin(), all.end());
    out.sort();
    return out;
}

QString CatalogModel::localized(const platform::CatalogText &text, const QString &language)
{
    return language == QLatin1String("ja") && !text.ja.isEmpty() ? text.ja : text.en;
}

QString CatalogModel::turnaroundText(int seconds)
{
    if (seconds <= 0)
        return {};
    if (seconds < 90)
        return tr("about %n s", nullptr, seconds);
    if (seconds < 90 * 60)
        return tr("about %n min", nullptr, (seconds + 30) / 60);
    return tr("about %n h", nullptr, (seconds + 1800) / 3600);
}

QIcon CatalogModel::serviceIcon(const platform::CatalogService &service)
{
    // The id comes from the signed catalog and is [a-z0-9-] (Catalog::parse checks it).
    const QString own = QStringLiteral(":/icons/services/%1.svg").arg(service.id);
    if (QFile::exists(own))
        return QIcon(own);
    for (const KindIcon &k : kKindIcons) {
        if (service.outputKinds.contains(QLatin1String(k.kind)))
            return QIcon(QStringLiteral(":/icons/services/%1.svg").arg(QLatin1String(k.file)));
    }
    return QIcon(QStringLiteral(":/icons/services/generic.svg"));
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    const platform::CatalogService &s = r.service;
    const Fit fit = !m_facts ? Fit::Unknown : (r.eligibility.accepted ? Fit::Accepted : Fit::Refused);
    switch (role) {
    case Qt::DisplayRole:
        return localized(s.name, m_language);
    case Qt::DecorationRole:
        return r.icon;
    case Qt::ToolTipRole:
        if (fit == Fit::Refused)
            return r.eligibility.reasons.join(QLatin1Char('\n'));
        return localized(s.intendedUse, m_language);
    case ServiceIdRole:
        return s.id;
    case VendorRole:
        return s.vendor;
    case VersionRole:
        return s.version;
    case ModalitiesRole:
        return s.modalities;
    case BodyPartsRole:
        return s.bodyParts;
    case RegulatoryStatusRole:
        return s.regulatoryStatus;
    case RegulatoryTextRole:
        return localized(s.regulatoryText, m_language);
    case TurnaroundRole:
        return s.expectedTurnaroundSeconds;
    case TurnaroundTextRole:
        return turnaroundText(s.expectedTurnaroundSeconds);
    case FitRole:
        return int(fit);
    case ReasonsRole:
        return r.eligibility.reasons;
    case SearchTextRole:
        return QStringList {s.id,
                            s.name.ja,
                            s.name.en,
                            s.vendor,
                            s.intendedUse.ja,
                            s.intendedUse.en,
                            s.modalities.join(QLatin1Char(' ')),
                            s.bodyParts.join(QLatin1Char(' '))}
            .join(QLatin1Char('\n'))
            .toLower();
    default:
        return {};
    }
}

} // namespace haip::ui
