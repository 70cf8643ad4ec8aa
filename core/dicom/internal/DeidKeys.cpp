#include "dicom/internal/DeidKeys.h"

#include "crypto/Totp.h"

#include <QtEndian>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>

namespace haip::dicom::internal {

using namespace Qt::StringLiterals;

DeidKeys::DeidKeys(QByteArray secret) : m_secret(std::move(secret)) { }

DeidKeys::~DeidKeys()
{
    if (!m_secret.isEmpty())
        OPENSSL_cleanse(m_secret.data(), size_t(m_secret.size()));
}

QByteArray DeidKeys::mac(const QByteArray &message) const
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest {};
    unsigned int length = 0;
    const unsigned char *result = HMAC(EVP_sha256(),
                                       m_secret.constData(),
                                       int(m_secret.size()),
                                       reinterpret_cast<const unsigned char *>(message.constData()),
                                       size_t(message.size()),
                                       digest.data(),
                                       &length);
    // HMAC-SHA-256 with a key in memory cannot fail short of memory exhaustion; an empty result
    // would give every input the same replacement, so stop rather than go on.
    if (result == nullptr || length != 32)
        qFatal("HMAC-SHA-256 failed in the de-identifier");
    return QByteArray(reinterpret_cast<const char *>(digest.data()), qsizetype(length));
}

QString DeidKeys::decimal(const QByteArray &bigEndian)
{
    // Schoolbook division by 10 of the byte string, most significant byte first.
    QByteArray number = bigEndian;
    QString digits;
    auto isZero = [&number] {
        return std::all_of(number.cbegin(), number.cend(), [](char c) { return c == 0; });
    };
    do {
        unsigned remainder = 0;
        for (char &byte : number) {
            const unsigned value = (remainder << 8) | quint8(byte);
            byte = char(value / 10);
            remainder = value % 10;
        }
        digits.prepend(QChar(u'0' + char16_t(remainder)));
    } while (!isZero());
    return digits;
}

QString DeidKeys::uid(const QString &original) const
{
    return u"2.25."_s + decimal(mac(original.toLatin1()).left(16));
}

QString DeidKeys::pseudonym(const QString &patientId) const
{
    const QByteArray digest = mac(QByteArrayLiteral("patient-id:") + patientId.toUtf8());
    // 60 bits: 12 base32 characters of the first 8 bytes (the 13th character would be partial).
    return u"HAIP-"_s + crypto::Totp::base32Encode(digest.left(8)).left(12);
}

int DeidKeys::dateOffsetDays(const QString &patientId) const
{
    const QByteArray digest = mac(QByteArrayLiteral("date-offset:") + patientId.toUtf8());
    const quint32 value = qFromBigEndian<quint32>(digest.constData());
    return -int(1 + value % 3650);
}

} // namespace haip::dicom::internal
