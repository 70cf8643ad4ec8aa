#include "auth/TokenCardSigner.h"

#include <QCryptographicHash>

namespace haip::auth {

TokenCardSigner::TokenCardSigner(CardThread &card, QByteArray certificateDer)
    : m_card(card), m_certificateDer(std::move(certificateDer))
{ }

Result<QByteArray> TokenCardSigner::certificateDer() const
{
    return m_certificateDer;
}

void TokenCardSigner::signLoginMessage(const QByteArray &message, SignCallback done)
{
    const QByteArray digest = QCryptographicHash::hash(message, QCryptographicHash::Sha256);
    m_card.run<QByteArray>([digest](card::Token &token) { return token.signSha256(digest); }, std::move(done));
}

} // namespace haip::auth
