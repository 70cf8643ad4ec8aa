// EffectiveConfig: policy over user settings over defaults, with real files — a Linux policy
// file (INI, as /etc/haip/workstation.conf), a Windows Group Policy key as a regedit export
// (UTF-16LE "Windows Registry Editor Version 5.00", DWORD / REG_SZ / REG_MULTI_SZ) read through
// QSettings' format abstraction, and the user's settings file. Invalid policy values fall back to
// the default (not to the user's value); policy-only keys ignore the user's file; the command
// line cannot override policy; AuthPolicy follows the configuration.
#include "auth/AuthPolicy.h"
#include "config/EffectiveConfig.h"
#include "config/PolicyStore.h"
#include "config/RegFileFormat.h"

#include <QFile>
#include <QSettings>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace haip::config;
using namespace Qt::StringLiterals;

namespace {

const QString kPin = u"8c1f0e3a55d2b7c4e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcd"_s;

// A regedit export as Windows writes it: UTF-16LE with a BOM, CRLF line ends.
QByteArray regExport(const QString &body)
{
    QString text = u"Windows Registry Editor Version 5.00\r\n\r\n"_s + body;
    text.replace(u"\n"_s, u"\r\n"_s).replace(u"\r\r\n"_s, u"\r\n"_s);
    QStringEncoder utf16(QStringEncoder::Utf16LE);
    return QByteArray("\xff\xfe", 2) + QByteArray(utf16.encode(text));
}

// REG_MULTI_SZ as regedit writes it: hex(7): UTF-16LE bytes, NUL after each string and at the end.
QString multiSz(const QStringList &values)
{
    QByteArray bytes;
    for (const QString &v : values) {
        for (QChar c : v)
            bytes.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        bytes.append(2, '\0');
    }
    bytes.append(2, '\0');
    QStringList hex;
    for (char b : bytes)
        hex.append(u"%1"_s.arg(uint(uchar(b)), 2, 16, QChar(u'0')));
    return u"hex(7):"_s + hex.join(u',');
}

} // namespace

class TestEffectiveConfig : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaultsAreStrict();
    void linuxPolicyFileWinsOverUser();
    void linuxPolicyFileTakesHashComments();
    void registryExportReadThroughQSettings();
    void registryKeyPathAndOtherKeysIgnored();
    void invalidPolicyValueFallsBackToDefault_data();
    void invalidPolicyValueFallsBackToDefault();
    void malformedPolicyFileGivesDefaults();
    void policyOnlyKeysIgnoreTheUser();
    void commandLineCannotOverridePolicy();
    void authPolicyFollowsConfig();
    void servicesAllowedByPolicy();

private:
    QString write(const QString &name, const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestEffectiveConfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestEffectiveConfig::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestEffectiveConfig::defaultsAreStrict()
{
    const EffectiveConfig c = EffectiveConfig::resolve(nullptr, nullptr);
    QVERIFY(c.problems().isEmpty());
    QVERIFY(c.requireOtp());
    QCOMPARE(c.idleLockMinutes(), 10);
    QVERIFY(!c.allowBurnedInAnnotation());
    QVERIFY(c.auditForwarding());
    QVERIFY(c.deidOptions().isEmpty()); // the basic profile, no option
    QCOMPARE(c.proxy(), u"none"_s);
    QVERIFY(c.platformUrl().isEmpty());
    QCOMPARE(c.entry(u"RequireOtp"_s).source, ConfigSource::Default);
    QVERIFY(!c.isLocked(u"RequireOtp"_s));
}

void TestEffectiveConfig::linuxPolicyFileWinsOverUser()
{
    // As IT writes /etc/haip/workstation.conf: keys at the top, any letter case.
    const QString policyPath = write(u"workstation.conf"_s,
                                     "PlatformUrl=https://haip.hospital.example:8443/\n"
                                     "PinnedCaSha256=" +
                                         kPin.toUpper().toLatin1() +
                                         "\n"
                                         "requireotp=true\n"
                                         "IdleLockMinutes=3\n"
                                         "AllowedServices=chest-ct-nodule, head-ct-hyperdensity\n"
                                         "DeidOptions=RetainPatientCharacteristics,CleanDescriptors\n"
                                         "Language=ja\n");
    const QString userPath = write(u"user.ini"_s,
                                   "[ui]\nlanguage=en\n"
                                   "[platform]\nurl=https://somewhere.else\ncatalogPin=" +
                                       kPin.toLatin1() +
                                       "\n"
                                       "[network]\nproxy=http://proxy.local:3128\n");
    const std::unique_ptr<QSettings> policy = openPolicyFile(policyPath);
    QSettings user(userPath, QSettings::IniFormat);
    const EffectiveConfig c = EffectiveConfig::resolve(policy.get(), &user);
    QVERIFY2(c.problems().isEmpty(), qPrintable(c.problems().join(u'\n')));
    QCOMPARE(c.platformUrl(), u"https://haip.hospital.example:8443"_s);
    QCOMPARE(c.pinnedCaSha256(), kPin); // normalised to lower case
    QVERIFY(c.isLocked(u"PlatformUrl"_s));
    QCOMPARE(c.idleLockMinutes(), 3);
    QCOMPARE(c.allowedServices(), QStringList({u"chest-ct-nodule"_s, u"head-ct-hyperdensity"_s}));
    QCOMPARE(c.deidOptions(), QStringList({u"RetainPatientCharacteristics"_s, u"CleanDescriptors"_s}));
    QCOMPARE(c.language(), u"ja"_s); // policy over the user's "en"
    QVERIFY(c.isLocked(u"Language"_s));
    // Where policy is silent, the user's own settings count.
    QCOMPARE(c.catalogKeySha256(), kPin);
    QCOMPARE(c.entry(u"CatalogKeySha256"_s).source, ConfigSource::User);
    QCOMPARE(c.proxy(), u"http://proxy.local:3128"_s);
    QVERIFY(!c.isLocked(u"Proxy"_s));
}

void TestEffectiveConfig::linuxPolicyFileTakesHashComments()
{
    // Admins comment lines out the Unix way as often as the INI way.
    const QString policyPath = write(u"workstation.conf"_s,
                                     "# The pilot ward's settings\n"
                                     "#IdleLockMinutes=5\n"
                                     "# RequireOtp = no\n"
                                     "; AuditForwarding=no\n"
                                     "IdleLockMinutes=7\n");
    const std::unique_ptr<QSettings> policy = openPolicyFile(policyPath);
    const EffectiveConfig c = EffectiveConfig::resolve(policy.get(), nullptr);
    QVERIFY2(c.problems().isEmpty(), qPrintable(c.problems().join(u'\n')));
    QCOMPARE(c.idleLockMinutes(), 7);
    QCOMPARE(c.entry(u"IdleLockMinutes"_s).source, ConfigSource::Policy);
    QVERIFY(c.requireOtp());
    QCOMPARE(c.entry(u"RequireOtp"_s).source, ConfigSource::Default);
    QVERIFY(c.auditForwarding());
    QCOMPARE(c.entry(u"AuditForwarding"_s).source, ConfigSource::Default);
}

void TestEffectiveConfig::registryExportReadThroughQSettings()
{
    const QString path =
        write(u"policy.reg"_s,
              regExport(u"[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\HAIP\\Workstation]\n"
                        "\"PlatformUrl\"=\"https://haip.hospital.example\"\n"
                        "\"PinnedCaSha256\"=\"%1\"\n"
                        "\"RequireOtp\"=dword:00000001\n"
                        "\"AllowBurnedInAnnotation\"=dword:00000000\n"
                        "\"IdleLockMinutes\"=dword:0000000f\n"
                        "\"AllowedServices\"=%2\n"
                        "\"AuditForwarding\"=dword:00000000\n"
                        "\"Language\"=\"en\"\n"_s.arg(kPin, multiSz({u"chest-ct-nodule"_s, u"anomaly-heatmap"_s}))));
    QSettings policy(path, regFileFormat());
    QCOMPARE(policy.status(), QSettings::NoError);
    QCOMPARE(policy.value(u"IdleLockMinutes"_s).toInt(), 15); // a DWORD arrives as a number
    const EffectiveConfig c = EffectiveConfig::resolve(&policy, nullptr);
    QVERIFY2(c.problems().isEmpty(), qPrintable(c.problems().join(u'\n')));
    QCOMPARE(c.platformUrl(), u"https://haip.hospital.example"_s);
    QCOMPARE(c.pinnedCaSha256(), kPin);
    QVERIFY(c.requireOtp());
    QCOMPARE(c.idleLockMinutes(), 15);
    QCOMPARE(c.allowedServices(), QStringList({u"chest-ct-nodule"_s, u"anomaly-heatmap"_s}));
    QVERIFY(!c.auditForwarding());
    QCOMPARE(c.entry(u"AuditForwarding"_s).source, ConfigSource::Policy);
    QCOMPARE(c.language(), u"en"_s);
    // The workstation never writes policy: the format refuses.
    policy.setValue(u"RequireOtp"_s, 0);
    policy.sync();
    QCOMPARE(policy.status(), QSettings::AccessError);
}

void TestEffectiveConfig::registryKeyPathAndOtherKeysIgnored()
{
    QCOMPARE(windowsPolicyKey(), u"HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\HAIP\\Workstation"_s);
    QCOMPARE(linuxPolicyFile(), u"/etc/haip/workstation.conf"_s);
    // Values of other keys (the user hive, a sub-key) are not policy.
    const Result<QVariantMap> values = parseRegExport(
        regExport(u"[HKEY_CURRENT_USER\\SOFTWARE\\Policies\\HAIP\\Workstation]\n\"RequireOtp\"=dword:00000000\n"
                  "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\HAIP\\Workstation\\Sub]\n\"Language\"=\"en\"\n"
                  "[hkey_local_machine\\software\\policies\\haip\\workstation]\n\"Language\"=\"ja\"\n"
                  "@=\"default value\"\n\"Quoted \\\"name\\\"\"=\"a\\\\b\"\n"_s),
        windowsPolicyKey());
    QVERIFY(values);
    QCOMPARE(values->size(), 2);
    QCOMPARE(values->value(u"Language"_s).toString(), u"ja"_s);
    QCOMPARE(values->value(u"Quoted \"name\""_s).toString(), u"a\\b"_s);
    QVERIFY(!parseRegExport("PlatformUrl=x\n", windowsPolicyKey()));
}

void TestEffectiveConfig::invalidPolicyValueFallsBackToDefault_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("OTP not yes/no") << u"RequireOtp"_s << u"maybe"_s;
    QTest::newRow("plain http platform") << u"PlatformUrl"_s << u"http://haip.example"_s;
    QTest::newRow("platform with a path") << u"PlatformUrl"_s << u"https://haip.example/x"_s;
    QTest::newRow("short pin") << u"PinnedCaSha256"_s << u"abcd"_s;
    QTest::newRow("idle lock beyond a day") << u"IdleLockMinutes"_s << u"5000"_s;
    QTest::newRow("unknown de-identification option") << u"DeidOptions"_s << u"KeepEverything"_s;
    QTest::newRow("unknown language") << u"Language"_s << u"fr"_s;
    QTest::newRow("proxy without port") << u"Proxy"_s << u"http://proxy"_s;
}

void TestEffectiveConfig::invalidPolicyValueFallsBackToDefault()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    const QString policyPath = write(u"bad.conf"_s, (key + u'=' + value + u'\n').toUtf8());
    // The user's file holds a valid value for the same key: it must not win over a broken policy.
    const QString userPath = write(u"user.ini"_s, "[platform]\nurl=https://user.example\n[ui]\nlanguage=en\n");
    const std::unique_ptr<QSettings> policy = openPolicyFile(policyPath);
    QSettings user(userPath, QSettings::IniFormat);
    const EffectiveConfig c = EffectiveConfig::resolve(policy.get(), &user);
    QCOMPARE(c.problems().size(), 1);
    QVERIFY2(c.problems().first().contains(key), qPrintable(c.problems().first()));
    const ConfigKey *k = findConfigKey(key);
    QVERIFY(k);
    QCOMPARE(c.entry(key).source, ConfigSource::Default);
    QCOMPARE(c.value(key), parseConfigValue(*k, k->defaultValue).value());
}

void TestEffectiveConfig::malformedPolicyFileGivesDefaults()
{
    const QString path = write(u"broken.reg"_s, "this is no registry export\n\"RequireOtp\"=dword:00000000\n");
    const std::unique_ptr<QSettings> policy = openPolicyFile(path);
    const EffectiveConfig c = EffectiveConfig::resolve(policy.get(), nullptr);
    QCOMPARE(c.problems().size(), 1);
    QVERIFY(c.problems().first().contains(u"malformed"_s));
    QVERIFY(c.requireOtp());
}

void TestEffectiveConfig::policyOnlyKeysIgnoreTheUser()
{
    // A user who edits their own settings file to weaken the workstation gets nothing.
    const QString userPath = write(u"user.ini"_s,
                                   "RequireOtp=false\nAllowBurnedInAnnotation=true\n"
                                   "[Auth]\nLockOnCardRemoval=false\nIdleLockMinutes=0\n");
    QSettings user(userPath, QSettings::IniFormat);
    const EffectiveConfig c = EffectiveConfig::resolve(nullptr, &user);
    QVERIFY(c.requireOtp());
    QVERIFY(!c.allowBurnedInAnnotation());
    QVERIFY(c.value(u"LockOnCardRemoval"_s).toBool());
    QCOMPARE(c.idleLockMinutes(), 10);
    QCOMPARE(c.problems().size(), 4);
    for (const QString &p : c.problems())
        QVERIFY2(p.contains(u"only policy"_s), qPrintable(p));
}

void TestEffectiveConfig::commandLineCannotOverridePolicy()
{
    const std::unique_ptr<QSettings> policy =
        openPolicyFile(write(u"p.conf"_s, "PlatformUrl=https://haip.hospital.example\n"));
    EffectiveConfig c = EffectiveConfig::resolve(policy.get(), nullptr);
    const Result<void> url = c.overrideByUser(u"PlatformUrl"_s, u"https://rogue.example"_s);
    QVERIFY(!url);
    QCOMPARE(c.platformUrl(), u"https://haip.hospital.example"_s);
    QVERIFY(!c.overrideByUser(u"RequireOtp"_s, false)); // policy-only, even where policy is silent
    QVERIFY(!c.overrideByUser(u"PinnedCaSha256"_s, u"nothex"_s)); // checked like any value
    QVERIFY(c.overrideByUser(u"PinnedCaSha256"_s, kPin));
    QCOMPARE(c.entry(u"PinnedCaSha256"_s).source, ConfigSource::User);
}

void TestEffectiveConfig::authPolicyFollowsConfig()
{
    const std::unique_ptr<QSettings> policy = openPolicyFile(
        write(u"p.conf"_s,
              "CardBackend=PKCS11\nPkcs11Module=/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so\n"
              "LockOnCardRemoval=0\nIdleLockMinutes=0\nOtpOnUnlock=yes\nCardProbeIntervalMs=250\nEmergencyAccess=1\n"));
    const auth::AuthPolicy a = auth::AuthPolicy::fromConfig(EffectiveConfig::resolve(policy.get(), nullptr));
    QCOMPARE(a.backend, auth::AuthPolicy::Backend::Pkcs11);
    QCOMPARE(a.pkcs11Module, u"/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"_s);
    QVERIFY(!a.lockOnCardRemoval);
    QCOMPARE(a.idleLockSeconds, 0);
    QVERIFY(a.otpOnUnlock);
    QCOMPARE(a.cardProbeIntervalMs, 250);
    QVERIFY(a.emergencyAccess);
    // And the defaults are the strict ones.
    const auth::AuthPolicy d = auth::AuthPolicy::fromConfig(EffectiveConfig());
    QCOMPARE(d.backend, auth::AuthPolicy::Backend::PivPcsc);
    QVERIFY(d.lockOnCardRemoval);
    QCOMPARE(d.idleLockSeconds, 600);
    QVERIFY(!d.emergencyAccess);
}

void TestEffectiveConfig::servicesAllowedByPolicy()
{
    QVERIFY(EffectiveConfig().isServiceAllowed(u"anything"_s)); // no list: every service
    const std::unique_ptr<QSettings> policy = openPolicyFile(write(u"p.conf"_s, "AllowedServices=chest-ct-nodule\n"));
    const EffectiveConfig c = EffectiveConfig::resolve(policy.get(), nullptr);
    QVERIFY(c.isServiceAllowed(u"chest-ct-nodule"_s));
    QVERIFY(!c.isServiceAllowed(u"head-ct-hyperdensity"_s));
}

QTEST_GUILESS_MAIN(TestEffectiveConfig)
#include "TestEffectiveConfig.moc"
