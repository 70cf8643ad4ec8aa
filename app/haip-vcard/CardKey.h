// The private key of PIV slot 9A as the card uses it: GENERAL AUTHENTICATE hands the card an
// already padded RSA block (raw private operation) or, for ECC P-256, the digest to sign.
#pragma once

#include "common/Result.h"

#include <QByteArray>

#include <memory>

struct evp_pkey_st;

namespace haip::vcard {

class CardKey
{
public:
    CardKey() = default;
    // Unencrypted PKCS#8 PEM of an RSA-2048 or P-256 key.
    static Result<CardKey> fromPem(const QByteArray &pem);

    // 7 (RSA 2048) or 0x11 (ECC P-256): SP 800-78-4 Table 6-2.
    int pivAlgorithmId() const { return m_algorithmId; }
    // RSA: the 256-byte block, raw (the client padded it); ECC: the digest, answered with a
    // DER ECDSA-Sig-Value. Errors mean the input does not fit the key.
    Result<QByteArray> sign(const QByteArray &input) const;

private:
    std::shared_ptr<evp_pkey_st> m_key;
    int m_algorithmId = 0;
};

} // namespace haip::vcard
