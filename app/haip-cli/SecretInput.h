// SecretInput: a PIN or one-time password for haip-cli — from a file descriptor a script hands
// over (--pin-fd 3), or typed at the terminal without echo. Never from the command line, where
// every user of the machine could read it in the process list.
#pragma once

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QString>

namespace haip::cli {

// One line from `fd` (>= 0), or from the terminal after `prompt` (fd < 0; echo off). The line
// ends at the first newline; the newline is not kept.
Result<crypto::SecureBuffer> readSecret(const QString &prompt, int fd);

} // namespace haip::cli
