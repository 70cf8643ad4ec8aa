// Turns OpenSSL's thread-local error queue into an haip::Error: the failing call's name plus the
// queue's text in the detail, the queue cleared so the next failure starts clean.
#pragma once

#include "common/Error.h"

namespace haip::crypto::internal {

// ErrorCode::Internal: OpenSSL failed where it should not (allocation, provider missing).
Error openSslError(const QString &call);
// The same text for another code, e.g. KeyInvalid for a key OpenSSL refuses to parse.
Error openSslError(ErrorCode code, const QString &call);
// Empties the queue after a failure that is an expected answer (a tag that does not verify).
void clearOpenSslErrors();

} // namespace haip::crypto::internal
