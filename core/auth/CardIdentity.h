// CardIdentity: who a card says its holder is — from the authentication certificate, shown on the
// login screen before the PIN is asked, and compared at unlock (same card = same certificate).
#pragma once

#include "card/Token.h"
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

// What is read from a card as soon as it is opened: its certificate and its PIN state.
struct CardFace
{
    QByteArray certificateDer;
    card::PinStatus pin;
};
// Runs on the card thread.
Result<CardFace> readCardFace(card::Token &token);

} // namespace haip::auth
