// TotpVerifier: the platform's one-time-password gate per clinician — RFC 6238 codes (SHA-1,
// 30 s, 6 digits, ±1 step), a code's time step accepted once only (replay refused), and after
// `maxFailures` consecutive wrong codes a lock-out for `lockoutSeconds` during which even the
// right code is refused. The state (last accepted step, failures, lock-out end) is persisted so
// a restart does not reopen a replay window or lift a lock-out.
#pragma once

#include "ClinicianDirectory.h"
#include "common/Result.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <functional>

namespace haip::server {

class TotpVerifier
{
public:
    using Clock = std::function<QDateTime()>;

    struct Options
    {
        int maxFailures = 5;
        int lockoutSeconds = 300;
    };

    TotpVerifier(QString stateFile, Options options, Clock clock = {});
    Result<void> load();

    // Ok, or AuthenticationFailed (wrong / reused code), or AccountLocked.
    Result<void> verify(const Clinician &clinician, const QString &code);
    // Seconds left in a lock-out (0 when not locked).
    int lockedForSeconds(const QString &clinicianId) const;

private:
    struct UserState
    {
        qint64 lastAcceptedStep = -1;
        int failures = 0;
        QDateTime lockedUntil;
    };
    void save() const;

    QString m_stateFile;
    Options m_options;
    Clock m_clock;
    QHash<QString, UserState> m_users;
};

} // namespace haip::server
