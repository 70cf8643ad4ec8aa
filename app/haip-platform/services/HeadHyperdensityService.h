// head-ct-hyperdensity: intracranial blood-range clusters on non-contrast head CT
// (HyperdensityDetector), one BINARY segment and one measurement group per cluster.
#pragma once

#include "ReferenceService.h"
#include "ServiceSupport.h"

namespace haip::services {

class HeadHyperdensityService final : public ReferenceService
{
public:
    static constexpr const char *kId = "head-ct-hyperdensity";
    static constexpr const char *kAlgorithmVersion = "1.0.0";

    HeadHyperdensityService();

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
