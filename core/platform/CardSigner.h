// CardSigner: what a clinician's card does at login — hands out its slot 9A (PIV authentication)
// certificate and signs the login message (docs/api/README.md, "Login"): SHA-256 then RSASSA-
// PKCS1-v1_5 for RSA-2048 cards, ECDSA with a DER signature for P-256 cards. Signing is
// asynchronous because a real card may first ask for its PIN. Implementations: SoftwareCardSigner
// (a PKCS#8 key, for tests and the demo profile) and auth::TokenCardSigner (a real card, PIV or PKCS#11).
#pragma once

#include "common/Result.h"

#include <QByteArray>

#include <functional>

namespace haip::platform {

class CardSigner
{
public:
    using SignCallback = std::function<void(Result<QByteArray> signature)>;

    virtual ~CardSigner() = default;

    // The card's authentication certificate, DER.
    virtual Result<QByteArray> certificateDer() const = 0;
    // Signs `message` (the whole login message; the card or its driver hashes it). `done` is
    // called exactly once, possibly before signLoginMessage returns.
    virtual void signLoginMessage(const QByteArray &message, SignCallback done) = 0;
};

} // namespace haip::platform
