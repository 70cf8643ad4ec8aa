#include "config/EffectiveConfig.h"

#include <QSettings>

namespace haip::config {

namespace {

// The value of a policy name in any letter case: the registry is case-insensitive, INI files
// are not, and admins type names by hand.
QVariant policyValue(const QSettings &policy, const QString &name)
{
    if (policy.contains(name))
        return policy.value(name);
    const QStringList keys = policy.allKeys();
    for (const QString &k : keys) {
        const QString bare = k.startsWith(QStringLiteral("General/"), Qt::CaseInsensitive) ? k.mid(8) : k;
        if (bare.compare(name, Qt::CaseInsensitive) == 0)
            return policy.value(k);
    }
    return {};
}

} // namespace

EffectiveConfig::EffectiveConfig()
{
    for (const ConfigKey &k : configKeys())
        m_entries.insert(QLatin1String(k.name), ConfigEntry {k.defaultValue, ConfigSource::Default});
}

EffectiveConfig EffectiveConfig::resolve(const QSettings *policy, const QSettings *user)
{
    EffectiveConfig config;
    if (policy && policy->status() != QSettings::NoError) {
        config.m_problems.append(
            QStringLiteral("policy %1 is unreadable or malformed: defaults apply").arg(policy->fileName()));
        policy = nullptr;
    }
    if (policy) {
        for (const QString &k : policy->allKeys()) {
            const QString bare = k.startsWith(QStringLiteral("General/"), Qt::CaseInsensitive) ? k.mid(8) : k;
            // Qt's INI reader takes only ';' as a comment; a line commented out the Unix way
            // ("#IdleLockMinutes=5" in /etc/haip/workstation.conf) comes back as a key "#…".
            if (bare.startsWith(u'#'))
                continue;
            if (!findConfigKey(bare))
                config.m_problems.append(QStringLiteral("policy %1: unknown setting, ignored").arg(bare));
        }
    }
    for (const ConfigKey &key : configKeys()) {
        const QString name = QLatin1String(key.name);
        ConfigEntry &entry = config.m_entries[name];
        bool policyTried = false;
        if (policy) {
            const QVariant raw = policyValue(*policy, name);
            if (raw.isValid()) {
                policyTried = true;
                Result<QVariant> parsed = parseConfigValue(key, raw);
                if (parsed) {
                    entry = {*parsed, ConfigSource::Policy};
                    continue;
                }
                config.m_problems.append(
                    QStringLiteral("policy %1: %2 — the default applies").arg(name, parsed.error().detail()));
            }
        }
        if (!user || policyTried)
            continue;
        if (!key.userKey) {
            for (const QString &legacy : {name, QStringLiteral("Auth/") + name}) {
                if (user->contains(legacy))
                    config.m_problems.append(
                        QStringLiteral("user setting %1 ignored: only policy can set %2").arg(legacy, name));
            }
            continue;
        }
        const QVariant raw = user->value(QLatin1String(key.userKey));
        if (!raw.isValid())
            continue;
        Result<QVariant> parsed = parseConfigValue(key, raw);
        if (parsed)
            entry = {*parsed, ConfigSource::User};
        else
            config.m_problems.append(QStringLiteral("user setting %1: %2").arg(name, parsed.error().detail()));
    }
    return config;
}

const ConfigEntry &EffectiveConfig::entry(const QString &name) const
{
    static const ConfigEntry none;
    const auto it = m_entries.constFind(name);
    Q_ASSERT_X(it != m_entries.constEnd(), "EffectiveConfig", "unknown key");
    return it == m_entries.constEnd() ? none : *it;
}

Result<void> EffectiveConfig::overrideByUser(const QString &name, const QVariant &raw)
{
    const ConfigKey *key = findConfigKey(name);
    if (!key)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("unknown setting"), name);
    if (!key->userKey)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("only policy can set this"), name);
    if (isLocked(QLatin1String(key->name)))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("set by IT policy"), name);
    Result<QVariant> parsed = parseConfigValue(*key, raw);
    if (!parsed)
        return parsed.error();
    m_entries[QLatin1String(key->name)] = {*parsed, ConfigSource::User};
    return {};
}

bool EffectiveConfig::isServiceAllowed(const QString &serviceId) const
{
    const QStringList allowed = allowedServices();
    return allowed.isEmpty() || allowed.contains(serviceId, Qt::CaseInsensitive);
}

QString EffectiveConfig::sourceName(ConfigSource source)
{
    switch (source) {
    case ConfigSource::Default:
        return QStringLiteral("default");
    case ConfigSource::User:
        return QStringLiteral("user");
    case ConfigSource::Policy:
        return QStringLiteral("policy");
    }
    return {};
}

} // namespace haip::config
