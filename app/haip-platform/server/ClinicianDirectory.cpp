#include "ClinicianDirectory.h"

#include "PlatformState.h"
#include "crypto/Totp.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace haip::server {

namespace {
constexpr int kDirectoryVersion = 1;
}

QJsonObject Clinician::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("nameJa"), nameJa},
        {QStringLiteral("nameRomaji"), nameRomaji},
        {QStringLiteral("hpkiId"), hpkiId},
        {QStringLiteral("profession"), profession},
        {QStringLiteral("cardKeyType"), cardKeyType},
        {QStringLiteral("cardCertificateSerial"), QString::fromLatin1(cardCertificateSerial)},
        {QStringLiteral("cardRevoked"), cardRevoked},
        {QStringLiteral("totp"),
         QJsonObject {{QStringLiteral("secret"), crypto::Totp::base32Encode(totpSecret)},
                      {QStringLiteral("algorithm"), QStringLiteral("SHA1")},
                      {QStringLiteral("digits"), 6},
                      {QStringLiteral("period"), 30}}},
    };
}

Result<Clinician> Clinician::fromJson(const QJsonObject &o)
{
    Clinician c;
    c.id = o.value(QStringLiteral("id")).toString();
    c.nameJa = o.value(QStringLiteral("nameJa")).toString();
    c.nameRomaji = o.value(QStringLiteral("nameRomaji")).toString();
    c.hpkiId = o.value(QStringLiteral("hpkiId")).toString();
    c.profession = o.value(QStringLiteral("profession")).toString();
    c.cardKeyType = o.value(QStringLiteral("cardKeyType")).toString();
    c.cardCertificateSerial = o.value(QStringLiteral("cardCertificateSerial")).toString().toLatin1();
    c.cardRevoked = o.value(QStringLiteral("cardRevoked")).toBool();
    Result<QByteArray> secret = crypto::Totp::base32Decode(
        o.value(QStringLiteral("totp")).toObject().value(QStringLiteral("secret")).toString());
    if (c.id.isEmpty() || c.hpkiId.isEmpty() || !secret || secret->size() < 10)
        return Error(ErrorCode::InvalidAttribute, QStringLiteral("clinician entry without id, HPKI id or TOTP secret"));
    c.totpSecret = *secret;
    return c;
}

QJsonObject Clinician::publicJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), QJsonObject {{QStringLiteral("ja"), nameJa}, {QStringLiteral("romaji"), nameRomaji}}},
        {QStringLiteral("profession"), profession},
    };
}

Result<ClinicianDirectory> ClinicianDirectory::load(const QString &path)
{
    Result<QByteArray> bytes = PlatformState::readFile(path);
    if (!bytes)
        return bytes.error();
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes);
    if (!doc.isObject() || doc.object().value(QStringLiteral("version")).toInt() != kDirectoryVersion)
        return Error(ErrorCode::InvalidAttribute, QStringLiteral("not a clinician directory (version 1)"), path);
    ClinicianDirectory d;
    for (const QJsonValue &v : doc.object().value(QStringLiteral("clinicians")).toArray()) {
        Result<Clinician> c = Clinician::fromJson(v.toObject());
        if (!c)
            return c.error().withSubject(path);
        d.m_clinicians.append(*c);
    }
    return d;
}

Result<void> ClinicianDirectory::save(const QString &path) const
{
    QJsonArray list;
    for (const Clinician &c : m_clinicians)
        list.append(c.toJson());
    const QJsonObject root {{QStringLiteral("version"), kDirectoryVersion}, {QStringLiteral("clinicians"), list}};
    return PlatformState::writeFile(path, QJsonDocument(root).toJson(QJsonDocument::Indented), true);
}

const Clinician *ClinicianDirectory::byId(const QString &id) const
{
    for (const Clinician &c : m_clinicians) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

const Clinician *ClinicianDirectory::byHpkiId(const QString &hpkiId) const
{
    for (const Clinician &c : m_clinicians) {
        if (c.hpkiId == hpkiId)
            return &c;
    }
    return nullptr;
}

} // namespace haip::server
