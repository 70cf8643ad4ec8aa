// CertificateAuthority on OpenSSL 3: key generation, X.509 v3 issuance and v2 CRLs.
#include "CertificateAuthority.h"

#include "crypto/internal/OpenSslPtr.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

namespace haip::server {

using namespace haip::crypto::internal;

namespace {

using Asn1IntegerPtr = OpenSslPtr<ASN1_INTEGER, ASN1_INTEGER_free>;
using Asn1TimePtr = OpenSslPtr<ASN1_TIME, ASN1_TIME_free>;
using GeneralNamesPtr = OpenSslPtr<GENERAL_NAMES, GENERAL_NAMES_free>;
using X509RevokedPtr = OpenSslPtr<X509_REVOKED, X509_REVOKED_free>;

Error sslError(const QString &what)
{
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    if (code)
        ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return Error(ErrorCode::Internal, QStringLiteral("%1 (%2)").arg(what, QString::fromLatin1(text)));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

BioPtr memoryBio(const QByteArray &bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

PKeyPtr readPrivateKey(const QByteArray &pem)
{
    BioPtr bio = memoryBio(pem);
    return PKeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

// A PEM private key or public key: the public part either way.
PKeyPtr readAnyKey(const QByteArray &pem)
{
    if (PKeyPtr key = readPrivateKey(pem))
        return key;
    ERR_clear_error();
    BioPtr bio = memoryBio(pem);
    return PKeyPtr(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

X509Ptr readCertificate(const QByteArray &pem)
{
    BioPtr bio = memoryBio(pem);
    return X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

QByteArray certificateToPem(X509 *x509)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), x509) != 1)
        return {};
    return bioBytes(bio.get());
}

Asn1TimePtr asn1Time(const QDateTime &when)
{
    return Asn1TimePtr(ASN1_TIME_set(nullptr, time_t(when.toSecsSinceEpoch())));
}

Asn1IntegerPtr serialFromHex(const QByteArray &hex)
{
    BIGNUM *raw = nullptr;
    if (hex.isEmpty() || BN_hex2bn(&raw, hex.constData()) == 0)
        return nullptr;
    BignumPtr bn(raw);
    return Asn1IntegerPtr(BN_to_ASN1_INTEGER(bn.get(), nullptr));
}

bool addNameEntries(X509_NAME *name, const QList<QPair<QByteArray, QString>> &entries)
{
    for (const auto &[field, value] : entries) {
        const QByteArray utf8 = value.toUtf8();
        if (X509_NAME_add_entry_by_txt(name,
                                       field.constData(),
                                       MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char *>(utf8.constData()),
                                       int(utf8.size()),
                                       -1,
                                       0) != 1)
            return false;
    }
    return true;
}

bool addExtension(X509 *cert, X509V3_CTX *ctx, int nid, const char *value)
{
    X509ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

bool addSubjectAltName(X509 *cert, const CertificateSpec &spec)
{
    if (spec.dnsNames.isEmpty() && spec.ipAddresses.isEmpty() && spec.directoryName.isEmpty())
        return true;
    GeneralNamesPtr names(sk_GENERAL_NAME_new_null());
    if (!names)
        return false;
    const auto push = [&names](GENERAL_NAME *n) {
        if (!n || sk_GENERAL_NAME_push(names.get(), n) == 0) {
            GENERAL_NAME_free(n);
            return false;
        }
        return true;
    };
    for (const QString &dns : spec.dnsNames) {
        GENERAL_NAME *n = GENERAL_NAME_new();
        ASN1_IA5STRING *ia5 = ASN1_IA5STRING_new();
        const QByteArray ascii = dns.toLatin1();
        if (!n || !ia5 || ASN1_STRING_set(ia5, ascii.constData(), int(ascii.size())) != 1) {
            ASN1_IA5STRING_free(ia5);
            GENERAL_NAME_free(n);
            return false;
        }
        GENERAL_NAME_set0_value(n, GEN_DNS, ia5);
        if (!push(n))
            return false;
    }
    for (const QString &ip : spec.ipAddresses) {
        ASN1_OCTET_STRING *octets = a2i_IPADDRESS(ip.toLatin1().constData());
        GENERAL_NAME *n = octets ? GENERAL_NAME_new() : nullptr;
        if (!n) {
            ASN1_OCTET_STRING_free(octets);
            return false;
        }
        GENERAL_NAME_set0_value(n, GEN_IPADD, octets);
        if (!push(n))
            return false;
    }
    if (!spec.directoryName.isEmpty()) {
        X509_NAME *dir = X509_NAME_new();
        GENERAL_NAME *n = dir ? GENERAL_NAME_new() : nullptr;
        if (!n || !addNameEntries(dir, spec.directoryName)) {
            X509_NAME_free(dir);
            GENERAL_NAME_free(n);
            return false;
        }
        GENERAL_NAME_set0_value(n, GEN_DIRNAME, dir);
        if (!push(n))
            return false;
    }
    return X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) == 1;
}

bool addProfileExtensions(X509 *cert, X509 *issuer, const CertificateSpec &spec, bool rsaSubject)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    const char *basic = "critical,CA:FALSE";
    const char *usage = "critical,digitalSignature";
    const char *extended = nullptr;
    switch (spec.profile) {
    case CertificateProfile::Ca:
        basic = "critical,CA:TRUE";
        usage = "critical,keyCertSign,cRLSign";
        break;
    case CertificateProfile::TlsServer:
        usage = rsaSubject ? "critical,digitalSignature,keyEncipherment" : "critical,digitalSignature";
        extended = "serverAuth";
        break;
    case CertificateProfile::TlsClient:
    case CertificateProfile::CardAuthentication:
        extended = "clientAuth";
        break;
    }
    if (!addExtension(cert, &ctx, NID_basic_constraints, basic) || !addExtension(cert, &ctx, NID_key_usage, usage) ||
        (extended && !addExtension(cert, &ctx, NID_ext_key_usage, extended)) ||
        !addExtension(cert, &ctx, NID_subject_key_identifier, "hash"))
        return false;
    // The authority key identifier of a root is its own subject key identifier.
    if (!addExtension(cert, &ctx, NID_authority_key_identifier, "keyid:always"))
        return false;
    return addSubjectAltName(cert, spec);
}

// Builds and signs a certificate; issuerCert null = self-signed (issuerKey is then the subject's).
Result<X509Ptr> buildCertificate(const CertificateSpec &spec,
                                 EVP_PKEY *subjectKey,
                                 const QByteArray &serialHex,
                                 X509 *issuerCert,
                                 EVP_PKEY *issuerKey)
{
    X509Ptr cert(X509_new());
    X509NamePtr subject(X509_NAME_new());
    Asn1IntegerPtr serial = serialFromHex(serialHex);
    Asn1TimePtr notBefore = asn1Time(spec.notBefore);
    Asn1TimePtr notAfter = asn1Time(spec.notAfter);
    if (!cert || !subject || !serial || !notBefore || !notAfter)
        return sslError(QStringLiteral("cannot allocate a certificate"));
    if (!addNameEntries(subject.get(), spec.subject))
        return sslError(QStringLiteral("invalid subject name"));
    if (X509_set_version(cert.get(), 2) != 1 || X509_set_serialNumber(cert.get(), serial.get()) != 1 ||
        X509_set1_notBefore(cert.get(), notBefore.get()) != 1 || X509_set1_notAfter(cert.get(), notAfter.get()) != 1 ||
        X509_set_subject_name(cert.get(), subject.get()) != 1 ||
        X509_set_issuer_name(cert.get(), issuerCert ? X509_get_subject_name(issuerCert) : subject.get()) != 1 ||
        X509_set_pubkey(cert.get(), subjectKey) != 1)
        return sslError(QStringLiteral("cannot fill the certificate"));
    const bool rsa = EVP_PKEY_is_a(subjectKey, "RSA");
    if (!addProfileExtensions(cert.get(), issuerCert ? issuerCert : cert.get(), spec, rsa))
        return sslError(QStringLiteral("cannot add certificate extensions"));
    if (X509_sign(cert.get(), issuerKey, EVP_sha256()) <= 0)
        return sslError(QStringLiteral("cannot sign the certificate"));
    return cert;
}

} // namespace

CertificateAuthority::CertificateAuthority(QByteArray certificatePem, QByteArray keyPem)
    : m_certificatePem(std::move(certificatePem)), m_keyPem(std::move(keyPem))
{ }

Result<QByteArray> CertificateAuthority::generateKey(KeyType type)
{
    PKeyPtr key(type == KeyType::Rsa2048 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048))
                                         : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return sslError(QStringLiteral("key generation failed"));
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return sslError(QStringLiteral("cannot encode the key"));
    return bioBytes(bio.get());
}

Result<QByteArray> CertificateAuthority::publicKeyDer(const QByteArray &keyPem)
{
    PKeyPtr key = readAnyKey(keyPem);
    if (!key)
        return sslError(QStringLiteral("not a PEM key"));
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(key.get(), &der);
    if (length <= 0)
        return sslError(QStringLiteral("cannot encode the public key"));
    QByteArray out(reinterpret_cast<const char *>(der), length);
    OPENSSL_free(der);
    return out;
}

Result<QByteArray> CertificateAuthority::publicKeyPem(const QByteArray &keyPem)
{
    PKeyPtr key = readAnyKey(keyPem);
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!key || !bio || PEM_write_bio_PUBKEY(bio.get(), key.get()) != 1)
        return sslError(QStringLiteral("cannot encode the public key"));
    return bioBytes(bio.get());
}

QByteArray CertificateAuthority::randomSerialHex()
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        qFatal("RAND_bytes failed"); // no entropy: nothing about certificates can be trusted
    bytes[0] &= 0x7f; // positive
    bytes[0] |= 0x40; // and full length, so the hex form is stable
    return QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes).toHex();
}

Result<CertificateAuthority> CertificateAuthority::createRoot(const CertificateSpec &spec, KeyType type)
{
    Result<QByteArray> keyPem = generateKey(type);
    if (!keyPem)
        return keyPem.error();
    PKeyPtr key = readPrivateKey(*keyPem);
    if (!key)
        return sslError(QStringLiteral("cannot read the new key"));
    CertificateSpec caSpec = spec;
    caSpec.profile = CertificateProfile::Ca;
    Result<X509Ptr> cert = buildCertificate(caSpec, key.get(), randomSerialHex(), nullptr, key.get());
    if (!cert)
        return cert.error();
    return CertificateAuthority(certificateToPem(cert->get()), *keyPem);
}

Result<CertificateAuthority> CertificateAuthority::load(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    X509Ptr cert = readCertificate(certificatePem);
    PKeyPtr key = readPrivateKey(keyPem);
    if (!cert || !key)
        return sslError(QStringLiteral("cannot read the CA certificate or key"));
    if (X509_check_private_key(cert.get(), key.get()) != 1)
        return sslError(QStringLiteral("the CA key does not belong to the CA certificate"));
    return CertificateAuthority(certificatePem, keyPem);
}

QSslCertificate CertificateAuthority::certificate() const
{
    return QSslCertificate(m_certificatePem, QSsl::Pem);
}

Result<QSslCertificate> CertificateAuthority::issue(const CertificateSpec &spec,
                                                    const QByteArray &subjectPublicKeyDer,
                                                    const QByteArray &serialHex) const
{
    X509Ptr caCert = readCertificate(m_certificatePem);
    PKeyPtr caKey = readPrivateKey(m_keyPem);
    if (!caCert || !caKey)
        return sslError(QStringLiteral("cannot read the CA"));
    const auto *p = reinterpret_cast<const unsigned char *>(subjectPublicKeyDer.constData());
    PKeyPtr subjectKey(d2i_PUBKEY(nullptr, &p, long(subjectPublicKeyDer.size())));
    if (!subjectKey)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("the subject public key is not a DER SubjectPublicKeyInfo"));
    Result<X509Ptr> cert = buildCertificate(spec, subjectKey.get(), serialHex, caCert.get(), caKey.get());
    if (!cert)
        return cert.error();
    return QSslCertificate(certificateToPem(cert->get()), QSsl::Pem);
}

Result<QByteArray> CertificateAuthority::crl(const QList<RevokedCertificate> &revoked,
                                             const QDateTime &thisUpdate,
                                             const QDateTime &nextUpdate,
                                             qint64 crlNumber) const
{
    X509Ptr caCert = readCertificate(m_certificatePem);
    PKeyPtr caKey = readPrivateKey(m_keyPem);
    X509CrlPtr crl(X509_CRL_new());
    Asn1TimePtr last = asn1Time(thisUpdate);
    Asn1TimePtr next = asn1Time(nextUpdate);
    if (!caCert || !caKey || !crl || !last || !next)
        return sslError(QStringLiteral("cannot prepare the CRL"));
    if (X509_CRL_set_version(crl.get(), 1) != 1 ||
        X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(caCert.get())) != 1 ||
        X509_CRL_set1_lastUpdate(crl.get(), last.get()) != 1 || X509_CRL_set1_nextUpdate(crl.get(), next.get()) != 1)
        return sslError(QStringLiteral("cannot fill the CRL"));
    for (const RevokedCertificate &r : revoked) {
        X509RevokedPtr entry(X509_REVOKED_new());
        Asn1IntegerPtr serial = serialFromHex(r.serialHex);
        Asn1TimePtr when = asn1Time(r.revokedAt);
        if (!entry || !serial || !when || X509_REVOKED_set_serialNumber(entry.get(), serial.get()) != 1 ||
            X509_REVOKED_set_revocationDate(entry.get(), when.get()) != 1 ||
            X509_CRL_add0_revoked(crl.get(), entry.get()) != 1)
            return sslError(QStringLiteral("cannot add a CRL entry"));
        entry.release(); // owned by the CRL now
    }
    Asn1IntegerPtr number(ASN1_INTEGER_new());
    if (!number || ASN1_INTEGER_set_int64(number.get(), crlNumber) != 1 ||
        X509_CRL_add1_ext_i2d(crl.get(), NID_crl_number, number.get(), 0, X509V3_ADD_DEFAULT) != 1)
        return sslError(QStringLiteral("cannot add the CRL number"));
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, caCert.get(), nullptr, nullptr, crl.get(), 0);
    X509ExtensionPtr aki(X509V3_EXT_conf_nid(nullptr, &ctx, NID_authority_key_identifier, "keyid:always"));
    if (!aki || X509_CRL_add_ext(crl.get(), aki.get(), -1) != 1)
        return sslError(QStringLiteral("cannot add the CRL authority key identifier"));
    if (X509_CRL_sort(crl.get()) != 1 || X509_CRL_sign(crl.get(), caKey.get(), EVP_sha256()) <= 0)
        return sslError(QStringLiteral("cannot sign the CRL"));
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509_CRL(bio.get(), crl.get()) != 1)
        return sslError(QStringLiteral("cannot encode the CRL"));
    return bioBytes(bio.get());
}

} // namespace haip::server
