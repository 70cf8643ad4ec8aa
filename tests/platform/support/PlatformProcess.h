// PlatformProcess: the real `haip-platform` for tests — `init` into a state folder, then `serve`
// on 127.0.0.1 with port 0 as a child process; reads the {"listening", "ca_spki_sha256"} line.
// The TLS client configuration it hands out trusts only the pinned platform CA (TlsPolicy).
#pragma once

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "crypto/SpkiPin.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>
#include <QUrl>

namespace haip::test {

class PlatformProcess
{
public:
    // `haip-platform init --state DIR`; the JSON lines it printed, or an error text. With a clock
    // offset it runs under `faketime` like a platform whose host clock is off (setClockOffset).
    static Result<QByteArray> init(const QString &stateDir, qint64 clockOffsetSeconds = 0);
    // A private 0600 copy of a demo clinician's card profile (haip-vcard writes its PIN counters
    // back, so each test plays its own copy), replacing `to` if it exists.
    static Result<void> copyCardProfile(const QString &stateDir, const QString &clinicianId, const QString &to);

    explicit PlatformProcess(QString stateDir);
    ~PlatformProcess();
    PlatformProcess(const PlatformProcess &) = delete;
    PlatformProcess &operator=(const PlatformProcess &) = delete;

    // Starts `serve` with extra options and waits for its listening line.
    Result<void> start(const QStringList &extraArguments = {}, int timeoutMs = 20000);
    void stop();
    bool isRunning() const;

    const QString &stateDir() const { return m_stateDir; }
    QString statePath(const QString &relative) const;
    QUrl url() const { return m_url; }
    quint16 port() const { return quint16(m_url.port()); }
    const QByteArray &pin() const { return m_pin; }
    // The platform TLS CA certificate from the state folder (the pin's candidate anchor).
    QList<QSslCertificate> caCandidates() const;
    // Client TLS configuration: pinned CA, no client certificate / with a session certificate.
    QSslConfiguration clientTls() const;
    // `haip-cli login` with a clinician's card profile of this platform and a one-time password.
    QStringList cliLoginArguments(const QString &clinicianId, const QString &otp, const QString &sessionFile) const;
    QSslConfiguration clientTls(const QList<QSslCertificate> &chain, const QSslKey &key) const;
    // What the server wrote to stderr (its access log and warnings), from <state>/serve-*.log.
    QByteArray serverLog() const;

    // Runs the platform (and its workers) with its clock this far off (libfaketime's `faketime`);
    // takes effect at the next start().
    void setClockOffset(qint64 seconds) { m_clockOffsetSeconds = seconds; }
    qint64 clockOffset() const { return m_clockOffsetSeconds; }

private:
    QString m_stateDir;
    qint64 m_clockOffsetSeconds = 0;
    QProcess m_process;
    QUrl m_url;
    QByteArray m_pin;
    QString m_logFile;
};

// The pin of the platform's catalog signing key (what policy sets as CatalogKeySha256).
Result<crypto::SpkiPin> catalogPin(const QString &stateDir);

// `serve` options with rate limits far above what one test sends (polls, retries, chunks).
QStringList relaxedRateLimits();

// 32 random bytes: a job store's or re-identification map's key in tests.
crypto::SecureBuffer randomKey();

} // namespace haip::test
