#include "crypto/Hpke.h"

#include "crypto/internal/HpkeLabels.h"
#include "crypto/internal/X25519.h"

#include <cstring>

namespace haip::crypto {

namespace {

using internal::labeledExpand;
using internal::labeledExtract;

bool usesPsk(HpkeMode mode)
{
    return mode == HpkeMode::Psk || mode == HpkeMode::AuthPsk;
}

bool usesAuth(HpkeMode mode)
{
    return mode == HpkeMode::Auth || mode == HpkeMode::AuthPsk;
}

// RFC 9180 section 5.1 VerifyPSKInputs, plus the sender key of the auth modes.
Result<void> verifyInputs(HpkeMode mode, const HpkeSetupOptions &options, bool senderSide)
{
    const bool gotPsk = !options.psk.isEmpty();
    const bool gotPskId = !options.pskId.isEmpty();
    if (gotPsk != gotPskId)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("inconsistent PSK inputs"));
    if (gotPsk && !usesPsk(mode))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("PSK input provided when not needed"));
    if (!gotPsk && usesPsk(mode))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("missing required PSK input"));
    if (gotPsk && options.psk.size() < 32)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("a PSK needs at least 32 bytes (RFC 9180 9.5)"));
    const bool gotSender = senderSide ? options.senderKey != nullptr : options.senderPublicKey != nullptr;
    if (usesAuth(mode) != gotSender)
        return Error(ErrorCode::InvalidArgument,
                     usesAuth(mode) ? QStringLiteral("missing sender key for an auth mode")
                                    : QStringLiteral("sender key provided when not needed"));
    return {};
}

SecureBuffer join(const SecureBuffer &a, const SecureBuffer &b)
{
    SecureBuffer out(a.size() + b.size());
    std::memcpy(out.data(), a.data(), size_t(a.size()));
    std::memcpy(out.data() + a.size(), b.data(), size_t(b.size()));
    return out;
}

// DHKEM ExtractAndExpand(dh, kem_context).
Result<SecureBuffer> extractAndExpand(const SecureBuffer &dh, const QByteArray &kemContext)
{
    const QByteArray suite = internal::kemSuiteId();
    Result<SecureBuffer> prk = labeledExtract(suite, {}, "eae_prk", dh.view());
    if (!prk)
        return prk.error();
    return labeledExpand(suite, prk->view(), "shared_secret", kemContext, hpke::SharedSecretLength);
}

Result<SecureBuffer> dh(const PrivateKey &privateKey, QByteArrayView publicRaw)
{
    Result<internal::PKeyPtr> sk = internal::x25519PrivateFromRaw(privateKey.raw().view());
    if (!sk)
        return sk.error();
    Result<internal::PKeyPtr> pk = internal::x25519PublicFromRaw(publicRaw);
    if (!pk)
        return Error(ErrorCode::EnvelopeCorrupt, pk.error().detail());
    return internal::x25519Dh(sk->get(), pk->get());
}

} // namespace

Result<Hpke::Sender>
Hpke::setupSender(HpkeMode mode, const PublicKey &recipient, QByteArrayView info, const HpkeSetupOptions &options) const
{
    if (Result<void> ok = verifyInputs(mode, options, true); !ok)
        return ok.error();
    if (recipient.isNull())
        return Error(ErrorCode::KeyInvalid, QStringLiteral("no recipient public key"));

    // Encap / AuthEncap (RFC 9180 section 4.1).
    Result<PrivateKey> ephemeral =
        options.ephemeralKey ? Result<PrivateKey>(*options.ephemeralKey) : PrivateKey::generate();
    if (!ephemeral)
        return ephemeral.error();
    const QByteArray enc = ephemeral->publicKey().raw();
    Result<SecureBuffer> dhValue = dh(*ephemeral, recipient.raw());
    if (!dhValue)
        return dhValue.error();
    QByteArray kemContext = enc + recipient.raw();
    if (usesAuth(mode)) {
        Result<SecureBuffer> dhStatic = dh(*options.senderKey, recipient.raw());
        if (!dhStatic)
            return dhStatic.error();
        dhValue = join(*dhValue, *dhStatic);
        kemContext += options.senderKey->publicKey().raw();
    }
    Result<SecureBuffer> shared = extractAndExpand(*dhValue, kemContext);
    if (!shared)
        return shared.error();

    Result<HpkeContext> context = keySchedule(mode, HpkeContext::Role::Sender, *shared, info, options);
    if (!context)
        return context.error();
    return Sender {enc, std::move(*context)};
}

Result<HpkeContext> Hpke::setupRecipient(HpkeMode mode,
                                         QByteArrayView enc,
                                         const PrivateKey &recipient,
                                         QByteArrayView info,
                                         const HpkeSetupOptions &options) const
{
    if (Result<void> ok = verifyInputs(mode, options, false); !ok)
        return ok.error();
    if (recipient.isNull())
        return Error(ErrorCode::KeyInvalid, QStringLiteral("no recipient private key"));
    if (enc.size() != hpke::X25519KeyLength)
        return Error(ErrorCode::EnvelopeCorrupt, QStringLiteral("enc of %1 bytes").arg(enc.size()));

    // Decap / AuthDecap.
    Result<SecureBuffer> dhValue = dh(recipient, enc);
    if (!dhValue)
        return dhValue.error();
    QByteArray kemContext = enc.toByteArray() + recipient.publicKey().raw();
    if (usesAuth(mode)) {
        Result<SecureBuffer> dhStatic = dh(recipient, options.senderPublicKey->raw());
        if (!dhStatic)
            return dhStatic.error();
        dhValue = join(*dhValue, *dhStatic);
        kemContext += options.senderPublicKey->raw();
    }
    Result<SecureBuffer> shared = extractAndExpand(*dhValue, kemContext);
    if (!shared)
        return shared.error();
    return keySchedule(mode, HpkeContext::Role::Recipient, *shared, info, options);
}

Result<HpkeContext> Hpke::keySchedule(HpkeMode mode,
                                      HpkeContext::Role role,
                                      const SecureBuffer &sharedSecret,
                                      QByteArrayView info,
                                      const HpkeSetupOptions &options) const
{
    const std::optional<AeadInfo> aead = aeadInfo(m_aead);
    if (!aead)
        return Error(ErrorCode::EnvelopeUnsupported, aeadName(m_aead));
    const QByteArray suite = internal::hpkeSuiteId(m_aead);

    Result<SecureBuffer> pskIdHash = labeledExtract(suite, {}, "psk_id_hash", options.pskId);
    Result<SecureBuffer> infoHash = labeledExtract(suite, {}, "info_hash", info);
    if (!pskIdHash || !infoHash)
        return !pskIdHash ? pskIdHash.error() : infoHash.error();
    const QByteArray context = QByteArray(1, char(mode)) + pskIdHash->toByteArray() + infoHash->toByteArray();

    Result<SecureBuffer> secret = labeledExtract(suite, sharedSecret.view(), "secret", options.psk);
    if (!secret)
        return secret.error();
    SecureBuffer key;
    SecureBuffer baseNonce;
    if (m_aead != AeadId::ExportOnly) {
        Result<SecureBuffer> k = labeledExpand(suite, secret->view(), "key", context, aead->keyLength);
        Result<SecureBuffer> n = labeledExpand(suite, secret->view(), "base_nonce", context, aead->nonceLength);
        if (!k || !n)
            return !k ? k.error() : n.error();
        key = std::move(*k);
        baseNonce = std::move(*n);
    }
    Result<SecureBuffer> exporter = labeledExpand(suite, secret->view(), "exp", context, hpke::HashLength);
    if (!exporter)
        return exporter.error();

    if (options.trace) {
        options.trace->sharedSecret = sharedSecret;
        options.trace->keyScheduleContext = context;
        options.trace->secret = *secret;
        options.trace->key = key;
        options.trace->baseNonce = baseNonce;
        options.trace->exporterSecret = *exporter;
    }
    return HpkeContext::fromKeys(m_aead, role, key.view(), baseNonce.view(), exporter->view());
}

} // namespace haip::crypto
