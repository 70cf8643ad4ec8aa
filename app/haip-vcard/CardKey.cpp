#include "CardKey.h"

#include "crypto/internal/OpenSslPtr.h"

#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace Qt::StringLiterals;

namespace haip::vcard {

namespace {
constexpr int pivRsa2048 = 0x07;
constexpr int pivEccP256 = 0x11;
} // namespace

Result<CardKey> CardKey::fromPem(const QByteArray &pem)
{
    crypto::internal::OpenSslPtr<BIO, BIO_free_all> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return Error(ErrorCode::Internal, u"BIO_new_mem_buf"_s);
    EVP_PKEY *raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (raw == nullptr)
        return Error(ErrorCode::KeyInvalid, u"the slot 9A key is not a PKCS#8 PEM private key"_s);
    CardKey k;
    k.m_key = std::shared_ptr<EVP_PKEY>(raw, EVP_PKEY_free);
    if (EVP_PKEY_is_a(raw, "RSA") && EVP_PKEY_get_bits(raw) == 2048)
        k.m_algorithmId = pivRsa2048;
    else if (EVP_PKEY_is_a(raw, "EC") && EVP_PKEY_get_bits(raw) == 256)
        k.m_algorithmId = pivEccP256;
    else
        return Error(ErrorCode::KeyInvalid, u"the slot 9A key is neither RSA-2048 nor ECC P-256"_s);
    return k;
}

Result<QByteArray> CardKey::sign(const QByteArray &input) const
{
    crypto::internal::PKeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, m_key.get(), nullptr));
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) <= 0)
        return Error(ErrorCode::Internal, u"EVP_PKEY_sign_init"_s);
    if (m_algorithmId == pivRsa2048) {
        if (input.size() != 256)
            return Error(ErrorCode::InvalidArgument, u"an RSA-2048 block is 256 bytes"_s);
        if (EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) <= 0)
            return Error(ErrorCode::Internal, u"RSA_NO_PADDING"_s);
    } else if (input.isEmpty() || input.size() > 64) {
        return Error(ErrorCode::InvalidArgument, u"an ECDSA input is a digest of up to 64 bytes"_s);
    }
    const auto *in = reinterpret_cast<const unsigned char *>(input.constData());
    size_t length = 0;
    if (EVP_PKEY_sign(ctx.get(), nullptr, &length, in, size_t(input.size())) <= 0)
        return Error(ErrorCode::InvalidArgument, u"the input does not fit the key"_s);
    QByteArray out(qsizetype(length), Qt::Uninitialized);
    if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &length, in, size_t(input.size())) <= 0)
        return Error(ErrorCode::InvalidArgument, u"the input does not fit the key"_s);
    out.truncate(qsizetype(length));
    return out;
}

} // namespace haip::vcard
