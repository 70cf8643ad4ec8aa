// haip-cli deid: de-identify DICOM files (PS3.15 Annex E Basic Profile plus options).
//   haip-cli deid IN... --out DIR [--secret-file F] [--retain-patient-characteristics]
//                [--modified-dates] [--retain-device-identity] [--clean-descriptors] [--allow-burned-in]
// IN may be files, folders (recursively) or DICOMDIRs. Each result is written as
// DIR/<new SOP Instance UID>.dcm (never a name derived from the input, which may name the
// patient) and reported as one JSON line {in, out, actions, changed_attributes, pseudonym, new
// study/series/SOP UIDs}; original values are never printed. Without --secret-file the
// installation secret the OS keeps is used (crypto::OsKeyStore, created on first use), and each
// file's mapping back to the originals is added to the encrypted re-identification map
// (dicom::ReidentificationStore) so results can be re-linked; --secret-file (vendors' and
// conformance runs) leaves the map alone.
// Exit 0 when every file was de-identified, 1 when any was refused or failed, 2 on usage.
#include "AuditTrail.h"
#include "CliOutput.h"
#include "Commands.h"
#include "audit/Pseudonym.h"
#include "crypto/OsKeyStore.h"
#include "dicom/DeidOptions.h"
#include "dicom/Deidentifier.h"
#include "dicom/FileScanner.h"
#include "dicom/ReidentificationStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace haip::cli {

using namespace Qt::StringLiterals;

namespace {

// The installation's de-identification secret, kept by the OS (Secret Service / DPAPI).
Result<QByteArray> installationSecret()
{
    Result<crypto::SecureBuffer> key = crypto::OsKeyStore::loadOrCreate(u"deid-secret"_s, 32);
    if (!key)
        return key.error();
    return key->toByteArray();
}

// The OS account running the command: haip-cli deid works without a platform session.
QString localUser()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QString::fromLatin1(audit::AuditEvent::kSystemActor) : u"os:"_s + user;
}

QJsonObject reportObject(const QString &in, const QString &out, const dicom::DeidReport &report)
{
    QJsonObject actions;
    for (auto it = report.actionCounts.cbegin(); it != report.actionCounts.cend(); ++it)
        actions.insert(it.key(), it.value());
    return QJsonObject {
        {u"in"_s, in},
        {u"out"_s, out},
        {u"actions"_s, actions},
        {u"changed_attributes"_s, report.changedTags.size()},
        {u"method_codes"_s, QJsonArray::fromStringList(report.methodCodes)},
        {u"dates_shifted"_s, report.datesShifted},
        {u"pseudonym"_s, report.reidentification.pseudonym},
        {u"study_instance_uid"_s, report.newStudyInstanceUid},
        {u"series_instance_uid"_s, report.newSeriesInstanceUid},
        {u"sop_instance_uid"_s, report.newSopInstanceUid},
        {u"transfer_syntax_uid"_s, report.transferSyntaxUid},
    };
}

} // namespace

int runDeid(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption out(u"out"_s, u"output folder (created if missing)"_s, u"dir"_s);
    const QCommandLineOption secretFile(u"secret-file"_s, u"file holding the de-identification secret"_s, u"file"_s);
    const QCommandLineOption characteristics(u"retain-patient-characteristics"_s, u"keep age, sex, size, weight"_s);
    const QCommandLineOption modifiedDates(u"modified-dates"_s, u"keep dates shifted by a per-patient offset"_s);
    const QCommandLineOption device(u"retain-device-identity"_s, u"keep device serial numbers and names"_s);
    const QCommandLineOption descriptors(u"clean-descriptors"_s, u"keep descriptions without free text"_s);
    const QCommandLineOption burnedIn(u"allow-burned-in"_s, u"de-identify images that may show burned-in text"_s);
    const QCommandLineOption json(u"json"_s, u"JSON output (the only format)"_s);
    parser.addOptions({out, secretFile, characteristics, modifiedDates, device, descriptors, burnedIn, json});
    if (!parser.parse(QStringList {u"haip-cli deid"_s} + arguments))
        return output.usage(parser.errorText());
    if (parser.positionalArguments().isEmpty() || !parser.isSet(out))
        return output.usage(u"usage: haip-cli deid IN... --out DIR [--secret-file F] [options]"_s);

    dicom::DeidOptions options;
    options.retainPatientCharacteristics = parser.isSet(characteristics);
    options.modifiedDates = parser.isSet(modifiedDates);
    options.retainDeviceIdentity = parser.isSet(device);
    options.cleanDescriptors = parser.isSet(descriptors);
    options.allowBurnedInAnnotation = parser.isSet(burnedIn);

    Result<QByteArray> secret = QByteArray();
    if (parser.isSet(secretFile)) {
        QFile file(parser.value(secretFile));
        if (!file.open(QIODevice::ReadOnly))
            return output.usage(u"deid: cannot read the secret file '%1'"_s.arg(file.fileName()));
        secret = file.readAll();
        if (secret->size() < 16)
            return output.usage(u"deid: the secret file must hold at least 16 bytes"_s);
    } else {
        secret = installationSecret();
        if (!secret) {
            output.json(CliOutput::errorObject(secret.error()));
            return 1;
        }
    }
    const QDir outDir(parser.value(out));
    if (!QDir().mkpath(outDir.absolutePath()))
        return output.usage(u"deid: cannot create the output folder '%1'"_s.arg(outDir.path()));

    std::optional<dicom::ReidentificationStore> map;
    if (!parser.isSet(secretFile)) {
        Result<crypto::SecureBuffer> mapKey = dicom::ReidentificationStore::defaultKey();
        Result<dicom::ReidentificationStore> opened = mapKey
            ? dicom::ReidentificationStore::open(dicom::ReidentificationStore::defaultPath(), std::move(*mapKey))
            : Result<dicom::ReidentificationStore>(mapKey.error());
        if (!opened) {
            output.json(CliOutput::errorObject(opened.error()));
            return 1;
        }
        map.emplace(std::move(*opened));
    }
    const dicom::Deidentifier deidentifier(options, *secret);
    bool anyFailed = false;
    const dicom::ScanResult scan = dicom::FileScanner::scan(parser.positionalArguments());
    for (const Error &error : scan.errors) {
        output.json(CliOutput::errorObject(error));
        anyFailed = true;
    }
    for (const QString &path : scan.files) {
        QFile input(path);
        if (!input.open(QIODevice::ReadOnly)) {
            output.json(CliOutput::errorObject(Error(ErrorCode::FileUnreadable, input.errorString(), path)));
            anyFailed = true;
            continue;
        }
        QByteArray result;
        const Result<dicom::DeidReport> report = deidentifier.deidentify(input.readAll(), path, result);
        input.close();
        if (!report) {
            output.json(CliOutput::errorObject(report.error()));
            anyFailed = true;
            continue;
        }
        // The way back is kept before the de-identified copy exists: no copy without its mapping.
        if (map) {
            if (Result<void> recorded = map->record(report->reidentification); !recorded) {
                output.json(CliOutput::errorObject(recorded.error()));
                anyFailed = true;
                continue;
            }
        }
        const QString target = outDir.absoluteFilePath(report->newSopInstanceUid + u".dcm"_s);
        QFile file(target);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(result) != result.size() ||
            !file.flush()) {
            output.json(CliOutput::errorObject(Error(ErrorCode::WriteFailed, file.errorString(), target)));
            anyFailed = true;
            continue;
        }
        output.json(reportObject(path, target, *report));
        // The audit trail names the de-identified study only (its new UID), never the original.
        if (const std::optional<audit::Pseudonym> study = audit::Pseudonym::fromString(report->newStudyInstanceUid))
            recordAudit(audit::AuditEvent::deidentify(localUser(), *study, 1));
    }
    return anyFailed ? 1 : 0;
}

} // namespace haip::cli
