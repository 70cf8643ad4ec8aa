// CertificateAuthority: a small X.509 CA on OpenSSL for the reference platform — the test CA
// that plays the HPKI CA (card certificates + CRL), the platform TLS CA (server certificate) and
// the session CA (short-lived client certificates). Keys and certificates cross this interface
// as PEM/DER bytes; OpenSSL stays in the .cpp.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace haip::server {

enum class KeyType
{
    Rsa2048,
    EcP256,
};

// What a certificate is for; decides basicConstraints, keyUsage and extendedKeyUsage.
enum class CertificateProfile
{
    Ca, // CA:TRUE, keyCertSign + cRLSign
    TlsServer, // digitalSignature (+ keyEncipherment for RSA), serverAuth
    TlsClient, // digitalSignature, clientAuth (session certificates)
    CardAuthentication, // digitalSignature, clientAuth (PIV authentication, slot 9A)
};

struct CertificateSpec
{
    // Subject RDNs in order, by OpenSSL short or long name ("C", "O", "CN", "UID", "serialNumber",
    // "title", "pseudonym"…). Values are UTF-8 (UTF8String in the certificate).
    QList<QPair<QByteArray, QString>> subject;
    QStringList dnsNames; // subjectAltName dNSName
    QStringList ipAddresses; // subjectAltName iPAddress
    QList<QPair<QByteArray, QString>> directoryName; // subjectAltName directoryName (one), optional
    QDateTime notBefore;
    QDateTime notAfter;
    CertificateProfile profile = CertificateProfile::TlsClient;
};

struct RevokedCertificate
{
    QByteArray serialHex;
    QDateTime revokedAt;
};

class CertificateAuthority
{
public:
    // A fresh private key, unencrypted PKCS#8 PEM.
    static Result<QByteArray> generateKey(KeyType type);
    // The DER SubjectPublicKeyInfo of a PEM private or public key.
    static Result<QByteArray> publicKeyDer(const QByteArray &keyPem);
    static Result<QByteArray> publicKeyPem(const QByteArray &keyPem);
    // A random positive 128-bit serial number as lower-case hex.
    static QByteArray randomSerialHex();

    // A self-signed root CA (profile Ca) with the given subject and validity.
    static Result<CertificateAuthority> createRoot(const CertificateSpec &spec, KeyType type);
    static Result<CertificateAuthority> load(const QByteArray &certificatePem, const QByteArray &keyPem);

    const QByteArray &certificatePem() const { return m_certificatePem; }
    const QByteArray &keyPem() const { return m_keyPem; }
    QSslCertificate certificate() const;

    // Issues a certificate for a subject public key (SPKI DER), signed with SHA-256.
    Result<QSslCertificate>
    issue(const CertificateSpec &spec, const QByteArray &subjectPublicKeyDer, const QByteArray &serialHex) const;
    // A version 2 CRL (PEM) listing the revoked serials, with a CRL number.
    Result<QByteArray> crl(const QList<RevokedCertificate> &revoked,
                           const QDateTime &thisUpdate,
                           const QDateTime &nextUpdate,
                           qint64 crlNumber) const;

private:
    CertificateAuthority(QByteArray certificatePem, QByteArray keyPem);

    QByteArray m_certificatePem;
    QByteArray m_keyPem;
};

} // namespace haip::server
