#include "crypto/ResponseReader.h"

#include "crypto/internal/ChunkReader.h"
#include "crypto/internal/EnvelopeFormat.h"
#include "crypto/internal/ResponseKeys.h"
#include "crypto/internal/StreamPump.h"

#include <algorithm>
#include <optional>

namespace haip::crypto {

namespace format = internal::envelope;

struct ResponseReader::Private
{
    ResponseKey key;
    EnvelopeReaderOptions options;
    QByteArray headerBytes;
    std::optional<internal::ChunkReader> chunks;
    std::optional<Error> failure;
};

ResponseReader::ResponseReader(ResponseKey key, EnvelopeReaderOptions options) : d(std::make_unique<Private>())
{
    d->key = std::move(key);
    d->options = options;
}

ResponseReader::ResponseReader(ResponseReader &&other) noexcept = default;
ResponseReader &ResponseReader::operator=(ResponseReader &&other) noexcept = default;
ResponseReader::~ResponseReader() = default;

Result<void> ResponseReader::readHeader(QByteArrayView &sealed)
{
    constexpr qsizetype size = format::ResponsePrefixSize + format::ResponseNonceSize;
    const qsizetype take = std::min(sealed.size(), size - d->headerBytes.size());
    d->headerBytes.append(sealed.first(take));
    sealed = sealed.sliced(take);
    if (d->headerBytes.size() < size)
        return {};
    const QByteArrayView prefix = QByteArrayView(d->headerBytes).first(format::ResponsePrefixSize);
    Result<EnvelopeHeaderInfo> info = format::parseResponsePrefix(prefix, d->options.maxChunkSize);
    if (!info)
        return info.error();
    if (info->aead != d->key.aead())
        return Error(ErrorCode::EnvelopeCorrupt,
                     QStringLiteral("the response names AEAD %1, the request used %2")
                         .arg(aeadName(info->aead), aeadName(d->key.aead())));
    Result<HpkeContext> context =
        internal::responseContext(d->key,
                                  prefix,
                                  QByteArrayView(d->headerBytes).sliced(format::ResponsePrefixSize),
                                  HpkeContext::Role::Recipient);
    if (!context)
        return context.error();
    d->chunks.emplace(std::move(*context), info->chunkSize);
    return {};
}

Result<void> ResponseReader::update(QByteArrayView sealed, QByteArray &plaintext)
{
    if (d->failure)
        return *d->failure;
    if (!d->chunks) {
        if (Result<void> ok = readHeader(sealed); !ok) {
            d->failure = ok.error();
            return ok;
        }
        if (!d->chunks)
            return {};
    }
    if (Result<void> ok = d->chunks->update(sealed, plaintext); !ok) {
        d->failure = ok.error();
        return ok;
    }
    return {};
}

Result<void> ResponseReader::finish(QByteArray &plaintext)
{
    if (d->failure)
        return *d->failure;
    if (!d->chunks) {
        d->failure = Error(ErrorCode::EnvelopeTruncated,
                           QStringLiteral("the stream ends inside the header (%1 bytes)").arg(d->headerBytes.size()));
        return *d->failure;
    }
    if (Result<void> ok = d->chunks->finish(plaintext); !ok) {
        d->failure = ok.error();
        return ok;
    }
    return {};
}

Result<StreamTotals> ResponseReader::openStream(QIODevice &in, QIODevice &out)
{
    return internal::pumpStream(*this, in, out, internal::StreamBlockSize);
}

} // namespace haip::crypto
