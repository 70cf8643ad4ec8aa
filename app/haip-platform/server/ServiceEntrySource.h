// ServiceEntrySource: where the broker gets what the catalog says about each service — the
// descriptive entry in the services area's JSON form (snake_case members, as
// services::CatalogEntry::toJson() writes it). Two sources, tried in order:
//   1. <state>/catalog/entries/<id>.json  — an operator's (or a test's) own entry
//   2. the compiled-in reference services (services::ServiceRegistry), once that area is built
// A service is offered when it has an entry and an envelope public key (services/<id>/key.pub).
#pragma once

#include "PlatformState.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace haip::server {

struct ServiceDescription
{
    QString id;
    QJsonObject entry; // services::CatalogEntry JSON (snake_case)
    QString publicKeyBase64; // services/<id>/key.pub
};

class ServiceEntrySource
{
public:
    // Compiled-in entries by id (nullopt-like: an empty object when unknown).
    using BuiltInEntries = std::function<QJsonObject(const QString &serviceId)>;

    explicit ServiceEntrySource(const PlatformState &state, BuiltInEntries builtIn = {});

    // Every service folder with a public key and an entry; services without an entry are
    // skipped (and named in `skipped`).
    QList<ServiceDescription> services(QStringList *skipped = nullptr) const;
    Result<ServiceDescription> find(const QString &serviceId) const;

    // The HPKE info a request to this service is sealed with (published in the catalog).
    static QString envelopeInfo(const QString &serviceId);

private:
    const PlatformState &m_state;
    BuiltInEntries m_builtIn;
};

} // namespace haip::server
