#include "crypto/internal/AeadCipher.h"

#include "crypto/internal/OpenSslErrors.h"

#include <algorithm>
#include <climits>
#include <cstring>

namespace haip::crypto::internal {

namespace {

// OpenSSL's names for the HPKE AEADs.
const char *cipherName(AeadId id)
{
    switch (id) {
    case AeadId::Aes128Gcm:
        return "AES-128-GCM";
    case AeadId::Aes256Gcm:
        return "AES-256-GCM";
    case AeadId::ChaCha20Poly1305:
        return "ChaCha20-Poly1305";
    case AeadId::ExportOnly:
        break;
    }
    return nullptr;
}

// EVP_*Update take int lengths; larger messages go through in slices of this size.
constexpr qsizetype kSlice = qsizetype(1) << 30;

} // namespace

AeadCipher::AeadCipher(CipherCtxPtr ctx, Direction direction) : m_ctx(std::move(ctx)), m_direction(direction) { }

Result<AeadCipher> AeadCipher::create(AeadId id, Direction direction, QByteArrayView key)
{
    const char *name = cipherName(id);
    const std::optional<AeadInfo> info = aeadInfo(id);
    if (!name || !info)
        return Error(ErrorCode::EnvelopeUnsupported, QStringLiteral("AEAD %1 cannot encrypt").arg(aeadName(id)));
    if (key.size() != info->keyLength)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("AEAD key of %1 bytes").arg(key.size()));
    const CipherPtr cipher(EVP_CIPHER_fetch(nullptr, name, nullptr));
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!cipher || !ctx)
        return openSslError(QStringLiteral("EVP_CIPHER_fetch(%1)").arg(QLatin1String(name)));
    const int enc = direction == Direction::Seal ? 1 : 0;
    if (EVP_CipherInit_ex2(ctx.get(), cipher.get(), nullptr, nullptr, enc, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, info->nonceLength, nullptr) != 1 ||
        EVP_CipherInit_ex2(
            ctx.get(), nullptr, reinterpret_cast<const unsigned char *>(key.data()), nullptr, enc, nullptr) != 1)
        return openSslError(QStringLiteral("EVP_CipherInit_ex2(%1)").arg(QLatin1String(name)));
    return AeadCipher(std::move(ctx), direction);
}

bool AeadCipher::start(const unsigned char *nonce, QByteArrayView aad)
{
    const int enc = m_direction == Direction::Seal ? 1 : 0;
    if (EVP_CipherInit_ex2(m_ctx.get(), nullptr, nullptr, nonce, enc, nullptr) != 1)
        return false;
    for (qsizetype done = 0; done < aad.size(); done += kSlice) {
        const int n = int(std::min(kSlice, aad.size() - done));
        int outLength = 0;
        if (EVP_CipherUpdate(
                m_ctx.get(), nullptr, &outLength, reinterpret_cast<const unsigned char *>(aad.data() + done), n) != 1)
            return false;
    }
    return true;
}

bool AeadCipher::update(QByteArrayView in, unsigned char *out)
{
    for (qsizetype done = 0; done < in.size(); done += kSlice) {
        const int n = int(std::min(kSlice, in.size() - done));
        int outLength = 0;
        if (EVP_CipherUpdate(
                m_ctx.get(), out + done, &outLength, reinterpret_cast<const unsigned char *>(in.data() + done), n) !=
                1 ||
            outLength != n)
            return false;
    }
    return true;
}

Result<void>
AeadCipher::seal(const unsigned char *nonce, QByteArrayView aad, QByteArrayView plaintext, unsigned char *out)
{
    if (m_direction != Direction::Seal)
        return Error(ErrorCode::Internal, QStringLiteral("AEAD context opened for decryption asked to seal"));
    int finalLength = 0;
    if (!start(nonce, aad) || !update(plaintext, out) ||
        EVP_CipherFinal_ex(m_ctx.get(), out + plaintext.size(), &finalLength) != 1 || finalLength != 0 ||
        EVP_CIPHER_CTX_ctrl(m_ctx.get(), EVP_CTRL_AEAD_GET_TAG, TagLength, out + plaintext.size()) != 1)
        return openSslError(QStringLiteral("AEAD seal"));
    return {};
}

Result<bool>
AeadCipher::open(const unsigned char *nonce, QByteArrayView aad, QByteArrayView ciphertext, unsigned char *out)
{
    if (m_direction != Direction::Open)
        return Error(ErrorCode::Internal, QStringLiteral("AEAD context opened for encryption asked to open"));
    if (ciphertext.size() < TagLength)
        return false;
    const QByteArrayView body = ciphertext.first(ciphertext.size() - TagLength);
    unsigned char tag[TagLength];
    std::memcpy(tag, ciphertext.data() + body.size(), TagLength);
    if (!start(nonce, aad) || !update(body, out) ||
        EVP_CIPHER_CTX_ctrl(m_ctx.get(), EVP_CTRL_AEAD_SET_TAG, TagLength, tag) != 1)
        return openSslError(QStringLiteral("AEAD open"));
    int finalLength = 0;
    if (EVP_CipherFinal_ex(m_ctx.get(), out + body.size(), &finalLength) != 1) {
        clearOpenSslErrors();
        return false;
    }
    return true;
}

} // namespace haip::crypto::internal
