#include "SessionCertificates.h"

#include "PlatformState.h"
#include "crypto/internal/OpenSslPtr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509_vfy.h>

Q_LOGGING_CATEGORY(lcSession, "haip.platform.session")

namespace haip::server {

using namespace haip::crypto::internal;

// The parsed session CA certificate, kept for per-request verification.
struct SessionCertificates::Impl
{
    X509Ptr ca;
};

namespace {

constexpr int kKeepEndedSessionsSeconds = 24 * 3600; // registry entries outlive their certificates

X509Ptr fromDer(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, long(der.size())));
}

QByteArray serialHexOf(X509 *cert)
{
    BignumPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
    char *hex = bn ? BN_bn2hex(bn.get()) : nullptr;
    if (!hex)
        return {};
    const QByteArray out = QByteArray(hex).toLower();
    OPENSSL_free(hex);
    return out;
}

bool isP256PublicKey(const QByteArray &spkiDer)
{
    const auto *p = reinterpret_cast<const unsigned char *>(spkiDer.constData());
    PKeyPtr key(d2i_PUBKEY(nullptr, &p, long(spkiDer.size())));
    if (!key || p != reinterpret_cast<const unsigned char *>(spkiDer.constData()) + spkiDer.size())
        return false;
    char group[32] = {};
    size_t length = 0;
    return EVP_PKEY_is_a(key.get(), "EC") &&
        EVP_PKEY_get_utf8_string_param(key.get(), "group", group, sizeof group, &length) == 1 &&
        (qstrcmp(group, "prime256v1") == 0 || qstrcmp(group, "P-256") == 0);
}

QString newSessionId()
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        qFatal("RAND_bytes failed");
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

QJsonObject SessionCertificates::Issued::toJson() const
{
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(notAfter);
    return {
        {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("certificate"), QString::fromLatin1(certificate.toDer().toBase64())},
        {QStringLiteral("caCertificates"), QJsonArray {QString::fromLatin1(caCertificate.toDer().toBase64())}},
        {QStringLiteral("notAfter"), notAfter.toString(Qt::ISODate)},
        // Renew when two thirds of the lifetime have passed.
        {QStringLiteral("renewAfter"), QDateTime::currentDateTimeUtc().addSecs(lifetime * 2 / 3).toString(Qt::ISODate)},
        {QStringLiteral("emergency"), emergency},
    };
}

SessionCertificates::SessionCertificates(CertificateAuthority ca, QString registryFile, Options options, Clock clock)
    : m_impl(std::make_unique<Impl>())
    , m_ca(std::move(ca))
    , m_registryFile(std::move(registryFile))
    , m_options(options)
    , m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
    m_impl->ca = fromDer(m_ca.certificate().toDer());
}

SessionCertificates::SessionCertificates(SessionCertificates &&) noexcept = default;
SessionCertificates::~SessionCertificates() = default;

Result<void> SessionCertificates::load()
{
    if (!m_impl->ca)
        return Error(ErrorCode::InvalidAttribute, QStringLiteral("the session CA certificate is unreadable"));
    Result<QByteArray> bytes = PlatformState::readFile(m_registryFile);
    if (!bytes)
        return bytes.error().code() == ErrorCode::FileNotFound ? Result<void>() : Result<void>(bytes.error());
    const QJsonObject root = QJsonDocument::fromJson(*bytes).object();
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        const QJsonObject o = it.value().toObject();
        Session s;
        s.clinicianId = o.value(QStringLiteral("clinicianId")).toString();
        s.displayName = o.value(QStringLiteral("displayName")).toString();
        s.startedAt = QDateTime::fromString(o.value(QStringLiteral("startedAt")).toString(), Qt::ISODate);
        s.ended = o.value(QStringLiteral("ended")).toBool();
        s.emergencySeconds = o.value(QStringLiteral("emergencySeconds")).toInt();
        const QJsonObject serials = o.value(QStringLiteral("serials")).toObject();
        for (auto si = serials.constBegin(); si != serials.constEnd(); ++si) {
            const QByteArray serial = si.key().toLatin1();
            s.serials.insert(serial, QDateTime::fromString(si.value().toString(), Qt::ISODate));
            m_sessionBySerial.insert(serial, it.key());
        }
        m_sessions.insert(it.key(), s);
    }
    return {};
}

void SessionCertificates::save() const
{
    QJsonObject root;
    for (auto it = m_sessions.constBegin(); it != m_sessions.constEnd(); ++it) {
        QJsonObject serials;
        for (auto si = it->serials.constBegin(); si != it->serials.constEnd(); ++si)
            serials.insert(QString::fromLatin1(si.key()), si.value().toString(Qt::ISODate));
        root.insert(it.key(),
                    QJsonObject {{QStringLiteral("clinicianId"), it->clinicianId},
                                 {QStringLiteral("displayName"), it->displayName},
                                 {QStringLiteral("startedAt"), it->startedAt.toString(Qt::ISODate)},
                                 {QStringLiteral("ended"), it->ended},
                                 {QStringLiteral("emergencySeconds"), it->emergencySeconds},
                                 {QStringLiteral("serials"), serials}});
    }
    if (Result<void> r = PlatformState::writeFile(m_registryFile, QJsonDocument(root).toJson(), true); !r)
        qCWarning(lcSession) << "cannot persist the session registry:" << r.error().detail();
}

void SessionCertificates::prune()
{
    const QDateTime now = m_clock();
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        QDateTime last;
        for (const QDateTime &t : std::as_const(it->serials))
            last = qMax(last, t);
        if (last.isValid() && last.secsTo(now) > kKeepEndedSessionsSeconds) {
            for (auto si = it->serials.constBegin(); si != it->serials.constEnd(); ++si)
                m_sessionBySerial.remove(si.key());
            it = m_sessions.erase(it);
        } else {
            ++it;
        }
    }
}

Result<SessionCertificates::Issued>
SessionCertificates::issueFor(const QString &sessionId, Session &session, const QByteArray &publicKeyDer)
{
    const QDateTime now = m_clock();
    const int maxSeconds = session.emergencySeconds > 0 ? qMin(session.emergencySeconds, m_options.maxSessionSeconds)
                                                        : m_options.maxSessionSeconds;
    const QDateTime sessionEnd = session.startedAt.addSecs(maxSeconds);
    const QDateTime notAfter = qMin(now.addSecs(m_options.validitySeconds), sessionEnd);
    if (notAfter <= now)
        return Error(ErrorCode::SessionExpired, QStringLiteral("the session reached its maximum length"));
    CertificateSpec spec;
    spec.subject = {{"C", QStringLiteral("JP")},
                    {"O", QStringLiteral("HAIP Reference Platform session")},
                    {"UID", session.clinicianId},
                    {"CN", session.displayName}};
    spec.notBefore = now.addSecs(-m_options.notBeforeSkewSeconds);
    spec.notAfter = notAfter;
    spec.profile = CertificateProfile::TlsClient;
    const QByteArray serial = CertificateAuthority::randomSerialHex();
    Result<QSslCertificate> cert = m_ca.issue(spec, publicKeyDer, serial);
    if (!cert)
        return cert.error();
    session.serials.insert(serial, notAfter);
    m_sessionBySerial.insert(serial, sessionId);
    prune();
    save();
    // The certificate's own notAfter (second precision) is what clients see.
    return Issued {*cert, m_ca.certificate(), sessionId, cert->expiryDate().toUTC(), session.emergencySeconds > 0};
}

Result<SessionCertificates::Issued>
SessionCertificates::issue(const Clinician &clinician, const QByteArray &sessionPublicKeyDer, int emergencySeconds)
{
    if (!isP256PublicKey(sessionPublicKeyDer))
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("the session public key must be an EC P-256 SubjectPublicKeyInfo (DER)"));
    const QString id = newSessionId();
    Session s;
    s.clinicianId = clinician.id;
    s.displayName = clinician.nameJa;
    s.startedAt = m_clock();
    s.emergencySeconds = emergencySeconds;
    auto it = m_sessions.insert(id, s);
    Result<Issued> issued = issueFor(id, *it, sessionPublicKeyDer);
    if (!issued)
        m_sessions.remove(id);
    return issued;
}

Result<SessionCertificates::Issued> SessionCertificates::renew(const ClientIdentity &identity,
                                                               const QSslCertificate &presented)
{
    auto it = m_sessions.find(identity.sessionId);
    if (it == m_sessions.end() || it->ended)
        return Error(ErrorCode::SessionExpired, QStringLiteral("the session has ended"));
    X509Ptr cert = fromDer(presented.toDer());
    unsigned char *spki = nullptr;
    const int length = cert ? i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert.get()), &spki) : -1;
    if (length <= 0)
        return Error(ErrorCode::AuthenticationRequired, QStringLiteral("cannot read the session certificate's key"));
    const QByteArray der(reinterpret_cast<const char *>(spki), length);
    OPENSSL_free(spki);
    return issueFor(identity.sessionId, *it, der);
}

void SessionCertificates::end(const ClientIdentity &identity)
{
    auto it = m_sessions.find(identity.sessionId);
    if (it == m_sessions.end())
        return;
    it->ended = true;
    save();
}

Result<ClientIdentity> SessionCertificates::verify(const QList<QSslCertificate> &peerChain) const
{
    if (peerChain.isEmpty() || peerChain.front().isNull())
        return Error(ErrorCode::AuthenticationRequired,
                     QStringLiteral("this resource needs the session client certificate (mutual TLS)"));
    X509Ptr leaf = fromDer(peerChain.front().toDer());
    X509StorePtr store(X509_STORE_new());
    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!leaf || !store || !ctx || X509_STORE_add_cert(store.get(), m_impl->ca.get()) != 1 ||
        X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), nullptr) != 1)
        return Error(ErrorCode::AuthenticationRequired, QStringLiteral("unreadable client certificate"));
    X509_STORE_CTX_set_flags(ctx.get(), X509_V_FLAG_X509_STRICT);
    X509_STORE_CTX_set_time(ctx.get(), 0, time_t(m_clock().toSecsSinceEpoch()));
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_CLIENT);
    if (X509_verify_cert(ctx.get()) != 1) {
        const int code = X509_STORE_CTX_get_error(ctx.get());
        ERR_clear_error();
        if (code == X509_V_ERR_CERT_HAS_EXPIRED)
            return Error(ErrorCode::SessionExpired, QStringLiteral("the session certificate has expired"));
        return Error(ErrorCode::AuthenticationRequired,
                     QStringLiteral("the client certificate is not a session certificate of this platform (%1)")
                         .arg(QString::fromLatin1(X509_verify_cert_error_string(code))));
    }
    const QByteArray serial = serialHexOf(leaf.get());
    const auto sid = m_sessionBySerial.constFind(serial);
    const auto session = sid == m_sessionBySerial.constEnd() ? m_sessions.constEnd() : m_sessions.constFind(*sid);
    if (session == m_sessions.constEnd())
        return Error(ErrorCode::AuthenticationRequired, QStringLiteral("unknown session certificate"));
    if (session->ended)
        return Error(ErrorCode::SessionExpired, QStringLiteral("the session was ended (logged out)"));
    ClientIdentity id;
    id.clinicianId = session->clinicianId;
    id.displayName = session->displayName;
    id.sessionId = session.key();
    id.certificateSerial = serial;
    id.notAfter = session->serials.value(serial);
    return id;
}

} // namespace haip::server
