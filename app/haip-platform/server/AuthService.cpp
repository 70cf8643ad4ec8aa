#include "AuthService.h"

#include "ProblemResponse.h"

#include <QJsonObject>
#include <QLoggingCategory>

#include <openssl/rand.h>

Q_LOGGING_CATEGORY(lcAuth, "haip.platform.auth")

namespace haip::server {

namespace {

constexpr int kChallengeBytes = 32;

QByteArray randomBytes(int n)
{
    QByteArray out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), n) != 1)
        qFatal("RAND_bytes failed");
    return out;
}

QString randomId()
{
    return QString::fromLatin1(
        randomBytes(16).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A required base64 member of a JSON body, decoded; InvalidArgument when absent or not base64.
Result<QByteArray> base64Member(const QJsonObject &body, const QString &name, qsizetype maxBytes)
{
    const QJsonValue v = body.value(name);
    if (!v.isString())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is required (base64)").arg(name));
    const auto decoded =
        QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty() || decoded.decoded.size() > maxBytes)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("'%1' is not valid base64 of a sensible size").arg(name));
    return decoded.decoded;
}

Result<QString> stringMember(const QJsonObject &body, const QString &name)
{
    const QJsonValue v = body.value(name);
    if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 256)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("'%1' is required (string)").arg(name));
    return v.toString();
}

} // namespace

AuthService::AuthService(const ClinicianDirectory &directory,
                         CardVerifier cards,
                         TotpVerifier &otp,
                         SessionCertificates &sessions,
                         Options options,
                         Clock clock)
    : m_directory(directory)
    , m_cards(std::move(cards))
    , m_otp(otp)
    , m_sessions(sessions)
    , m_options(options)
    , m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
}

QByteArray AuthService::loginMessage(const QByteArray &challenge, const QByteArray &sessionPublicKeyDer)
{
    QByteArray m(kLoginLabel);
    m.append('\0');
    m.append(challenge);
    m.append(sessionPublicKeyDer);
    return m;
}

void AuthService::prune()
{
    const QDateTime now = m_clock();
    for (auto it = m_challenges.begin(); it != m_challenges.end();)
        it = it->expires < now ? m_challenges.erase(it) : std::next(it);
    for (auto it = m_pending.begin(); it != m_pending.end();)
        it = it->expires < now ? m_pending.erase(it) : std::next(it);
}

Result<ApiResponse> AuthService::challenge()
{
    prune();
    if (m_challenges.size() >= m_options.maxOutstanding)
        return ProblemResponse::from(Error(ErrorCode::RateLimited, QStringLiteral("too many logins in progress")), 5);
    const QString id = randomId();
    const Challenge c {randomBytes(kChallengeBytes), m_clock().addSecs(m_options.challengeSeconds)};
    m_challenges.insert(id, c);
    return ApiResponse::json(
        {
            {QStringLiteral("challengeId"), id},
            {QStringLiteral("challenge"), QString::fromLatin1(c.bytes.toBase64())},
            {QStringLiteral("expiresAt"), c.expires.toString(Qt::ISODateWithMs)},
            {QStringLiteral("signatureInput"),
             QStringLiteral("%1 0x00 challenge sessionPublicKey").arg(QLatin1String(kLoginLabel))},
        },
        201);
}

Result<ApiResponse> AuthService::card(const ApiRequest &request)
{
    Result<QJsonObject> body = request.jsonObject();
    if (!body)
        return body.error();
    Result<QString> challengeId = stringMember(*body, QStringLiteral("challengeId"));
    if (!challengeId)
        return challengeId.error();
    Result<QByteArray> certificate = base64Member(*body, QStringLiteral("certificate"), 8192);
    Result<QByteArray> sessionKey = base64Member(*body, QStringLiteral("sessionPublicKey"), 1024);
    Result<QByteArray> signature = base64Member(*body, QStringLiteral("signature"), 1024);
    for (const Result<QByteArray> *r : {&certificate, &sessionKey, &signature}) {
        if (!*r)
            return r->error();
    }
    prune();
    // The challenge is consumed by the attempt, good or bad: one signature per challenge.
    const auto found = m_challenges.constFind(*challengeId);
    if (found == m_challenges.constEnd())
        return Error(ErrorCode::AuthenticationFailed, QStringLiteral("unknown, used or expired challenge"));
    const Challenge challenge = *found;
    m_challenges.remove(*challengeId);
    const QDateTime now = m_clock();
    if (challenge.expires < now)
        return Error(ErrorCode::AuthenticationFailed, QStringLiteral("the challenge has expired"));

    Result<CardIdentity> card = m_cards.verifyCertificate(*certificate, now);
    if (!card) {
        qCInfo(lcAuth) << "card certificate refused:" << card.error().detail();
        return card.error();
    }
    if (Result<void> sig =
            CardVerifier::verifySignature(*certificate, loginMessage(challenge.bytes, *sessionKey), *signature);
        !sig) {
        qCInfo(lcAuth) << "card signature refused for" << card->hpkiId;
        return sig.error();
    }
    const Clinician *clinician = m_directory.byHpkiId(card->hpkiId);
    if (!clinician)
        return Error(ErrorCode::CertificateRejected,
                     QStringLiteral("the card holder is not registered on this platform"));
    if (m_pending.size() >= m_options.maxOutstanding)
        return ProblemResponse::from(Error(ErrorCode::RateLimited, QStringLiteral("too many logins in progress")), 5);
    const QString loginId = randomId();
    const PendingLogin pending {clinician->id, *sessionKey, now.addSecs(m_options.pendingLoginSeconds)};
    m_pending.insert(loginId, pending);
    return ApiResponse::json({
        {QStringLiteral("loginId"), loginId},
        {QStringLiteral("clinician"), clinician->publicJson()},
        {QStringLiteral("next"), QStringLiteral("otp")},
        {QStringLiteral("expiresAt"), pending.expires.toString(Qt::ISODateWithMs)},
    });
}

Result<ApiResponse> AuthService::otp(const ApiRequest &request)
{
    Result<QJsonObject> body = request.jsonObject();
    if (!body)
        return body.error();
    Result<QString> loginId = stringMember(*body, QStringLiteral("loginId"));
    Result<QString> code = stringMember(*body, QStringLiteral("code"));
    if (!loginId || !code)
        return loginId ? code.error() : loginId.error();
    prune();
    const auto pending = m_pending.constFind(*loginId);
    if (pending == m_pending.constEnd())
        return Error(ErrorCode::AuthenticationFailed,
                     QStringLiteral("unknown or expired login; start again with the card"));
    const Clinician *clinician = m_directory.byId(pending->clinicianId);
    if (!clinician)
        return Error(ErrorCode::AuthenticationFailed, QStringLiteral("the clinician is no longer registered"));
    if (Result<void> r = m_otp.verify(*clinician, *code); !r) {
        if (r.error().code() == ErrorCode::AccountLocked)
            return ProblemResponse::from(r.error(), m_otp.lockedForSeconds(clinician->id));
        return r.error();
    }
    const QByteArray sessionKey = pending->sessionPublicKeyDer;
    m_pending.remove(*loginId);
    Result<SessionCertificates::Issued> issued = m_sessions.issue(*clinician, sessionKey);
    if (!issued)
        return issued.error();
    qCInfo(lcAuth) << "session" << issued->sessionId << "opened for" << clinician->id;
    QJsonObject out = issued->toJson();
    out.insert(QStringLiteral("clinician"), clinician->publicJson());
    return ApiResponse::json(out, 201);
}

Result<ApiResponse> AuthService::emergency(const ApiRequest &request)
{
    if (!m_options.emergencyAccess || m_emergencyCodes == nullptr)
        return Error(ErrorCode::AuthenticationFailed,
                     QStringLiteral("emergency access is not enabled on this platform"));
    Result<QJsonObject> body = request.jsonObject();
    if (!body)
        return body.error();
    Result<QString> userId = stringMember(*body, QStringLiteral("userId"));
    Result<QString> code = stringMember(*body, QStringLiteral("code"));
    Result<QString> emergencyCode = stringMember(*body, QStringLiteral("emergencyCode"));
    Result<QByteArray> sessionKey = base64Member(*body, QStringLiteral("sessionPublicKey"), 1024);
    for (const Result<QString> *r : {&userId, &code, &emergencyCode}) {
        if (!*r)
            return r->error();
    }
    if (!sessionKey)
        return sessionKey.error();
    const Clinician *clinician = m_directory.byId(*userId);
    if (!clinician)
        return Error(ErrorCode::AuthenticationFailed, QStringLiteral("unknown user or wrong codes"));
    // The one-time password first: its failures count towards the same lock-out as a card login.
    if (Result<void> r = m_otp.verify(*clinician, *code); !r) {
        if (r.error().code() == ErrorCode::AccountLocked)
            return ProblemResponse::from(r.error(), m_otp.lockedForSeconds(clinician->id));
        return r.error();
    }
    if (Result<void> r = m_emergencyCodes->consume(clinician->id, *emergencyCode, m_clock()); !r) {
        qCWarning(lcAuth) << "emergency access refused for" << clinician->id << ":" << r.error().detail();
        return r.error();
    }
    Result<SessionCertificates::Issued> issued =
        m_sessions.issue(*clinician, *sessionKey, m_options.emergencySessionSeconds);
    if (!issued)
        return issued.error();
    qCWarning(lcAuth) << "EMERGENCY ACCESS: session" << issued->sessionId << "opened for" << clinician->id
                      << "without a card, until" << issued->notAfter.toString(Qt::ISODate);
    QJsonObject out = issued->toJson();
    out.insert(QStringLiteral("clinician"), clinician->publicJson());
    return ApiResponse::json(out, 201);
}

Result<ApiResponse> AuthService::renew(const ApiRequest &request)
{
    Result<SessionCertificates::Issued> issued = m_sessions.renew(*request.identity, request.peerChain.front());
    if (!issued)
        return issued.error();
    return ApiResponse::json(issued->toJson());
}

Result<ApiResponse> AuthService::logout(const ApiRequest &request)
{
    m_sessions.end(*request.identity);
    qCInfo(lcAuth) << "session" << request.identity->sessionId << "ended by logout";
    return ApiResponse::noContent();
}

Result<ApiResponse> AuthService::session(const ApiRequest &request) const
{
    const ClientIdentity &id = *request.identity;
    const Clinician *clinician = m_directory.byId(id.clinicianId);
    return ApiResponse::json({
        {QStringLiteral("sessionId"), id.sessionId},
        {QStringLiteral("clinician"),
         clinician ? clinician->publicJson() : QJsonObject {{QStringLiteral("id"), id.clinicianId}}},
        {QStringLiteral("notAfter"), id.notAfter.toString(Qt::ISODate)},
    });
}

} // namespace haip::server
