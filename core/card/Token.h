// Token: the clinician's credential as the login needs it, whatever carries it — a PIV card over
// PC/SC (PivToken) or a vendor's PKCS#11 middleware (Pkcs11Token: Japan's HPKI cards and many
// hospital cards are reached only that way). Calls block on the card: make them on the card
// thread (auth::CardThread), never on the UI thread. One Token per card connection.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace haip::card {

// What the token says of its PIN before one is tried. PIV cards count tries exactly (63Cx);
// PKCS#11 only raises flags (CKF_USER_PIN_COUNT_LOW, _FINAL_TRY, _LOCKED).
struct PinStatus
{
    int triesLeft = -1; // -1: the token does not say
    bool low = false; // some tries have failed
    bool finalTry = false; // one more wrong PIN blocks it
    bool blocked = false;
    bool verified = false; // the PIN is verified in this connection (PIV: 9000 to an empty VERIFY)
};

class Token
{
public:
    virtual ~Token() = default;

    // For the user: the reader's name or the token's label.
    virtual QString description() const = 0;
    virtual Result<PinStatus> pinStatus() = 0;
    // PinIncorrect (detail: tries left, when known) or PinBlocked on failure; the caller wipes
    // `pin` afterwards.
    virtual Result<void> verifyPin(QByteArrayView pin) = 0;
    // The authentication certificate (PIV slot 9A; PKCS#11: the certificate whose CKA_ID is
    // the signing key's), DER.
    virtual Result<QByteArray> certificateDer() = 0;
    // Signs a SHA-256 digest with the authentication key: RSASSA-PKCS1-v1_5 for RSA-2048,
    // ECDSA with a DER Ecdsa-Sig-Value for P-256. Needs the PIN verified.
    virtual Result<QByteArray> signSha256(QByteArrayView digest) = 0;
};

} // namespace haip::card
