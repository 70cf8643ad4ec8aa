#include "auth/AuthPolicy.h"

#include <QSettings>

namespace haip::auth {

AuthPolicy AuthPolicy::fromSettings(QSettings &settings)
{
    AuthPolicy policy;
    settings.beginGroup(QStringLiteral("Auth"));
    if (settings.value(QStringLiteral("Backend")).toString().compare(QStringLiteral("pkcs11"), Qt::CaseInsensitive) ==
        0)
        policy.backend = Backend::Pkcs11;
    policy.pkcs11Module = settings.value(QStringLiteral("Pkcs11Module")).toString();
    policy.lockOnCardRemoval = settings.value(QStringLiteral("LockOnCardRemoval"), policy.lockOnCardRemoval).toBool();
    const int minutes = settings.value(QStringLiteral("IdleLockMinutes"), policy.idleLockSeconds / 60).toInt();
    policy.idleLockSeconds = qBound(0, minutes, 24 * 60) * 60;
    policy.otpOnUnlock = settings.value(QStringLiteral("OtpOnUnlock"), policy.otpOnUnlock).toBool();
    policy.cardProbeIntervalMs =
        qBound(0, settings.value(QStringLiteral("CardProbeIntervalMs"), policy.cardProbeIntervalMs).toInt(), 10000);
    policy.emergencyAccess = settings.value(QStringLiteral("EmergencyAccess"), policy.emergencyAccess).toBool();
    settings.endGroup();
    return policy;
}

} // namespace haip::auth
