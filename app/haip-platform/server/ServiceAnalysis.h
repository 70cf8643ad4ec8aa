// ServiceAnalysis: what a service worker runs once it has opened a job's envelope — the DICOM
// files of the request in, the parts of the result bundle out (SEG, SR TID 1500, HTML report,
// findings JSON, in that order, as docs/api/README.md "Payload and result" lists them). The
// reference AI services (app/haip-platform/services, ServiceRegistry) implement it through
// ReferenceServiceAnalysis; ConformanceEchoAnalysis is the envelope conformance service.
// analyse() runs on a worker thread; `progress` may be called from it.
#pragma once

#include "common/Result.h"
#include "platform/MultipartRelated.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace haip::server {

using AnalysisProgress = std::function<void(int percent, const QString &stage)>;

class ServiceAnalysis
{
public:
    virtual ~ServiceAnalysis() = default;
    // Errors become the job's failure (InvalidArgument: the images do not meet the service's
    // input constraints; Cancelled when `cancel` was set).
    virtual Result<QList<platform::MultipartPart>>
    analyse(const QStringList &dicomFiles, const std::atomic<bool> &cancel, const AnalysisProgress &progress) const = 0;
};

} // namespace haip::server
