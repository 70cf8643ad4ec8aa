// SoftwareCardSigner: a CardSigner over a PKCS#8 private key and its certificate held in memory —
// the demo card profile (`haip-vcard-profile`, docs/api/card-profile.md) or any key pair a test
// makes. It signs exactly as a PIV card would (PKCS#1 v1.5/SHA-256 or ECDSA/SHA-256, DER). Not
// for real clinicians: a real card never gives its key away.
#pragma once

#include "crypto/SecureBuffer.h"
#include "platform/CardSigner.h"

#include <QString>

namespace haip::platform {

class SoftwareCardSigner : public CardSigner
{
public:
    // RSA-2048 or EC P-256 keys only (the two PIV algorithms the platform accepts).
    static Result<SoftwareCardSigner> fromPkcs8(QByteArrayView privateKeyPem, QByteArray certificateDer);
    // A `haip-vcard-profile` JSON file (slot 9A).
    static Result<SoftwareCardSigner> fromCardProfile(const QString &path);

    Result<QByteArray> certificateDer() const override;
    void signLoginMessage(const QByteArray &message, SignCallback done) override;
    Result<QByteArray> sign(QByteArrayView message) const;

    const QString &algorithm() const { return m_algorithm; } // "RSA-2048" or "ECC-P256"
    const QString &clinicianId() const { return m_clinicianId; } // from a card profile

private:
    crypto::SecureBuffer m_keyPem;
    QByteArray m_certificateDer;
    QString m_algorithm;
    QString m_clinicianId;
};

} // namespace haip::platform
