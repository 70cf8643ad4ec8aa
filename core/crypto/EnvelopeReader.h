// Opens a HAIP request envelope with the recipient's private key and the agreed info: reads
// and checks the header (format, algorithms, key id, key confirmation), then opens the chunks
// as they arrive. Incremental (update/finish with pieces of any size) or device to device.
// Each chunk's plaintext is handed out once its tag verifies; truncation is detected only at
// finish(), so plaintext streamed on before finish() succeeds must be discarded on failure.
// After the header, responseKey() gives the service what it needs to seal its reply.
#pragma once

#include "common/Result.h"
#include "crypto/Envelope.h"
#include "crypto/PrivateKey.h"
#include "crypto/ResponseKey.h"

#include <QByteArray>
#include <QIODevice>

#include <memory>
#include <optional>

namespace haip::crypto {

class EnvelopeReader
{
public:
    EnvelopeReader(PrivateKey key, QByteArray info, EnvelopeReaderOptions options = {});
    EnvelopeReader(EnvelopeReader &&other) noexcept;
    EnvelopeReader &operator=(EnvelopeReader &&other) noexcept;
    ~EnvelopeReader();

    // Errors: EnvelopeUnsupported (not an envelope, other version or algorithms),
    // EnvelopeWrongKey (other key, other info), EnvelopeCorrupt, EnvelopeTruncated. After an
    // error every later call returns it again.
    Result<void> update(QByteArrayView sealed, QByteArray &plaintext);
    Result<void> finish(QByteArray &plaintext);
    Result<StreamTotals> openStream(QIODevice &in, QIODevice &out);

    // Once the header has been read.
    std::optional<EnvelopeHeaderInfo> header() const;
    Result<ResponseKey> responseKey() const;

private:
    Result<void> readHeader(QByteArrayView &sealed);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace haip::crypto
