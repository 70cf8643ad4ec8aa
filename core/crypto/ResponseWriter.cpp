#include "crypto/ResponseWriter.h"

#include "crypto/internal/ChunkWriter.h"
#include "crypto/internal/EnvelopeFormat.h"
#include "crypto/internal/OpenSslErrors.h"
#include "crypto/internal/ResponseKeys.h"
#include "crypto/internal/StreamPump.h"

#include <openssl/rand.h>

#include <algorithm>

namespace haip::crypto {

namespace format = internal::envelope;

struct ResponseWriter::Private
{
    Private(internal::ChunkWriter writer, QByteArray header, quint32 chunkSize)
        : chunks(std::move(writer)), header(std::move(header)), chunkSize(chunkSize)
    { }
    internal::ChunkWriter chunks;
    QByteArray header;
    quint32 chunkSize;
    bool headerWritten = false;
};

ResponseWriter::ResponseWriter(std::unique_ptr<Private> d) : d(std::move(d)) { }
ResponseWriter::ResponseWriter(ResponseWriter &&other) noexcept = default;
ResponseWriter &ResponseWriter::operator=(ResponseWriter &&other) noexcept = default;
ResponseWriter::~ResponseWriter() = default;

Result<ResponseWriter> ResponseWriter::create(const ResponseKey &key, quint32 chunkSize)
{
    if (Result<void> ok = format::checkChunkSize(chunkSize, envelope::MaxChunkSize); !ok)
        return Error(ErrorCode::InvalidArgument, ok.error().detail());
    if (key.isNull())
        return Error(ErrorCode::KeyInvalid, QStringLiteral("no response key"));
    QByteArray nonce(format::ResponseNonceSize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(nonce.data()), int(nonce.size())) != 1)
        return internal::openSslError(QStringLiteral("RAND_bytes"));
    const QByteArray prefix = format::responsePrefix(key.aead(), chunkSize);
    Result<HpkeContext> context = internal::responseContext(key, prefix, nonce, HpkeContext::Role::Sender);
    if (!context)
        return context.error();
    return ResponseWriter(
        std::make_unique<Private>(internal::ChunkWriter(std::move(*context), chunkSize), prefix + nonce, chunkSize));
}

Result<void> ResponseWriter::update(QByteArrayView plaintext, QByteArray &out)
{
    if (!d->headerWritten && !d->chunks.finished()) {
        out.append(d->header);
        d->headerWritten = true;
    }
    return d->chunks.update(plaintext, out);
}

Result<void> ResponseWriter::finish(QByteArray &out)
{
    if (!d->headerWritten && !d->chunks.finished()) {
        out.append(d->header);
        d->headerWritten = true;
    }
    return d->chunks.finish(out);
}

Result<StreamTotals> ResponseWriter::sealStream(QIODevice &in, QIODevice &out)
{
    return internal::pumpStream(*this, in, out, std::max<qsizetype>(d->chunkSize, internal::StreamBlockSize));
}

} // namespace haip::crypto
