// Opens a service's reply with the ResponseKey the requester kept when it sealed the request
// (EnvelopeWriter::responseKey()). Same incremental/device interface and the same guarantees
// as EnvelopeReader; a response opened with any other key fails with EnvelopeCorrupt at its
// first chunk.
#pragma once

#include "common/Result.h"
#include "crypto/Envelope.h"
#include "crypto/ResponseKey.h"

#include <QByteArray>
#include <QIODevice>

#include <memory>

namespace haip::crypto {

class ResponseReader
{
public:
    explicit ResponseReader(ResponseKey key, EnvelopeReaderOptions options = {});
    ResponseReader(ResponseReader &&other) noexcept;
    ResponseReader &operator=(ResponseReader &&other) noexcept;
    ~ResponseReader();

    Result<void> update(QByteArrayView sealed, QByteArray &plaintext);
    Result<void> finish(QByteArray &plaintext);
    Result<StreamTotals> openStream(QIODevice &in, QIODevice &out);

private:
    Result<void> readHeader(QByteArrayView &sealed);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace haip::crypto
