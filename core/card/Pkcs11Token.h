// Pkcs11Token: a Token reached through a vendor's PKCS#11 middleware (Japan's HPKI cards, many
// hospital cards, SoftHSM in tests). The credential is the X.509 certificate whose CKA_ID is
// that of a private key able to sign, preferring RSA-2048 or ECC P-256 keys; signatures are
// CKM_RSA_PKCS over the SHA-256 DigestInfo or CKM_ECDSA over the digest (returned as DER).
// PIN state comes from the token's flags (PKCS#11 does not count tries). Holds its module open
// and one read-only session; logs out on destruction if it logged in. Not thread-safe: it lives
// on the card thread, like PivToken.
#pragma once

#include "card/Pkcs11Module.h"
#include "card/Token.h"

#include <memory>
#include <optional>

namespace haip::card {

namespace internal {
class Pkcs11Session;
}

class Pkcs11Token : public Token
{
public:
    // Opens a session on the token in `slotId` (see Pkcs11Module::slotsWithToken).
    // CardRemoved when the slot is empty, CardUnavailable when it does not exist.
    static Result<std::unique_ptr<Pkcs11Token>> open(std::shared_ptr<Pkcs11Module> module, quint64 slotId);
    // The token in the PC/SC reader `reader`: card middleware (OpenSC, vendors') names its slots
    // after the readers, cut to the 64 bytes of a slot description. CardRemoved when the reader
    // holds no token of this module — what auth::CardThread's Opener needs.
    static Result<std::unique_ptr<Pkcs11Token>> openInReader(std::shared_ptr<Pkcs11Module> module,
                                                             const QString &reader);
    ~Pkcs11Token() override;
    Pkcs11Token(const Pkcs11Token &) = delete;
    Pkcs11Token &operator=(const Pkcs11Token &) = delete;

    const Pkcs11Slot &slot() const { return m_slot; }

    // The token's label, or the slot's description when it has none.
    QString description() const override;
    // triesLeft stays -1; low, finalTry and blocked from CKF_USER_PIN_COUNT_LOW / _FINAL_TRY /
    // _LOCKED; verified from the session state.
    Result<PinStatus> pinStatus() override;
    // C_Login as the user. An empty PIN on a token with its own PIN pad lets the pad ask.
    Result<void> verifyPin(QByteArrayView pin) override;
    // Before the PIN some tokens hide their private keys: the certificate is then chosen among
    // those with a CKA_ID, and chosen again (definitively) once the keys are visible.
    Result<QByteArray> certificateDer() override;
    Result<QByteArray> signSha256(QByteArrayView digest) override;

private:
    struct Credential
    {
        QByteArray id; // CKA_ID shared by the key and its certificate
        QByteArray certificate; // DER
        bool keySeen = false; // the private key was visible when this was chosen
    };

    Pkcs11Token(std::shared_ptr<Pkcs11Module> module,
                Pkcs11Slot slot,
                std::unique_ptr<internal::Pkcs11Session> session);
    // The operations behind the Token calls, which add the memory of a removal.
    Result<PinStatus> readPinStatus();
    Result<void> login(QByteArrayView pin);
    Result<QByteArray> readCertificate();
    Result<QByteArray> sign(QByteArrayView digest);
    static Error removedError();
    template <typename T>
    Result<T> noteRemoval(Result<T> result);

    Result<Credential> findCredential();
    Result<void> checkLoggedIn();
    // The error of a failed operation; a vague failure (CKR_GENERAL_ERROR…) is CardRemoved when
    // the token turns out to be gone.
    Error operationError(unsigned long rv, const char *function) const;

    std::shared_ptr<Pkcs11Module> m_module;
    Pkcs11Slot m_slot;
    std::unique_ptr<internal::Pkcs11Session> m_session;
    std::optional<Credential> m_credential;
    bool m_loggedInHere = false; // this object's C_Login succeeded: it logs out when it goes
    bool m_removed = false; // the card left since this token was opened
};

} // namespace haip::card
