#include "workflow/JobStore.h"

#include "crypto/OsKeyStore.h"
#include "crypto/SealedFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace haip::workflow {

using namespace Qt::StringLiterals;

namespace {

constexpr QByteArrayView kPurpose = "analysis-job";

// Job ids are UUIDs we made: anything else in a file name is not ours to read or delete.
bool isJobId(const QString &id)
{
    return !QUuid::fromString(id).isNull() && id == QUuid::fromString(id).toString(QUuid::WithoutBraces);
}

Result<void> makePrivateFolder(const QString &path)
{
    if (!QDir().mkpath(path))
        return Error(ErrorCode::WriteFailed, u"cannot create the folder"_s, path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return {};
}

} // namespace

QString JobStore::defaultFolder()
{
    // AppDataLocation ends in the running program's name; the jobs are the workstation's.
    const QDir organization = QFileInfo(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).dir();
    return organization.filePath(u"haip-workstation/jobs"_s);
}

Result<crypto::SecureBuffer> JobStore::defaultKey()
{
    return crypto::OsKeyStore::loadOrCreate(u"analysis-jobs-key"_s, 32);
}

JobStore::JobStore(QString folder, crypto::SecureBuffer key) : m_folder(std::move(folder)), m_key(std::move(key)) { }

QString JobStore::recordPath(const QString &id) const
{
    return QDir(m_folder).filePath(id + u".job"_s);
}

LoadedJobs JobStore::loadAll() const
{
    LoadedJobs loaded;
    const QDir dir(m_folder);
    for (const QFileInfo &file : dir.entryInfoList({u"*.job"_s}, QDir::Files)) {
        if (!isJobId(file.completeBaseName()))
            continue;
        Result<crypto::SecureBuffer> plain = crypto::readSealedFile(file.filePath(), m_key, kPurpose.toByteArray());
        if (!plain) {
            loaded.unreadable.append(plain.error().withSubject(file.filePath()));
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(plain->toByteArray(), &parseError);
        Result<AnalysisJob> job = document.isObject()
            ? AnalysisJob::fromJson(document.object())
            : Result<AnalysisJob>(Error(ErrorCode::InvalidArgument, parseError.errorString()));
        if (!job || job->id != file.completeBaseName()) {
            loaded.unreadable.append((job ? Error(ErrorCode::InvalidArgument, u"record of another job"_s) : job.error())
                                         .withSubject(file.filePath()));
            continue;
        }
        loaded.jobs.append(std::move(*job));
    }
    std::sort(loaded.jobs.begin(), loaded.jobs.end(), [](const AnalysisJob &a, const AnalysisJob &b) {
        return a.createdAt < b.createdAt;
    });
    return loaded;
}

Result<void> JobStore::save(const AnalysisJob &job) const
{
    if (!isJobId(job.id))
        return Error(ErrorCode::InvalidArgument, u"not a job id"_s, job.id);
    if (Result<void> folder = makePrivateFolder(m_folder); !folder)
        return folder;
    QByteArray json = QJsonDocument(job.toJson()).toJson(QJsonDocument::Compact);
    Result<void> written = crypto::writeSealedFile(recordPath(job.id), m_key, kPurpose.toByteArray(), json);
    json.fill('\0'); // it held the response key
    return written;
}

Result<void> JobStore::remove(const QString &id) const
{
    if (!isJobId(id))
        return Error(ErrorCode::InvalidArgument, u"not a job id"_s, id);
    QDir work(QDir(m_folder).filePath(id));
    if (work.exists() && !work.removeRecursively())
        return Error(ErrorCode::WriteFailed, u"cannot remove the job's files"_s, work.path());
    QFile record(recordPath(id));
    if (record.exists() && !record.remove())
        return Error(ErrorCode::WriteFailed, record.errorString(), record.fileName());
    return {};
}

Result<QString> JobStore::workFolder(const QString &id) const
{
    if (!isJobId(id))
        return Error(ErrorCode::InvalidArgument, u"not a job id"_s, id);
    const QString path = QDir(m_folder).filePath(id);
    if (Result<void> made = makePrivateFolder(path); !made)
        return made.error();
    return path;
}

} // namespace haip::workflow
