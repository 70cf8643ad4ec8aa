// EchoService: installs the "conformance-echo" service into a platform state folder for tests —
// its X25519 key pair (services/conformance-echo/key, key.pub) and its catalog entry
// (catalog/entries/conformance-echo.json) — and reads the catalog key's pin from the state.
#pragma once

#include "common/Result.h"
#include "crypto/SpkiPin.h"

#include <QString>

namespace haip::test {

inline constexpr const char *kEchoService = "conformance-echo";

Result<void> installEchoService(const QString &stateDir);

} // namespace haip::test
