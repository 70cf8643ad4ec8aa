// ConformanceEchoAnalysis: the service "conformance-echo" — NOT an AI service and never a
// clinical result. It answers every request with a findings JSON and a short HTML page listing,
// per received part, its size and SHA-256, so an AI vendor (or a test) can check its own
// envelope and multipart implementation end to end against the platform: what arrives is
// exactly what was sent, and the response opens with the requester's key only.
#pragma once

#include "ServiceAnalysis.h"

namespace haip::server {

class ConformanceEchoAnalysis : public ServiceAnalysis
{
public:
    static constexpr const char *kServiceId = "conformance-echo";

    Result<QList<platform::MultipartPart>> analyse(const QStringList &dicomFiles,
                                                   const std::atomic<bool> &cancel,
                                                   const AnalysisProgress &progress) const override;
};

} // namespace haip::server
