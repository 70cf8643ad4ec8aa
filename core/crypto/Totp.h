// Totp: time-based one-time passwords, RFC 6238 over HOTP (RFC 4226): HMAC-SHA-1/256/512,
// 30-second steps, 6 digits by default. The clock is injectable (tests use RFC 6238 Appendix B
// times). verify() accepts the current step ±window and refuses any step at or before the last
// one accepted, so a code cannot be used twice (the caller stores lastAcceptedStep per user).
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace haip::crypto {

enum class TotpAlgorithm
{
    Sha1,
    Sha256,
    Sha512,
};

struct TotpParameters
{
    TotpAlgorithm algorithm = TotpAlgorithm::Sha1;
    int digits = 6; // 6…8
    int periodSeconds = 30;
    qint64 t0 = 0; // Unix time of step 0
};

class Totp
{
public:
    using Clock = std::function<qint64()>; // Unix time, seconds

    explicit Totp(QByteArray secret, TotpParameters parameters = {}, Clock clock = {});

    // RFC 4226 HOTP value for a counter, zero-padded to `digits`.
    static QString hotp(const QByteArray &secret, quint64 counter, TotpAlgorithm algorithm, int digits);

    qint64 stepAt(qint64 unixSeconds) const;
    qint64 currentStep() const;
    QString codeAt(qint64 unixSeconds) const;
    QString now() const;

    // The step a code belongs to when it matches within currentStep ± window and is later than
    // lastAcceptedStep (−1: none yet); nullopt otherwise. Comparison in constant time.
    std::optional<qint64> verify(const QString &code, qint64 lastAcceptedStep = -1, int window = 1) const;

    // otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=…&digits=…&period=…
    QString otpauthUri(const QString &issuer, const QString &account) const;

    static QString base32Encode(const QByteArray &bytes); // RFC 4648, no padding
    static Result<QByteArray> base32Decode(const QString &text); // case-insensitive, padding optional

private:
    QByteArray m_secret;
    TotpParameters m_parameters;
    Clock m_clock;
};

} // namespace haip::crypto
