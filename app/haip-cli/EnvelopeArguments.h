// Shared by haip-cli keygen, seal, open and respond: reading X25519 keys and response keys from
// the command line, the standard streams as binary devices, and errors as JSON lines on stderr
// (stdout carries the envelope or the plaintext, so nothing else may be written there).
#pragma once

#include "common/Result.h"
#include "crypto/PrivateKey.h"
#include "crypto/PublicKey.h"
#include "crypto/ResponseKey.h"

#include <QFile>
#include <QString>

#include <memory>

namespace haip::cli {

class CliOutput;

// A key argument: standard base64 of the 32 raw bytes, or "@FILE" holding the base64 text,
// the 32 raw bytes, or the JSON `haip-cli keygen` prints.
Result<crypto::PublicKey> publicKeyArgument(const QString &argument);
Result<crypto::PrivateKey> privateKeyArgument(const QString &argument);
// A response key: base64 of ResponseKey::serialize(), or "@FILE" holding it.
Result<crypto::ResponseKey> responseKeyArgument(const QString &argument);
// Writes the base64 response key to a new file readable by its owner only.
Result<void> writeResponseKey(const QString &path, const crypto::ResponseKey &key);

// --in FILE or stdin; --out FILE or stdout. Files given by name are removed again when the
// command fails, so a partial plaintext never stays behind.
struct StreamPair
{
    std::unique_ptr<QFile> in;
    std::unique_ptr<QFile> out;
    QString outPath; // empty for stdout
    QString inName; // for error subjects: the path or "stdin"
};
Result<StreamPair> openStreams(const QString &inPath, const QString &outPath);
// Flushes and closes; on failure removes a named output file.
Result<void> closeStreams(StreamPair &streams, bool succeeded);

// An error as one JSON line on stderr; returns exitCode.
int fail(const Error &error, int exitCode);
// A usage error as one JSON line {"error":"usage","message":…} on stderr; returns 2.
int usageError(const QString &message);

} // namespace haip::cli
