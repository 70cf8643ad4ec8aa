#include "crypto/HpkeContext.h"

#include "crypto/internal/AeadCipher.h"
#include "crypto/internal/HpkeLabels.h"

#include <cstring>
#include <limits>
#include <optional>

namespace haip::crypto {

struct HpkeContext::Private
{
    AeadInfo aead {};
    Role role = Role::Sender;
    std::optional<internal::AeadCipher> cipher; // absent for the export-only AEAD
    SecureBuffer baseNonce;
    SecureBuffer exporterSecret;
    QByteArray suiteId;
    quint64 sequence = 0;
};

HpkeContext::HpkeContext(std::unique_ptr<Private> d) : d(std::move(d)) { }
HpkeContext::HpkeContext(HpkeContext &&other) noexcept = default;
HpkeContext &HpkeContext::operator=(HpkeContext &&other) noexcept = default;
HpkeContext::~HpkeContext() = default;

Result<HpkeContext> HpkeContext::fromKeys(
    AeadId aead, Role role, QByteArrayView key, QByteArrayView baseNonce, QByteArrayView exporterSecret)
{
    const std::optional<AeadInfo> info = aeadInfo(aead);
    if (!info)
        return Error(ErrorCode::EnvelopeUnsupported,
                     QStringLiteral("AEAD 0x%1").arg(quint16(aead), 4, 16, QLatin1Char('0')));
    auto d = std::make_unique<Private>();
    d->aead = *info;
    d->role = role;
    d->suiteId = internal::hpkeSuiteId(aead);
    d->exporterSecret = SecureBuffer::fromBytes(exporterSecret);
    if (aead != AeadId::ExportOnly) {
        if (baseNonce.size() != info->nonceLength)
            return Error(ErrorCode::KeyInvalid, QStringLiteral("base nonce of %1 bytes").arg(baseNonce.size()));
        Result<internal::AeadCipher> cipher = internal::AeadCipher::create(
            aead,
            role == Role::Sender ? internal::AeadCipher::Direction::Seal : internal::AeadCipher::Direction::Open,
            key);
        if (!cipher)
            return cipher.error();
        d->cipher.emplace(std::move(*cipher));
        d->baseNonce = SecureBuffer::fromBytes(baseNonce);
    }
    return HpkeContext(std::move(d));
}

AeadId HpkeContext::aead() const
{
    return d->aead.id;
}

HpkeContext::Role HpkeContext::role() const
{
    return d->role;
}

quint64 HpkeContext::sequence() const
{
    return d->sequence;
}

void HpkeContext::setSequenceForTesting(quint64 sequence)
{
    d->sequence = sequence;
}

Result<void> HpkeContext::checkSequence() const
{
    if (!d->cipher)
        return Error(ErrorCode::EnvelopeUnsupported, QStringLiteral("an export-only HPKE context cannot seal or open"));
    // RFC 9180 refuses seq >= 2^(8*Nn) - 1; our counter is 64 bits, so the limit comes sooner
    // (and is as unreachable: 2^64 messages).
    if (d->sequence == std::numeric_limits<quint64>::max())
        return Error(ErrorCode::Internal, QStringLiteral("HPKE message limit reached (sequence overflow)"));
    return {};
}

void HpkeContext::nonce(unsigned char *out) const
{
    // base_nonce XOR I2OSP(seq, Nn): the sequence number occupies the low 8 bytes.
    const int n = d->aead.nonceLength;
    std::memcpy(out, d->baseNonce.data(), size_t(n));
    quint64 seq = d->sequence;
    for (int i = n - 1; i >= 0 && seq != 0; --i) {
        out[i] ^= static_cast<unsigned char>(seq & 0xFF);
        seq >>= 8;
    }
}

Result<void> HpkeContext::seal(QByteArrayView aad, QByteArrayView plaintext, QByteArray &out)
{
    if (d->role != Role::Sender)
        return Error(ErrorCode::Internal, QStringLiteral("a recipient's HPKE context cannot seal"));
    if (Result<void> ok = checkSequence(); !ok)
        return ok;
    unsigned char nonceBytes[32];
    nonce(nonceBytes);
    const qsizetype at = out.size();
    out.resize(at + plaintext.size() + internal::AeadCipher::TagLength);
    Result<void> sealed =
        d->cipher->seal(nonceBytes, aad, plaintext, reinterpret_cast<unsigned char *>(out.data() + at));
    if (!sealed) {
        out.truncate(at);
        return sealed;
    }
    ++d->sequence;
    return {};
}

Result<QByteArray> HpkeContext::seal(QByteArrayView aad, QByteArrayView plaintext)
{
    QByteArray out;
    if (Result<void> ok = seal(aad, plaintext, out); !ok)
        return ok.error();
    return out;
}

Result<void> HpkeContext::open(QByteArrayView aad, QByteArrayView ciphertext, QByteArray &out)
{
    if (d->role != Role::Recipient)
        return Error(ErrorCode::Internal, QStringLiteral("a sender's HPKE context cannot open"));
    if (Result<void> ok = checkSequence(); !ok)
        return ok;
    if (ciphertext.size() < internal::AeadCipher::TagLength)
        return Error(ErrorCode::EnvelopeCorrupt, QStringLiteral("ciphertext shorter than its tag"));
    unsigned char nonceBytes[32];
    nonce(nonceBytes);
    const qsizetype at = out.size();
    const qsizetype length = ciphertext.size() - internal::AeadCipher::TagLength;
    out.resize(at + length);
    unsigned char *target = reinterpret_cast<unsigned char *>(out.data() + at);
    const Result<bool> opened = d->cipher->open(nonceBytes, aad, ciphertext, target);
    if (!opened || !*opened) {
        // Unauthenticated plaintext is never handed out, not even as stale bytes in out's buffer.
        if (length > 0)
            std::memset(target, 0, size_t(length));
        out.truncate(at);
        if (!opened)
            return opened.error();
        return Error(ErrorCode::EnvelopeCorrupt, QStringLiteral("message %1 failed authentication").arg(d->sequence));
    }
    ++d->sequence;
    return {};
}

Result<QByteArray> HpkeContext::open(QByteArrayView aad, QByteArrayView ciphertext)
{
    QByteArray out;
    if (Result<void> ok = open(aad, ciphertext, out); !ok)
        return ok.error();
    return out;
}

Result<SecureBuffer> HpkeContext::exportSecret(QByteArrayView exporterContext, qsizetype length) const
{
    if (d->exporterSecret.isEmpty())
        return Error(ErrorCode::Internal, QStringLiteral("this context has no exporter secret"));
    if (length <= 0 || length > qsizetype {255} * hpke::HashLength)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("export length %1").arg(length));
    return internal::labeledExpand(d->suiteId, d->exporterSecret.view(), "sec", exporterContext, length);
}

} // namespace haip::crypto
