// ClinicianDirectory: the platform's user directory (clinicians/directory.json): who may sign in,
// which HPKI-like practitioner id their card certificate carries, and their TOTP secret. The
// platform maps a verified card certificate to a clinician by that id (subject serialNumber).
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace haip::server {

struct Clinician
{
    QString id; // directory user id, e.g. "yamada"
    QString nameJa; // 山田 太郎
    QString nameRomaji; // YAMADA Taro
    QString hpkiId; // practitioner id in the card certificate's subject serialNumber
    QString profession; // 医師
    QString cardKeyType; // "RSA-2048" or "ECC-P256"
    QByteArray cardCertificateSerial; // hex
    bool cardRevoked = false; // demo: listed in the test CA's CRL
    QByteArray totpSecret; // raw bytes (Base32 in the file)

    QJsonObject toJson() const;
    static Result<Clinician> fromJson(const QJsonObject &object);
    // The public view (no secret): {"id", "name": {"ja", "romaji"}, "profession"}.
    QJsonObject publicJson() const;
};

class ClinicianDirectory
{
public:
    static Result<ClinicianDirectory> load(const QString &path);
    Result<void> save(const QString &path) const;

    const QList<Clinician> &clinicians() const { return m_clinicians; }
    void add(const Clinician &clinician) { m_clinicians.append(clinician); }
    const Clinician *byId(const QString &id) const;
    const Clinician *byHpkiId(const QString &hpkiId) const;

private:
    QList<Clinician> m_clinicians;
};

} // namespace haip::server
