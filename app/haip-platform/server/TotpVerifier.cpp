#include "TotpVerifier.h"

#include "PlatformState.h"
#include "crypto/Totp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcOtp, "haip.platform.otp")

namespace haip::server {

TotpVerifier::TotpVerifier(QString stateFile, Options options, Clock clock)
    : m_stateFile(std::move(stateFile)), m_options(options), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
}

Result<void> TotpVerifier::load()
{
    Result<QByteArray> bytes = PlatformState::readFile(m_stateFile);
    if (!bytes)
        return bytes.error().code() == ErrorCode::FileNotFound ? Result<void>() : Result<void>(bytes.error());
    const QJsonObject root = QJsonDocument::fromJson(*bytes).object();
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        const QJsonObject o = it.value().toObject();
        UserState s;
        s.lastAcceptedStep = qint64(o.value(QStringLiteral("lastAcceptedStep")).toDouble(-1));
        s.failures = o.value(QStringLiteral("failures")).toInt();
        s.lockedUntil = QDateTime::fromString(o.value(QStringLiteral("lockedUntil")).toString(), Qt::ISODate);
        m_users.insert(it.key(), s);
    }
    return {};
}

void TotpVerifier::save() const
{
    QJsonObject root;
    for (auto it = m_users.constBegin(); it != m_users.constEnd(); ++it) {
        root.insert(it.key(),
                    QJsonObject {{QStringLiteral("lastAcceptedStep"), double(it->lastAcceptedStep)},
                                 {QStringLiteral("failures"), it->failures},
                                 {QStringLiteral("lockedUntil"), it->lockedUntil.toString(Qt::ISODate)}});
    }
    if (Result<void> r = PlatformState::writeFile(m_stateFile, QJsonDocument(root).toJson(), true); !r)
        qCWarning(lcOtp) << "cannot persist the OTP state:" << r.error().detail();
}

int TotpVerifier::lockedForSeconds(const QString &clinicianId) const
{
    const auto it = m_users.constFind(clinicianId);
    if (it == m_users.constEnd() || !it->lockedUntil.isValid())
        return 0;
    const qint64 left = m_clock().secsTo(it->lockedUntil);
    return left > 0 ? int(left) : 0;
}

Result<void> TotpVerifier::verify(const Clinician &clinician, const QString &code)
{
    UserState &s = m_users[clinician.id];
    if (const int locked = lockedForSeconds(clinician.id); locked > 0)
        return Error(ErrorCode::AccountLocked, QStringLiteral("retry after %1 s").arg(locked));
    const QDateTime now = m_clock();
    const crypto::Totp totp(clinician.totpSecret, {}, [now] { return now.toSecsSinceEpoch(); });
    const std::optional<qint64> step = totp.verify(code, s.lastAcceptedStep, 1);
    if (!step) {
        ++s.failures;
        if (s.failures >= m_options.maxFailures) {
            s.failures = 0;
            s.lockedUntil = now.addSecs(m_options.lockoutSeconds);
            qCWarning(lcOtp) << "one-time password lock-out for" << clinician.id;
            save();
            return Error(ErrorCode::AccountLocked, QStringLiteral("retry after %1 s").arg(m_options.lockoutSeconds));
        }
        save();
        return Error(ErrorCode::AuthenticationFailed, QStringLiteral("wrong or already used one-time password"));
    }
    s.lastAcceptedStep = *step;
    s.failures = 0;
    s.lockedUntil = {};
    save();
    return {};
}

} // namespace haip::server
