#include "platform/PayloadSealer.h"

#include "crypto/EnvelopeWriter.h"
#include "crypto/ResponseReader.h"
#include "platform/MultipartReader.h"
#include "platform/MultipartWriter.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace haip::platform {

namespace {
constexpr qint64 kBlock = qint64 {256} * 1024;
constexpr qint64 kMaxResultBytes = qint64(1) * 1024 * 1024 * 1024;
} // namespace

Result<SealedPayload>
PayloadSealer::sealFiles(const QStringList &dicomFiles, const CatalogService &service, const QString &outputPath)
{
    if (dicomFiles.isEmpty())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("nothing to send"));
    Result<crypto::EnvelopeWriter> writer = crypto::EnvelopeWriter::create(service.envelopeKey, service.envelopeInfo);
    if (!writer)
        return writer.error();
    QSaveFile out(outputPath);
    if (!out.open(QIODevice::WriteOnly))
        return Error(ErrorCode::WriteFailed, out.errorString(), outputPath);
    SealedPayload result;
    QByteArray sealed;
    const auto put = [&](QByteArrayView plain) -> Result<void> {
        result.plaintextSize += plain.size();
        sealed.clear();
        if (Result<void> r = writer->update(plain, sealed); !r)
            return r;
        if (out.write(sealed) != sealed.size())
            return Error(ErrorCode::WriteFailed, out.errorString(), outputPath);
        return {};
    };
    MultipartWriter multipart(multipart::DicomType);
    if (Result<void> r = put(multipart.entityHeader()); !r)
        return r.error();
    for (const QString &path : dicomFiles) {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return Error(ErrorCode::FileUnreadable, in.errorString(), path);
        MultipartPartHeaders headers;
        headers.contentType = multipart::DicomType;
        headers.contentLength = in.size();
        if (Result<void> r = put(multipart.beginPart(headers)); !r)
            return r.error();
        qint64 copied = 0;
        while (!in.atEnd()) {
            const QByteArray block = in.read(kBlock);
            if (block.isEmpty())
                return Error(ErrorCode::FileUnreadable, in.errorString(), path);
            copied += block.size();
            if (Result<void> r = put(block); !r)
                return r.error();
        }
        if (copied != headers.contentLength)
            return Error(ErrorCode::FileUnreadable, QStringLiteral("the file changed while it was read"), path);
    }
    if (Result<void> r = put(multipart.finish()); !r)
        return r.error();
    sealed.clear();
    if (Result<void> r = writer->finish(sealed); !r)
        return r.error();
    if (out.write(sealed) != sealed.size() || !out.commit())
        return Error(ErrorCode::WriteFailed, out.errorString(), outputPath);
    result.path = outputPath;
    result.sealedSize = QFileInfo(outputPath).size();
    result.responseKey = writer->responseKey();
    result.keyId = service.keyId;
    return result;
}

Result<MultipartMessage> ResultOpener::openResult(const QString &sealedPath, const crypto::ResponseKey &key)
{
    QFile in(sealedPath);
    if (!in.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, in.errorString(), sealedPath);
    if (in.size() > kMaxResultBytes)
        return Error(ErrorCode::FileTooLarge, {}, sealedPath);
    QBuffer plain;
    plain.open(QIODevice::WriteOnly);
    crypto::ResponseReader reader(key);
    Result<crypto::StreamTotals> opened = reader.openStream(in, plain);
    if (!opened)
        return opened.error().withSubject(sealedPath);
    MultipartLimits limits;
    limits.maxParts = 64;
    return MultipartReader::parseEntity(plain.data(), limits);
}

} // namespace haip::platform
