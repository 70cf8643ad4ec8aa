// CatalogCache: the last signed catalog kept on disk so the catalog can be read offline. The
// platform's answer ({jws, signingKey}) is stored as received, next to the time it was fetched;
// every load verifies it again against the pin of policy and the clock (Catalog::verify), so a
// tampered, re-signed or expired cache is refused with an Error and never shown. Only a verified
// answer is ever written, atomically (QSaveFile): a crash mid-write keeps the previous cache.
#pragma once

#include "common/Result.h"
#include "crypto/SpkiPin.h"
#include "platform/Catalog.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace haip::platform {

struct CachedCatalog
{
    Catalog catalog;
    QDateTime fetchedAt; // when the workstation received it (UTC)
};

class CatalogCache
{
public:
    // `filePath`: e.g. <AppLocalDataLocation>/catalog-cache.json (defaultPath()).
    explicit CatalogCache(QString filePath);

    // Verifies the answer of GET /v1/catalog with the pin and, if it verifies, writes it.
    // Returns the verified catalog, so callers can use store() in place of Catalog::verify().
    Result<Catalog> store(const QJsonObject &signedCatalog,
                          const crypto::SpkiPin &pin,
                          const QDateTime &fetchedAt = QDateTime::currentDateTimeUtc());
    // FileNotFound when there is no cache; KeyPinMismatch / SignatureInvalid / BadServerResponse
    // (expired, malformed) when it does not verify now.
    Result<CachedCatalog> load(const crypto::SpkiPin &pin,
                               const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    Result<void> remove() const;

    const QString &filePath() const { return m_path; }
    // <QStandardPaths::AppLocalDataLocation>/catalog-cache.json
    static QString defaultPath();

    static constexpr qsizetype kMaxFileSize = qsizetype {20} * 1024 * 1024;

private:
    QString m_path;
};

} // namespace haip::platform
