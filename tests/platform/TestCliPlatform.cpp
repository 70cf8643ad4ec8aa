// TestCliPlatform: haip-cli's platform commands against the real `haip-platform serve` — login
// (card profile + one-time password → a 0600 session file), catalog (verified against the pin;
// a wrong pin fails), submit --wait --out (seal, resumable upload, commit, follow, open the
// result), jobs, result (again, with the response key file) — every output one JSON line, every
// failure a JSON error and exit code 1.
#include "EchoService.h"
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "crypto/TlsPolicy.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using haip::test::jsonLines;
using namespace haip;
using haip::test::PlatformLogin;
using haip::test::PlatformProcess;

namespace {

QString sha256File(const QString &path)
{
    QFile f(path);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    if (!f.open(QIODevice::ReadOnly) || !sha.addData(&f))
        return {};
    return QString::fromLatin1(sha.result().toHex());
}

} // namespace

class TestCliPlatform : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loginWritesPrivateSessionFile();
    void catalogListsVerifiedServices();
    void catalogWithWrongPinFails();
    void submitWaitsAndOpensResult();
    void submitRefusesWhatIsNotDeidentified_data();
    void submitRefusesWhatIsNotDeidentified();
    void jobsAndResultCommands();
    void wrongOtpFails();

private:
    test::ProcessResult cli(const QStringList &arguments);

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformProcess> m_platform;
    std::unique_ptr<PlatformLogin> m_codes;
    QString m_catalogPin;
    QString m_session;
    QString m_jobId;
    QStringList m_originals; // pydicom's files, with their patients' names
    QStringList m_files; // their de-identified copies
};

test::ProcessResult TestCliPlatform::cli(const QStringList &arguments)
{
    return test::run(test::programPath(u"haip-cli"_s), arguments, 60000);
}

void TestCliPlatform::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString state = m_dir.filePath(u"state"_s);
    QVERIFY(PlatformProcess::init(state));
    QVERIFY(test::installEchoService(state));
    Result<crypto::SpkiPin> pin = test::catalogPin(state);
    QVERIFY(pin);
    m_catalogPin = pin->toHex();
    m_platform = std::make_unique<PlatformProcess>(state);
    const Result<void> started = m_platform->start({u"--public-rate"_s, u"100"_s, u"--public-burst"_s, u"100"_s});
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    m_codes = std::make_unique<PlatformLogin>(*m_platform);
    m_session = m_dir.filePath(u"session.json"_s);
    // What a clinician may send: de-identified copies (haip-cli deid, with a secret of its own).
    QFile secret(m_dir.filePath(u"deid-secret"_s));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    QCOMPARE(secret.write(QByteArray(32, 's')), 32);
    secret.close();
    for (const char *name : {"CT_small.dcm", "MR_small.dcm"})
        m_originals.append(test::pydicomFile(u"test_files/"_s + QLatin1String(name)));
    const test::ProcessResult deid =
        cli(QStringList {u"deid"_s, u"--secret-file"_s, secret.fileName(), u"--out"_s, m_dir.filePath(u"deid"_s)} +
            m_originals);
    QVERIFY2(deid.exitCode == 0, deid.err.constData());
    for (const QJsonObject &line : jsonLines(deid.out))
        m_files.append(line.value(u"out"_s).toString());
    QCOMPARE(m_files.size(), m_originals.size());
}

void TestCliPlatform::loginWritesPrivateSessionFile()
{
    const test::ProcessResult r =
        cli(m_platform->cliLoginArguments(u"sato"_s, m_codes->nextCode(u"sato"_s), m_session));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0].value(u"signedIn"_s).toString(), u"sato"_s);
    QCOMPARE(QFile::permissions(m_session) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

void TestCliPlatform::catalogListsVerifiedServices()
{
    const test::ProcessResult r = cli({u"catalog"_s, u"--session"_s, m_session, u"--catalog-pin"_s, m_catalogPin});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // The three reference AI services (their entries built in) and the echo service (an entry in
    // the state folder), each with its envelope key.
    QStringList ids;
    for (const QJsonObject &line : jsonLines(r.out)) {
        ids.append(line.value(u"id"_s).toString());
        QCOMPARE(line.value(u"regulatory"_s).toString(), u"research-use-only"_s);
        QCOMPARE(line.value(u"keyId"_s).toString().size(), 16);
    }
    ids.sort();
    QCOMPARE(ids,
             QStringList({u"anomaly-heatmap"_s,
                          u"chest-ct-nodule"_s,
                          QLatin1String(test::kEchoService),
                          u"head-ct-hyperdensity"_s}));
}

void TestCliPlatform::catalogWithWrongPinFails()
{
    const test::ProcessResult r = cli({u"catalog"_s, u"--session"_s, m_session, u"--catalog-pin"_s, QString(64, u'0')});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(r.err.trimmed()).object().value(u"error"_s).toString(), u"key-pin-mismatch"_s);
}

void TestCliPlatform::submitWaitsAndOpensResult()
{
    const QString out = m_dir.filePath(u"result"_s);
    const QString key = m_dir.filePath(u"job.key"_s);
    const test::ProcessResult r = cli(QStringList {u"submit"_s,
                                                   u"--session"_s,
                                                   m_session,
                                                   u"--catalog-pin"_s,
                                                   m_catalogPin,
                                                   u"--service"_s,
                                                   QLatin1String(test::kEchoService),
                                                   u"--modality"_s,
                                                   u"CT"_s,
                                                   u"--response-key"_s,
                                                   key,
                                                   u"--out"_s,
                                                   out} +
                                      m_files);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 3); // committed, completed, result files
    QVERIFY(lines[0].value(u"committed"_s).toBool());
    QCOMPARE(lines[1].value(u"state"_s).toString(), u"COMPLETED"_s);
    m_jobId = lines[1].value(u"jobId"_s).toString();
    const QJsonArray parts = lines[2].value(u"result"_s).toArray();
    QCOMPARE(parts.size(), 2);
    QFile findings(out + u"/findings.json"_s);
    QVERIFY(findings.open(QIODevice::ReadOnly));
    const QJsonArray received = QJsonDocument::fromJson(findings.readAll()).object().value(u"parts"_s).toArray();
    QCOMPARE(received.size(), m_files.size());
    for (int i = 0; i < m_files.size(); ++i)
        QCOMPARE(received[i].toObject().value(u"sha256"_s).toString(), sha256File(m_files[i]));
    QCOMPARE(QFile::permissions(key) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

void TestCliPlatform::submitRefusesWhatIsNotDeidentified_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("why");
    QTest::newRow("identifiable DICOM") << m_originals.front() << u"haip-cli deid"_s;
    QTest::newRow("not DICOM") << QStringLiteral(HAIP_SOURCE_DIR "/README.md") << u"--raw"_s;
}

void TestCliPlatform::submitRefusesWhatIsNotDeidentified()
{
    QFETCH(QString, file);
    QFETCH(QString, why);
    const QString key = m_dir.filePath(u"refused.key"_s);
    const test::ProcessResult r = cli({u"submit"_s,
                                       u"--session"_s,
                                       m_session,
                                       u"--catalog-pin"_s,
                                       m_catalogPin,
                                       u"--service"_s,
                                       QLatin1String(test::kEchoService),
                                       u"--response-key"_s,
                                       key,
                                       file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty()); // no job
    QVERIFY(!QFile::exists(key)); // nothing sealed
    const QJsonObject error = QJsonDocument::fromJson(r.err.trimmed()).object();
    QCOMPARE(error.value(u"error"_s).toString(), u"invalid-argument"_s);
    QVERIFY2(error.value(u"detail"_s).toString().contains(why) || error.value(u"message"_s).toString().contains(why),
             r.err.constData());
}

void TestCliPlatform::jobsAndResultCommands()
{
    QVERIFY(!m_jobId.isEmpty());
    test::ProcessResult r = cli({u"jobs"_s, u"--session"_s, m_session});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0].value(u"jobId"_s).toString(), m_jobId);

    const QString out = m_dir.filePath(u"again"_s);
    r = cli({u"result"_s,
             u"--session"_s,
             m_session,
             u"--job"_s,
             m_jobId,
             u"--response-key"_s,
             m_dir.filePath(u"job.key"_s),
             u"--out"_s,
             out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(sha256File(out + u"/findings.json"_s), sha256File(m_dir.filePath(u"result/findings.json"_s)));
    QVERIFY(QFile::exists(out + u"/report.html"_s));

    // Another job id: a clear not-found error.
    r = cli({u"jobs"_s, u"--session"_s, m_session, u"--job"_s, QString(32, u'0')});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(r.err.trimmed()).object().value(u"error"_s).toString(), u"not-found"_s);
}

void TestCliPlatform::wrongOtpFails()
{
    // A code that is none of the accepted ones (current step ±1).
    QString wrong = m_codes->codeForStep(u"yamada"_s, m_codes->currentStep());
    for (;;) {
        wrong = u"%1"_s.arg((wrong.toInt() + 1) % 1000000, 6, 10, QChar(u'0'));
        const qint64 step = m_codes->currentStep();
        if (wrong != m_codes->codeForStep(u"yamada"_s, step - 1) && wrong != m_codes->codeForStep(u"yamada"_s, step) &&
            wrong != m_codes->codeForStep(u"yamada"_s, step + 1))
            break;
    }
    const test::ProcessResult r = cli({u"login"_s,
                                       u"--platform"_s,
                                       m_platform->url().toString(),
                                       u"--ca-pin"_s,
                                       crypto::TlsPolicy::pinToHex(m_platform->pin()),
                                       u"--card"_s,
                                       m_platform->statePath(u"clinicians/yamada/card.json"_s),
                                       u"--otp"_s,
                                       wrong,
                                       u"--session"_s,
                                       m_dir.filePath(u"other-session.json"_s)});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(r.err.trimmed()).object().value(u"error"_s).toString(),
             u"authentication-failed"_s);
    QVERIFY(!QFile::exists(m_dir.filePath(u"other-session.json"_s)));
}

QTEST_GUILESS_MAIN(TestCliPlatform)
#include "TestCliPlatform.moc"
