// SoftwareCardSigner: OpenSSL EVP signing with the card key; the profile reader checks only what
// signing needs (the platform judges the certificate).
#include "platform/SoftwareCardSigner.h"

#include "crypto/internal/OpenSslPtr.h"
#include "platform/StrictJson.h"

#include <QFile>
#include <QJsonObject>

#include <openssl/pem.h>
#include <openssl/rsa.h>

namespace haip::platform {

using namespace crypto::internal;

namespace {

PKeyPtr loadKey(const crypto::SecureBuffer &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    return PKeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

// "RSA-2048", "ECC-P256" or empty for anything a PIV card of the platform cannot hold.
QString algorithmOf(EVP_PKEY *key)
{
    if (EVP_PKEY_is_a(key, "RSA"))
        return EVP_PKEY_get_bits(key) == 2048 ? QStringLiteral("RSA-2048") : QString();
    char group[64] = {};
    size_t length = 0;
    if (EVP_PKEY_is_a(key, "EC") && EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &length) == 1 &&
        QByteArrayView(group, qsizetype(length)) == "prime256v1")
        return QStringLiteral("ECC-P256");
    return {};
}

} // namespace

Result<SoftwareCardSigner> SoftwareCardSigner::fromPkcs8(QByteArrayView privateKeyPem, QByteArray certificateDer)
{
    SoftwareCardSigner s;
    s.m_keyPem = crypto::SecureBuffer::fromBytes(privateKeyPem);
    PKeyPtr key = loadKey(s.m_keyPem);
    if (!key)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("the card key is not a PKCS#8 private key"));
    s.m_algorithm = algorithmOf(key.get());
    if (s.m_algorithm.isEmpty())
        return Error(ErrorCode::KeyInvalid, QStringLiteral("the card key is neither RSA-2048 nor EC P-256"));
    if (certificateDer.isEmpty())
        return Error(ErrorCode::KeyInvalid, QStringLiteral("the card has no certificate"));
    s.m_certificateDer = std::move(certificateDer);
    return s;
}

Result<SoftwareCardSigner> SoftwareCardSigner::fromCardProfile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return Error(ErrorCode::FileNotFound, {}, path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    const crypto::SecureBuffer bytes = crypto::SecureBuffer::fromBytes(file.read(qint64(1024) * 1024));
    Result<QJsonObject> profile = StrictJson::parseObject(bytes.view(), {}, path);
    if (!profile || profile->value(QStringLiteral("format")).toString() != QLatin1String("haip-vcard-profile"))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("%1 is not a haip-vcard-profile").arg(path));
    const QJsonObject slot = profile->value(QStringLiteral("slots")).toObject().value(QStringLiteral("9A")).toObject();
    const auto certificate = QByteArray::fromBase64Encoding(
        slot.value(QStringLiteral("certificateDer")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!certificate)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("%1: slot 9A has no certificate").arg(path));
    const QByteArray pem = slot.value(QStringLiteral("privateKeyPkcs8Pem")).toString().toLatin1();
    Result<SoftwareCardSigner> s = fromPkcs8(pem, certificate.decoded);
    if (!s)
        return s.error().withSubject(path);
    s->m_clinicianId = profile->value(QStringLiteral("clinicianId")).toString();
    return s;
}

Result<QByteArray> SoftwareCardSigner::certificateDer() const
{
    return m_certificateDer;
}

void SoftwareCardSigner::signLoginMessage(const QByteArray &message, SignCallback done)
{
    done(sign(message));
}

Result<QByteArray> SoftwareCardSigner::sign(QByteArrayView message) const
{
    PKeyPtr key = loadKey(m_keyPem);
    MdCtxPtr md(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    if (!key || !md || EVP_DigestSignInit(md.get(), &pctx, EVP_sha256(), nullptr, key.get()) != 1)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("cannot use the card key"));
    // PIV algorithm 07 is raw RSA over a PKCS#1 v1.5 block the client builds: the same bytes.
    if (EVP_PKEY_is_a(key.get(), "RSA") && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("cannot select PKCS#1 v1.5 padding"));
    const auto *data = reinterpret_cast<const unsigned char *>(message.data());
    size_t length = 0;
    if (EVP_DigestSign(md.get(), nullptr, &length, data, size_t(message.size())) != 1)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("the card key did not sign"));
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_DigestSign(
            md.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, data, size_t(message.size())) != 1)
        return Error(ErrorCode::KeyInvalid, QStringLiteral("the card key did not sign"));
    signature.resize(qsizetype(length));
    return signature;
}

} // namespace haip::platform
