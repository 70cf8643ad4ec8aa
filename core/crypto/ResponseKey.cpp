#include "crypto/ResponseKey.h"

#include "crypto/internal/EnvelopeFormat.h"
#include "crypto/internal/HpkeLabels.h"

#include <cstring>

namespace haip::crypto {

namespace {
constexpr QByteArrayView kMagic("HRK1");
constexpr qsizetype kSerializedSize = 4 + 2 + internal::envelope::EncSize + internal::envelope::ResponseSecretSize;
} // namespace

ResponseKey::ResponseKey(AeadId aead, QByteArray enc, SecureBuffer secret)
    : m_aead(aead), m_enc(std::move(enc)), m_secret(std::move(secret))
{ }

SecureBuffer ResponseKey::serialize() const
{
    const QByteArray head = kMagic.toByteArray() + internal::i2osp(quint16(m_aead), 2) + m_enc;
    SecureBuffer out(head.size() + m_secret.size());
    std::memcpy(out.data(), head.constData(), size_t(head.size()));
    std::memcpy(out.data() + head.size(), m_secret.data(), size_t(m_secret.size()));
    return out;
}

Result<ResponseKey> ResponseKey::deserialize(QByteArrayView bytes)
{
    if (bytes.size() != kSerializedSize || !bytes.startsWith(kMagic))
        return Error(ErrorCode::KeyInvalid, QStringLiteral("not a serialized response key"));
    const quint16 aead = internal::envelope::readU16(bytes.data() + 4);
    if (Result<void> ok = internal::envelope::checkAead(aead); !ok)
        return Error(ErrorCode::KeyInvalid, ok.error().detail());
    return ResponseKey(AeadId(aead),
                       bytes.sliced(6, internal::envelope::EncSize).toByteArray(),
                       SecureBuffer::fromBytes(bytes.sliced(6 + internal::envelope::EncSize)));
}

} // namespace haip::crypto
