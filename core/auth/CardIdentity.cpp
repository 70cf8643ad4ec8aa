#include "auth/CardIdentity.h"

#include <QSslCertificate>

namespace haip::auth {

Result<CardIdentity> CardIdentity::fromCertificate(const QString &reader, const QByteArray &der)
{
    const QSslCertificate certificate(der, QSsl::Der);
    if (certificate.isNull())
        return Error(ErrorCode::CardFailed, QStringLiteral("the card's certificate cannot be read"));
    CardIdentity identity;
    identity.reader = reader;
    identity.certificateDer = der;
    identity.holderName = certificate.subjectInfo(QSslCertificate::CommonName).value(0);
    identity.issuerName = certificate.issuerInfo(QSslCertificate::CommonName).value(0);
    identity.notAfter = certificate.expiryDate();
    return identity;
}

Result<CardFace> readCardFace(card::Token &token)
{
    Result<QByteArray> certificate = token.certificateDer();
    if (!certificate)
        return certificate.error();
    Result<card::PinStatus> status = token.pinStatus();
    if (!status)
        return status.error();
    return CardFace {*certificate, *status};
}

bool CardIdentity::sameCardAs(const CardIdentity &other) const
{
    return !certificateDer.isEmpty() && certificateDer == other.certificateDer;
}

} // namespace haip::auth
