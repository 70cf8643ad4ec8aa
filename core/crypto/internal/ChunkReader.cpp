#include "crypto/internal/ChunkReader.h"

#include "crypto/Envelope.h"
#include "crypto/internal/EnvelopeFormat.h"

#include <algorithm>

namespace haip::crypto::internal {

ChunkReader::ChunkReader(HpkeContext context, quint32 chunkSize)
    : m_context(std::move(context)), m_wireSize(qsizetype(chunkSize) + crypto::envelope::TagSize)
{
    m_pending.reserve(m_wireSize);
}

Result<void> ChunkReader::fail(Error error)
{
    m_failure = error;
    m_pending.truncate(0);
    return error;
}

Result<void> ChunkReader::openChunk(QByteArrayView sealed, bool final, QByteArray &out)
{
    const qsizetype before = out.size();
    const Result<void> opened = m_context.open(envelope::chunkAad(m_index, final), sealed, out);
    if (opened) {
        if (final && out.size() == before && m_index > 0)
            return fail(Error(ErrorCode::EnvelopeCorrupt, QStringLiteral("empty final chunk %1").arg(m_index)));
        ++m_index;
        return {};
    }
    if (opened.error().code() != ErrorCode::EnvelopeCorrupt)
        return fail(opened.error());
    // Authentication failed. Trying the other finality tells a stream cut after a complete chunk
    // (or extended after its final one) from a damaged one; nothing of that try is handed out.
    QByteArray scratch;
    const bool otherOpens = bool(m_context.open(envelope::chunkAad(m_index, !final), sealed, scratch));
    scratch.fill('\0');
    if (otherOpens && final)
        return fail(Error(ErrorCode::EnvelopeTruncated,
                          QStringLiteral("the stream ends after chunk %1 without its final chunk").arg(m_index)));
    if (otherOpens)
        return fail(Error(ErrorCode::EnvelopeCorrupt, QStringLiteral("data follows the final chunk %1").arg(m_index)));
    return fail(Error(ErrorCode::EnvelopeCorrupt, QStringLiteral("chunk %1 failed authentication").arg(m_index)));
}

Result<void> ChunkReader::update(QByteArrayView sealed, QByteArray &out)
{
    if (m_failure)
        return *m_failure;
    if (m_finished)
        return Error(ErrorCode::EnvelopeCorrupt, QStringLiteral("data after the end of the envelope"));
    if (sealed.isEmpty())
        return {};
    // A chunk is known to be non-final once at least one byte follows it.
    if (!m_pending.isEmpty()) {
        const qsizetype take = std::min(sealed.size(), m_wireSize - m_pending.size());
        m_pending.append(sealed.first(take));
        sealed = sealed.sliced(take);
        if (sealed.isEmpty())
            return {};
        if (Result<void> ok = openChunk(m_pending, false, out); !ok)
            return ok;
        m_pending.truncate(0);
    }
    out.reserve(out.size() + sealed.size());
    while (sealed.size() > m_wireSize) {
        if (Result<void> ok = openChunk(sealed.first(m_wireSize), false, out); !ok)
            return ok;
        sealed = sealed.sliced(m_wireSize);
    }
    m_pending.append(sealed);
    return {};
}

Result<void> ChunkReader::finish(QByteArray &out)
{
    if (m_failure)
        return *m_failure;
    if (m_finished)
        return {};
    if (m_pending.isEmpty())
        return fail(Error(ErrorCode::EnvelopeTruncated, QStringLiteral("the stream ends before its first chunk")));
    if (m_pending.size() < crypto::envelope::TagSize)
        return fail(Error(ErrorCode::EnvelopeTruncated,
                          QStringLiteral("the last chunk has %1 bytes, less than its tag").arg(m_pending.size())));
    if (Result<void> ok = openChunk(m_pending, true, out); !ok)
        return ok;
    m_pending.truncate(0);
    m_finished = true;
    return {};
}

} // namespace haip::crypto::internal
