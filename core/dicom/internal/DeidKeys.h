// The keyed derivations of the de-identifier, all HMAC-SHA-256 under the installation's secret
// (OpenSSL), so the same original gives the same replacement on one installation and an
// unrelated one elsewhere:
//   uid(original)       = "2.25." + decimal of the first 128 bits of HMAC(secret, original UID)
//   pseudonym(id)       = "HAIP-" + 12 base32 characters of HMAC(secret, "patient-id:" + id)
//   dateOffsetDays(id)  = −(1 + HMAC(secret, "date-offset:" + id) mod 3650): −1 … −3650 days
// Internal to core/dicom.
#pragma once

#include <QByteArray>
#include <QString>

namespace haip::dicom::internal {

class DeidKeys
{
public:
    explicit DeidKeys(QByteArray secret);
    ~DeidKeys();
    DeidKeys(const DeidKeys &) = delete;
    DeidKeys &operator=(const DeidKeys &) = delete;

    QString uid(const QString &original) const;
    QString pseudonym(const QString &patientId) const;
    int dateOffsetDays(const QString &patientId) const;

    // The decimal digits of a big-endian unsigned integer (used for the 2.25 UID form).
    static QString decimal(const QByteArray &bigEndian);

private:
    QByteArray mac(const QByteArray &message) const;

    QByteArray m_secret;
};

} // namespace haip::dicom::internal
