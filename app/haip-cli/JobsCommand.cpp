// haip-cli jobs: the signed-in clinician's jobs, newest first, one JSON line each — or one job.
//   haip-cli jobs --session s.json [--job ID]
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "JobJson.h"
#include "PlatformArguments.h"
#include "platform/JobClient.h"

#include <QJsonArray>

namespace haip::cli {

using namespace Qt::StringLiterals;

int runJobs(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption sessionOption(u"session"_s, u"saved session (haip-cli login)"_s, u"file"_s);
    const QCommandLineOption jobOption(u"job"_s, u"one job"_s, u"id"_s);
    parser.addOptions({sessionOption, jobOption});
    if (!parser.parse(QStringList {u"haip-cli jobs"_s} + arguments))
        return usageError(parser.errorText());
    if (!parser.isSet(sessionOption))
        return usageError(u"jobs: --session is required"_s);
    Result<PlatformConnection> connection = connectWithSession(parser.value(sessionOption));
    if (!connection)
        return fail(connection.error(), 1);
    platform::JobClient jobs(*connection->api);
    if (parser.isSet(jobOption)) {
        jobs.status(parser.value(jobOption), [&output](Result<platform::JobStatus> job) {
            if (!job)
                return finish(fail(job.error(), 1));
            output.json(jobJson(*job));
            finish(0);
        });
        return runUntilFinished();
    }
    platform::ApiReply *reply = connection->api->get(u"/v1/jobs"_s);
    QObject::connect(reply, &platform::ApiReply::finished, [reply, &output] {
        reply->deleteLater();
        if (!reply->result())
            return finish(fail(reply->result().error(), 1));
        Result<QJsonObject> body = reply->result()->json();
        if (!body)
            return finish(fail(body.error(), 1));
        for (const QJsonValue &v : body->value(u"jobs"_s).toArray()) {
            Result<platform::JobStatus> job = platform::JobStatus::fromJson(v.toObject());
            if (!job)
                return finish(fail(job.error(), 1));
            output.json(jobJson(*job));
        }
        finish(0);
    });
    return runUntilFinished();
}

} // namespace haip::cli
