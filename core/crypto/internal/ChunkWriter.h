// The chunk layer of the envelope, sealing side: cuts a plaintext stream into chunks of a fixed
// size and seals chunk i with the context's sequence number i and the AAD (i, final). A chunk
// is sealed as non-final only once more plaintext is known to follow, so the final chunk is
// always the last one written, holds 1..chunkSize bytes (0 only for an empty payload), and
// memory stays at one chunk whatever the payload's size.
#pragma once

#include "common/Result.h"
#include "crypto/HpkeContext.h"

#include <QByteArray>

namespace haip::crypto::internal {

class ChunkWriter
{
public:
    ChunkWriter(HpkeContext context, quint32 chunkSize);

    // Appends the sealed bytes of every chunk completed by `plaintext` to out.
    Result<void> update(QByteArrayView plaintext, QByteArray &out);
    // Seals the final chunk. Afterwards update() and finish() fail.
    Result<void> finish(QByteArray &out);

    bool finished() const { return m_finished; }
    quint64 chunks() const { return m_index; }

private:
    Result<void> sealChunk(QByteArrayView plaintext, bool final, QByteArray &out);

    HpkeContext m_context;
    quint32 m_chunkSize;
    QByteArray m_pending; // at most one chunk of plaintext not yet known to be non-final
    quint64 m_index = 0;
    bool m_finished = false;
};

} // namespace haip::crypto::internal
