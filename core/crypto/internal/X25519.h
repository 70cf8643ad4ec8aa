// X25519 (RFC 7748) through OpenSSL EVP_PKEY: raw 32-byte keys in and out, and the
// Diffie-Hellman function DHKEM needs. OpenSSL refuses an all-zero shared secret (a small-order
// peer key), which is the check RFC 9180 section 7.1.4 asks of X25519.
#pragma once

#include "common/Result.h"
#include "crypto/SecureBuffer.h"
#include "crypto/internal/OpenSslPtr.h"

#include <QByteArray>

namespace haip::crypto::internal {

Result<PKeyPtr> x25519PrivateFromRaw(QByteArrayView raw);
Result<PKeyPtr> x25519PublicFromRaw(QByteArrayView raw);
Result<PKeyPtr> x25519Generate();
Result<QByteArray> x25519PublicRaw(EVP_PKEY *key);
Result<SecureBuffer> x25519PrivateRaw(EVP_PKEY *key);
// DH(sk, pk): 32 bytes; EnvelopeCorrupt when OpenSSL refuses the peer key (all-zero result).
Result<SecureBuffer> x25519Dh(EVP_PKEY *privateKey, EVP_PKEY *peerPublicKey);

} // namespace haip::crypto::internal
