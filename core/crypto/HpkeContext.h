// An HPKE encryption context (RFC 9180 section 5.2): the AEAD key, the base nonce, the
// sequence number and the exporter secret that a setup produced. A sender's context seals, a
// recipient's opens; message i uses the nonce base_nonce XOR I2OSP(i, Nn), so the order of
// messages is part of their authentication. Move-only: a copied context would reuse nonces.
#pragma once

#include "common/Result.h"
#include "crypto/HpkeSuite.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>

#include <memory>

namespace haip::crypto {

class HpkeContext
{
public:
    enum class Role
    {
        Sender,
        Recipient
    };

    // A context from keys derived elsewhere — the envelope's response stream derives its key and
    // base nonce from an export of the request's context (as RFC 9458 does). exporterSecret may
    // be empty, in which case exportSecret() fails.
    static Result<HpkeContext>
    fromKeys(AeadId aead, Role role, QByteArrayView key, QByteArrayView baseNonce, QByteArrayView exporterSecret);

    HpkeContext(HpkeContext &&other) noexcept;
    HpkeContext &operator=(HpkeContext &&other) noexcept;
    HpkeContext(const HpkeContext &) = delete;
    HpkeContext &operator=(const HpkeContext &) = delete;
    ~HpkeContext();

    AeadId aead() const;
    Role role() const;
    // The sequence number of the next message.
    quint64 sequence() const;

    // Sender only. Seal(aad, pt): ciphertext || tag, then the sequence number advances.
    Result<QByteArray> seal(QByteArrayView aad, QByteArrayView plaintext);
    // The same, appending to out (no allocation when out has the capacity).
    Result<void> seal(QByteArrayView aad, QByteArrayView plaintext, QByteArray &out);
    // Recipient only. EnvelopeCorrupt when the tag does not verify; the sequence number then
    // stays where it was (so a caller may retry the same message with other associated data).
    Result<QByteArray> open(QByteArrayView aad, QByteArrayView ciphertext);
    Result<void> open(QByteArrayView aad, QByteArrayView ciphertext, QByteArray &out);

    // RFC 9180 section 5.3: LabeledExpand(exporter_secret, "sec", exporterContext, length).
    Result<SecureBuffer> exportSecret(QByteArrayView exporterContext, qsizetype length) const;

    // Test seam: jump to a sequence number (overflow behaviour, RFC vectors at 255/256).
    void setSequenceForTesting(quint64 sequence);

private:
    struct Private;
    explicit HpkeContext(std::unique_ptr<Private> d);
    Result<void> checkSequence() const;
    void nonce(unsigned char *out) const;
    std::unique_ptr<Private> d;
};

} // namespace haip::crypto
