// haip-cli submit: sends DICOM files of one series to an AI service of the platform — verifies
// the catalog, seals the files to the service's key (PayloadSealer), creates the job, uploads in
// resumable chunks, commits — and prints the job. The response key that alone opens the result
// is written to --response-key (0600). With --wait it follows the job to its end; with --out it
// also downloads and opens the result into that folder. Only de-identified DICOM leaves: a DICOM
// file without Patient Identity Removed = YES is refused (run `haip-cli deid` first, which keeps
// the way back on this machine); other files only with --raw (vendor tests, benchmarks).
//   haip-cli submit --session s.json --catalog-pin PIN --service ID --response-key job.key
//                   [--modality CT] [--wait] [--out DIR] [--raw] FILE...
#include "AuditTrail.h"
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "JobJson.h"
#include "PlatformArguments.h"
#include "ResultFiles.h"
#include "dicom/DicomFile.h"
#include "platform/JobClient.h"
#include "platform/PayloadSealer.h"
#include "platform/PayloadUpload.h"

#include <QTemporaryDir>
#include <QUuid>

namespace haip::cli {

using namespace Qt::StringLiterals;

namespace {

// Nothing identifiable leaves through the command line: DICOM must be de-identified (PS3.15
// E.1: Patient Identity Removed YES), anything else needs --raw.
Result<void> checkSendable(const QStringList &files, bool raw)
{
    for (const QString &path : files) {
        Result<dicom::DicomFile> file = dicom::DicomFile::open(path, dicom::DicomFile::Content::HeaderOnly);
        if (!file) {
            if (raw && file.error().code() == ErrorCode::NotDicom)
                continue;
            if (file.error().code() == ErrorCode::NotDicom)
                return Error(
                    ErrorCode::InvalidArgument, u"not a DICOM file; other files are sent only with --raw"_s, path);
            return file.error();
        }
        if (file->rawString(dicom::Tag {0x0012, 0x0062}).trimmed() != u"YES"_s)
            return Error(ErrorCode::InvalidArgument,
                         u"not de-identified (Patient Identity Removed is not YES): run haip-cli deid first"_s,
                         path);
    }
    return {};
}

} // namespace

int runSubmit(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption sessionOption(u"session"_s, u"saved session (haip-cli login)"_s, u"file"_s);
    const QCommandLineOption pinOption(u"catalog-pin"_s, u"SHA-256 of the catalog key's SPKI"_s, u"pin"_s);
    const QCommandLineOption serviceOption(u"service"_s, u"service id"_s, u"id"_s);
    const QCommandLineOption keyOption(u"response-key"_s, u"where to write the result's key"_s, u"file"_s);
    const QCommandLineOption modalityOption(u"modality"_s, u"modality of the series"_s, u"code"_s);
    const QCommandLineOption waitOption(u"wait"_s, u"follow the job until it ends"_s);
    const QCommandLineOption outOption(u"out"_s, u"download and open the result into this folder"_s, u"dir"_s);
    const QCommandLineOption rawOption(u"raw"_s, u"also send files that are not DICOM (tests, benchmarks)"_s);
    parser.addOptions(
        {sessionOption, pinOption, serviceOption, keyOption, modalityOption, waitOption, outOption, rawOption});
    if (!parser.parse(QStringList {u"haip-cli submit"_s} + arguments))
        return usageError(parser.errorText());
    for (const QCommandLineOption &o : {sessionOption, pinOption, serviceOption, keyOption}) {
        if (!parser.isSet(o))
            return usageError(u"submit: --%1 is required"_s.arg(o.names().front()));
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(u"submit: name the DICOM files to send"_s);
    if (Result<void> sendable = checkSendable(files, parser.isSet(rawOption)); !sendable)
        return fail(sendable.error(), 2);
    Result<crypto::SpkiPin> pin = pinArgument(parser.value(pinOption));
    if (!pin)
        return fail(pin.error(), 2);
    Result<PlatformConnection> connection = connectWithSession(parser.value(sessionOption));
    if (!connection)
        return fail(connection.error(), 1);
    QTemporaryDir work;
    if (!work.isValid())
        return fail(Error(ErrorCode::WriteFailed, work.errorString()), 1);

    platform::ApiClient &api = *connection->api;
    platform::JobClient jobs(api);
    const bool wait = parser.isSet(waitOption) || parser.isSet(outOption);
    const QString outDir = parser.value(outOption);
    const QString serviceId = parser.value(serviceOption);
    platform::SealedPayload sealed;
    std::unique_ptr<platform::PayloadUpload> upload;
    const QString clinician = connection->session.info.clinician.id;
    // What left the machine: the service, the job and the sealed size (the job id is the
    // payload's pseudonymous name; nothing of the patient).
    const auto auditSend = [&](const QString &jobId, const Error &failure) {
        audit::SendDetails details;
        details.serviceId = serviceId;
        details.jobId = jobId;
        details.bytes = sealed.sealedSize;
        audit::AuditEvent event = audit::AuditEvent::send(clinician, details);
        if (failure.code() != ErrorCode::None)
            event = event.withOutcome(audit::AuditOutcome::SeriousFailure, failure);
        recordAudit(event);
    };

    const auto fetchResult = [&](const platform::JobStatus &done) {
        const QString path = work.filePath(u"result.sealed"_s);
        // The download ends later: keep the job's id, not a reference to the caller's status.
        jobs.downloadResult(
            done,
            path,
            [&, path, jobId = done.jobId, size = done.resultSize, sha = done.resultSha256](Result<void> downloaded) {
                if (!downloaded)
                    return finish(fail(downloaded.error(), 1));
                recordAudit(audit::AuditEvent::resultReceived(clinician, serviceId, jobId, size, sha));
                Result<platform::MultipartMessage> bundle =
                    platform::ResultOpener::openResult(path, sealed.responseKey);
                if (!bundle)
                    return finish(fail(bundle.error(), 1));
                Result<QJsonArray> parts = writeResultParts(*bundle, outDir);
                if (!parts)
                    return finish(fail(parts.error(), 1));
                output.json({{u"jobId"_s, jobId}, {u"result"_s, *parts}});
                finish(0);
            });
    };
    const auto follow = [&](const QString &jobId) {
        jobs.waitUntilFinished(jobId, 500, [&](Result<platform::JobStatus> done) {
            if (!done)
                return finish(fail(done.error(), 1));
            output.json(jobJson(*done));
            if (done->state != u"COMPLETED"_s)
                return finish(1);
            if (outDir.isEmpty())
                return finish(0);
            fetchResult(*done);
        });
    };
    const auto commit = [&](const QString &jobId) {
        jobs.commit(jobId, [&, jobId](Result<platform::JobStatus> job) {
            auditSend(jobId, job ? Error() : job.error());
            if (!job)
                return finish(fail(job.error(), 1));
            output.json(jobJson(*job));
            if (!wait)
                return finish(0);
            follow(job->jobId);
        });
    };

    jobs.fetchCatalog(*pin, [&](Result<platform::Catalog> catalog) {
        if (!catalog)
            return finish(fail(catalog.error(), 1));
        const platform::CatalogService *service = catalog->find(serviceId);
        if (!service)
            return finish(fail(Error(ErrorCode::NotFound, u"no such service in the catalog"_s, serviceId), 1));
        Result<platform::SealedPayload> s =
            platform::PayloadSealer::sealFiles(files, *service, work.filePath(u"payload.sealed"_s));
        if (!s)
            return finish(fail(s.error(), 1));
        sealed = std::move(s).value();
        if (Result<void> k = writeResponseKey(parser.value(keyOption), sealed.responseKey); !k)
            return finish(fail(k.error(), 1));
        platform::JobRequestSpec request;
        request.serviceId = serviceId;
        request.clientRequestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        request.payloadSize = sealed.sealedSize;
        request.keyId = sealed.keyId;
        request.modality = parser.value(modalityOption);
        request.sliceCount = int(files.size());
        request.plaintextSize = sealed.plaintextSize;
        jobs.create(request, [&](Result<platform::JobStatus> job) {
            if (!job)
                return finish(fail(job.error(), 1));
            const QString jobId = job->jobId;
            upload = std::make_unique<platform::PayloadUpload>(api, jobId, sealed.path);
            QObject::connect(upload.get(), &platform::PayloadUpload::finished, [&, jobId] {
                if (!upload->result()) {
                    auditSend(jobId, upload->result().error());
                    return finish(fail(upload->result().error(), 1));
                }
                commit(jobId);
            });
            upload->start();
        });
    });
    return runUntilFinished();
}

} // namespace haip::cli
