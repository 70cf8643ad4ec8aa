#include "crypto/EnvelopeReader.h"

#include "crypto/Hpke.h"
#include "crypto/internal/ChunkReader.h"
#include "crypto/internal/EnvelopeFormat.h"
#include "crypto/internal/ResponseKeys.h"
#include "crypto/internal/StreamPump.h"

#include <algorithm>

namespace haip::crypto {

namespace format = internal::envelope;

struct EnvelopeReader::Private
{
    PrivateKey key;
    QByteArray info;
    EnvelopeReaderOptions options;
    QByteArray headerBytes; // until the header is complete
    std::optional<EnvelopeHeaderInfo> header;
    std::optional<internal::ChunkReader> chunks;
    ResponseKey responseKey;
    std::optional<Error> failure;
};

EnvelopeReader::EnvelopeReader(PrivateKey key, QByteArray info, EnvelopeReaderOptions options)
    : d(std::make_unique<Private>())
{
    d->key = std::move(key);
    d->info = std::move(info);
    d->options = options;
}

EnvelopeReader::EnvelopeReader(EnvelopeReader &&other) noexcept = default;
EnvelopeReader &EnvelopeReader::operator=(EnvelopeReader &&other) noexcept = default;
EnvelopeReader::~EnvelopeReader() = default;

Result<void> EnvelopeReader::readHeader(QByteArrayView &sealed)
{
    // Take bytes until the prefix is there, then until the header size it declares.
    const auto takeUpTo = [&](qsizetype size) {
        const qsizetype take = std::min(sealed.size(), size - d->headerBytes.size());
        if (take > 0) {
            d->headerBytes.append(sealed.first(take));
            sealed = sealed.sliced(take);
        }
        return d->headerBytes.size() >= size;
    };
    if (!takeUpTo(format::RequestPrefixSize))
        return {};
    Result<qsizetype> size = format::requestHeaderSize(QByteArrayView(d->headerBytes).first(format::RequestPrefixSize));
    if (!size)
        return size.error();
    if (!takeUpTo(*size))
        return {};

    const qsizetype prefixSize = *size - format::EncSize - format::ConfirmSize;
    const QByteArrayView prefix = QByteArrayView(d->headerBytes).first(prefixSize);
    Result<EnvelopeHeaderInfo> info = format::parseRequestPrefix(prefix, d->options.maxChunkSize);
    if (!info)
        return info.error();
    if (!info->keyId.isEmpty() && info->keyId != d->key.publicKey().keyId())
        return Error(ErrorCode::EnvelopeWrongKey,
                     QStringLiteral("sealed for key id %1, this key's id is %2")
                         .arg(QString::fromLatin1(info->keyId.toHex()),
                              QString::fromLatin1(d->key.publicKey().keyId().toHex())));
    const QByteArray enc = d->headerBytes.sliced(prefixSize, format::EncSize);
    Result<HpkeContext> context =
        Hpke(info->aead).setupRecipient(HpkeMode::Base, enc, d->key, prefix.toByteArray() + d->info);
    if (!context)
        return context.error();
    Result<SecureBuffer> confirm = context->exportSecret(format::ConfirmLabel, format::ConfirmSize);
    if (!confirm)
        return confirm.error();
    if (!constantTimeEquals(confirm->view(), QByteArrayView(d->headerBytes).last(format::ConfirmSize)))
        return Error(ErrorCode::EnvelopeWrongKey,
                     info->keyId.isEmpty()
                         ? QStringLiteral("key confirmation failed: another key, another info, or a damaged header")
                         : QStringLiteral("key confirmation failed: another info, or a damaged header"));
    Result<ResponseKey> responseKey = internal::responseKeyFrom(*context, enc);
    if (!responseKey)
        return responseKey.error();
    d->responseKey = std::move(*responseKey);
    d->header = *info;
    d->chunks.emplace(std::move(*context), info->chunkSize);
    return {};
}

Result<void> EnvelopeReader::update(QByteArrayView sealed, QByteArray &plaintext)
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

Result<void> EnvelopeReader::finish(QByteArray &plaintext)
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

Result<StreamTotals> EnvelopeReader::openStream(QIODevice &in, QIODevice &out)
{
    return internal::pumpStream(*this, in, out, internal::StreamBlockSize);
}

std::optional<EnvelopeHeaderInfo> EnvelopeReader::header() const
{
    return d->header;
}

Result<ResponseKey> EnvelopeReader::responseKey() const
{
    if (d->responseKey.isNull())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the envelope header has not been read"));
    return d->responseKey;
}

} // namespace haip::crypto
