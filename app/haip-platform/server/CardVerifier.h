// CardVerifier: checks what a smart card presents at login — the card certificate against the
// trusted (HPKI) CA with its CRL and validity, then the card's signature over the login message
// with the certificate's key: RSA PKCS#1 v1.5 with SHA-256 (PIV algorithm 07) or ECDSA P-256
// with SHA-256, DER-encoded (PIV algorithm 11).
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

namespace haip::server {

struct CardIdentity
{
    QString hpkiId; // subject serialNumber
    QString commonName; // subject CN (romaji)
    QByteArray serialHex;
    QString keyAlgorithm; // "RSA-2048" or "ECC-P256"
};

class CardVerifier
{
public:
    static Result<CardVerifier> load(const QByteArray &caPem, const QByteArray &crlPem);
    CardVerifier(CardVerifier &&) noexcept;
    CardVerifier &operator=(CardVerifier &&) noexcept;
    ~CardVerifier();

    // Chain to the CA, validity at `now`, not revoked, clientAuth usage. CertificateRejected otherwise.
    Result<CardIdentity> verifyCertificate(const QByteArray &certificateDer, const QDateTime &now) const;
    // The card's signature over `message` (the certificate's key; SHA-256). AuthenticationFailed otherwise.
    static Result<void>
    verifySignature(const QByteArray &certificateDer, const QByteArray &message, const QByteArray &signature);

private:
    struct Impl;
    explicit CardVerifier(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace haip::server
