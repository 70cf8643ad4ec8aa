// ReferenceServiceAnalysis: a reference AI service of app/haip-platform/services
// (services::ReferenceService) as a worker's ServiceAnalysis — its ServiceBundle becomes the
// result parts in the documented order: SEG (when something was found), SR TID 1500, HTML
// report, findings JSON.
#pragma once

#include "ServiceAnalysis.h"
#include "services/ReferenceService.h"

namespace haip::server {

class ReferenceServiceAnalysis : public ServiceAnalysis
{
public:
    explicit ReferenceServiceAnalysis(const services::ReferenceService &service) : m_service(service) { }

    Result<QList<platform::MultipartPart>> analyse(const QStringList &dicomFiles,
                                                   const std::atomic<bool> &cancel,
                                                   const AnalysisProgress &progress) const override;

private:
    const services::ReferenceService &m_service;
};

} // namespace haip::server
