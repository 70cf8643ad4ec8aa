#include "PlatformProcess.h"

#include "TestSupport.h"
#include "crypto/TlsPolicy.h"
#include "crypto/VerifyingKey.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>

namespace haip::test {

namespace {
// libfaketime, preloaded into haip-platform itself rather than run through the faketime program,
// which forks and waits, so stopping it would leave the server running.
QString faketimeLibrary()
{
    for (const char *dir :
         {"/usr/lib/x86_64-linux-gnu/faketime", "/usr/lib/aarch64-linux-gnu/faketime", "/usr/lib/faketime"}) {
        const QString library = QString::fromLatin1(dir) + QStringLiteral("/libfaketime.so.1");
        if (QFileInfo::exists(library))
            return library;
    }
    return {};
}

// The environment of a haip-platform whose clock is off by clockOffsetSeconds (none: ours).
Result<QProcessEnvironment> platformEnvironment(qint64 clockOffsetSeconds)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (clockOffsetSeconds == 0)
        return environment;
    const QString library = faketimeLibrary();
    if (library.isEmpty())
        return Error(ErrorCode::Internal, QStringLiteral("libfaketime is missing (Debian package faketime)"));
    environment.insert(QStringLiteral("LD_PRELOAD"), library);
    environment.insert(QStringLiteral("FAKETIME"),
                       QStringLiteral("%1%2").arg(clockOffsetSeconds > 0 ? u"+" : u"").arg(clockOffsetSeconds));
    // Under the asan preset the preloaded library comes before ASan's runtime, which ASan refuses
    // by default; it wraps only the clock functions, so the order does no harm here.
    const QString asan = environment.value(QStringLiteral("ASAN_OPTIONS"));
    environment.insert(QStringLiteral("ASAN_OPTIONS"),
                       (asan.isEmpty() ? QString() : asan + u':') + QStringLiteral("verify_asan_link_order=0"));
    return environment;
}
} // namespace

Result<QByteArray> PlatformProcess::init(const QString &stateDir, qint64 clockOffsetSeconds)
{
    Result<QProcessEnvironment> environment = platformEnvironment(clockOffsetSeconds);
    if (!environment)
        return environment.error();
    QProcess process;
    process.setProcessEnvironment(*environment);
    process.start(programPath(QStringLiteral("haip-platform")),
                  {QStringLiteral("init"), QStringLiteral("--state"), stateDir});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        process.kill();
        process.waitForFinished();
        return Error(ErrorCode::Internal,
                     QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()));
    }
    return process.readAllStandardOutput();
}

Result<void> PlatformProcess::copyCardProfile(const QString &stateDir, const QString &clinicianId, const QString &to)
{
    const QString from = stateDir + QStringLiteral("/clinicians/") + clinicianId + QStringLiteral("/card.json");
    QFile::remove(to);
    if (!QFile::copy(from, to) || !QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner))
        return Error(ErrorCode::WriteFailed, QStringLiteral("cannot copy the card profile"), from);
    return {};
}

PlatformProcess::PlatformProcess(QString stateDir) : m_stateDir(std::move(stateDir)) { }

PlatformProcess::~PlatformProcess()
{
    stop();
}

Result<void> PlatformProcess::start(const QStringList &extraArguments, int timeoutMs)
{
    const QStringList serve = QStringList {QStringLiteral("serve"),
                                           QStringLiteral("--state"),
                                           m_stateDir,
                                           QStringLiteral("--listen"),
                                           QStringLiteral("127.0.0.1:0")} +
        extraArguments;
    Result<QProcessEnvironment> environment = platformEnvironment(m_clockOffsetSeconds);
    if (!environment)
        return environment.error();
    m_process.setProcessEnvironment(*environment);
    endWithThisProcess(m_process);
    m_process.setProgram(programPath(QStringLiteral("haip-platform")));
    m_process.setArguments(serve);
    // The access log goes to a file: a pipe nobody reads would block the server once full.
    m_logFile = statePath(QStringLiteral("serve-%1.log").arg(QDateTime::currentMSecsSinceEpoch()));
    m_process.setStandardErrorFile(m_logFile);
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs))
        return Error(ErrorCode::Internal, m_process.errorString());
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (!out.contains('\n')) {
        if (timer.elapsed() > timeoutMs || m_process.state() != QProcess::Running) {
            return Error(ErrorCode::Internal,
                         QStringLiteral("haip-platform serve did not start: %1 %2")
                             .arg(QString::fromUtf8(out), QString::fromUtf8(serverLog())));
        }
        m_process.waitForReadyRead(200);
        out += m_process.readAllStandardOutput();
    }
    const QJsonObject line = QJsonDocument::fromJson(out.left(out.indexOf('\n'))).object();
    m_url = QUrl(line.value(QStringLiteral("listening")).toString());
    Result<QByteArray> pin = crypto::TlsPolicy::parsePin(line.value(QStringLiteral("ca_spki_sha256")).toString());
    if (!m_url.isValid() || m_url.port() <= 0 || !pin)
        return Error(ErrorCode::Internal, QStringLiteral("unexpected listening line: %1").arg(QString::fromUtf8(out)));
    m_pin = *pin;
    return {};
}

void PlatformProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool PlatformProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

QString PlatformProcess::statePath(const QString &relative) const
{
    return QDir(m_stateDir).filePath(relative);
}

QList<QSslCertificate> PlatformProcess::caCandidates() const
{
    return QSslCertificate::fromPath(statePath(QStringLiteral("tls/ca.pem")), QSsl::Pem);
}

QStringList
PlatformProcess::cliLoginArguments(const QString &clinicianId, const QString &otp, const QString &sessionFile) const
{
    return {QStringLiteral("login"),
            QStringLiteral("--platform"),
            m_url.toString(),
            QStringLiteral("--ca-pin"),
            crypto::TlsPolicy::pinToHex(m_pin),
            QStringLiteral("--card"),
            statePath(QStringLiteral("clinicians/%1/card.json").arg(clinicianId)),
            QStringLiteral("--otp"),
            otp,
            QStringLiteral("--session"),
            sessionFile};
}

QSslConfiguration PlatformProcess::clientTls() const
{
    Result<QSslConfiguration> c = crypto::TlsPolicy(m_pin).clientConfiguration(caCandidates());
    return c ? *c : QSslConfiguration();
}

QSslConfiguration PlatformProcess::clientTls(const QList<QSslCertificate> &chain, const QSslKey &key) const
{
    Result<QSslConfiguration> c = crypto::TlsPolicy(m_pin).clientConfiguration(caCandidates(), chain, key);
    return c ? *c : QSslConfiguration();
}

QByteArray PlatformProcess::serverLog() const
{
    QFile log(m_logFile);
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
}

Result<crypto::SpkiPin> catalogPin(const QString &stateDir)
{
    QFile f(stateDir + QStringLiteral("/catalog/signing-key.pub.pem"));
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileNotFound, f.errorString(), f.fileName());
    Result<crypto::VerifyingKey> key = crypto::VerifyingKey::fromPem(f.readAll());
    if (!key)
        return key.error();
    return crypto::SpkiPin::of(*key);
}

QStringList relaxedRateLimits()
{
    return {QStringLiteral("--public-rate"),
            QStringLiteral("500"),
            QStringLiteral("--public-burst"),
            QStringLiteral("1000"),
            QStringLiteral("--api-rate"),
            QStringLiteral("500"),
            QStringLiteral("--api-burst"),
            QStringLiteral("1000")};
}

crypto::SecureBuffer randomKey()
{
    crypto::SecureBuffer key(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), 8);
    return key;
}

} // namespace haip::test
