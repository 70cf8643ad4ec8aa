// The chunk layer of the envelope, opening side: takes sealed bytes in pieces of any size,
// opens chunk i with sequence number i and the AAD (i, final) and hands out each chunk's
// plaintext as soon as its tag verifies. A chunk is tried as the final one only at finish(),
// when no byte follows it, so reordered, dropped, truncated or appended chunks all fail:
// a missing final chunk is EnvelopeTruncated, anything else EnvelopeCorrupt.
//
// Plaintext handed out before finish() succeeds is authentic but possibly incomplete: a caller
// that streams it on must discard it when finish() (or a later update()) fails.
#pragma once

#include "common/Result.h"
#include "crypto/HpkeContext.h"

#include <QByteArray>

#include <optional>

namespace haip::crypto::internal {

class ChunkReader
{
public:
    ChunkReader(HpkeContext context, quint32 chunkSize);

    Result<void> update(QByteArrayView sealed, QByteArray &out);
    Result<void> finish(QByteArray &out);

    bool finished() const { return m_finished; }
    quint64 chunks() const { return m_index; }

private:
    Result<void> openChunk(QByteArrayView sealed, bool final, QByteArray &out);
    Result<void> fail(Error error);

    HpkeContext m_context;
    qsizetype m_wireSize; // chunk size + tag
    QByteArray m_pending; // at most one sealed chunk whose finality is not yet known
    quint64 m_index = 0;
    bool m_finished = false;
    std::optional<Error> m_failure;
};

} // namespace haip::crypto::internal
