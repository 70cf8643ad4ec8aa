// OsKeyStore: random secret keys that the operating system keeps for the signed-in OS user, so
// nothing on disk alone unlocks what they protect — Linux: the desktop's Secret Service (GNOME
// Keyring, KWallet) through libsecret; Windows: DPAPI (CryptProtectData, user scope) with the
// protected blob in the user's application-data folder. A key is created on first use and
// returned unchanged afterwards. Used for the de-identification secret and the key of the
// re-identification map (docs/deidentification.md).
//
// No Secret Service running (a bare server session) is an error, never a silent fallback to a
// key in a plain file.
#pragma once

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QString>

namespace haip::crypto {

class OsKeyStore
{
public:
    // `name` identifies the key within the workstation (e.g. "deid-secret"); `bytes` its length.
    static Result<SecureBuffer> loadOrCreate(const QString &name, int bytes);
    // Whether a key of that name exists (without creating it).
    static Result<bool> exists(const QString &name);
    // Deletes the key: what it protected can no longer be read.
    static Result<void> remove(const QString &name);
};

} // namespace haip::crypto
