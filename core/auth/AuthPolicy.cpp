#include "auth/AuthPolicy.h"

#include "config/EffectiveConfig.h"

namespace haip::auth {

AuthPolicy AuthPolicy::fromConfig(const config::EffectiveConfig &config)
{
    AuthPolicy policy;
    if (config.value(QStringLiteral("CardBackend")).toString() == u"pkcs11")
        policy.backend = Backend::Pkcs11;
    policy.pkcs11Module = config.value(QStringLiteral("Pkcs11Module")).toString();
    policy.lockOnCardRemoval = config.value(QStringLiteral("LockOnCardRemoval")).toBool();
    policy.idleLockSeconds = config.idleLockMinutes() * 60;
    policy.otpOnUnlock = config.value(QStringLiteral("OtpOnUnlock")).toBool();
    policy.cardProbeIntervalMs = config.value(QStringLiteral("CardProbeIntervalMs")).toInt();
    policy.emergencyAccess = config.value(QStringLiteral("EmergencyAccess")).toBool();
    return policy;
}

} // namespace haip::auth
