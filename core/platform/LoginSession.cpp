// LoginSession: the login steps as a chain of asynchronous replies, each guarded by the login's
// generation so a late answer of an abandoned login is dropped.
#include "platform/LoginSession.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace haip::platform {

namespace {

constexpr qsizetype kChallengeBytes = 32;

QByteArray loginMessage(const QByteArray &challenge, const QByteArray &sessionSpki)
{
    return QByteArrayLiteral("HAIP-CARD-LOGIN-V1") + '\0' + challenge + sessionSpki;
}

Result<QByteArray> base64Member(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isString())
        return Error(ErrorCode::BadServerResponse, QStringLiteral("member '%1' missing").arg(QLatin1String(name)));
    const auto decoded =
        QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Error(ErrorCode::BadServerResponse,
                     QStringLiteral("member '%1' is not base64").arg(QLatin1String(name)));
    return *decoded;
}

QDateTime timeMember(const QJsonObject &o, const char *name)
{
    return QDateTime::fromString(o.value(QLatin1String(name)).toString(), Qt::ISODateWithMs).toUTC();
}

} // namespace

LoginSession::LoginSession(ApiClient &api, QObject *parent) : LoginSession(api, Options(), parent) { }

LoginSession::LoginSession(ApiClient &api, Options options, QObject *parent)
    : QObject(parent), m_api(api), m_options(options)
{
    m_renewTimer.setSingleShot(true);
    connect(&m_renewTimer, &QTimer::timeout, this, &LoginSession::renew);
    connect(&m_api, &ApiClient::sessionRejected, this, [this](const Error &error) {
        if (m_state != State::SignedIn)
            return;
        endLocally();
        emit sessionEnded(error);
    });
}

LoginSession::~LoginSession()
{
    if (m_inFlight)
        m_inFlight->deleteLater();
    m_key.wipe();
}

void LoginSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void LoginSession::fail(const Error &error)
{
    ++m_generation;
    m_card = nullptr;
    m_otp = {};
    m_loginId.clear();
    m_key.wipe();
    setState(State::SignedOut);
    emit loginFailed(error);
}

// Signing in from here: a fresh session key in memory (a failure ends the attempt, queued).
bool LoginSession::beginWithNewKey()
{
    setState(State::SigningIn);
    Result<SessionKey> key = SessionKey::generate();
    if (!key) {
        const Error &e = key.error();
        QMetaObject::invokeMethod(
            this, [this, e] { fail(e); }, Qt::QueuedConnection);
        return false;
    }
    m_key = std::move(key).value();
    return true;
}

void LoginSession::login(CardSigner &card, OtpProvider otp)
{
    if (m_state != State::SignedOut)
        endLocally();
    ++m_generation;
    m_card = &card;
    m_otp = std::move(otp);
    m_otpAttempt = 0;
    if (!beginWithNewKey())
        return;
    ApiReply *reply = m_api.postJson(QStringLiteral("/v1/auth/challenge"), {});
    m_inFlight = reply;
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation == m_generation)
            onChallenge(reply);
    });
}

void LoginSession::onChallenge(ApiReply *reply)
{
    if (!reply->result())
        return fail(reply->result().error());
    Result<QJsonObject> body = reply->result()->json(m_api.options().json);
    if (!body)
        return fail(body.error());
    Result<QByteArray> challenge = base64Member(*body, "challenge");
    const QString challengeId = body->value(QLatin1String("challengeId")).toString();
    if (!challenge || challenge->size() != kChallengeBytes || challengeId.isEmpty())
        return fail(Error(ErrorCode::BadServerResponse, QStringLiteral("a malformed login challenge")));
    Result<QByteArray> certificate = m_card->certificateDer();
    if (!certificate)
        return fail(certificate.error());
    const quint64 generation = m_generation;
    const QByteArray cert = *certificate;
    m_card->signLoginMessage(
        loginMessage(*challenge, m_key.publicKeyDer()),
        [this, generation, challengeId, cert](Result<QByteArray> signature) {
            if (generation != m_generation)
                return;
            if (!signature)
                return fail(signature.error());
            ApiReply *next = m_api.postJson(
                QStringLiteral("/v1/auth/card"),
                {{QStringLiteral("challengeId"), challengeId},
                 {QStringLiteral("certificate"), QString::fromLatin1(cert.toBase64())},
                 {QStringLiteral("sessionPublicKey"), QString::fromLatin1(m_key.publicKeyDer().toBase64())},
                 {QStringLiteral("signature"), QString::fromLatin1(signature->toBase64())}});
            m_inFlight = next;
            connect(next, &ApiReply::finished, this, [this, next, generation] {
                next->deleteLater();
                if (generation == m_generation)
                    onCardAnswer(next);
            });
        });
}

void LoginSession::onCardAnswer(ApiReply *reply)
{
    if (!reply->result())
        return fail(reply->result().error());
    Result<QJsonObject> body = reply->result()->json(m_api.options().json);
    if (!body)
        return fail(body.error());
    Result<ClinicianInfo> clinician = ClinicianInfo::fromJson(body->value(QLatin1String("clinician")).toObject());
    m_loginId = body->value(QLatin1String("loginId")).toString();
    if (!clinician || m_loginId.isEmpty())
        return fail(Error(ErrorCode::BadServerResponse, QStringLiteral("a malformed card answer")));
    m_info = {};
    m_info.clinician = *clinician;
    askOtp(Error());
}

void LoginSession::askOtp(const Error &previous)
{
    ++m_otpAttempt;
    const quint64 generation = m_generation;
    OtpPrompt prompt {m_info.clinician, m_otpAttempt, previous};
    m_otp(prompt, [this, generation](Result<QString> code) {
        if (generation != m_generation)
            return;
        if (!code)
            return fail(code.error());
        ApiReply *reply = m_api.postJson(QStringLiteral("/v1/auth/otp"),
                                         {{QStringLiteral("loginId"), m_loginId}, {QStringLiteral("code"), *code}});
        m_inFlight = reply;
        connect(reply, &ApiReply::finished, this, [this, reply, generation] {
            reply->deleteLater();
            if (generation == m_generation)
                onOtpAnswer(reply);
        });
    });
}

void LoginSession::onOtpAnswer(ApiReply *reply)
{
    if (!reply->result()) {
        const Error e = reply->result().error();
        // A wrong code may be typed again (the platform counts and locks out); anything else ends it.
        if (e.code() == ErrorCode::AuthenticationFailed && m_otpAttempt < m_options.maxOtpAttempts)
            return askOtp(e);
        return fail(e);
    }
    onSessionIssued(reply);
}

void LoginSession::loginEmergency(const QString &userId, const QString &otp, const QString &emergencyCode)
{
    if (m_state != State::SignedOut)
        endLocally();
    ++m_generation;
    m_card = nullptr;
    m_otp = {};
    if (!beginWithNewKey())
        return;
    m_info = {};
    ApiReply *reply =
        m_api.postJson(QStringLiteral("/v1/auth/emergency"),
                       {{QStringLiteral("userId"), userId},
                        {QStringLiteral("code"), otp},
                        {QStringLiteral("emergencyCode"), emergencyCode},
                        {QStringLiteral("sessionPublicKey"), QString::fromLatin1(m_key.publicKeyDer().toBase64())}});
    m_inFlight = reply;
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        if (!reply->result())
            return fail(reply->result().error());
        onSessionIssued(reply);
    });
}

// The platform's answer that opens the session (after the OTP, or for emergency access).
void LoginSession::onSessionIssued(ApiReply *reply)
{
    Result<QJsonObject> body = reply->result()->json(m_api.options().json);
    if (!body)
        return fail(body.error());
    if (Result<void> taken = takeCertificate(*body); !taken)
        return fail(taken.error());
    m_card = nullptr;
    m_otp = {};
    m_loginId.clear();
    setState(State::SignedIn);
    scheduleRenewal();
    emit signedIn(m_info);
}

Result<void> LoginSession::takeCertificate(const QJsonObject &issued)
{
    Result<QByteArray> leaf = base64Member(issued, "certificate");
    if (!leaf)
        return leaf.error();
    QList<QSslCertificate> chain {QSslCertificate(*leaf, QSsl::Der)};
    for (const QJsonValue ca : issued.value(QLatin1String("caCertificates")).toArray()) {
        const auto der =
            QByteArray::fromBase64Encoding(ca.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!der)
            return Error(ErrorCode::BadServerResponse, QStringLiteral("a malformed CA certificate"));
        chain.append(QSslCertificate(*der, QSsl::Der));
    }
    for (const QSslCertificate &c : chain) {
        if (c.isNull())
            return Error(ErrorCode::BadServerResponse, QStringLiteral("an unreadable session certificate"));
    }
    const QString sessionId = issued.value(QLatin1String("sessionId")).toString();
    const QDateTime notAfter = timeMember(issued, "notAfter");
    const QDateTime renewAfter = timeMember(issued, "renewAfter");
    if (sessionId.isEmpty() || !notAfter.isValid() || !renewAfter.isValid())
        return Error(ErrorCode::BadServerResponse, QStringLiteral("a malformed session certificate answer"));
    if (issued.value(QLatin1String("clinician")).isObject()) {
        if (Result<ClinicianInfo> c = ClinicianInfo::fromJson(issued.value(QLatin1String("clinician")).toObject()); c)
            m_info.clinician = *c;
    }
    m_info.sessionId = sessionId;
    m_info.notAfter = notAfter;
    m_info.renewAfter = renewAfter;
    m_info.emergency = issued.value(QLatin1String("emergency")).toBool();
    m_chain = chain;
    m_api.setClientCertificate(m_chain, m_key.sslKey());
    return {};
}

void LoginSession::adopt(SessionInfo info, QList<QSslCertificate> chain, SessionKey key)
{
    endLocally();
    ++m_generation;
    m_info = std::move(info);
    m_chain = std::move(chain);
    m_key = std::move(key);
    m_api.setClientCertificate(m_chain, m_key.sslKey());
    setState(State::SignedIn);
    scheduleRenewal();
    emit signedIn(m_info);
}

void LoginSession::scheduleRenewal()
{
    if (!m_options.autoRenew)
        return;
    // renewAfter is on the platform's clock: a computer whose clock is off must neither miss the
    // renewal (clock behind) nor renew in a loop (clock ahead).
    const qint64 ms = m_api.serverNow().msecsTo(m_info.renewAfter);
    m_renewTimer.start(int(std::clamp<qint64>(ms, 1000, qint64(24) * 3600 * 1000)));
}

void LoginSession::renew()
{
    if (m_state != State::SignedIn)
        return;
    ApiReply *reply = m_api.postJson(QStringLiteral("/v1/auth/renew"), {});
    const quint64 generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        if (generation != m_generation || m_state != State::SignedIn)
            return;
        Result<QJsonObject> body = reply->result() ? reply->result()->json(m_api.options().json)
                                                   : Result<QJsonObject>(reply->result().error());
        Result<void> taken = body ? takeCertificate(*body) : Result<void>(body.error());
        if (!taken) {
            // 401 already ended the session (sessionRejected); anything else is worth a retry.
            if (m_state == State::SignedIn) {
                m_renewTimer.start(30'000);
                emit renewFailed(taken.error());
            }
            return;
        }
        scheduleRenewal();
        emit renewed(m_info);
    });
}

void LoginSession::endLocally()
{
    ++m_generation;
    m_renewTimer.stop();
    m_api.clearClientCertificate();
    m_chain.clear();
    m_key.wipe();
    m_card = nullptr;
    m_otp = {};
    m_loginId.clear();
    setState(State::SignedOut);
}

void LoginSession::logout()
{
    if (m_state != State::SignedIn) {
        endLocally();
        emit signedOut();
        return;
    }
    ApiReply *reply = m_api.postJson(QStringLiteral("/v1/auth/logout"), {});
    // The key goes now; the platform revokes the certificates when the request arrives. The
    // request already holds its TLS identity, so it still goes out with the session certificate.
    connect(reply, &ApiReply::finished, reply, &QObject::deleteLater);
    endLocally();
    emit signedOut();
}

} // namespace haip::platform
