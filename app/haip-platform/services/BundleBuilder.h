// Turns an algorithm's AnalysisResult into the ServiceBundle: SEG (when there is anything to
// outline), SR TID 1500 referencing it, the HTML report and the findings JSON, all sharing
// one ResultIdentity.
#pragma once

#include "AnalysisResult.h"
#include "CatalogEntry.h"
#include "ImageVolume.h"
#include "ReferenceService.h"
#include "ServiceBundle.h"
#include "common/Result.h"

#include <atomic>

namespace haip::services {

class BundleBuilder
{
public:
    // Progress continues from 80 % to 100 %.
    static Result<ServiceBundle> build(const CatalogEntry &entry,
                                       const ImageVolume &volume,
                                       const AnalysisResult &analysis,
                                       const std::atomic<bool> *cancel,
                                       const ProgressCallback &progress);
};

} // namespace haip::services
