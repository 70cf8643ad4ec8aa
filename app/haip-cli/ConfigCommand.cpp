// haip-cli config show: every setting of the workstation with its effective value and where it
// came from (policy, user, default), one JSON line each, then one line per problem found in the
// policy or the user's settings. By default this machine's policy (the HKLM policy key on
// Windows, /etc/haip/workstation.conf on Linux) and the workstation user's settings; --policy-file
// reads a .reg export or an INI file instead, so IT can check a policy before deploying it.
//   haip-cli config show [--policy-file FILE] [--user-file FILE]
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "config/EffectiveConfig.h"
#include "config/PolicyStore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QSettings>

namespace haip::cli {

using namespace Qt::StringLiterals;

namespace {

QJsonValue jsonValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return QJsonArray::fromStringList(value.toStringList());
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    if (value.typeId() == QMetaType::Int)
        return value.toInt();
    return value.toString();
}

} // namespace

int runConfig(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption policyOption(u"policy-file"_s, u"read policy from this .reg or INI file"_s, u"file"_s);
    const QCommandLineOption userOption(u"user-file"_s, u"read user settings from this INI file"_s, u"file"_s);
    parser.addOptions({policyOption, userOption});
    parser.addPositionalArgument(u"show"_s, u"print the effective configuration"_s);
    if (!parser.parse(QStringList {u"haip-cli config"_s} + arguments))
        return usageError(parser.errorText());
    if (parser.positionalArguments() != QStringList {u"show"_s})
        return usageError(u"config: the only action is show"_s);

    std::unique_ptr<QSettings> policy;
    if (parser.isSet(policyOption)) {
        const QString path = parser.value(policyOption);
        if (!QFileInfo(path).isReadable())
            return fail(Error(ErrorCode::FileUnreadable, u"cannot read the policy file"_s, path), 1);
        policy = config::openPolicyFile(path);
    } else {
        policy = config::openMachinePolicy();
    }
    const std::unique_ptr<QSettings> user = parser.isSet(userOption)
        ? std::make_unique<QSettings>(parser.value(userOption), QSettings::IniFormat)
        : config::openUserSettings();
    const config::EffectiveConfig effective = config::EffectiveConfig::resolve(policy.get(), user.get());
    for (const config::ConfigKey &key : config::configKeys()) {
        const QString name = QLatin1String(key.name);
        const config::ConfigEntry &entry = effective.entry(name);
        output.json({{u"key"_s, name},
                     {u"value"_s, jsonValue(entry.value)},
                     {u"source"_s, config::EffectiveConfig::sourceName(entry.source)},
                     {u"locked"_s, effective.isLocked(name)},
                     {u"userMaySet"_s, key.userKey != nullptr}});
    }
    for (const QString &problem : effective.problems())
        output.json({{u"problem"_s, problem}});
    return effective.problems().isEmpty() ? 0 : 1;
}

} // namespace haip::cli
