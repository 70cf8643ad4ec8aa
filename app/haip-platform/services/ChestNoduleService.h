// chest-ct-nodule: solid pulmonary nodule candidates ≥ 4 mm on chest CT (LungSegmentation +
// NoduleDetector), one BINARY segment and one TID 1411 measurement group per nodule.
#pragma once

#include "ReferenceService.h"
#include "ServiceSupport.h"

namespace haip::services {

class ChestNoduleService final : public ReferenceService
{
public:
    static constexpr const char *kId = "chest-ct-nodule";
    static constexpr const char *kAlgorithmVersion = "1.0.0";

    ChestNoduleService();

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
