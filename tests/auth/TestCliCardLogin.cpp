// haip-cli login with a smart card, through the stack scripts/haip-stack.sh starts (pcscd with
// vpcd, haip-vcard, haip-platform) — the same script the README's demo uses. The PIN and the
// one-time password come through a descriptor (stdin here), never the command line. The saved
// session works for the platform commands; `haip-cli logout` ends it on the platform (the
// certificate no longer opens the API) and deletes the file. A wrong PIN ends the command with
// the tries left.
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace haip;

class TestCliCardLogin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void wrongPinSaysTheTriesLeft();
    void cardLoginThenLogout();

private:
    test::ProcessResult cli(const QStringList &arguments, const QByteArray &input = {});
    // haip-cli login with the card in the only reader, PIN and code read from stdin.
    QStringList loginArguments(const QString &session) const;
    QString m_script;
    QTemporaryDir m_dir;
    QString m_run;
    QMap<QString, QString> m_env;
};

void TestCliCardLogin::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_script = QStringLiteral(HAIP_SOURCE_DIR "/scripts/haip-stack.sh");
    m_run = m_dir.filePath(u"stack"_s);
    const test::ProcessResult up = test::run(
        m_script, {u"start"_s, m_run, u"--bin"_s, QCoreApplication::applicationDirPath(), u"--clinician"_s, u"sato"_s});
    QVERIFY2(up.exitCode == 0, up.err.constData());
    QFile env(m_run + u"/env"_s);
    QVERIFY(env.open(QIODevice::ReadOnly));
    for (const QByteArray &line : env.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            m_env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    QVERIFY(m_env.value(u"HAIP_PLATFORM_URL"_s).startsWith(u"https://127.0.0.1:"_s));
    QCOMPARE(m_env.value(u"HAIP_CA_PIN"_s).size(), 64);
}

void TestCliCardLogin::cleanupTestCase()
{
    const test::ProcessResult down = test::run(m_script, {u"stop"_s, m_run});
    QCOMPARE(down.exitCode, 0);
    // Everything the script started has gone.
    QVERIFY(!QFile::exists(m_run + u"/pcscd.pid"_s));
}

test::ProcessResult TestCliCardLogin::cli(const QStringList &arguments, const QByteArray &input)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PCSCLITE_CSOCK_NAME"_s, m_env.value(u"PCSCLITE_CSOCK_NAME"_s));
    p.setProcessEnvironment(env);
    p.start(QCoreApplication::applicationDirPath() + u"/haip-cli"_s, arguments);
    test::ProcessResult r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    r.finished = p.waitForFinished(60000);
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QStringList TestCliCardLogin::loginArguments(const QString &session) const
{
    return {u"login"_s,
            u"--platform"_s,
            m_env.value(u"HAIP_PLATFORM_URL"_s),
            u"--ca-pin"_s,
            m_env.value(u"HAIP_CA_PIN"_s),
            u"--reader"_s,
            QString(),
            u"--pin-fd"_s,
            u"0"_s,
            u"--otp-fd"_s,
            u"0"_s,
            u"--session"_s,
            session};
}

void TestCliCardLogin::wrongPinSaysTheTriesLeft()
{
    const QString session = m_dir.filePath(u"never.json"_s);
    const test::ProcessResult r = cli(loginArguments(session), "999999\n000000\n");
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("pin-incorrect") && r.err.contains("tries left: 2"), r.err.constData());
    QVERIFY(!QFile::exists(session));
}

void TestCliCardLogin::cardLoginThenLogout()
{
    test::PlatformProcess platform(m_env.value(u"HAIP_STATE"_s)); // only to compute codes: not started
    test::PlatformLogin codes(platform);
    const QString session = m_dir.filePath(u"session.json"_s);
    const QByteArray input = "123456\n" + codes.nextCode(u"sato"_s).toLatin1() + '\n';
    const test::ProcessResult r = cli(loginArguments(session), input);
    QVERIFY(r.finished);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"signedIn"_s).toString(), u"sato"_s);
    QVERIFY(!r.out.contains("123456") && !r.err.contains("123456")); // the PIN is never echoed
    QCOMPARE(QFile::permissions(session) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    const test::ProcessResult jobs = cli({u"jobs"_s, u"--session"_s, session});
    QVERIFY2(jobs.exitCode == 0, jobs.err.constData());

    const QString kept = m_dir.filePath(u"kept.json"_s);
    QVERIFY(QFile::copy(session, kept));
    const test::ProcessResult out = cli({u"logout"_s, u"--session"_s, session});
    QVERIFY2(out.exitCode == 0, out.err.constData());
    QVERIFY(!QFile::exists(session));
    // The platform revoked the certificate: a copy of the file opens nothing any more.
    const test::ProcessResult after = cli({u"jobs"_s, u"--session"_s, kept});
    QCOMPARE(after.exitCode, 1);
}

QTEST_GUILESS_MAIN(TestCliCardLogin)
#include "TestCliCardLogin.moc"
