#include "CardVerifier.h"

#include "crypto/internal/OpenSslPtr.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509_vfy.h>

namespace haip::server {

using namespace haip::crypto::internal;

struct CardVerifier::Impl
{
    X509Ptr ca;
    X509CrlPtr crl;
};

namespace {

X509Ptr certificateFromDer(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    X509Ptr x(d2i_X509(nullptr, &p, long(der.size())));
    // Trailing bytes after the certificate are refused: exactly one DER object.
    if (x && p != reinterpret_cast<const unsigned char *>(der.constData()) + der.size())
        return nullptr;
    return x;
}

QString nameEntry(X509 *cert, int nid)
{
    X509_NAME *name = X509_get_subject_name(cert);
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, data);
    if (length < 0)
        return {};
    const QString out = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return out;
}

QByteArray serialHex(X509 *cert)
{
    BignumPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
    char *hex = bn ? BN_bn2hex(bn.get()) : nullptr;
    if (!hex)
        return {};
    const QByteArray out = QByteArray(hex).toLower();
    OPENSSL_free(hex);
    return out;
}

} // namespace

CardVerifier::CardVerifier(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) { }
CardVerifier::CardVerifier(CardVerifier &&) noexcept = default;
CardVerifier &CardVerifier::operator=(CardVerifier &&) noexcept = default;
CardVerifier::~CardVerifier() = default;

Result<CardVerifier> CardVerifier::load(const QByteArray &caPem, const QByteArray &crlPem)
{
    auto impl = std::make_unique<Impl>();
    BioPtr caBio(BIO_new_mem_buf(caPem.constData(), int(caPem.size())));
    BioPtr crlBio(BIO_new_mem_buf(crlPem.constData(), int(crlPem.size())));
    if (caBio)
        impl->ca.reset(PEM_read_bio_X509(caBio.get(), nullptr, nullptr, nullptr));
    if (crlBio)
        impl->crl.reset(PEM_read_bio_X509_CRL(crlBio.get(), nullptr, nullptr, nullptr));
    ERR_clear_error();
    if (!impl->ca || !impl->crl)
        return Error(ErrorCode::InvalidAttribute, QStringLiteral("cannot read the HPKI CA certificate or its CRL"));
    // The CRL must be the CA's own: a CRL signed by anyone else would revoke nothing.
    PKeyPtr caKey(X509_get_pubkey(impl->ca.get()));
    if (!caKey || X509_CRL_verify(impl->crl.get(), caKey.get()) != 1) {
        ERR_clear_error();
        return Error(ErrorCode::InvalidAttribute, QStringLiteral("the CRL is not signed by the HPKI CA"));
    }
    return CardVerifier(std::move(impl));
}

Result<CardIdentity> CardVerifier::verifyCertificate(const QByteArray &certificateDer, const QDateTime &now) const
{
    X509Ptr cert = certificateFromDer(certificateDer);
    if (!cert)
        return Error(ErrorCode::CertificateRejected, QStringLiteral("the card certificate is not a DER certificate"));
    X509StorePtr store(X509_STORE_new());
    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!store || !ctx || X509_STORE_add_cert(store.get(), m_impl->ca.get()) != 1 ||
        X509_STORE_add_crl(store.get(), m_impl->crl.get()) != 1 ||
        X509_STORE_CTX_init(ctx.get(), store.get(), cert.get(), nullptr) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("cannot set up certificate verification"));
    X509_STORE_CTX_set_flags(ctx.get(), X509_V_FLAG_CRL_CHECK | X509_V_FLAG_X509_STRICT);
    X509_STORE_CTX_set_time(ctx.get(), 0, time_t(now.toSecsSinceEpoch()));
    X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_CLIENT);
    if (X509_verify_cert(ctx.get()) != 1) {
        const int code = X509_STORE_CTX_get_error(ctx.get());
        ERR_clear_error();
        QString why;
        switch (code) {
        case X509_V_ERR_CERT_REVOKED:
            why = QStringLiteral("the certificate has been revoked");
            break;
        case X509_V_ERR_CERT_HAS_EXPIRED:
            why = QStringLiteral("the certificate has expired");
            break;
        case X509_V_ERR_CERT_NOT_YET_VALID:
            why = QStringLiteral("the certificate is not valid yet");
            break;
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_CERT_SIGNATURE_FAILURE:
            why = QStringLiteral("the certificate was not issued by a trusted CA");
            break;
        default:
            why = QString::fromLatin1(X509_verify_cert_error_string(code));
        }
        return Error(ErrorCode::CertificateRejected, why);
    }
    CardIdentity id;
    id.hpkiId = nameEntry(cert.get(), NID_serialNumber);
    id.commonName = nameEntry(cert.get(), NID_commonName);
    id.serialHex = serialHex(cert.get());
    EVP_PKEY *key = X509_get0_pubkey(cert.get());
    if (key && EVP_PKEY_is_a(key, "RSA") && EVP_PKEY_get_bits(key) >= 2048)
        id.keyAlgorithm = QStringLiteral("RSA-2048");
    else if (key && EVP_PKEY_is_a(key, "EC") && EVP_PKEY_get_bits(key) == 256)
        id.keyAlgorithm = QStringLiteral("ECC-P256");
    else
        return Error(ErrorCode::CertificateRejected, QStringLiteral("the card key is neither RSA-2048 nor ECC P-256"));
    if (id.hpkiId.isEmpty())
        return Error(ErrorCode::CertificateRejected, QStringLiteral("the certificate names no practitioner id"));
    return id;
}

Result<void>
CardVerifier::verifySignature(const QByteArray &certificateDer, const QByteArray &message, const QByteArray &signature)
{
    X509Ptr cert = certificateFromDer(certificateDer);
    EVP_PKEY *key = cert ? X509_get0_pubkey(cert.get()) : nullptr;
    MdCtxPtr md(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    if (!key || !md || EVP_DigestVerifyInit(md.get(), &pctx, EVP_sha256(), nullptr, key) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("cannot set up signature verification"));
    if (EVP_PKEY_is_a(key, "RSA") && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("cannot select PKCS#1 v1.5"));
    const int ok = EVP_DigestVerify(md.get(),
                                    reinterpret_cast<const unsigned char *>(signature.constData()),
                                    size_t(signature.size()),
                                    reinterpret_cast<const unsigned char *>(message.constData()),
                                    size_t(message.size()));
    ERR_clear_error();
    if (ok != 1)
        return Error(ErrorCode::AuthenticationFailed, QStringLiteral("the card signature does not verify"));
    return {};
}

} // namespace haip::server
