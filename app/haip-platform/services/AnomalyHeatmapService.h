// anomaly-heatmap: a local-anomaly heat map for CT and single radiographs (AnomalyMap) as a
// FRACTIONAL (PROBABILITY) SEG — segment 1 the whole map, segments 2… the hottest regions —
// with one measurement group per region.
#pragma once

#include "ReferenceService.h"
#include "ServiceSupport.h"

namespace haip::services {

class AnomalyHeatmapService final : public ReferenceService
{
public:
    static constexpr const char *kId = "anomaly-heatmap";
    static constexpr const char *kAlgorithmVersion = "1.0.0";

    AnomalyHeatmapService();

    QString id() const override;
    const CatalogEntry &catalogEntry() const override { return m_entry.entry; }
    Result<ServiceBundle> analyse(const QStringList &dicomFiles,
                                  const std::atomic<bool> *cancel,
                                  const ProgressCallback &progress) const override;

    // False when the catalog entry did not load from the resources (a build defect).
    bool valid() const { return m_entry.loaded(); }

private:
    LoadedEntry m_entry;
};

} // namespace haip::services
