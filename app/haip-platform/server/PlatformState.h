// PlatformState: the layout of the platform's state folder (`--state DIR`), in one place.
//
//   platform.json                      what init created (layout version, names, service ids)
//   hpki-ca/ca.pem  ca.key  crl.pem    the test CA playing the HPKI CA (serve reads ca.pem, crl.pem)
//   tls/ca.pem  ca.key                 the platform TLS CA — the one clients pin
//   tls/server.pem  server.key         the server certificate (127.0.0.1, localhost) + CA chain
//   session-ca/ca.pem  ca.key          issues the short-lived session client certificates
//   catalog/signing-key.pem  .pub.pem  ES256 (P-256) catalog signing key
//   services/<id>/key  key.pub         per-service X25519 envelope keys (base64 of the raw 32
//                                      bytes); only the service workers read `key`, never the broker
//   clinicians/directory.json          demo clinicians: names, HPKI ids, TOTP secrets
//   clinicians/<id>/card.json          card profile for haip-vcard (docs/api/card-profile.md)
//   clinicians/<id>/otpauth.txt        the TOTP secret as an otpauth:// URI
//   auth/otp-state.json  sessions.json runtime: used OTP steps, lock-outs, sessions, revocations
//   jobs/                              job store (platform-jobs)
// Files holding private keys or secrets are 0600, folders 0700.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace haip::server {

class PlatformState
{
public:
    static constexpr int kLayoutVersion = 1;

    explicit PlatformState(QString root);

    const QString &root() const { return m_root; }
    QString path(const QString &relative) const;

    QString manifest() const { return path(QStringLiteral("platform.json")); }
    QString hpkiCaCertificate() const { return path(QStringLiteral("hpki-ca/ca.pem")); }
    QString hpkiCaKey() const { return path(QStringLiteral("hpki-ca/ca.key")); }
    QString hpkiCrl() const { return path(QStringLiteral("hpki-ca/crl.pem")); }
    QString tlsCaCertificate() const { return path(QStringLiteral("tls/ca.pem")); }
    QString tlsCaKey() const { return path(QStringLiteral("tls/ca.key")); }
    QString serverCertificate() const { return path(QStringLiteral("tls/server.pem")); }
    QString serverKey() const { return path(QStringLiteral("tls/server.key")); }
    QString sessionCaCertificate() const { return path(QStringLiteral("session-ca/ca.pem")); }
    QString sessionCaKey() const { return path(QStringLiteral("session-ca/ca.key")); }
    QString catalogSigningKey() const { return path(QStringLiteral("catalog/signing-key.pem")); }
    QString catalogPublicKey() const { return path(QStringLiteral("catalog/signing-key.pub.pem")); }
    QString serviceDir(const QString &serviceId) const { return path(QStringLiteral("services/") + serviceId); }
    QString servicePrivateKey(const QString &serviceId) const { return serviceDir(serviceId) + QStringLiteral("/key"); }
    QString servicePublicKey(const QString &serviceId) const
    {
        return serviceDir(serviceId) + QStringLiteral("/key.pub");
    }
    QString clinicianDirectory() const { return path(QStringLiteral("clinicians/directory.json")); }
    QString clinicianDir(const QString &id) const { return path(QStringLiteral("clinicians/") + id); }
    QString cardProfile(const QString &id) const { return clinicianDir(id) + QStringLiteral("/card.json"); }
    QString otpauthFile(const QString &id) const { return clinicianDir(id) + QStringLiteral("/otpauth.txt"); }
    QString authDir() const { return path(QStringLiteral("auth")); }
    QString otpState() const { return path(QStringLiteral("auth/otp-state.json")); }
    QString sessions() const { return path(QStringLiteral("auth/sessions.json")); }
    QString emergencyCodes() const { return path(QStringLiteral("auth/emergency-codes.json")); }
    QString jobsDir() const { return path(QStringLiteral("jobs")); }

    // The reference AI services whose envelope keys init creates (fixed ids).
    static const QStringList &serviceIds();

    // Atomic write (QSaveFile); `secret` files are 0600, others 0644. Creates the parent folder (0700).
    static Result<void> writeFile(const QString &path, const QByteArray &bytes, bool secret);
    static Result<QByteArray> readFile(const QString &path, qint64 maxBytes = 16 * 1024 * 1024);
    static Result<void> makePrivateDir(const QString &path);

private:
    QString m_root;
};

} // namespace haip::server
