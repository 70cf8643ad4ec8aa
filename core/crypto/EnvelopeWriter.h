// Seals a payload of any size to a recipient's X25519 public key as a HAIP request envelope
// (docs/api/envelope.md): header, then HPKE-sealed chunks. Incremental — update() with pieces
// of any size, finish() once — or from one QIODevice to another; memory stays at one chunk.
// responseKey() is what the requester keeps to open the service's reply.
//
//     auto writer = EnvelopeWriter::create(serviceKey, "haip job 42");
//     writer->sealStream(file, socket);          // or update()… finish()
//     store(writer->responseKey().serialize());  // to read the result later
#pragma once

#include "common/Result.h"
#include "crypto/Envelope.h"
#include "crypto/PublicKey.h"
#include "crypto/ResponseKey.h"

#include <QByteArray>
#include <QIODevice>

#include <memory>

namespace haip::crypto {

class EnvelopeWriter
{
public:
    // Sets up HPKE (base mode) to the recipient; `info` is the application context both sides
    // must agree on (an envelope sealed with one info does not open with another).
    static Result<EnvelopeWriter>
    create(const PublicKey &recipient, QByteArrayView info, const EnvelopeOptions &options = {});

    EnvelopeWriter(EnvelopeWriter &&other) noexcept;
    EnvelopeWriter &operator=(EnvelopeWriter &&other) noexcept;
    ~EnvelopeWriter();

    // Appends the envelope bytes that `plaintext` completes (the header on the first call).
    Result<void> update(QByteArrayView plaintext, QByteArray &out);
    // Appends the final chunk. The writer is done afterwards.
    Result<void> finish(QByteArray &out);
    // Reads `in` to its end and writes the whole envelope to `out`.
    Result<StreamTotals> sealStream(QIODevice &in, QIODevice &out);

    const ResponseKey &responseKey() const;
    const QByteArray &header() const;
    quint32 chunkSize() const;

    // Envelope size for a payload of `plaintextSize` bytes (for Content-Length and progress).
    qint64 sealedSize(qint64 plaintextSize) const;

private:
    struct Private;
    explicit EnvelopeWriter(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace haip::crypto
