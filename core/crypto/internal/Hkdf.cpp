#include "crypto/internal/Hkdf.h"

#include "crypto/internal/OpenSslErrors.h"
#include "crypto/internal/OpenSslPtr.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

#include <array>

namespace haip::crypto::internal {

namespace {

constexpr qsizetype kHashLength = 32;

// One fetched implementation for the process: EVP_KDF objects are reference-counted and safe to
// share between threads; fetching per call would search the provider tables every time.
EVP_KDF *hkdf()
{
    static const KdfPtr kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr));
    return kdf.get();
}

OSSL_PARAM octets(const char *key, QByteArrayView bytes)
{
    // OpenSSL copies the bytes during EVP_KDF_derive; the cast only satisfies the C signature.
    return OSSL_PARAM_construct_octet_string(key, const_cast<char *>(bytes.data()), size_t(bytes.size()));
}

Result<SecureBuffer> derive(int mode, QByteArrayView key, QByteArrayView saltOrInfo, qsizetype length)
{
    if (!hkdf())
        return openSslError(QStringLiteral("EVP_KDF_fetch(HKDF)"));
    const KdfCtxPtr ctx(EVP_KDF_CTX_new(hkdf()));
    if (!ctx)
        return openSslError(QStringLiteral("EVP_KDF_CTX_new"));
    char digest[] = "SHA256";
    std::array<OSSL_PARAM, 5> params {};
    size_t n = 0;
    params[n++] = OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode);
    params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[n++] = octets(OSSL_KDF_PARAM_KEY, key);
    if (!saltOrInfo.isEmpty())
        params[n++] =
            octets(mode == EVP_KDF_HKDF_MODE_EXTRACT_ONLY ? OSSL_KDF_PARAM_SALT : OSSL_KDF_PARAM_INFO, saltOrInfo);
    params[n] = OSSL_PARAM_construct_end();
    SecureBuffer out(length);
    if (EVP_KDF_derive(ctx.get(), out.data(), size_t(out.size()), params.data()) != 1)
        return openSslError(QStringLiteral("EVP_KDF_derive(HKDF)"));
    return out;
}

} // namespace

Result<SecureBuffer> hkdfExtract(QByteArrayView salt, QByteArrayView ikm)
{
    // An empty salt is left unset: OpenSSL then keys HMAC with the empty string, which HMAC pads
    // to the same block as Nh zero bytes (RFC 5869 section 2.2).
    return derive(EVP_KDF_HKDF_MODE_EXTRACT_ONLY, ikm, salt, kHashLength);
}

Result<SecureBuffer> hkdfExpand(QByteArrayView prk, QByteArrayView info, qsizetype length)
{
    if (length <= 0 || length > 255 * kHashLength)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("HKDF-Expand length %1").arg(length));
    return derive(EVP_KDF_HKDF_MODE_EXPAND_ONLY, prk, info, length);
}

} // namespace haip::crypto::internal
