// One direction of an HPKE AEAD (AES-128-GCM, AES-256-GCM or ChaCha20-Poly1305) keyed once:
// the EVP cipher context keeps the key schedule, and each message only sets its nonce, so
// sealing many chunks costs no more than the cipher itself.
#pragma once

#include "common/Result.h"
#include "crypto/HpkeSuite.h"
#include "crypto/internal/OpenSslPtr.h"

#include <QByteArrayView>

namespace haip::crypto::internal {

class AeadCipher
{
public:
    enum class Direction
    {
        Seal,
        Open
    };
    static constexpr int TagLength = 16;

    static Result<AeadCipher> create(AeadId id, Direction direction, QByteArrayView key);

    Direction direction() const { return m_direction; }
    // Writes pt.size() + TagLength bytes to out (ciphertext then tag). nonce has Nn bytes.
    Result<void> seal(const unsigned char *nonce, QByteArrayView aad, QByteArrayView plaintext, unsigned char *out);
    // Writes ct.size() - TagLength bytes to out. false when the tag does not verify (the queue of
    // OpenSSL errors is cleared: a bad tag is an answer, not a fault); out's content is then
    // undefined and must be discarded.
    Result<bool> open(const unsigned char *nonce, QByteArrayView aad, QByteArrayView ciphertext, unsigned char *out);

private:
    AeadCipher(CipherCtxPtr ctx, Direction direction);
    bool start(const unsigned char *nonce, QByteArrayView aad);
    bool update(QByteArrayView in, unsigned char *out);

    CipherCtxPtr m_ctx;
    Direction m_direction;
};

} // namespace haip::crypto::internal
