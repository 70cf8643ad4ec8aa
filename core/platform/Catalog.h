// Catalog: the platform's signed service catalog as the workstation trusts it. verify() takes the
// answer of GET /v1/catalog ({jws, signingKey}) and accepts it only when the key matches the pin
// of policy (SHA-256 of its SubjectPublicKeyInfo), the JWS verifies with that key alone (ES256),
// the payload parses strictly (types, sizes, nesting) and the catalog has not expired. Each
// service's envelope key must match its key id. Everything else is refused with KeyPinMismatch,
// SignatureInvalid or BadServerResponse — a catalog is never shown unverified.
#pragma once

#include "common/Result.h"
#include "crypto/PublicKey.h"
#include "crypto/SpkiPin.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace haip::platform {

struct CatalogText
{
    QString ja;
    QString en;
};

struct CatalogService
{
    QString id;
    CatalogText name;
    QString vendor;
    QString version;
    CatalogText intendedUse;
    QStringList modalities;
    QStringList bodyParts;
    QStringList inputModalities;
    int minSlices = 1;
    int maxSlices = 0; // 0: no upper limit
    double maxSliceThicknessMm = 0; // 0: any
    bool acceptsSingleImages = false;
    // Transfer syntaxes the service reads in the payload's DICOM parts; empty: explicit VR
    // little endian only (the API's baseline).
    QStringList transferSyntaxes;
    QStringList outputKinds;
    QString regulatoryStatus; // "research-use-only" | "pmda-approved"
    QString approvalNumber;
    CatalogText regulatoryText;
    int expectedTurnaroundSeconds = 0;
    crypto::PublicKey envelopeKey;
    QString keyId; // 16 hex digits
    QByteArray envelopeInfo; // the HPKE info to seal requests with
    CatalogText detailHtml;
};

class Catalog
{
public:
    static Result<Catalog> verify(const QJsonObject &signedCatalog,
                                  const crypto::SpkiPin &pin,
                                  const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The payload alone (already verified): strict parse.
    static Result<Catalog> parse(const QJsonObject &payload, const QDateTime &now);

    const QList<CatalogService> &services() const { return m_services; }
    const CatalogService *find(const QString &id) const;
    // Only the services policy allows (AllowedServices; an empty list allows all).
    Catalog restrictedTo(const QStringList &allowedIds) const;
    const QDateTime &issuedAt() const { return m_issuedAt; }
    const QDateTime &expiresAt() const { return m_expiresAt; }

private:
    QList<CatalogService> m_services;
    QDateTime m_issuedAt;
    QDateTime m_expiresAt;
};

} // namespace haip::platform
