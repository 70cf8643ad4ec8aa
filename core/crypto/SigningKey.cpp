#include "crypto/SigningKey.h"

#include "crypto/internal/OpenSslErrors.h"
#include "crypto/internal/SignatureKeys.h"

#include <openssl/pem.h>

namespace haip::crypto {

SigningKey::SigningKey(std::shared_ptr<evp_pkey_st> key, VerifyingKey publicKey)
    : m_key(std::move(key)), m_public(std::move(publicKey))
{ }

Result<SigningKey> SigningKey::fromPrivateKey(std::shared_ptr<evp_pkey_st> key)
{
    Result<SignatureAlgorithm> algorithm = internal::signatureAlgorithmOf(key.get());
    if (!algorithm)
        return algorithm.error();
    // The public half as a key object of its own, so a VerifyingKey never holds the private key.
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(key.get(), &der);
    if (length <= 0)
        return internal::openSslError(QStringLiteral("i2d_PUBKEY"));
    Result<VerifyingKey> publicKey = VerifyingKey::fromSpkiDer(QByteArrayView(der, length));
    OPENSSL_free(der);
    if (!publicKey)
        return publicKey.error();
    return SigningKey(std::move(key), std::move(*publicKey));
}

Result<SigningKey> SigningKey::generate(SignatureAlgorithm algorithm)
{
    internal::PKeyPtr key(algorithm == SignatureAlgorithm::Es256 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
                                                                 : EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key)
        return internal::openSslError(QStringLiteral("EVP_PKEY_Q_keygen"));
    return fromPrivateKey(internal::sharedKey(std::move(key)));
}

Result<SigningKey> SigningKey::fromPem(QByteArrayView pem)
{
    const internal::BioPtr bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    internal::PKeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key)
        return internal::openSslError(ErrorCode::KeyInvalid, QStringLiteral("not an unencrypted PEM private key"));
    return fromPrivateKey(internal::sharedKey(std::move(key)));
}

Result<SigningKey> SigningKey::fromJwk(const QJsonObject &jwk)
{
    Result<internal::PKeyPtr> key = internal::keyFromJwk(jwk, true);
    if (!key)
        return key.error();
    return fromPrivateKey(internal::sharedKey(std::move(*key)));
}

SecureBuffer SigningKey::toPem() const
{
    if (!m_key)
        return {};
    const internal::BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return SecureBuffer::fromBytes(QByteArrayView(data, qsizetype(length)));
}

Result<QByteArray> SigningKey::sign(QByteArrayView message) const
{
    if (!m_key)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("no signing key"));
    const bool ecdsa = algorithm() == SignatureAlgorithm::Es256;
    const internal::MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx ||
        EVP_DigestSignInit_ex(ctx.get(), nullptr, ecdsa ? "SHA256" : nullptr, nullptr, nullptr, m_key.get(), nullptr) !=
            1)
        return internal::openSslError(QStringLiteral("EVP_DigestSignInit_ex"));
    const auto *data = reinterpret_cast<const unsigned char *>(message.data());
    size_t length = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &length, data, size_t(message.size())) != 1)
        return internal::openSslError(QStringLiteral("EVP_DigestSign"));
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(
            ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, data, size_t(message.size())) != 1)
        return internal::openSslError(QStringLiteral("EVP_DigestSign"));
    signature.truncate(qsizetype(length));
    return ecdsa ? internal::ecdsaDerToRaw(signature) : Result<QByteArray>(signature);
}

} // namespace haip::crypto
