// EffectiveConfig: the configuration the workstation runs with — for every ConfigKey, machine
// policy over the user's own settings over the default, with where each value came from.
//
// A policy value that fails its type check is not used and is reported (problems()); the key
// then falls back to its default, never to the user's value, because defaults are the strict
// choice. A user value for a policy-only key is ignored (and reported), so a user's settings
// file cannot switch off OTP, locking or de-identification.
#pragma once

#include "config/ConfigKey.h"

#include <QHash>
#include <QStringList>
#include <QVariant>

class QSettings;

namespace haip::config {

enum class ConfigSource
{
    Default,
    User,
    Policy,
};

struct ConfigEntry
{
    QVariant value;
    ConfigSource source = ConfigSource::Default;
};

class EffectiveConfig
{
public:
    // Only defaults.
    EffectiveConfig();
    // policy and user may be null (none present).
    static EffectiveConfig resolve(const QSettings *policy, const QSettings *user);

    const ConfigEntry &entry(const QString &name) const;
    QVariant value(const QString &name) const { return entry(name).value; }
    // Set by policy: the GUI shows it locked and does not let the user change it.
    bool isLocked(const QString &name) const { return entry(name).source == ConfigSource::Policy; }
    // Invalid policy values, ignored user values, an unreadable policy file — one line each.
    const QStringList &problems() const { return m_problems; }

    // A command-line value (e.g. --platform-url) counts as the user's, below policy: it is
    // refused (with a problem) for locked or policy-only keys.
    Result<void> overrideByUser(const QString &name, const QVariant &raw);

    // Typed views of the common keys.
    QString platformUrl() const { return value(QStringLiteral("PlatformUrl")).toString(); }
    QString pinnedCaSha256() const { return value(QStringLiteral("PinnedCaSha256")).toString(); }
    QString catalogKeySha256() const { return value(QStringLiteral("CatalogKeySha256")).toString(); }
    bool requireOtp() const { return value(QStringLiteral("RequireOtp")).toBool(); }
    int idleLockMinutes() const { return value(QStringLiteral("IdleLockMinutes")).toInt(); }
    QStringList allowedServices() const { return value(QStringLiteral("AllowedServices")).toStringList(); }
    bool isServiceAllowed(const QString &serviceId) const;
    QString proxy() const { return value(QStringLiteral("Proxy")).toString(); }
    QStringList deidOptions() const { return value(QStringLiteral("DeidOptions")).toStringList(); }
    bool allowBurnedInAnnotation() const { return value(QStringLiteral("AllowBurnedInAnnotation")).toBool(); }
    QString language() const { return value(QStringLiteral("Language")).toString(); }
    bool auditForwarding() const { return value(QStringLiteral("AuditForwarding")).toBool(); }

    static QString sourceName(ConfigSource source);

private:
    QHash<QString, ConfigEntry> m_entries;
    QStringList m_problems;
};

} // namespace haip::config
