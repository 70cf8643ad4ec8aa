#include "JobJson.h"

#include "CliOutput.h"

namespace haip::cli {

using namespace Qt::StringLiterals;

QJsonObject jobJson(const platform::JobStatus &job)
{
    QJsonObject o {{u"jobId"_s, job.jobId},
                   {u"serviceId"_s, job.serviceId},
                   {u"state"_s, job.state},
                   {u"progress"_s, job.progress},
                   {u"stage"_s, job.stage},
                   {u"receivedBytes"_s, double(job.receivedBytes)},
                   {u"totalBytes"_s, double(job.totalBytes)},
                   {u"committed"_s, job.committed}};
    if (job.resultSize >= 0) {
        o.insert(u"resultSize"_s, double(job.resultSize));
        o.insert(u"resultSha256"_s, job.resultSha256);
    }
    if (job.state == u"FAILED"_s)
        o.insert(u"failure"_s, CliOutput::errorObject(job.failure));
    return o;
}

} // namespace haip::cli
