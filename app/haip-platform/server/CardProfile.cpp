#include "CardProfile.h"

#include "PlatformState.h"

#include <QJsonDocument>
#include <QSslCertificate>

namespace haip::server {

QJsonObject CardProfile::toJson() const
{
    const QSslCertificate cert(certificateDer, QSsl::Der);
    const QJsonObject slot9a {
        {QStringLiteral("algorithm"), algorithm},
        {QStringLiteral("pivAlgorithmId"), pivAlgorithmId()},
        {QStringLiteral("privateKeyPkcs8Pem"), QString::fromLatin1(privateKeyPem)},
        {QStringLiteral("certificateDer"), QString::fromLatin1(certificateDer.toBase64())},
        {QStringLiteral("certificatePem"), QString::fromLatin1(cert.toPem())},
    };
    return {
        {QStringLiteral("format"), QStringLiteral("haip-vcard-profile")},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("clinicianId"), clinicianId},
        {QStringLiteral("name"), QJsonObject {{QStringLiteral("ja"), nameJa}, {QStringLiteral("romaji"), nameRomaji}}},
        {QStringLiteral("cardholderUuid"), QString::fromLatin1(cardholderUuid.toHex())},
        {QStringLiteral("pin"), pin},
        {QStringLiteral("puk"), puk},
        {QStringLiteral("pinRetries"), pinRetries},
        {QStringLiteral("pinRetriesLeft"), pinRetries},
        {QStringLiteral("pukRetries"), pukRetries},
        {QStringLiteral("pukRetriesLeft"), pukRetries},
        {QStringLiteral("slots"), QJsonObject {{QStringLiteral("9A"), slot9a}}},
    };
}

Result<CardProfile> CardProfile::fromJson(const QJsonObject &o)
{
    if (o.value(QStringLiteral("format")).toString() != QLatin1String("haip-vcard-profile") ||
        o.value(QStringLiteral("version")).toInt() != kVersion)
        return Error(ErrorCode::InvalidAttribute, QStringLiteral("not a haip-vcard-profile version 1"));
    CardProfile p;
    p.clinicianId = o.value(QStringLiteral("clinicianId")).toString();
    const QJsonObject name = o.value(QStringLiteral("name")).toObject();
    p.nameJa = name.value(QStringLiteral("ja")).toString();
    p.nameRomaji = name.value(QStringLiteral("romaji")).toString();
    p.cardholderUuid = QByteArray::fromHex(o.value(QStringLiteral("cardholderUuid")).toString().toLatin1());
    p.pin = o.value(QStringLiteral("pin")).toString();
    p.puk = o.value(QStringLiteral("puk")).toString();
    p.pinRetries = o.value(QStringLiteral("pinRetries")).toInt();
    p.pukRetries = o.value(QStringLiteral("pukRetries")).toInt();
    const QJsonObject slot = o.value(QStringLiteral("slots")).toObject().value(QStringLiteral("9A")).toObject();
    p.algorithm = slot.value(QStringLiteral("algorithm")).toString();
    p.privateKeyPem = slot.value(QStringLiteral("privateKeyPkcs8Pem")).toString().toLatin1();
    p.certificateDer = QByteArray::fromBase64(slot.value(QStringLiteral("certificateDer")).toString().toLatin1());
    if (p.privateKeyPem.isEmpty() || p.certificateDer.isEmpty() ||
        (p.algorithm != QLatin1String("RSA-2048") && p.algorithm != QLatin1String("ECC-P256")))
        return Error(ErrorCode::InvalidAttribute, QStringLiteral("card profile without a usable slot 9A"));
    return p;
}

Result<CardProfile> CardProfile::load(const QString &path)
{
    Result<QByteArray> bytes = PlatformState::readFile(path);
    if (!bytes)
        return bytes.error();
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes);
    if (!doc.isObject())
        return Error(ErrorCode::InvalidAttribute, QStringLiteral("not JSON"), path);
    Result<CardProfile> p = fromJson(doc.object());
    if (!p)
        return p.error().withSubject(path);
    return p;
}

} // namespace haip::server
