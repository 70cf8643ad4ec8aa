// TOTP/HOTP per RFC 6238 / RFC 4226 with Qt's HMAC; Base32 per RFC 4648 section 6.
#include "crypto/Totp.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QUrlQuery>

#include <cstring>

namespace haip::crypto {

namespace {

constexpr char kBase32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

QCryptographicHash::Algorithm hashFor(TotpAlgorithm algorithm)
{
    switch (algorithm) {
    case TotpAlgorithm::Sha1:
        return QCryptographicHash::Sha1;
    case TotpAlgorithm::Sha256:
        return QCryptographicHash::Sha256;
    case TotpAlgorithm::Sha512:
        return QCryptographicHash::Sha512;
    }
    return QCryptographicHash::Sha1;
}

QString algorithmName(TotpAlgorithm algorithm)
{
    switch (algorithm) {
    case TotpAlgorithm::Sha1:
        return QStringLiteral("SHA1");
    case TotpAlgorithm::Sha256:
        return QStringLiteral("SHA256");
    case TotpAlgorithm::Sha512:
        return QStringLiteral("SHA512");
    }
    return QStringLiteral("SHA1");
}

bool constantTimeEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

Totp::Totp(QByteArray secret, TotpParameters parameters, Clock clock)
    : m_secret(std::move(secret)), m_parameters(parameters), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentSecsSinceEpoch();
        };
}

QString Totp::hotp(const QByteArray &secret, quint64 counter, TotpAlgorithm algorithm, int digits)
{
    QByteArray message(8, '\0');
    for (int i = 7; i >= 0; --i) {
        message[i] = char(counter & 0xff);
        counter >>= 8;
    }
    const QByteArray mac = QMessageAuthenticationCode::hash(message, secret, hashFor(algorithm));
    // Dynamic truncation (RFC 4226 section 5.3).
    const int offset = mac.back() & 0x0f;
    const quint32 binary = (quint32(quint8(mac[offset]) & 0x7f) << 24) | (quint32(quint8(mac[offset + 1])) << 16) |
        (quint32(quint8(mac[offset + 2])) << 8) | quint32(quint8(mac[offset + 3]));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QString::number(binary % modulus).rightJustified(digits, u'0');
}

qint64 Totp::stepAt(qint64 unixSeconds) const
{
    const qint64 t = unixSeconds - m_parameters.t0;
    // Floor division, so times before t0 do not round towards zero.
    return t >= 0 ? t / m_parameters.periodSeconds
                  : -((-t + m_parameters.periodSeconds - 1) / m_parameters.periodSeconds);
}

qint64 Totp::currentStep() const
{
    return stepAt(m_clock());
}

QString Totp::codeAt(qint64 unixSeconds) const
{
    return hotp(m_secret, quint64(stepAt(unixSeconds)), m_parameters.algorithm, m_parameters.digits);
}

QString Totp::now() const
{
    return codeAt(m_clock());
}

std::optional<qint64> Totp::verify(const QString &code, qint64 lastAcceptedStep, int window) const
{
    const QByteArray given = code.trimmed().toLatin1();
    if (given.size() != m_parameters.digits)
        return std::nullopt;
    const qint64 current = currentStep();
    std::optional<qint64> matched;
    // Every candidate is computed and compared, so the time taken does not say which one matched.
    for (qint64 step = current - window; step <= current + window; ++step) {
        if (step < 0)
            continue;
        const QByteArray expected =
            hotp(m_secret, quint64(step), m_parameters.algorithm, m_parameters.digits).toLatin1();
        if (constantTimeEqual(given, expected) && !matched)
            matched = step;
    }
    if (!matched || *matched <= lastAcceptedStep)
        return std::nullopt;
    return matched;
}

QString Totp::otpauthUri(const QString &issuer, const QString &account) const
{
    // Key URI format (Google Authenticator): label "issuer:account", parameters as below.
    QUrl url;
    url.setScheme(QStringLiteral("otpauth"));
    url.setHost(QStringLiteral("totp"));
    url.setPath(u'/' + issuer + u':' + account);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("secret"), base32Encode(m_secret));
    q.addQueryItem(QStringLiteral("issuer"), issuer);
    q.addQueryItem(QStringLiteral("algorithm"), algorithmName(m_parameters.algorithm));
    q.addQueryItem(QStringLiteral("digits"), QString::number(m_parameters.digits));
    q.addQueryItem(QStringLiteral("period"), QString::number(m_parameters.periodSeconds));
    url.setQuery(q);
    return url.toString(QUrl::FullyEncoded);
}

QString Totp::base32Encode(const QByteArray &bytes)
{
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (char c : bytes) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5) {
            out.append(QLatin1Char(kBase32Alphabet[(buffer >> (bits - 5)) & 0x1f]));
            bits -= 5;
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(kBase32Alphabet[(buffer << (5 - bits)) & 0x1f]));
    return out;
}

Result<QByteArray> Totp::base32Decode(const QString &text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (QChar ch : text) {
        if (ch == u'=' || ch == u' ')
            continue;
        const char c = char(ch.toUpper().toLatin1());
        const char *pos = c ? std::strchr(kBase32Alphabet, c) : nullptr;
        if (!pos)
            return Error(ErrorCode::InvalidArgument, QStringLiteral("not Base32: '%1'").arg(ch));
        buffer = (buffer << 5) | quint32(pos - kBase32Alphabet);
        bits += 5;
        if (bits >= 8) {
            out.append(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

} // namespace haip::crypto
