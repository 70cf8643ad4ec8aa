// Key derivation of the response stream (docs/api/envelope.md, "Response envelope"), after
// RFC 9458 section 4.4: salt = enc || response_nonce, prk = HKDF-Extract(salt, secret),
// key = HKDF-Expand(prk, "key" || prefix, Nk), nonce = HKDF-Expand(prk, "nonce" || prefix, Nn).
// The response header's prefix is part of the labels, so its fields are authenticated.
#pragma once

#include "common/Result.h"
#include "crypto/HpkeContext.h"
#include "crypto/ResponseKey.h"

namespace haip::crypto::internal {

Result<HpkeContext> responseContext(const ResponseKey &key,
                                    QByteArrayView responsePrefix,
                                    QByteArrayView responseNonce,
                                    HpkeContext::Role role);
// The secret both sides compute from the request's context.
Result<ResponseKey> responseKeyFrom(const HpkeContext &requestContext, const QByteArray &enc);

} // namespace haip::crypto::internal
