#include "crypto/VerifyingKey.h"

#include "crypto/internal/OpenSslErrors.h"
#include "crypto/internal/SignatureKeys.h"

#include <openssl/pem.h>

namespace haip::crypto {

QString jwsAlgorithmName(SignatureAlgorithm algorithm)
{
    return algorithm == SignatureAlgorithm::EdDsa ? QStringLiteral("EdDSA") : QStringLiteral("ES256");
}

VerifyingKey::VerifyingKey(std::shared_ptr<evp_pkey_st> key, SignatureAlgorithm algorithm)
    : m_key(std::move(key)), m_algorithm(algorithm)
{ }

Result<VerifyingKey> VerifyingKey::fromPem(QByteArrayView pem)
{
    const internal::BioPtr bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    internal::PKeyPtr key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key)
        return internal::openSslError(ErrorCode::KeyInvalid, QStringLiteral("not a PEM public key"));
    Result<SignatureAlgorithm> algorithm = internal::signatureAlgorithmOf(key.get());
    if (!algorithm)
        return algorithm.error();
    return VerifyingKey(internal::sharedKey(std::move(key)), *algorithm);
}

Result<VerifyingKey> VerifyingKey::fromSpkiDer(QByteArrayView der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.data());
    internal::PKeyPtr key(d2i_PUBKEY(nullptr, &p, long(der.size())));
    if (!key || p != reinterpret_cast<const unsigned char *>(der.data() + der.size()))
        return internal::openSslError(ErrorCode::KeyInvalid, QStringLiteral("not a DER SubjectPublicKeyInfo"));
    Result<SignatureAlgorithm> algorithm = internal::signatureAlgorithmOf(key.get());
    if (!algorithm)
        return algorithm.error();
    return VerifyingKey(internal::sharedKey(std::move(key)), *algorithm);
}

Result<VerifyingKey> VerifyingKey::fromJwk(const QJsonObject &jwk)
{
    Result<internal::PKeyPtr> key = internal::keyFromJwk(jwk, false);
    if (!key)
        return key.error();
    Result<SignatureAlgorithm> algorithm = internal::signatureAlgorithmOf(key->get());
    if (!algorithm)
        return algorithm.error();
    return VerifyingKey(internal::sharedKey(std::move(*key)), *algorithm);
}

QByteArray VerifyingKey::spkiDer() const
{
    if (!m_key)
        return {};
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(m_key.get(), &der);
    if (length <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return out;
}

QByteArray VerifyingKey::toPem() const
{
    if (!m_key)
        return {};
    const internal::BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1)
        return {};
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

QJsonObject VerifyingKey::toJwk() const
{
    return m_key ? internal::publicJwk(m_key.get(), m_algorithm) : QJsonObject();
}

Result<void> VerifyingKey::verify(QByteArrayView message, QByteArrayView signature) const
{
    if (!m_key)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("no verifying key"));
    QByteArray der;
    QByteArrayView checked = signature;
    if (m_algorithm == SignatureAlgorithm::Es256) {
        // JWS carries R || S; OpenSSL verifies DER.
        Result<QByteArray> converted = internal::ecdsaRawToDer(signature);
        if (!converted)
            return converted.error();
        der = std::move(*converted);
        checked = der;
    } else if (signature.size() != 64) {
        return Error(ErrorCode::SignatureInvalid,
                     QStringLiteral("an Ed25519 signature has 64 bytes, not %1").arg(signature.size()));
    }
    const internal::MdCtxPtr ctx(EVP_MD_CTX_new());
    const char *digest = m_algorithm == SignatureAlgorithm::Es256 ? "SHA256" : nullptr;
    if (!ctx || EVP_DigestVerifyInit_ex(ctx.get(), nullptr, digest, nullptr, nullptr, m_key.get(), nullptr) != 1)
        return internal::openSslError(QStringLiteral("EVP_DigestVerifyInit_ex"));
    const int verified = EVP_DigestVerify(ctx.get(),
                                          reinterpret_cast<const unsigned char *>(checked.data()),
                                          size_t(checked.size()),
                                          reinterpret_cast<const unsigned char *>(message.data()),
                                          size_t(message.size()));
    if (verified != 1) {
        internal::clearOpenSslErrors();
        return Error(ErrorCode::SignatureInvalid,
                     QStringLiteral("%1 signature does not verify").arg(jwsAlgorithmName(m_algorithm)));
    }
    return {};
}

bool VerifyingKey::operator==(const VerifyingKey &other) const
{
    if (!m_key || !other.m_key)
        return !m_key && !other.m_key;
    return EVP_PKEY_eq(m_key.get(), other.m_key.get()) == 1;
}

} // namespace haip::crypto
