// TokenCardSigner: the platform login's CardSigner over the card thread — the certificate read
// when the card was opened, the login message hashed here (SHA-256) and signed by the card.
#pragma once

#include "auth/CardThread.h"
#include "platform/CardSigner.h"

namespace haip::auth {

class TokenCardSigner : public platform::CardSigner
{
public:
    TokenCardSigner(CardThread &card, QByteArray certificateDer);

    Result<QByteArray> certificateDer() const override;
    void signLoginMessage(const QByteArray &message, SignCallback done) override;

private:
    CardThread &m_card;
    QByteArray m_certificateDer;
};

} // namespace haip::auth
