// CardIdentity: who a card says its holder is — from the authentication certificate, shown on the
// login screen before the PIN is asked, and compared at unlock (same card = same certificate).
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace haip::auth {

struct CardIdentity
{
    QString reader;
    QByteArray certificateDer;
    QString holderName; // the certificate subject's commonName
    QString issuerName;
    QDateTime notAfter;

    // Refuses what is not an X.509 certificate.
    static Result<CardIdentity> fromCertificate(const QString &reader, const QByteArray &der);
    bool sameCardAs(const CardIdentity &other) const;
};

} // namespace haip::auth
