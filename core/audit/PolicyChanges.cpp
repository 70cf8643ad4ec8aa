#include "audit/PolicyChanges.h"

#include "audit/AuditEvent.h"
#include "audit/AuditLocation.h"
#include "audit/AuditLog.h"
#include "config/EffectiveConfig.h"

#include <QCryptographicHash>
#include <QSettings>

namespace haip::audit {

namespace {

// Empty for a key policy does not set, so a key leaving policy counts as a change too.
QString policyDigest(const config::ConfigEntry &entry)
{
    if (entry.source != config::ConfigSource::Policy)
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(config::configValueText(entry.value).toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

Result<void> recordPolicyChanges(const config::EffectiveConfig &config, QSettings &seen, const QString &auditLogPath)
{
    QStringList changed;
    for (const config::ConfigKey &key : config::configKeys()) {
        const QString name = QLatin1String(key.name);
        const config::ConfigEntry &entry = config.entry(name);
        const QString digest = policyDigest(entry);
        const QString stored = QStringLiteral("audit/policy/") + name;
        if (seen.value(stored).toString() != digest)
            changed.append(name);
    }
    if (changed.isEmpty())
        return {};
    Result<AuditLog> log = AuditLog::open(auditLogPath, defaultWorkstationId());
    if (!log)
        return log.error();
    for (const QString &name : std::as_const(changed)) {
        Result<AuditRecord> r = log->append(AuditEvent::policyChange(QLatin1String(AuditEvent::kSystemActor), name));
        if (!r)
            return r.error();
        // Remembered only once recorded: a failed append is tried again at the next start.
        seen.setValue(QStringLiteral("audit/policy/") + name, policyDigest(config.entry(name)));
    }
    seen.sync();
    return {};
}

} // namespace haip::audit
