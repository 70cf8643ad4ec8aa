// AuthPolicy: what hospital IT decides about login and locking (core/config; issue 8 ships the
// templates). Defaults are the strict ones: lock when the card leaves the reader, lock after ten
// idle minutes, no emergency access.
#pragma once

#include <QString>

namespace haip::config {
class EffectiveConfig;
}

namespace haip::auth {

struct AuthPolicy
{
    enum class Backend
    {
        PivPcsc, // PIV cards straight over PC/SC
        Pkcs11, // the card vendor's PKCS#11 module (HPKI cards)
    };

    Backend backend = Backend::PivPcsc;
    QString pkcs11Module; // path of the vendor module when backend is Pkcs11
    bool lockOnCardRemoval = true; // false: the session survives a pulled card (NHS Smartcard Connect style)
    int idleLockSeconds = 600; // 0: never (policy sets minutes: IdleLockMinutes)
    bool otpOnUnlock = false; // unlocking asks for a one-time password again
    // How often the signed-in card is asked whether it is still there, in ms (0: only the
    // reader's own events). PC/SC reports removal only when the driver polls (~0.4 s for
    // polled readers); a command to a pulled card fails at once.
    int cardProbeIntervalMs = 100;
    // Emergency access without a card (user id + one-time password + IT's one-time code): off
    // unless IT enables it; such a session is short, marked on screen and ends when it locks.
    bool emergencyAccess = false;

    // From the effective configuration (core/config: CardBackend, Pkcs11Module,
    // LockOnCardRemoval, IdleLockMinutes, OtpOnUnlock, CardProbeIntervalMs, EmergencyAccess —
    // all policy-only keys).
    static AuthPolicy fromConfig(const config::EffectiveConfig &config);
};

} // namespace haip::auth
