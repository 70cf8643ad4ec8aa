// haip-cli result: downloads a completed job's sealed result, checks it against the job's size
// and SHA-256, opens it with the response key submit wrote, and writes its parts (SEG, SR, HTML
// report, findings) into a folder. Prints {"jobId", "result": [{file, contentType, size}…]}.
//   haip-cli result --session s.json --job ID --response-key job.key --out DIR
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "PlatformArguments.h"
#include "ResultFiles.h"
#include "platform/JobClient.h"
#include "platform/PayloadSealer.h"

#include <QTemporaryDir>

namespace haip::cli {

using namespace Qt::StringLiterals;

int runResult(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption sessionOption(u"session"_s, u"saved session (haip-cli login)"_s, u"file"_s);
    const QCommandLineOption jobOption(u"job"_s, u"job id"_s, u"id"_s);
    const QCommandLineOption keyOption(u"response-key"_s, u"the key submit wrote (@FILE or base64)"_s, u"key"_s);
    const QCommandLineOption outOption(u"out"_s, u"folder for the result's parts"_s, u"dir"_s);
    parser.addOptions({sessionOption, jobOption, keyOption, outOption});
    if (!parser.parse(QStringList {u"haip-cli result"_s} + arguments))
        return usageError(parser.errorText());
    for (const QCommandLineOption &o : {sessionOption, jobOption, keyOption, outOption}) {
        if (!parser.isSet(o))
            return usageError(u"result: --%1 is required"_s.arg(o.names().front()));
    }
    QString keyText = parser.value(keyOption);
    if (!keyText.startsWith(u'@') && QFile::exists(keyText))
        keyText.prepend(u'@');
    Result<crypto::ResponseKey> key = responseKeyArgument(keyText);
    if (!key)
        return fail(key.error(), 2);
    Result<PlatformConnection> connection = connectWithSession(parser.value(sessionOption));
    if (!connection)
        return fail(connection.error(), 1);
    QTemporaryDir work;
    if (!work.isValid())
        return fail(Error(ErrorCode::WriteFailed, work.errorString()), 1);
    platform::JobClient jobs(*connection->api);
    const QString outDir = parser.value(outOption);
    const QString sealedPath = work.filePath(u"result.sealed"_s);
    jobs.status(parser.value(jobOption), [&](Result<platform::JobStatus> job) {
        if (!job)
            return finish(fail(job.error(), 1));
        const platform::JobStatus done = *job;
        jobs.downloadResult(done, sealedPath, [&, done](Result<void> downloaded) {
            if (!downloaded)
                return finish(fail(downloaded.error(), 1));
            Result<platform::MultipartMessage> bundle = platform::ResultOpener::openResult(sealedPath, *key);
            if (!bundle)
                return finish(fail(bundle.error(), 1));
            Result<QJsonArray> parts = writeResultParts(*bundle, outDir);
            if (!parts)
                return finish(fail(parts.error(), 1));
            output.json({{u"jobId"_s, done.jobId}, {u"result"_s, *parts}});
            finish(0);
        });
    });
    return runUntilFinished();
}

} // namespace haip::cli
