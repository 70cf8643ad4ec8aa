#include "crypto/EnvelopeWriter.h"

#include "crypto/Hpke.h"
#include "crypto/internal/ChunkWriter.h"
#include "crypto/internal/EnvelopeFormat.h"
#include "crypto/internal/ResponseKeys.h"
#include "crypto/internal/StreamPump.h"

#include <algorithm>

namespace haip::crypto {

namespace format = internal::envelope;

struct EnvelopeWriter::Private
{
    Private(internal::ChunkWriter writer, QByteArray header, ResponseKey responseKey, quint32 chunkSize)
        : chunks(std::move(writer))
        , header(std::move(header))
        , responseKey(std::move(responseKey))
        , chunkSize(chunkSize)
    { }
    internal::ChunkWriter chunks;
    QByteArray header;
    ResponseKey responseKey;
    quint32 chunkSize;
    bool headerWritten = false;
};

EnvelopeWriter::EnvelopeWriter(std::unique_ptr<Private> d) : d(std::move(d)) { }
EnvelopeWriter::EnvelopeWriter(EnvelopeWriter &&other) noexcept = default;
EnvelopeWriter &EnvelopeWriter::operator=(EnvelopeWriter &&other) noexcept = default;
EnvelopeWriter::~EnvelopeWriter() = default;

Result<EnvelopeWriter>
EnvelopeWriter::create(const PublicKey &recipient, QByteArrayView info, const EnvelopeOptions &options)
{
    if (Result<void> ok = format::checkAead(quint16(options.aead)); !ok)
        return ok.error();
    if (Result<void> ok = format::checkChunkSize(options.chunkSize, envelope::MaxChunkSize); !ok)
        return Error(ErrorCode::InvalidArgument, ok.error().detail());
    if (recipient.isNull())
        return Error(ErrorCode::KeyInvalid, QStringLiteral("no recipient public key"));

    // The header's fixed part is bound into the HPKE info, so none of its fields can be
    // changed without the key confirmation (and every chunk) failing.
    const QByteArray prefix =
        format::requestPrefix(options.aead, options.chunkSize, options.includeKeyId ? recipient.keyId() : QByteArray());
    Result<Hpke::Sender> setup = Hpke(options.aead).setupSender(HpkeMode::Base, recipient, prefix + info.toByteArray());
    if (!setup)
        return setup.error();
    Result<SecureBuffer> confirm = setup->context.exportSecret(format::ConfirmLabel, format::ConfirmSize);
    if (!confirm)
        return confirm.error();
    Result<ResponseKey> responseKey = internal::responseKeyFrom(setup->context, setup->enc);
    if (!responseKey)
        return responseKey.error();
    QByteArray header = prefix + setup->enc + confirm->toByteArray();
    return EnvelopeWriter(std::make_unique<Private>(internal::ChunkWriter(std::move(setup->context), options.chunkSize),
                                                    std::move(header),
                                                    std::move(*responseKey),
                                                    options.chunkSize));
}

Result<void> EnvelopeWriter::update(QByteArrayView plaintext, QByteArray &out)
{
    if (!d->headerWritten && !d->chunks.finished()) {
        out.append(d->header);
        d->headerWritten = true;
    }
    return d->chunks.update(plaintext, out);
}

Result<void> EnvelopeWriter::finish(QByteArray &out)
{
    if (!d->headerWritten && !d->chunks.finished()) {
        out.append(d->header);
        d->headerWritten = true;
    }
    return d->chunks.finish(out);
}

Result<StreamTotals> EnvelopeWriter::sealStream(QIODevice &in, QIODevice &out)
{
    return internal::pumpStream(*this, in, out, std::max<qsizetype>(d->chunkSize, internal::StreamBlockSize));
}

const ResponseKey &EnvelopeWriter::responseKey() const
{
    return d->responseKey;
}

const QByteArray &EnvelopeWriter::header() const
{
    return d->header;
}

quint32 EnvelopeWriter::chunkSize() const
{
    return d->chunkSize;
}

qint64 EnvelopeWriter::sealedSize(qint64 plaintextSize) const
{
    const qint64 chunks = plaintextSize == 0 ? 1 : (plaintextSize + d->chunkSize - 1) / d->chunkSize;
    return d->header.size() + plaintextSize + chunks * envelope::TagSize;
}

} // namespace haip::crypto
