// The byte layout of the HAIP envelope, version 1 (docs/api/envelope.md is the normative
// text): header fields, labels and the chunk AAD, shared by the writers and readers.
#pragma once

#include "common/Result.h"
#include "crypto/Envelope.h"

#include <QByteArray>

namespace haip::crypto::internal::envelope {

constexpr QByteArrayView Magic("HAIP");
constexpr quint8 TypeRequest = 0x01;
constexpr quint8 TypeResponse = 0x02;
constexpr quint8 Version = 0x01;
constexpr quint8 FlagKeyId = 0x01;

// Request header: magic(4) type(1) version(1) kem(2) kdf(2) aead(2) mode(1) flags(1)
// chunk_size(4) [key_id(8)] — the "prefix", bound into the HPKE info — then enc(32), confirm(16).
constexpr qsizetype RequestPrefixSize = 18;
constexpr qsizetype KeyIdSize = 8;
constexpr qsizetype EncSize = 32;
constexpr qsizetype ConfirmSize = 16;
constexpr QByteArrayView ConfirmLabel("HAIP envelope v1 confirm");

// Response header: magic(4) type(1) version(1) aead(2) chunk_size(4) — the prefix, bound into
// the key derivation — then response_nonce(32).
constexpr qsizetype ResponsePrefixSize = 12;
constexpr qsizetype ResponseNonceSize = 32;
constexpr qsizetype ResponseSecretSize = 32;
constexpr QByteArrayView ResponseLabel("HAIP envelope v1 response");

// AAD of chunk `index`: I2OSP(index, 8) || final (0x01 for the last chunk, else 0x00).
QByteArray chunkAad(quint64 index, bool final);

QByteArray requestPrefix(AeadId aead, quint32 chunkSize, const QByteArray &keyId);
QByteArray responsePrefix(AeadId aead, quint32 chunkSize);

quint16 readU16(const char *p);
quint32 readU32(const char *p);

// The size of the request header whose first RequestPrefixSize bytes are `prefix`, or an
// error when those bytes are not a version-1 request header this library can read.
Result<qsizetype> requestHeaderSize(QByteArrayView prefix);
// Parses a complete request prefix (after requestHeaderSize accepted it).
Result<EnvelopeHeaderInfo> parseRequestPrefix(QByteArrayView prefix, quint32 maxChunkSize);
Result<EnvelopeHeaderInfo> parseResponsePrefix(QByteArrayView prefix, quint32 maxChunkSize);

Result<void> checkChunkSize(quint32 chunkSize, quint32 maxChunkSize);
Result<void> checkAead(quint16 aead);

} // namespace haip::crypto::internal::envelope
