// SessionKey: P-256 generation and PEM round trip with OpenSSL; the PEM never lives in a
// QByteArray we do not wipe (QSslKey gets a raw-data view of our SecureBuffer).
#include "platform/SessionKey.h"

#include "crypto/internal/OpenSslPtr.h"

#include <openssl/pem.h>

#include <utility>

namespace haip::platform {

using namespace crypto::internal;

namespace {

crypto::SecureBuffer bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    if (size <= 0)
        return {};
    return crypto::SecureBuffer::fromBytes(QByteArrayView(data, size));
}

Result<QByteArray> spkiDer(EVP_PKEY *key)
{
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(key, &der);
    if (length <= 0)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("cannot encode the session public key"));
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return out;
}

bool isP256(EVP_PKEY *key)
{
    char group[64] = {};
    size_t length = 0;
    return EVP_PKEY_is_a(key, "EC") &&
        EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &length) == 1 &&
        QByteArrayView(group, qsizetype(length)) == "prime256v1";
}

} // namespace

Result<SessionKey> SessionKey::generate()
{
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    BioPtr pem(BIO_new(BIO_s_mem()));
    if (!key || !pem || PEM_write_bio_PrivateKey(pem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("cannot generate the P-256 session key"));
    crypto::SecureBuffer bytes = bioBytes(pem.get());
    // BIO_s_mem keeps its own copy: overwrite it before the BIO is freed.
    char *data = nullptr;
    const long size = BIO_get_mem_data(pem.get(), &data);
    if (size > 0)
        OPENSSL_cleanse(data, size_t(size));
    return fromPem(std::move(bytes));
}

Result<SessionKey> SessionKey::fromPkcs8Pem(QByteArrayView pem)
{
    return fromPem(crypto::SecureBuffer::fromBytes(pem));
}

Result<SessionKey> SessionKey::fromPem(crypto::SecureBuffer pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    PKeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key || !isP256(key.get()))
        return Error(ErrorCode::KeyInvalid, QStringLiteral("the session key is not an EC P-256 private key"));
    Result<QByteArray> publicDer = spkiDer(key.get());
    if (!publicDer)
        return publicDer.error();
    SessionKey k;
    // fromRawData: Qt parses from our buffer without keeping a copy of the PEM text.
    k.m_key = QSslKey(QByteArray::fromRawData(reinterpret_cast<const char *>(pem.data()), pem.size()),
                      QSsl::Ec,
                      QSsl::Pem,
                      QSsl::PrivateKey);
    if (k.m_key.isNull())
        return Error(ErrorCode::KeyInvalid, QStringLiteral("the TLS stack refused the session key"));
    k.m_pem = std::move(pem);
    k.m_publicKeyDer = *publicDer;
    return k;
}

SessionKey::SessionKey(SessionKey &&other) noexcept
    : m_pem(std::move(other.m_pem))
    , m_key(std::exchange(other.m_key, QSslKey()))
    , m_publicKeyDer(std::move(other.m_publicKeyDer))
{ }

SessionKey &SessionKey::operator=(SessionKey &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_pem = std::move(other.m_pem);
        m_key = std::exchange(other.m_key, QSslKey());
        m_publicKeyDer = std::move(other.m_publicKeyDer);
    }
    return *this;
}

void SessionKey::wipe()
{
    m_key.clear();
    m_pem.clear();
    m_publicKeyDer.clear();
}

} // namespace haip::platform
