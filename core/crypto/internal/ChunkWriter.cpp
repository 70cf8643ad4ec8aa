#include "crypto/internal/ChunkWriter.h"

#include "crypto/Envelope.h"

#include <algorithm>

namespace haip::crypto::internal {

ChunkWriter::ChunkWriter(HpkeContext context, quint32 chunkSize) : m_context(std::move(context)), m_chunkSize(chunkSize)
{
    m_pending.reserve(chunkSize);
}

Result<void> ChunkWriter::sealChunk(QByteArrayView plaintext, bool final, QByteArray &out)
{
    const unsigned char aad[9] = {
        static_cast<unsigned char>(m_index >> 56),
        static_cast<unsigned char>(m_index >> 48),
        static_cast<unsigned char>(m_index >> 40),
        static_cast<unsigned char>(m_index >> 32),
        static_cast<unsigned char>(m_index >> 24),
        static_cast<unsigned char>(m_index >> 16),
        static_cast<unsigned char>(m_index >> 8),
        static_cast<unsigned char>(m_index),
        static_cast<unsigned char>(final ? 1 : 0),
    };
    // The context's sequence number is the chunk index: both start at 0 and advance together.
    if (Result<void> ok = m_context.seal(QByteArrayView(aad, sizeof aad), plaintext, out); !ok)
        return ok;
    ++m_index;
    return {};
}

Result<void> ChunkWriter::update(QByteArrayView plaintext, QByteArray &out)
{
    if (m_finished)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the envelope is already finished"));
    if (plaintext.isEmpty())
        return {};
    // Complete the pending chunk first; it is non-final only if more input remains after it.
    if (!m_pending.isEmpty()) {
        const qsizetype take = std::min(plaintext.size(), qsizetype(m_chunkSize) - m_pending.size());
        m_pending.append(plaintext.first(take));
        plaintext = plaintext.sliced(take);
        if (plaintext.isEmpty())
            return {};
        if (Result<void> ok = sealChunk(m_pending, false, out); !ok)
            return ok;
        m_pending.truncate(0);
    }
    // Whole chunks straight from the caller's buffer while more input follows them.
    out.reserve(out.size() + plaintext.size() + (plaintext.size() / m_chunkSize + 1) * crypto::envelope::TagSize);
    while (plaintext.size() > qsizetype(m_chunkSize)) {
        if (Result<void> ok = sealChunk(plaintext.first(m_chunkSize), false, out); !ok)
            return ok;
        plaintext = plaintext.sliced(m_chunkSize);
    }
    m_pending.append(plaintext);
    return {};
}

Result<void> ChunkWriter::finish(QByteArray &out)
{
    if (m_finished)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the envelope is already finished"));
    // Empty only when the whole payload is empty: update() never seals a chunk without keeping
    // at least one byte back.
    if (Result<void> ok = sealChunk(m_pending, true, out); !ok)
        return ok;
    m_pending.fill('\0');
    m_pending.truncate(0);
    m_finished = true;
    return {};
}

} // namespace haip::crypto::internal
