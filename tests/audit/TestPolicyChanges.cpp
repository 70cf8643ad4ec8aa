// recordPolicyChanges: the first start under a policy records each key it sets; an unchanged
// policy records nothing; a changed value and a key leaving policy are recorded — by name only,
// never by value — and the trail stays a valid chain.
#include "audit/AuditVerifier.h"
#include "audit/PolicyChanges.h"
#include "config/EffectiveConfig.h"
#include "config/PolicyStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace Qt::StringLiterals;

class TestPolicyChanges : public QObject
{
    Q_OBJECT

private slots:
    void changesRecordedByName();

private:
    config::EffectiveConfig withPolicy(const QByteArray &ini);
    QStringList changedKeys(); // policy-change records so far, in order

    QTemporaryDir m_dir;
};

config::EffectiveConfig TestPolicyChanges::withPolicy(const QByteArray &ini)
{
    const QString path = m_dir.filePath(u"workstation.conf"_s);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(ini) != ini.size())
        qFatal("cannot write the policy");
    f.close();
    const std::unique_ptr<QSettings> policy = config::openPolicyFile(path);
    return config::EffectiveConfig::resolve(policy.get(), nullptr);
}

QStringList TestPolicyChanges::changedKeys()
{
    QFile log(m_dir.filePath(u"audit/audit.jsonl"_s));
    QStringList keys;
    if (!log.open(QIODevice::ReadOnly))
        return keys;
    for (const QByteArray &line : log.readAll().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(u"type"_s).toString() == u"policy-change"_s)
            keys.append(o.value(u"data"_s).toObject().value(u"policyKey"_s).toString());
    }
    return keys;
}

void TestPolicyChanges::changesRecordedByName()
{
    const QString logPath = m_dir.filePath(u"audit/audit.jsonl"_s);
    QSettings seen(m_dir.filePath(u"user.ini"_s), QSettings::IniFormat);
    QVERIFY(audit::recordPolicyChanges(
        withPolicy("PlatformUrl=https://haip.hospital.example\nIdleLockMinutes=5\n"), seen, logPath));
    QCOMPARE(changedKeys(), QStringList({u"PlatformUrl"_s, u"IdleLockMinutes"_s}));
    // The same policy again: nothing new.
    QVERIFY(audit::recordPolicyChanges(
        withPolicy("PlatformUrl=https://haip.hospital.example\nIdleLockMinutes=5\n"), seen, logPath));
    QCOMPARE(changedKeys().size(), 2);
    // One value changed, one key left policy.
    QVERIFY(audit::recordPolicyChanges(withPolicy("PlatformUrl=https://haip2.hospital.example\n"), seen, logPath));
    QCOMPARE(changedKeys(),
             QStringList({u"PlatformUrl"_s, u"IdleLockMinutes"_s, u"PlatformUrl"_s, u"IdleLockMinutes"_s}));
    QFile log(logPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(!log.readAll().contains("hospital.example")); // names, not values
    const audit::AuditVerification v = audit::AuditVerifier::verifyFile(logPath);
    QVERIFY2(v.ok(), qPrintable(v.detail));
}

QTEST_GUILESS_MAIN(TestPolicyChanges)
#include "TestPolicyChanges.moc"
