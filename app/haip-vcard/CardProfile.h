// The content of one virtual PIV card, loaded from the card profile `haip-platform init`
// writes (docs/api/card-profile.md): PIN and PUK with their retry counters, the slot 9A key
// and certificate, the CHUID's GUID. Counters are written back so a blocked card stays blocked.
#pragma once

#include "CardKey.h"
#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace haip::vcard {

class CardProfile
{
public:
    static Result<CardProfile> load(const QString &path);
    // Writes the retry counters back into the profile file (atomically).
    Result<void> saveCounters() const;

    const QString &clinicianId() const { return m_clinicianId; }
    const QByteArray &cardholderUuid() const { return m_uuid; } // 16 bytes
    const QByteArray &certificateDer() const { return m_certificateDer; }
    const CardKey &authenticationKey() const { return m_key; }
    int pivAlgorithmId() const { return m_algorithmId; }

    bool pinMatches(QByteArrayView pin) const { return pin == m_pin; }
    bool pukMatches(QByteArrayView puk) const { return puk == m_puk; }
    void setPin(const QByteArray &pin) { m_pin = pin; }

    int pinRetries() const { return m_pinRetries; }
    int pinRetriesLeft() const { return m_pinLeft; }
    void setPinRetriesLeft(int left) { m_pinLeft = left; }
    int pukRetries() const { return m_pukRetries; }
    int pukRetriesLeft() const { return m_pukLeft; }
    void setPukRetriesLeft(int left) { m_pukLeft = left; }

private:
    QString m_path;
    QJsonObject m_json;
    QString m_clinicianId;
    QByteArray m_uuid;
    QByteArray m_pin;
    QByteArray m_puk;
    int m_pinRetries = 3;
    int m_pinLeft = 3;
    int m_pukRetries = 10;
    int m_pukLeft = 10;
    int m_algorithmId = 0;
    QByteArray m_certificateDer;
    CardKey m_key;
};

} // namespace haip::vcard
