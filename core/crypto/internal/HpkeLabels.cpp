#include "crypto/internal/HpkeLabels.h"

#include "crypto/internal/Hkdf.h"

#include <cstring>

namespace haip::crypto::internal {

namespace {

constexpr QByteArrayView kVersionLabel("HPKE-v1");

// concat() into a buffer that is wiped afterwards: the parts include DH outputs and PSKs.
SecureBuffer concat(std::initializer_list<QByteArrayView> parts)
{
    qsizetype total = 0;
    for (QByteArrayView part : parts)
        total += part.size();
    SecureBuffer out(total);
    qsizetype at = 0;
    for (QByteArrayView part : parts) {
        if (!part.isEmpty())
            std::memcpy(out.data() + at, part.data(), size_t(part.size()));
        at += part.size();
    }
    return out;
}

} // namespace

QByteArray i2osp(quint64 value, int length)
{
    QByteArray out(length, '\0');
    for (int i = length - 1; i >= 0 && value != 0; --i) {
        out[i] = char(value & 0xFF);
        value >>= 8;
    }
    return out;
}

QByteArray kemSuiteId()
{
    return QByteArrayLiteral("KEM") + i2osp(quint16(KemId::X25519HkdfSha256), 2);
}

QByteArray hpkeSuiteId(AeadId aead)
{
    return QByteArrayLiteral("HPKE") + i2osp(quint16(KemId::X25519HkdfSha256), 2) +
        i2osp(quint16(KdfId::HkdfSha256), 2) + i2osp(quint16(aead), 2);
}

Result<SecureBuffer>
labeledExtract(QByteArrayView suiteId, QByteArrayView salt, QByteArrayView label, QByteArrayView ikm)
{
    const SecureBuffer labeledIkm = concat({kVersionLabel, suiteId, label, ikm});
    return hkdfExtract(salt, labeledIkm.view());
}

Result<SecureBuffer>
labeledExpand(QByteArrayView suiteId, QByteArrayView prk, QByteArrayView label, QByteArrayView info, qsizetype length)
{
    if (length <= 0 || length > 0xFFFF)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("LabeledExpand length %1").arg(length));
    const QByteArray size = i2osp(quint64(length), 2);
    const SecureBuffer labeledInfo = concat({size, kVersionLabel, suiteId, label, info});
    return hkdfExpand(prk, labeledInfo.view(), length);
}

} // namespace haip::crypto::internal
