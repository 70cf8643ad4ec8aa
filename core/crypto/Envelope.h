// The HAIP envelope (docs/api/envelope.md): a payload of any size sealed to an AI service's
// X25519 key with HPKE in fixed-size chunks, and the reply sealed back to the requester with
// keys exported from the request's HPKE context. This header holds the format's limits and the
// options shared by EnvelopeWriter, EnvelopeReader, ResponseWriter and ResponseReader.
#pragma once

#include "crypto/HpkeSuite.h"

#include <QByteArray>
#include <QtGlobal>

namespace haip::crypto {

namespace envelope {
// Plaintext bytes per chunk. 64 KiB keeps the per-chunk cost (nonce setup, tag, 16 bytes on
// the wire = 0.02 %) negligible while the memory of a stream stays a few hundred KiB.
constexpr quint32 DefaultChunkSize = 64 * 1024;
constexpr quint32 MinChunkSize = 1024;
constexpr quint32 MaxChunkSize = 16 * 1024 * 1024;
constexpr int TagSize = 16;
} // namespace envelope

struct EnvelopeOptions
{
    // AES-256-GCM by default: it is on the CRYPTREC list the MHLW guideline points to.
    AeadId aead = AeadId::Aes256Gcm;
    quint32 chunkSize = envelope::DefaultChunkSize;
    // Name the recipient key in the header (8 bytes of SHA-256 of the public key) so that a
    // service holding several keys, or a wrong key, can tell before decrypting.
    bool includeKeyId = true;
};

struct EnvelopeReaderOptions
{
    // Refuse envelopes whose chunks are larger: a reader buffers one chunk.
    quint32 maxChunkSize = envelope::MaxChunkSize;
};

// What an envelope header declares, once read.
struct EnvelopeHeaderInfo
{
    AeadId aead = AeadId::Aes256Gcm;
    quint32 chunkSize = 0;
    QByteArray keyId; // empty when the header names no key
    qsizetype headerSize = 0;
};

// Bytes consumed and produced by a stream helper.
struct StreamTotals
{
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
};

} // namespace haip::crypto
