// Seals a service's reply to the workstation that sent the request (docs/api/envelope.md,
// "Response envelope"): a fresh random response nonce, keys derived from the request's
// ResponseKey, then chunks exactly like the request's. Only the holder of the requester's
// ResponseKey can open it.
#pragma once

#include "common/Result.h"
#include "crypto/Envelope.h"
#include "crypto/ResponseKey.h"

#include <QByteArray>
#include <QIODevice>

#include <memory>

namespace haip::crypto {

class ResponseWriter
{
public:
    // `key` comes from EnvelopeReader::responseKey() of the opened request.
    static Result<ResponseWriter> create(const ResponseKey &key, quint32 chunkSize = envelope::DefaultChunkSize);

    ResponseWriter(ResponseWriter &&other) noexcept;
    ResponseWriter &operator=(ResponseWriter &&other) noexcept;
    ~ResponseWriter();

    Result<void> update(QByteArrayView plaintext, QByteArray &out);
    Result<void> finish(QByteArray &out);
    Result<StreamTotals> sealStream(QIODevice &in, QIODevice &out);

private:
    struct Private;
    explicit ResponseWriter(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace haip::crypto
