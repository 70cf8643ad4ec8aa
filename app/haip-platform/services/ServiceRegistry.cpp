#include "ServiceRegistry.h"

#include "AnomalyHeatmapService.h"
#include "ChestNoduleService.h"
#include "HeadHyperdensityService.h"

namespace haip::services {

ServiceRegistry::ServiceRegistry()
{
    auto chest = std::make_unique<ChestNoduleService>();
    auto head = std::make_unique<HeadHyperdensityService>();
    auto heat = std::make_unique<AnomalyHeatmapService>();
    m_valid = chest->valid() && head->valid() && heat->valid();
    m_services.push_back(std::move(chest));
    m_services.push_back(std::move(head));
    m_services.push_back(std::move(heat));
}

ServiceRegistry::~ServiceRegistry() = default;

QStringList ServiceRegistry::ids() const
{
    QStringList out;
    for (const auto &s : m_services)
        out.append(s->id());
    return out;
}

const ReferenceService *ServiceRegistry::find(const QString &id) const
{
    for (const auto &s : m_services) {
        if (s->id() == id)
            return s.get();
    }
    return nullptr;
}

QList<const ReferenceService *> ServiceRegistry::services() const
{
    QList<const ReferenceService *> out;
    for (const auto &s : m_services)
        out.append(s.get());
    return out;
}

bool ServiceRegistry::valid() const
{
    return m_valid;
}

} // namespace haip::services
