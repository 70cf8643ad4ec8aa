#include "CatalogPublisher.h"

#include "crypto/Jws.h"
#include "crypto/PublicKey.h"
#include "crypto/SpkiPin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcCatalog, "haip.platform.catalog")

namespace haip::server {

namespace {

Error missing(const QString &serviceId, const char *member)
{
    return Error(ErrorCode::InvalidArgument,
                 QStringLiteral("catalog entry member '%1' is missing or malformed").arg(QLatin1String(member)),
                 serviceId);
}

bool isLocalized(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    return o.value(QLatin1String("ja")).isString() && o.value(QLatin1String("en")).isString() &&
        !o.value(QLatin1String("en")).toString().isEmpty();
}

bool isStringArray(const QJsonValue &v)
{
    if (!v.isArray())
        return false;
    for (const QJsonValue &s : v.toArray()) {
        if (!s.isString())
            return false;
    }
    return true;
}

} // namespace

CatalogPublisher::CatalogPublisher(const ServiceEntrySource &source, crypto::SigningKey key)
    : m_source(source), m_key(std::move(key))
{ }

bool CatalogPublisher::isInertHtml(const QString &html)
{
    // Elements that run code or embed other documents, event-handler attributes, and URLs that
    // leave the page or run script.
    static const QRegularExpression active(
        QStringLiteral(R"(<\s*(script|iframe|frame|frameset|object|embed|applet|base|link|form)\b)"
                       R"(|<\s*meta\b[^>]*http-equiv|\son[a-z]+\s*=|javascript:|vbscript:|https?:|//[a-z0-9])"),
        QRegularExpression::CaseInsensitiveOption);
    return !active.match(html).hasMatch();
}

Result<QJsonObject> CatalogPublisher::apiEntry(const ServiceDescription &service)
{
    const QJsonObject &e = service.entry;
    const QString id = service.id;
    if (e.value(QLatin1String("id")).toString() != id)
        return missing(id, "id");
    for (const char *m : {"name", "intended_use"}) {
        if (!isLocalized(e.value(QLatin1String(m))))
            return missing(id, m);
    }
    for (const char *m : {"vendor", "version"}) {
        if (e.value(QLatin1String(m)).toString().isEmpty())
            return missing(id, m);
    }
    for (const char *m : {"modalities", "body_parts", "output_kinds"}) {
        if (!isStringArray(e.value(QLatin1String(m))))
            return missing(id, m);
    }
    const QJsonObject in = e.value(QLatin1String("input")).toObject();
    if (!isStringArray(in.value(QLatin1String("modalities"))))
        return missing(id, "input");
    const QJsonObject reg = e.value(QLatin1String("regulatory")).toObject();
    const QString status = reg.value(QLatin1String("status")).toString();
    if ((status != QLatin1String("research-use-only") && status != QLatin1String("pmda-approved")) ||
        !isLocalized(reg.value(QLatin1String("text"))))
        return missing(id, "regulatory");
    const QJsonObject html = e.value(QLatin1String("detail_html")).toObject();
    if (!isLocalized(html))
        return missing(id, "detail_html");
    for (const char *lang : {"ja", "en"}) {
        const QString page = html.value(QLatin1String(lang)).toString();
        if (page.size() > 256 * 1024 || !isInertHtml(page))
            return Error(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 detail page is too large or not inert").arg(QLatin1String(lang)),
                         id);
    }
    Result<crypto::PublicKey> key = crypto::PublicKey::fromBase64(service.publicKeyBase64);
    if (!key)
        return key.error().withSubject(id);

    QJsonObject regulatory {{QStringLiteral("status"), status},
                            {QStringLiteral("text"), reg.value(QLatin1String("text"))}};
    if (reg.value(QLatin1String("approval_number")).isString())
        regulatory.insert(QStringLiteral("approvalNumber"), reg.value(QLatin1String("approval_number")));
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), e.value(QLatin1String("name"))},
        {QStringLiteral("vendor"), e.value(QLatin1String("vendor"))},
        {QStringLiteral("version"), e.value(QLatin1String("version"))},
        {QStringLiteral("intendedUse"), e.value(QLatin1String("intended_use"))},
        {QStringLiteral("modalities"), e.value(QLatin1String("modalities"))},
        {QStringLiteral("bodyParts"), e.value(QLatin1String("body_parts"))},
        {QStringLiteral("input"),
         QJsonObject {
             {QStringLiteral("modalities"), in.value(QLatin1String("modalities"))},
             {QStringLiteral("minSlices"), in.value(QLatin1String("min_slices")).toInt(1)},
             {QStringLiteral("maxSlices"), in.value(QLatin1String("max_slices")).toInt(0)},
             {QStringLiteral("maxSliceThicknessMm"), in.value(QLatin1String("max_slice_thickness_mm")).toDouble(0)},
             {QStringLiteral("acceptsSingleImages"), in.value(QLatin1String("accepts_single_images")).toBool(false)},
             {QStringLiteral("transferSyntaxes"),
              in.value(QLatin1String("transfer_syntaxes")).toArray(QJsonArray {QStringLiteral("1.2.840.10008.1.2.1")})},
         }},
        {QStringLiteral("outputKinds"), e.value(QLatin1String("output_kinds"))},
        {QStringLiteral("regulatory"), regulatory},
        {QStringLiteral("expectedTurnaroundSeconds"), e.value(QLatin1String("expected_turnaround_seconds")).toInt(0)},
        {QStringLiteral("envelope"),
         QJsonObject {
             {QStringLiteral("kem"), QStringLiteral("DHKEM(X25519, HKDF-SHA256)")},
             {QStringLiteral("publicKey"), key->toBase64()},
             {QStringLiteral("keyId"), QString::fromLatin1(key->keyId().toHex())},
             {QStringLiteral("info"), ServiceEntrySource::envelopeInfo(id)},
         }},
        {QStringLiteral("detailHtml"), html},
    };
}

Result<QJsonObject> CatalogPublisher::document() const
{
    QStringList skipped;
    QJsonArray services;
    for (const ServiceDescription &s : m_source.services(&skipped)) {
        Result<QJsonObject> entry = apiEntry(s);
        if (!entry) {
            // One broken entry must not take the others down; the operator sees it in the log.
            qCWarning(lcCatalog).noquote()
                << "service left out of the catalog:" << entry.error().detail() << entry.error().subject();
            continue;
        }
        services.append(*entry);
    }
    for (const QString &id : skipped)
        qCInfo(lcCatalog).noquote() << "service without catalog entry or key:" << id;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QJsonObject {
        {QStringLiteral("format"), QStringLiteral("haip-catalog/1")},
        {QStringLiteral("platform"), QStringLiteral("haip-platform %1").arg(QLatin1String(HAIP_VERSION))},
        {QStringLiteral("issuedAt"), now.toString(Qt::ISODate)},
        {QStringLiteral("expiresAt"), now.addSecs(kValiditySeconds).toString(Qt::ISODate)},
        {QStringLiteral("services"), services},
    };
}

Result<QJsonObject> CatalogPublisher::signedCatalog()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_cached.isEmpty() && m_signedAt.secsTo(now) < kResignSeconds)
        return m_cached;
    Result<QJsonObject> doc = document();
    if (!doc)
        return doc.error();
    crypto::JwsSignOptions options;
    options.type = QStringLiteral("haip-catalog+jws");
    options.keyId = crypto::SpkiPin::of(m_key.verifyingKey()).toHex().left(16);
    Result<QByteArray> jws = crypto::Jws::sign(QJsonDocument(*doc).toJson(QJsonDocument::Compact), m_key, options);
    if (!jws)
        return jws.error();
    QJsonObject jwk = m_key.verifyingKey().toJwk();
    jwk.insert(QStringLiteral("kid"), options.keyId);
    m_cached = {{QStringLiteral("jws"), QString::fromLatin1(*jws)}, {QStringLiteral("signingKey"), jwk}};
    m_signedAt = now;
    return m_cached;
}

} // namespace haip::server
