// CardProfile: what a demo smart card holds, as the JSON file haip-vcard loads
// (format "haip-vcard-profile", version 1; specified in docs/api/card-profile.md): the PIV
// authentication key of slot 9A (PKCS#8 PEM), its certificate, the PIN, the PUK and their retry
// counters. Written by `haip-platform init`, 0600: it holds a private key.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace haip::server {

struct CardProfile
{
    static constexpr int kVersion = 1;

    QString clinicianId;
    QString nameJa;
    QString nameRomaji;
    QByteArray cardholderUuid; // 16 random bytes (PIV CHUID GUID), hex in the file
    QString algorithm; // "RSA-2048" (PIV algorithm 07) or "ECC-P256" (PIV algorithm 11)
    QByteArray privateKeyPem; // slot 9A, PKCS#8
    QByteArray certificateDer; // slot 9A certificate, issued by the test HPKI CA
    QString pin = QStringLiteral("123456");
    QString puk = QStringLiteral("12345678");
    int pinRetries = 3;
    int pukRetries = 10;

    int pivAlgorithmId() const { return algorithm == QLatin1String("RSA-2048") ? 0x07 : 0x11; }
    QJsonObject toJson() const;
    static Result<CardProfile> fromJson(const QJsonObject &object);
    static Result<CardProfile> load(const QString &path);
};

} // namespace haip::server
