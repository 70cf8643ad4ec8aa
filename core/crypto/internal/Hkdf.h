// HKDF-SHA256 (RFC 5869) through OpenSSL 3's EVP_KDF "HKDF" in its EXTRACT_ONLY and
// EXPAND_ONLY modes: the two halves HPKE's LabeledExtract/LabeledExpand are built on.
#pragma once

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QByteArrayView>

namespace haip::crypto::internal {

// PRK = HMAC-SHA256(salt, ikm); an empty salt means Nh zero bytes, as RFC 5869 says.
Result<SecureBuffer> hkdfExtract(QByteArrayView salt, QByteArrayView ikm);
// OKM of `length` bytes (at most 255 * 32).
Result<SecureBuffer> hkdfExpand(QByteArrayView prk, QByteArrayView info, qsizetype length);

} // namespace haip::crypto::internal
