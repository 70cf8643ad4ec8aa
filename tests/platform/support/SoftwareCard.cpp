#include "SoftwareCard.h"

#include "crypto/internal/OpenSslPtr.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/pem.h>

namespace haip::test {

using namespace haip::crypto::internal;

Result<SoftwareCard> SoftwareCard::load(const QString &cardProfilePath)
{
    QFile file(cardProfilePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), cardProfilePath);
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject slot = o.value(QStringLiteral("slots")).toObject().value(QStringLiteral("9A")).toObject();
    SoftwareCard card;
    card.m_clinicianId = o.value(QStringLiteral("clinicianId")).toString();
    card.m_algorithm = slot.value(QStringLiteral("algorithm")).toString();
    card.m_privateKeyPem = slot.value(QStringLiteral("privateKeyPkcs8Pem")).toString().toLatin1();
    card.m_certificateDer = QByteArray::fromBase64(slot.value(QStringLiteral("certificateDer")).toString().toLatin1());
    if (card.m_privateKeyPem.isEmpty() || card.m_certificateDer.isEmpty())
        return Error(ErrorCode::InvalidAttribute, QStringLiteral("no slot 9A"), cardProfilePath);
    return card;
}

Result<QByteArray> SoftwareCard::sign(const QByteArray &message) const
{
    BioPtr bio(BIO_new_mem_buf(m_privateKeyPem.constData(), int(m_privateKeyPem.size())));
    PKeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    MdCtxPtr md(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    if (!key || !md || EVP_DigestSignInit(md.get(), &pctx, EVP_sha256(), nullptr, key.get()) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("cannot load the card key"));
    if (EVP_PKEY_is_a(key.get(), "RSA") && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("cannot select PKCS#1 v1.5"));
    size_t length = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(message.constData());
    if (EVP_DigestSign(md.get(), nullptr, &length, data, size_t(message.size())) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("signing failed"));
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_DigestSign(
            md.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, data, size_t(message.size())) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("signing failed"));
    signature.resize(qsizetype(length));
    return signature;
}

SessionKey SessionKey::generate()
{
    SessionKey k;
    PKeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    BioPtr pem(BIO_new(BIO_s_mem()));
    if (!key || !pem || PEM_write_bio_PrivateKey(pem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return k;
    char *data = nullptr;
    const long size = BIO_get_mem_data(pem.get(), &data);
    k.m_privateKey = QSslKey(QByteArray(data, size), QSsl::Ec, QSsl::Pem);
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(key.get(), &der);
    if (length > 0) {
        k.m_publicKeyDer = QByteArray(reinterpret_cast<const char *>(der), length);
        OPENSSL_free(der);
    }
    return k;
}

} // namespace haip::test
