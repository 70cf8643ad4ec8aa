// Shared by haip-cli login, catalog, submit, jobs and result: the platform options
// (--platform URL, --ca-pin PIN, --session FILE, --catalog-pin PIN), a client presenting the
// saved session certificate, and how an asynchronous platform call ends the command: the
// command's event loop runs until finish(code) — nothing blocks, nothing nests.
#pragma once

#include "common/Result.h"
#include "crypto/SpkiPin.h"
#include "platform/ApiClient.h"
#include "platform/SessionFile.h"

#include <QCommandLineParser>
#include <QString>

#include <memory>

namespace haip::cli {

struct PlatformConnection
{
    platform::SessionFile session;
    std::unique_ptr<platform::ApiClient> api;
};

// --session FILE (required): the saved session and a client presenting its certificate.
Result<PlatformConnection> connectWithSession(const QString &sessionPath);
// A pin argument (64 hex digits or sha256/<base64>).
Result<crypto::SpkiPin> pinArgument(const QString &text);
// Runs the application's event loop until finish() is called; returns its code.
int runUntilFinished();
void finish(int exitCode);

} // namespace haip::cli
