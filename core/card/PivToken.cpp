#include "card/PivToken.h"

#include <QSsl>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace haip::card {

namespace {
constexpr int pivRsa2048 = 0x07;
constexpr int pivEccP256 = 0x11;
} // namespace

Result<std::unique_ptr<PivToken>> PivToken::open(const QString &reader)
{
    Result<PcscCard> card = PcscCard::connect(reader);
    if (!card)
        return card.error();
    std::unique_ptr<PivToken> token(new PivToken(std::move(card).value()));
    if (Result<void> selected = token->m_piv.select(); !selected)
        return selected.error();
    return token;
}

PivToken::PivToken(PcscCard card) : m_card(std::move(card)), m_piv(m_card) { }

QString PivToken::description() const
{
    return m_card.reader();
}

Result<PinStatus> PivToken::pinStatus()
{
    Result<int> tries = m_piv.pinTriesLeft();
    if (!tries)
        return tries.error();
    PinStatus status;
    if (*tries < 0) {
        status.verified = true;
        return status;
    }
    status.triesLeft = *tries;
    status.blocked = *tries == 0;
    status.finalTry = *tries == 1;
    return status;
}

Result<void> PivToken::verifyPin(QByteArrayView pin)
{
    QByteArray copy(pin.constData(), pin.size());
    Result<void> verified = m_piv.verifyPin(copy);
    copy.fill('\0');
    return verified;
}

Result<QByteArray> PivToken::certificateDer()
{
    if (!m_certificate.isEmpty())
        return m_certificate;
    Result<QByteArray> der = m_piv.readAuthenticationCertificate();
    if (!der)
        return der.error();
    const QSslCertificate certificate(*der, QSsl::Der);
    if (certificate.isNull())
        return Error(ErrorCode::CardFailed, u"the card's authentication certificate cannot be read"_s);
    const QSslKey key = certificate.publicKey();
    if (key.algorithm() == QSsl::Rsa && key.length() == 2048)
        m_algorithm = pivRsa2048;
    else if (key.algorithm() == QSsl::Ec && key.length() == 256)
        m_algorithm = pivEccP256;
    else
        return Error(ErrorCode::CardNotSupported, u"the card's key is neither RSA-2048 nor ECC P-256"_s);
    m_certificate = *der;
    return m_certificate;
}

Result<QByteArray> PivToken::signSha256(QByteArrayView digest)
{
    if (m_algorithm == 0) {
        if (Result<QByteArray> certificate = certificateDer(); !certificate)
            return certificate.error();
    }
    return m_piv.signSha256(m_algorithm, digest.toByteArray());
}

} // namespace haip::card
