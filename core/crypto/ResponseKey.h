// What a requester keeps to read the reply to an envelope it sealed — and what the service
// derives from the request it opened to seal that reply: the AEAD of the request, its enc and
// a secret exported from its HPKE context (Export("HAIP envelope v1 response", 32)), after
// RFC 9458 section 4.4. Nobody else can compute the secret, so only the requester reads the
// response. The workstation stores it with the queued job (serialize()) to survive restarts;
// it is a secret and must be stored like one.
#pragma once

#include "common/Result.h"
#include "crypto/HpkeSuite.h"
#include "crypto/SecureBuffer.h"

#include <QByteArray>

namespace haip::crypto {

class ResponseKey
{
public:
    ResponseKey() = default; // null
    ResponseKey(AeadId aead, QByteArray enc, SecureBuffer secret);

    bool isNull() const { return m_secret.isEmpty(); }
    AeadId aead() const { return m_aead; }
    const QByteArray &enc() const { return m_enc; }
    const SecureBuffer &secret() const { return m_secret; }

    // "HRK1" || aead_id (2) || enc (32) || secret (32): 70 bytes.
    SecureBuffer serialize() const;
    static Result<ResponseKey> deserialize(QByteArrayView bytes);

private:
    AeadId m_aead = AeadId::Aes256Gcm;
    QByteArray m_enc;
    SecureBuffer m_secret;
};

} // namespace haip::crypto
