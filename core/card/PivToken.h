// PivToken: a Token over a PIV card in a PC/SC reader — PcscCard for the bytes, PivClient for the
// commands. The key's algorithm (RSA-2048 → PIV 07, P-256 → PIV 11) comes from the certificate,
// read once. Not thread-safe: it lives on the card thread.
#pragma once

#include "card/PcscCard.h"
#include "card/PivClient.h"
#include "card/Token.h"

#include <memory>

namespace haip::card {

class PivToken : public Token
{
public:
    // Connects to the card in `reader` and selects the PIV application (CardNotSupported for a
    // card without one).
    static Result<std::unique_ptr<PivToken>> open(const QString &reader);

    QString description() const override;
    Result<PinStatus> pinStatus() override;
    Result<void> verifyPin(QByteArrayView pin) override;
    Result<QByteArray> certificateDer() override;
    Result<QByteArray> signSha256(QByteArrayView digest) override;

private:
    explicit PivToken(PcscCard card);
    PcscCard m_card;
    PivClient m_piv;
    QByteArray m_certificate;
    int m_algorithm = 0; // PIV algorithm reference of the slot 9A key
};

} // namespace haip::card
