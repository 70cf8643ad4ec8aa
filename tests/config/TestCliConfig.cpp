// haip-cli config show: every key once with value, source and lock, problems as their own lines
// and exit 1 when there are any; a .reg export and an INI policy file give the same answer.
#include "TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace Qt::StringLiterals;
using haip::test::jsonLines;

namespace {

QJsonObject lineFor(const QList<QJsonObject> &lines, const QString &key)
{
    for (const QJsonObject &o : lines) {
        if (o.value(u"key"_s).toString() == key)
            return o;
    }
    return {};
}

} // namespace

class TestCliConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void regAndIniPoliciesAgree();
    void problemsReportedWithExitOne();
    void unreadablePolicyFileFails();

private:
    test::ProcessResult show(const QStringList &extra);
    QString write(const QString &name, const QByteArray &bytes);

    QTemporaryDir m_dir;
    QString m_user;
};

void TestCliConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_user = write(u"user.ini"_s, "[network]\nproxy=system\n");
}

QString TestCliConfig::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

test::ProcessResult TestCliConfig::show(const QStringList &extra)
{
    return test::run(test::programPath(u"haip-cli"_s),
                     QStringList {u"config"_s, u"show"_s, u"--user-file"_s, m_user} + extra,
                     30000);
}

void TestCliConfig::regAndIniPoliciesAgree()
{
    const QString reg = u"Windows Registry Editor Version 5.00\r\n\r\n"
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\HAIP\\Workstation]\r\n"
                        "\"PlatformUrl\"=\"https://haip.hospital.example\"\r\n"
                        "\"IdleLockMinutes\"=dword:00000005\r\n"
                        "\"RequireOtp\"=dword:00000001\r\n"_s;
    QStringEncoder utf16(QStringEncoder::Utf16LE);
    const QString regPath = write(u"policy.reg"_s, QByteArray("\xff\xfe", 2) + QByteArray(utf16.encode(reg)));
    const QString iniPath =
        write(u"workstation.conf"_s, "PlatformUrl=https://haip.hospital.example\nIdleLockMinutes=5\nRequireOtp=1\n");
    QList<QJsonObject> answers[2];
    int i = 0;
    for (const QString &path : {regPath, iniPath}) {
        const test::ProcessResult r = show({u"--policy-file"_s, path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        answers[i++] = jsonLines(r.out);
    }
    QCOMPARE(answers[0], answers[1]);
    const QList<QJsonObject> &lines = answers[0];
    QCOMPARE(lines.size(), 17); // every key once
    const QJsonObject url = lineFor(lines, u"PlatformUrl"_s);
    QCOMPARE(url.value(u"value"_s).toString(), u"https://haip.hospital.example"_s);
    QCOMPARE(url.value(u"source"_s).toString(), u"policy"_s);
    QVERIFY(url.value(u"locked"_s).toBool());
    QCOMPARE(lineFor(lines, u"IdleLockMinutes"_s).value(u"value"_s).toInt(), 5);
    const QJsonObject proxy = lineFor(lines, u"Proxy"_s);
    QCOMPARE(proxy.value(u"value"_s).toString(), u"system"_s);
    QCOMPARE(proxy.value(u"source"_s).toString(), u"user"_s);
    QCOMPARE(lineFor(lines, u"AllowBurnedInAnnotation"_s).value(u"source"_s).toString(), u"default"_s);
}

void TestCliConfig::problemsReportedWithExitOne()
{
    const QString path = write(u"bad.conf"_s, "RequireOtp=perhaps\nNoSuchKey=1\n");
    const test::ProcessResult r = show({u"--policy-file"_s, path});
    QCOMPARE(r.exitCode, 1);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QStringList problems;
    for (const QJsonObject &o : lines) {
        if (o.contains(u"problem"_s))
            problems.append(o.value(u"problem"_s).toString());
    }
    QCOMPARE(problems.size(), 2);
    QVERIFY(problems.join(u'\n').contains(u"RequireOtp"_s));
    QVERIFY(problems.join(u'\n').contains(u"NoSuchKey"_s));
    QVERIFY(lineFor(lines, u"RequireOtp"_s).value(u"value"_s).toBool()); // the strict default
}

void TestCliConfig::unreadablePolicyFileFails()
{
    const test::ProcessResult r = show({u"--policy-file"_s, m_dir.filePath(u"absent.reg"_s)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(r.err.trimmed()).object().value(u"error"_s).toString(), u"file-unreadable"_s);
}

QTEST_GUILESS_MAIN(TestCliConfig)
#include "TestCliConfig.moc"
