// HPKE (RFC 9180) setup on OpenSSL 3.0 primitives — OpenSSL gained a native HPKE API only in
// 3.2. One KEM (DHKEM(X25519, HKDF-SHA256)), one KDF (HKDF-SHA256), the AEADs of HpkeSuite.h,
// all four modes. Setup yields an HpkeContext; the sender also gets enc, the encapsulated key
// to transmit. Verified against every X25519 vector of RFC 9180 Appendix A (TestHpke).
#pragma once

#include "common/Result.h"
#include "crypto/HpkeContext.h"
#include "crypto/HpkeSuite.h"
#include "crypto/PrivateKey.h"
#include "crypto/PublicKey.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>

namespace haip::crypto {

// The intermediate values of a setup (RFC 9180 Appendix A lists them): for tests and for
// vendors' conformance diagnostics. Never logged.
struct HpkeKeySchedule
{
    SecureBuffer sharedSecret;
    QByteArray keyScheduleContext;
    SecureBuffer secret;
    SecureBuffer key;
    SecureBuffer baseNonce;
    SecureBuffer exporterSecret;
};

struct HpkeSetupOptions
{
    // Psk and AuthPsk modes: both given (the PSK at least 32 bytes), otherwise both empty.
    QByteArrayView psk;
    QByteArrayView pskId;
    // Auth and AuthPsk modes: the sender's key pair (sender side) or public key (recipient side).
    const PrivateKey *senderKey = nullptr;
    const PublicKey *senderPublicKey = nullptr;
    // A fixed ephemeral key instead of a fresh one: test vectors only (reusing an ephemeral key
    // across messages destroys HPKE's security).
    const PrivateKey *ephemeralKey = nullptr;
    // Receives the intermediate values when set.
    HpkeKeySchedule *trace = nullptr;
};

class Hpke
{
public:
    explicit Hpke(AeadId aead) : m_aead(aead) { }

    struct Sender
    {
        QByteArray enc;
        HpkeContext context;
    };

    Result<Sender> setupSender(HpkeMode mode,
                               const PublicKey &recipient,
                               QByteArrayView info,
                               const HpkeSetupOptions &options = {}) const;
    // EnvelopeCorrupt when enc is not a usable X25519 public key.
    Result<HpkeContext> setupRecipient(HpkeMode mode,
                                       QByteArrayView enc,
                                       const PrivateKey &recipient,
                                       QByteArrayView info,
                                       const HpkeSetupOptions &options = {}) const;

    AeadId aead() const { return m_aead; }

private:
    Result<HpkeContext> keySchedule(HpkeMode mode,
                                    HpkeContext::Role role,
                                    const SecureBuffer &sharedSecret,
                                    QByteArrayView info,
                                    const HpkeSetupOptions &options) const;
    AeadId m_aead;
};

} // namespace haip::crypto
