// CatalogTestKit: the reference platform's catalog as the workstation receives it, built from the
// entries of the three reference services (app/haip-platform/services/catalog/*.json and their
// HTML pages) in the API's form (docs/api/openapi.yaml, CatalogEntry), with dates a test chooses
// and signed (ES256, typ haip-catalog+jws) with a key the test holds. Used by the catalog cache and
// catalog panel tests.
#pragma once

#include "crypto/SigningKey.h"
#include "platform/Catalog.h"

#include <QDateTime>
#include <QJsonObject>

namespace haip::test {

// The catalog document {format, platform, issuedAt, expiresAt, services}, each service with a
// fresh envelope key.
QJsonObject referenceCatalogPayload(const QDateTime &issuedAt, const QDateTime &expiresAt);
// {"jws": compact JWS, "signingKey": public JWK}: the answer of GET /v1/catalog.
QJsonObject signCatalog(const QJsonObject &payload, const crypto::SigningKey &key);
// An API-form entry derived from the reference entry `baseId`, with another id, names,
// modalities and regulatory status: for lists with more than one kind of service.
QJsonObject variantEntry(const QJsonObject &payload,
                         const QString &baseId,
                         const QString &newId,
                         const QStringList &modalities,
                         const QString &regulatoryStatus);
// The reference catalog, valid for a day from now (parsed, no signature needed).
platform::Catalog referenceCatalog();

} // namespace haip::test
