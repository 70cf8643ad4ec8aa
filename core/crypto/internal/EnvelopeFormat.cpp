#include "crypto/internal/EnvelopeFormat.h"

#include "crypto/internal/HpkeLabels.h"

namespace haip::crypto::internal::envelope {

namespace {

Error unsupported(const QString &detail)
{
    return Error(ErrorCode::EnvelopeUnsupported, detail);
}

Result<void> checkStart(QByteArrayView bytes, quint8 expectedType)
{
    if (!bytes.startsWith(Magic))
        return unsupported(QStringLiteral("not a HAIP envelope (no \"HAIP\" magic)"));
    const auto type = quint8(bytes[4]);
    if (type != expectedType) {
        if (type == TypeRequest)
            return unsupported(QStringLiteral("this is a request envelope: open it with the recipient's private key"));
        if (type == TypeResponse)
            return unsupported(
                QStringLiteral("this is a response envelope: open it with the requester's response key"));
        return unsupported(QStringLiteral("unknown envelope type 0x%1").arg(type, 2, 16, QLatin1Char('0')));
    }
    if (quint8(bytes[5]) != Version)
        return unsupported(QStringLiteral("envelope version %1 (this program reads version 1)").arg(quint8(bytes[5])));
    return {};
}

} // namespace

QByteArray chunkAad(quint64 index, bool final)
{
    return i2osp(index, 8) + QByteArray(1, final ? '\x01' : '\x00');
}

quint16 readU16(const char *p)
{
    return quint16((quint8(p[0]) << 8) | quint8(p[1]));
}

quint32 readU32(const char *p)
{
    return (quint32(quint8(p[0])) << 24) | (quint32(quint8(p[1])) << 16) | (quint32(quint8(p[2])) << 8) |
        quint32(quint8(p[3]));
}

QByteArray requestPrefix(AeadId aead, quint32 chunkSize, const QByteArray &keyId)
{
    QByteArray prefix = Magic.toByteArray();
    prefix += char(TypeRequest);
    prefix += char(Version);
    prefix += i2osp(quint16(KemId::X25519HkdfSha256), 2);
    prefix += i2osp(quint16(KdfId::HkdfSha256), 2);
    prefix += i2osp(quint16(aead), 2);
    prefix += char(HpkeMode::Base);
    prefix += char(keyId.isEmpty() ? 0 : FlagKeyId);
    prefix += i2osp(chunkSize, 4);
    prefix += keyId;
    return prefix;
}

QByteArray responsePrefix(AeadId aead, quint32 chunkSize)
{
    QByteArray prefix = Magic.toByteArray();
    prefix += char(TypeResponse);
    prefix += char(Version);
    prefix += i2osp(quint16(aead), 2);
    prefix += i2osp(chunkSize, 4);
    return prefix;
}

Result<void> checkChunkSize(quint32 chunkSize, quint32 maxChunkSize)
{
    if (chunkSize < crypto::envelope::MinChunkSize || chunkSize > maxChunkSize)
        return unsupported(QStringLiteral("chunk size %1 outside %2..%3")
                               .arg(chunkSize)
                               .arg(crypto::envelope::MinChunkSize)
                               .arg(maxChunkSize));
    return {};
}

Result<void> checkAead(quint16 aead)
{
    if (aead != quint16(AeadId::Aes128Gcm) && aead != quint16(AeadId::Aes256Gcm) &&
        aead != quint16(AeadId::ChaCha20Poly1305))
        return unsupported(
            QStringLiteral("AEAD 0x%1 (envelopes use 0x0001, 0x0002 or 0x0003)").arg(aead, 4, 16, QLatin1Char('0')));
    return {};
}

Result<qsizetype> requestHeaderSize(QByteArrayView prefix)
{
    if (Result<void> ok = checkStart(prefix, TypeRequest); !ok)
        return ok.error();
    const quint8 flags = quint8(prefix[13]);
    if ((flags & ~FlagKeyId) != 0)
        return unsupported(QStringLiteral("unknown header flags 0x%1").arg(flags, 2, 16, QLatin1Char('0')));
    return RequestPrefixSize + ((flags & FlagKeyId) ? KeyIdSize : 0) + EncSize + ConfirmSize;
}

Result<EnvelopeHeaderInfo> parseRequestPrefix(QByteArrayView prefix, quint32 maxChunkSize)
{
    const char *p = prefix.data();
    if (readU16(p + 6) != quint16(KemId::X25519HkdfSha256))
        return unsupported(QStringLiteral("KEM 0x%1 (envelopes use DHKEM(X25519, HKDF-SHA256), 0x0020)")
                               .arg(readU16(p + 6), 4, 16, QLatin1Char('0')));
    if (readU16(p + 8) != quint16(KdfId::HkdfSha256))
        return unsupported(QStringLiteral("KDF 0x%1 (envelopes use HKDF-SHA256, 0x0001)")
                               .arg(readU16(p + 8), 4, 16, QLatin1Char('0')));
    if (Result<void> ok = checkAead(readU16(p + 10)); !ok)
        return ok.error();
    if (quint8(p[12]) != quint8(HpkeMode::Base))
        return unsupported(QStringLiteral("HPKE mode %1 (envelopes version 1 use base mode)").arg(quint8(p[12])));
    const quint32 chunkSize = readU32(p + 14);
    if (Result<void> ok = checkChunkSize(chunkSize, maxChunkSize); !ok)
        return ok.error();
    EnvelopeHeaderInfo info;
    info.aead = AeadId(readU16(p + 10));
    info.chunkSize = chunkSize;
    if (quint8(p[13]) & FlagKeyId)
        info.keyId = prefix.sliced(RequestPrefixSize, KeyIdSize).toByteArray();
    info.headerSize = prefix.size() + EncSize + ConfirmSize;
    return info;
}

Result<EnvelopeHeaderInfo> parseResponsePrefix(QByteArrayView prefix, quint32 maxChunkSize)
{
    if (Result<void> ok = checkStart(prefix, TypeResponse); !ok)
        return ok.error();
    const char *p = prefix.data();
    if (Result<void> ok = checkAead(readU16(p + 6)); !ok)
        return ok.error();
    const quint32 chunkSize = readU32(p + 8);
    if (Result<void> ok = checkChunkSize(chunkSize, maxChunkSize); !ok)
        return ok.error();
    EnvelopeHeaderInfo info;
    info.aead = AeadId(readU16(p + 6));
    info.chunkSize = chunkSize;
    info.headerSize = ResponsePrefixSize + ResponseNonceSize;
    return info;
}

} // namespace haip::crypto::internal::envelope
