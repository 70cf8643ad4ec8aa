// CatalogPublisher: the signed catalog of GET /v1/catalog — every offered service's entry in the
// API's form (docs/api/openapi.yaml, schema CatalogEntry) with its envelope key, wrapped in the
// catalog document {format, platform, issuedAt, expiresAt, services} and signed as a compact JWS
// (ES256, typ haip-catalog+jws) with the platform's catalog key. Signed once and re-signed when
// older than an hour; a detail page with scripts, frames, objects, event handlers or remote or
// javascript: URLs is refused, so no such page is ever signed.
#pragma once

#include "ServiceEntrySource.h"
#include "common/Result.h"
#include "crypto/SigningKey.h"

#include <QDateTime>
#include <QJsonObject>

namespace haip::server {

class CatalogPublisher
{
public:
    CatalogPublisher(const ServiceEntrySource &source, crypto::SigningKey key);

    // {"jws": "<compact>", "signingKey": JWK}
    Result<QJsonObject> signedCatalog();
    // The unsigned catalog document (what the JWS payload holds).
    Result<QJsonObject> document() const;

    // The API form of one entry; InvalidArgument naming the member that is missing or unsafe.
    static Result<QJsonObject> apiEntry(const ServiceDescription &service);
    // True when the HTML holds nothing active or remote.
    static bool isInertHtml(const QString &html);

    static constexpr int kValiditySeconds = 24 * 3600;
    static constexpr int kResignSeconds = 3600;

private:
    const ServiceEntrySource &m_source;
    crypto::SigningKey m_key;
    QJsonObject m_cached;
    QDateTime m_signedAt;
};

} // namespace haip::server
