// The reference AI services the platform offers, by id: chest-ct-nodule,
// head-ct-hyperdensity and anomaly-heatmap. Owned by whoever creates the registry (the
// platform's worker process); no global instance.
#pragma once

#include "ReferenceService.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace haip::services {

class ServiceRegistry
{
public:
    ServiceRegistry();
    ~ServiceRegistry();
    ServiceRegistry(const ServiceRegistry &) = delete;
    ServiceRegistry &operator=(const ServiceRegistry &) = delete;

    QStringList ids() const;
    // nullptr for an unknown id.
    const ReferenceService *find(const QString &id) const;
    QList<const ReferenceService *> services() const;
    // False if a catalog entry failed to load from the resources (a build defect).
    bool valid() const;

private:
    std::vector<std::unique_ptr<ReferenceService>> m_services;
    bool m_valid = true;
};

} // namespace haip::services
