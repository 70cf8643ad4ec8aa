// SealedFile: a small file encrypted at rest under a key the caller holds (from OsKeyStore) —
// AES-256-GCM with a fresh random nonce on every write, the file's purpose bound in as
// associated data so a file written for one purpose does not open as another. Written through
// QSaveFile, so a crash leaves the old file or the new one, never half of one.
//   bytes: "HAIPSF1\n" | nonce (12) | ciphertext | tag (16)
#pragma once

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>
#include <QString>

namespace haip::crypto {

// key: 32 bytes. purpose: a fixed label such as "reidentification-map".
Result<void>
writeSealedFile(const QString &path, const SecureBuffer &key, const QByteArray &purpose, const QByteArray &plaintext);
// EnvelopeCorrupt for a file that was changed, written for another purpose or under another key
// (AES-GCM cannot tell those apart); FileNotFound when there is no file.
Result<SecureBuffer> readSealedFile(const QString &path, const SecureBuffer &key, const QByteArray &purpose);

} // namespace haip::crypto
