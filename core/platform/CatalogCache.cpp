#include "platform/CatalogCache.h"

#include "platform/StrictJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace haip::platform {

namespace {

// The cache file: {"format": kFormat, "fetchedAt": ISO 8601 UTC, "answer": {jws, signingKey}}.
// The JWS string is kept byte for byte; the signature covers everything shown.
constexpr QLatin1String kFormat("haip-catalog-cache/1");

} // namespace

CatalogCache::CatalogCache(QString filePath) : m_path(std::move(filePath)) { }

QString CatalogCache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
        QStringLiteral("/catalog-cache.json");
}

Result<Catalog>
CatalogCache::store(const QJsonObject &signedCatalog, const crypto::SpkiPin &pin, const QDateTime &fetchedAt)
{
    Result<Catalog> verified = Catalog::verify(signedCatalog, pin, fetchedAt);
    if (!verified)
        return verified.error();

    const QJsonObject file {{QStringLiteral("format"), kFormat},
                            {QStringLiteral("fetchedAt"), fetchedAt.toUTC().toString(Qt::ISODateWithMs)},
                            {QStringLiteral("answer"), signedCatalog}};
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return Error(ErrorCode::WriteFailed, QStringLiteral("cannot create the folder"), m_path);
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return Error(ErrorCode::WriteFailed, out.errorString(), m_path);
    const QByteArray bytes = QJsonDocument(file).toJson(QJsonDocument::Indented);
    if (out.write(bytes) != bytes.size() || !out.commit())
        return Error(ErrorCode::WriteFailed, out.errorString(), m_path);
    return verified;
}

Result<CachedCatalog> CatalogCache::load(const crypto::SpkiPin &pin, const QDateTime &now) const
{
    QFile in(m_path);
    if (!in.exists())
        return Error(ErrorCode::FileNotFound, QStringLiteral("no cached catalog"), m_path);
    if (!in.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, in.errorString(), m_path);
    if (in.size() > kMaxFileSize)
        return Error(ErrorCode::FileTooLarge, QStringLiteral("the cached catalog is too large"), m_path);
    const QByteArray bytes = in.readAll();
    if (bytes.size() != in.size())
        return Error(ErrorCode::FileUnreadable, in.errorString(), m_path);

    // The cache is as untrusted as the network: the same bounded parser, then the same checks.
    JsonLimits limits;
    limits.maxBytes = kMaxFileSize;
    Result<QJsonObject> file = StrictJson::parseObject(bytes, limits, QStringLiteral("catalog cache"));
    if (!file)
        return file.error().withSubject(m_path);
    const QDateTime fetchedAt =
        QDateTime::fromString(file->value(QLatin1String("fetchedAt")).toString(), Qt::ISODateWithMs);
    if (file->value(QLatin1String("format")).toString() != kFormat || !fetchedAt.isValid() ||
        !file->value(QLatin1String("answer")).isObject())
        return Error(ErrorCode::BadServerResponse, QStringLiteral("not a catalog cache"), m_path);

    Result<Catalog> verified = Catalog::verify(file->value(QLatin1String("answer")).toObject(), pin, now);
    if (!verified)
        return verified.error().withSubject(m_path);
    return CachedCatalog {std::move(verified).value(), fetchedAt.toUTC()};
}

Result<void> CatalogCache::remove() const
{
    QFile file(m_path);
    if (file.exists() && !file.remove())
        return Error(ErrorCode::WriteFailed, file.errorString(), m_path);
    return {};
}

} // namespace haip::platform
