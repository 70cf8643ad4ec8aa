// ConfigKey: every setting hospital IT can fix by policy (docs/admin-guide.md lists them), with
// its type, its default and whether a user may set it when policy does not. One table
// (ConfigKey.cpp) drives resolution (EffectiveConfig), `haip-cli config show`, the settings
// dialog and the ADMX templates of issue 8.
//
// Keys that weaken protection (OTP, locking, de-identification, burned-in annotation, audit
// forwarding, allowed services) are policy-only: a user's own settings file cannot touch them.
#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace haip::config {

enum class ConfigType
{
    Text,
    HttpsUrl, // https://host[:port]
    Bool, // 1/0, true/false, yes/no (a registry DWORD or a string)
    Integer, // within [minimum, maximum]
    Sha256Hex, // 64 hex digits (or sha256/<base64>)
    List, // a registry REG_MULTI_SZ, or a comma-separated string
    Choice, // one of `choices` (case-insensitive), stored lower-case
    ChoiceList, // a subset of `choices`
    Proxy, // "none", "system" or http://host:port
};

struct ConfigKey
{
    const char *name; // the policy value name (registry value, INI key)
    ConfigType type;
    QVariant defaultValue;
    const char *userKey = nullptr; // the key in the user's settings, nullptr: policy only
    int minimum = 0;
    int maximum = 0;
    QStringList choices = {};
};

const QList<ConfigKey> &configKeys();
const ConfigKey *findConfigKey(const QString &name);

// A raw value (string, int or string list, as QSettings gives it) checked and normalised for
// the key's type; InvalidArgument with the reason otherwise.
Result<QVariant> parseConfigValue(const ConfigKey &key, const QVariant &raw);
// The normalised value as text, for `config show` and the settings dialog.
QString configValueText(const QVariant &value);

} // namespace haip::config
