// A connection to the card in one PC/SC reader (pcsc-lite on Linux and macOS, WinSCard on
// Windows: the same API). Owns its context and card handle; every PC/SC failure becomes an
// haip::Error in the user's words (card removed, reader gone, card in use, service not running).
// Not thread-safe: use one PcscCard per thread.
#pragma once

#include "card/ApduTransport.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace haip::card {

class PcscCard : public ApduTransport
{
public:
    ~PcscCard() override;
    PcscCard(PcscCard &&) noexcept;
    PcscCard &operator=(PcscCard &&) noexcept;

    // Names of the readers pcscd knows (empty when none), or why PC/SC cannot be used.
    static Result<QStringList> readers();
    // Connects (shared) to the card in `reader`, T=1 or T=0.
    static Result<PcscCard> connect(const QString &reader);

    QString reader() const;
    QByteArray atr() const;
    Result<QByteArray> transmit(const QByteArray &command) override;

    // The error for a PC/SC return code (also used by the reader monitor). A command cut by a
    // card pull may report SCARD_E_NOT_TRANSACTED rather than SCARD_W_REMOVED_CARD.
    static Error errorFor(long code, const QString &what);

private:
    struct Handles;
    explicit PcscCard(std::unique_ptr<Handles> handles);
    std::unique_ptr<Handles> m_handles;
};

} // namespace haip::card
