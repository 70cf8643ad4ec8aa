#include "config/ConfigKey.h"

#include <QUrl>

namespace haip::config {

namespace {

// Names follow the contract and the MSI's public properties (issue 8); user keys are
// where the workstation already kept its own preferences.
const QList<ConfigKey> kKeys = {
    // Where the platform is and how it is trusted.
    {"PlatformUrl", ConfigType::HttpsUrl, QString(), "platform/url"},
    {"PinnedCaSha256", ConfigType::Sha256Hex, QString(), "platform/caPin"},
    {"CatalogKeySha256", ConfigType::Sha256Hex, QString(), "platform/catalogPin"},
    {"Proxy", ConfigType::Proxy, QStringLiteral("none"), "network/proxy"},
    // Sign-in and locking (core/auth/AuthPolicy).
    {"RequireOtp", ConfigType::Bool, true},
    {"IdleLockMinutes", ConfigType::Integer, 10, nullptr, 0, 24 * 60},
    {"LockOnCardRemoval", ConfigType::Bool, true},
    {"OtpOnUnlock", ConfigType::Bool, false},
    {"CardBackend",
     ConfigType::Choice,
     QStringLiteral("piv"),
     nullptr,
     0,
     0,
     {QStringLiteral("piv"), QStringLiteral("pkcs11")}},
    {"Pkcs11Module", ConfigType::Text, QString()},
    {"CardProbeIntervalMs", ConfigType::Integer, 100, nullptr, 0, 10'000},
    {"EmergencyAccess", ConfigType::Bool, false},
    // What may leave the machine (core/dicom de-identification, the catalog).
    {"AllowedServices", ConfigType::List, QStringList()}, // empty: every service of the catalog
    {"DeidOptions",
     ConfigType::ChoiceList,
     QStringList(),
     nullptr,
     0,
     0,
     {QStringLiteral("RetainPatientCharacteristics"),
      QStringLiteral("RetainLongitudinalModifiedDates"),
      QStringLiteral("RetainDeviceIdentity"),
      QStringLiteral("CleanDescriptors")}},
    {"AllowBurnedInAnnotation", ConfigType::Bool, false},
    {"AuditForwarding", ConfigType::Bool, true},
    // The user interface.
    {"Language",
     ConfigType::Choice,
     QString(),
     "ui/language",
     0,
     0,
     {QString(), QStringLiteral("ja"), QStringLiteral("en")}},
};

Error invalid(const ConfigKey &key, const QString &why)
{
    return Error(ErrorCode::InvalidArgument, why, QLatin1String(key.name));
}

QStringList asList(const QVariant &raw)
{
    const QStringList parts =
        raw.typeId() == QMetaType::QStringList ? raw.toStringList() : raw.toString().split(u',', Qt::SkipEmptyParts);
    QStringList out;
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    }
    return out;
}

Result<QVariant> parseBool(const ConfigKey &key, const QVariant &raw)
{
    if (raw.typeId() == QMetaType::Int || raw.typeId() == QMetaType::UInt || raw.typeId() == QMetaType::LongLong) {
        const qlonglong n = raw.toLongLong();
        if (n == 0 || n == 1)
            return QVariant(n == 1);
        return invalid(key, QStringLiteral("%1 is not 0 or 1").arg(n));
    }
    const QString text = raw.toString().trimmed().toLower();
    if (text == u"1" || text == u"true" || text == u"yes")
        return QVariant(true);
    if (text == u"0" || text == u"false" || text == u"no")
        return QVariant(false);
    return invalid(key, QStringLiteral("\"%1\" is not a yes/no value").arg(raw.toString()));
}

} // namespace

const QList<ConfigKey> &configKeys()
{
    return kKeys;
}

const ConfigKey *findConfigKey(const QString &name)
{
    for (const ConfigKey &k : kKeys) {
        if (name.compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0)
            return &k;
    }
    return nullptr;
}

Result<QVariant> parseConfigValue(const ConfigKey &key, const QVariant &raw)
{
    switch (key.type) {
    case ConfigType::Text:
        return QVariant(raw.toString().trimmed());
    case ConfigType::HttpsUrl: {
        const QString text = raw.toString().trimmed();
        if (text.isEmpty())
            return QVariant(QString());
        QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != u"https" || url.host().isEmpty() || !url.userInfo().isEmpty() ||
            (!url.path().isEmpty() && url.path() != u"/") || url.hasQuery() || url.hasFragment())
            return invalid(key, QStringLiteral("\"%1\" is not https://host[:port]").arg(text));
        url.setPath(QString());
        return QVariant(url.toString());
    }
    case ConfigType::Bool:
        return parseBool(key, raw);
    case ConfigType::Integer: {
        bool ok = false;
        const int n = raw.toString().trimmed().toInt(&ok);
        if (!ok)
            return invalid(key, QStringLiteral("\"%1\" is not a whole number").arg(raw.toString()));
        if (n < key.minimum || n > key.maximum)
            return invalid(key, QStringLiteral("%1 is outside %2…%3").arg(n).arg(key.minimum).arg(key.maximum));
        return QVariant(n);
    }
    case ConfigType::Sha256Hex: {
        QString text = raw.toString().trimmed();
        if (text.isEmpty())
            return QVariant(QString());
        if (text.startsWith(u"sha256/")) {
            const QByteArray bytes =
                QByteArray::fromBase64(text.mid(7).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            text = bytes.size() == 32 ? QString::fromLatin1(bytes.toHex()) : QString();
        }
        text.remove(u':');
        const QByteArray bytes = QByteArray::fromHex(text.toLatin1());
        if (text.size() != 64 || bytes.size() != 32 || QString::fromLatin1(bytes.toHex()) != text.toLower())
            return invalid(key, QStringLiteral("not a SHA-256 (64 hex digits)"));
        return QVariant(text.toLower());
    }
    case ConfigType::List:
        return QVariant(asList(raw));
    case ConfigType::Choice: {
        const QString text = raw.toString().trimmed();
        for (const QString &c : key.choices) {
            if (c.compare(text, Qt::CaseInsensitive) == 0)
                return QVariant(c);
        }
        return invalid(key, QStringLiteral("\"%1\" is not one of: %2").arg(text, key.choices.join(u", ")));
    }
    case ConfigType::ChoiceList: {
        QStringList out;
        for (const QString &item : asList(raw)) {
            const auto match = std::find_if(key.choices.begin(), key.choices.end(), [&](const QString &c) {
                return c.compare(item, Qt::CaseInsensitive) == 0;
            });
            if (match == key.choices.end())
                return invalid(key, QStringLiteral("\"%1\" is not one of: %2").arg(item, key.choices.join(u", ")));
            if (!out.contains(*match))
                out.append(*match);
        }
        return QVariant(out);
    }
    case ConfigType::Proxy: {
        const QString text = raw.toString().trimmed().toLower();
        if (text == u"none" || text == u"system")
            return QVariant(text);
        QUrl url(raw.toString().trimmed(), QUrl::StrictMode);
        if (url.isValid() && url.scheme() == u"http" && !url.host().isEmpty() && url.port() > 0 &&
            (url.path().isEmpty() || url.path() == u"/")) {
            url.setPath(QString());
            return QVariant(url.toString());
        }
        return invalid(key, QStringLiteral("\"%1\" is not none, system or http://host:port").arg(raw.toString()));
    }
    }
    return invalid(key, QStringLiteral("unknown type"));
}

QString configValueText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(u',');
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

} // namespace haip::config
