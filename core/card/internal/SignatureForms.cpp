// DigestInfo, ECDSA signature and key checks of the PKCS#11 backend, through OpenSSL.
#include "card/internal/SignatureForms.h"

#include "crypto/internal/OpenSslPtr.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace haip::card::internal {

using crypto::internal::BignumPtr;
using crypto::internal::EcdsaSigPtr;
using crypto::internal::X509Ptr;

int keyPreference(const QByteArray &certificateDer)
{
    const auto *p = reinterpret_cast<const unsigned char *>(certificateDer.constData());
    X509Ptr x509(d2i_X509(nullptr, &p, long(certificateDer.size())));
    if (!x509)
        return 0;
    EVP_PKEY *key = X509_get0_pubkey(x509.get());
    if (!key)
        return 0;
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        return EVP_PKEY_get_bits(key) == 2048 ? 2 : 1;
    case EVP_PKEY_EC: {
        char group[64] = {};
        size_t length = 0;
        if (EVP_PKEY_get_group_name(key, group, sizeof group, &length) != 1)
            return 1;
        return std::strcmp(group, SN_X9_62_prime256v1) == 0 ? 2 : 1;
    }
    default:
        return 0;
    }
}

// CKM_ECDSA answers r || s (PKCS#11 2.40 section 2.3.1); the login protocol, like PIV cards,
// carries the DER Ecdsa-Sig-Value of RFC 3279.
Result<QByteArray> ecdsaSignatureDer(const QByteArray &rs)
{
    if (rs.isEmpty() || rs.size() % 2 != 0)
        return Error(ErrorCode::CardFailed, u"C_Sign: an ECDSA signature of %1 bytes"_s.arg(rs.size()));
    const int half = int(rs.size() / 2);
    const auto *bytes = reinterpret_cast<const unsigned char *>(rs.constData());
    BignumPtr r(BN_bin2bn(bytes, half, nullptr));
    BignumPtr s(BN_bin2bn(bytes + half, half, nullptr));
    EcdsaSigPtr signature(ECDSA_SIG_new());
    if (!r || !s || !signature || ECDSA_SIG_set0(signature.get(), r.get(), s.get()) != 1)
        return Error(ErrorCode::Internal, u"ECDSA_SIG_set0 failed"_s);
    // The signature owns them now.
    (void)r.release();
    (void)s.release();
    const int length = i2d_ECDSA_SIG(signature.get(), nullptr);
    if (length <= 0)
        return Error(ErrorCode::Internal, u"i2d_ECDSA_SIG failed"_s);
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_ECDSA_SIG(signature.get(), &out) != length)
        return Error(ErrorCode::Internal, u"i2d_ECDSA_SIG failed"_s);
    return der;
}

} // namespace haip::card::internal
