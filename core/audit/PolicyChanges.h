// PolicyChanges: a policy-change audit record for every key whose policy value differs from the
// one this user's workstation last ran with (only the key's name is recorded, with the actor
// "system" — values such as a platform address are not audit data). What was last seen is kept
// as a SHA-256 per key in the user's settings under audit/policy/.
#pragma once

#include "common/Result.h"

#include <QString>

class QSettings;

namespace haip::config {
class EffectiveConfig;
}

namespace haip::audit {

Result<void> recordPolicyChanges(const config::EffectiveConfig &config, QSettings &seen, const QString &auditLogPath);

} // namespace haip::audit
