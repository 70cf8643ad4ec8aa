// SessionCertificates: the session CA at work. After a successful card + OTP login it issues a
// short-lived client certificate (minutes) for the session public key the client generated,
// naming the clinician; verify() is the API server's IdentityVerifier — every session route
// checks the presented certificate against the session CA, its validity (server clock) and the
// session registry (logged-out sessions are revoked). Renewal issues a new certificate for the
// same key and session (sliding expiry) up to a maximum session age. The registry is persisted,
// so a restart neither forgets a logout nor ends live sessions.
#pragma once

#include "CertificateAuthority.h"
#include "ClientIdentity.h"
#include "ClinicianDirectory.h"
#include "common/Result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSslCertificate>

#include <functional>
#include <memory>

namespace haip::server {

class SessionCertificates
{
public:
    using Clock = std::function<QDateTime()>;

    struct Options
    {
        int validitySeconds = 15 * 60; // one session certificate
        int maxSessionSeconds = 12 * 3600; // renewals stop after this (one working day)
        int notBeforeSkewSeconds = 300; // notBefore back-dated for clients whose clock is behind
    };

    struct Issued
    {
        QSslCertificate certificate;
        QSslCertificate caCertificate;
        QString sessionId;
        QDateTime notAfter;
        bool emergency = false;
        QJsonObject toJson() const; // {"sessionId", "certificate", "caCertificates", "notAfter", "renewAfter"}
    };

    SessionCertificates(CertificateAuthority ca, QString registryFile, Options options, Clock clock = {});
    SessionCertificates(SessionCertificates &&) noexcept;
    ~SessionCertificates();
    Result<void> load();

    // A new session for a clinician; sessionPublicKeyDer must be an EC P-256 SubjectPublicKeyInfo.
    // An emergency session (no card) ends after `emergencySeconds` at most and says so.
    Result<Issued> issue(const Clinician &clinician, const QByteArray &sessionPublicKeyDer, int emergencySeconds = 0);
    // A fresh certificate for the presented one's key and session (sliding expiry).
    Result<Issued> renew(const ClientIdentity &identity, const QSslCertificate &presented);
    // Logout: revokes every certificate of the session.
    void end(const ClientIdentity &identity);
    // The IdentityVerifier: AuthenticationRequired or SessionExpired when the chain does not do.
    Result<ClientIdentity> verify(const QList<QSslCertificate> &peerChain) const;

private:
    struct Session
    {
        QString clinicianId;
        QString displayName;
        QDateTime startedAt;
        bool ended = false;
        int emergencySeconds = 0; // > 0: an emergency session of at most this length
        QHash<QByteArray, QDateTime> serials; // hex → notAfter
    };
    Result<Issued> issueFor(const QString &sessionId, Session &session, const QByteArray &publicKeyDer);
    void save() const;
    void prune();

    struct Impl;
    std::unique_ptr<Impl> m_impl;
    CertificateAuthority m_ca;
    QString m_registryFile;
    Options m_options;
    Clock m_clock;
    QHash<QString, Session> m_sessions;
    QHash<QByteArray, QString> m_sessionBySerial;
};

} // namespace haip::server
