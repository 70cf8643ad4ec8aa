// SoftwareCard and SessionKey: what the workstation's card and key do at login, in software,
// for tests — the card signs with the slot 9A key from its haip-vcard profile (SHA-256, then
// RSA PKCS#1 v1.5 or ECDSA P-256 with a DER signature, as PIV algorithms 07 and 11 would), and
// the session key is a P-256 key generated in memory.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QSslKey>
#include <QString>

namespace haip::test {

class SoftwareCard
{
public:
    static Result<SoftwareCard> load(const QString &cardProfilePath);

    const QByteArray &certificateDer() const { return m_certificateDer; }
    const QString &algorithm() const { return m_algorithm; } // "RSA-2048" or "ECC-P256"
    const QString &clinicianId() const { return m_clinicianId; }
    Result<QByteArray> sign(const QByteArray &message) const;

private:
    QByteArray m_privateKeyPem;
    QByteArray m_certificateDer;
    QString m_algorithm;
    QString m_clinicianId;
};

class SessionKey
{
public:
    static SessionKey generate();
    const QByteArray &publicKeyDer() const { return m_publicKeyDer; } // SubjectPublicKeyInfo
    const QSslKey &privateKey() const { return m_privateKey; }

private:
    QByteArray m_publicKeyDer;
    QSslKey m_privateKey;
};

} // namespace haip::test
