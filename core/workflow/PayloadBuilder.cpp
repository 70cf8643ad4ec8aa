#include "workflow/PayloadBuilder.h"

#include "dicom/LosslessTranscoder.h"
#include "dicom/ReidentificationStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace haip::workflow {

using namespace Qt::StringLiterals;

namespace {

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error(ErrorCode::FileNotFound, {}, path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    return file.readAll();
}

Result<void> writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.flush())
        return Error(ErrorCode::WriteFailed, file.errorString(), path);
    return {};
}

Result<QString> sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    return QString::fromLatin1(hash.result().toHex());
}

// Removes the plaintext copies however build() ends.
class PlainFolder
{
public:
    explicit PlainFolder(const QString &path) : m_dir(path) { }
    ~PlainFolder() { m_dir.removeRecursively(); }
    PlainFolder(const PlainFolder &) = delete;
    PlainFolder &operator=(const PlainFolder &) = delete;

    Result<void> create()
    {
        m_dir.removeRecursively(); // left from a run that was killed
        if (!QDir().mkpath(m_dir.path()))
            return Error(ErrorCode::WriteFailed, u"cannot create the folder"_s, m_dir.path());
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        return {};
    }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QDir m_dir;
};

} // namespace

Result<BuiltPayload> PayloadBuilder::build(const PayloadRequest &request,
                                           dicom::ReidentificationStore *map,
                                           const std::atomic<bool> *cancel,
                                           const Progress &progress)
{
    if (request.inputFiles.isEmpty())
        return Error(ErrorCode::InvalidArgument, u"no images to send"_s);
    const QString syntax = dicom::LosslessTranscoder::choose(request.service.transferSyntaxes);
    if (syntax.isEmpty())
        return Error(ErrorCode::UnsupportedTransferSyntax,
                     u"the service takes no lossless transfer syntax this workstation writes"_s,
                     request.service.id);
    PlainFolder plain(QDir(request.workFolder).filePath(u"deidentified"_s));
    if (Result<void> made = plain.create(); !made)
        return made.error();

    const dicom::Deidentifier deidentifier(request.options, request.deidSecret);
    BuiltPayload built;
    built.transferSyntaxUid = syntax;
    QStringList parts;
    const int total = int(request.inputFiles.size());
    // Sealing is the last of three passes; it counts as one step per image too.
    const auto report = [&](int done) {
        if (progress)
            progress(done, total * 2);
    };
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load())
            return Error(ErrorCode::Cancelled);
        const QString &path = request.inputFiles[i];
        Result<QByteArray> original = readAll(path);
        if (!original)
            return original.error();
        QByteArray deidentified;
        Result<dicom::DeidReport> deid = deidentifier.deidentify(*original, path, deidentified);
        if (!deid)
            return deid.error();
        if (built.pseudonymousStudyUid.isEmpty())
            built.pseudonymousStudyUid = deid->newStudyInstanceUid;
        else if (built.pseudonymousStudyUid != deid->newStudyInstanceUid)
            return Error(ErrorCode::InvalidArgument, u"the images belong to more than one study"_s, path);
        // The way back is kept before the copy exists: no copy without its mapping.
        if (map) {
            if (Result<void> recorded = map->record(deid->reidentification); !recorded)
                return recorded.error();
        }
        Result<QByteArray> packed = dicom::LosslessTranscoder::transcode(
            deidentified, syntax, request.service.transferSyntaxes, deid->newSopInstanceUid);
        if (!packed)
            return packed.error();
        // Named by the new SOP Instance UID: never by the input's name, which may name the patient.
        const QString part = plain.filePath(u"%1.dcm"_s.arg(i, 6, 10, QLatin1Char('0')));
        if (Result<void> written = writeAll(part, *packed); !written)
            return written.error();
        parts.append(part);
        report(i + 1);
    }
    if (cancel && cancel->load())
        return Error(ErrorCode::Cancelled);

    const QString payloadPath = QDir(request.workFolder).filePath(u"payload.sealed"_s);
    Result<platform::SealedPayload> sealed = platform::PayloadSealer::sealFiles(parts, request.service, payloadPath);
    if (!sealed)
        return sealed.error();
    report(total * 2);
    Result<QString> sha = sha256OfFile(payloadPath);
    if (!sha)
        return sha.error();
    built.sealed = std::move(*sealed);
    built.payloadSha256 = *sha;
    built.images = total;
    return built;
}

Result<PayloadPreview> PayloadBuilder::preview(const PayloadRequest &request)
{
    if (request.inputFiles.isEmpty())
        return Error(ErrorCode::InvalidArgument, u"no images to send"_s);
    PayloadPreview preview;
    preview.images = int(request.inputFiles.size());
    for (const QString &path : request.inputFiles)
        preview.originalBytes += QFileInfo(path).size();
    preview.transferSyntaxUid = dicom::LosslessTranscoder::choose(request.service.transferSyntaxes);
    Result<QByteArray> first = readAll(request.inputFiles.front());
    if (!first)
        return first.error();
    QByteArray ignored;
    Result<dicom::DeidReport> report = dicom::Deidentifier(request.options, request.deidSecret)
                                           .deidentify(*first, request.inputFiles.front(), ignored);
    if (!report)
        return report.error();
    preview.firstImage = std::move(*report);
    return preview;
}

} // namespace haip::workflow
