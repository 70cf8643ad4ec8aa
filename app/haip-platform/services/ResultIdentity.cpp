#include "ResultIdentity.h"

#include <array>

namespace haip::services {

QString ResultIdentity::newUid()
{
    return uidFromUuid(QUuid::createUuid());
}

QString ResultIdentity::uidFromUuid(const QUuid &uuid)
{
    // The UUID's 128 bits as one decimal number: repeated division of four 32-bit limbs by 10.
    const QByteArray bytes = uuid.toRfc4122();
    std::array<quint32, 4> limbs {};
    for (int i = 0; i < 16; ++i)
        limbs[std::size_t(i / 4)] = (limbs[std::size_t(i / 4)] << 8) | quint8(bytes[i]);
    QString digits;
    auto zero = [&] {
        return limbs[0] == 0 && limbs[1] == 0 && limbs[2] == 0 && limbs[3] == 0;
    };
    do {
        quint64 remainder = 0;
        for (quint32 &limb : limbs) {
            const quint64 value = (remainder << 32) | limb;
            limb = quint32(value / 10);
            remainder = value % 10;
        }
        digits.prepend(QChar(u'0' + char16_t(remainder)));
    } while (!zero());
    return QStringLiteral("2.25.") + digits;
}

ResultIdentity ResultIdentity::create(const QString &serviceId, const QString &serviceName, const QString &version)
{
    ResultIdentity id;
    id.serviceId = serviceId;
    id.serviceName = serviceName;
    id.serviceVersion = version;
    id.segmentationSeriesUid = newUid();
    id.segmentationInstanceUid = newUid();
    id.reportSeriesUid = newUid();
    id.reportInstanceUid = newUid();
    id.created = QDateTime::currentDateTimeUtc();
    static const QUuid ns = QUuid::fromString(QStringLiteral("{3f1c9e4a-8d2b-4a57-b6e0-9c4d7a21e5f3}"));
    id.deviceUid = uidFromUuid(QUuid::createUuidV5(ns, QStringLiteral("haip-reference/%1/%2").arg(serviceId, version)));
    return id;
}

} // namespace haip::services
