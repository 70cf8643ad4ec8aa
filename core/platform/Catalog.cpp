#include "platform/Catalog.h"

#include "crypto/Jws.h"
#include "crypto/VerifyingKey.h"
#include "platform/StrictJson.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace haip::platform {

namespace {

constexpr qsizetype kMaxText = 4096;
constexpr qsizetype kMaxHtml = qsizetype {256} * 1024;
constexpr qsizetype kMaxServices = 256;

Error bad(const QString &what, const QString &serviceId = {})
{
    return Error(ErrorCode::BadServerResponse, QStringLiteral("catalog: %1").arg(what), serviceId);
}

// Reads members with type and size checks; the first failure is kept.
class Reader
{
public:
    Reader(const QJsonObject &object, QString serviceId) : m_o(object), m_id(std::move(serviceId)) { }

    QString text(const char *name, qsizetype max = kMaxText, bool required = true)
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        if (v.isUndefined() && !required)
            return {};
        if (!v.isString() || v.toString().size() > max || (required && v.toString().isEmpty()))
            note(name);
        return v.toString();
    }
    CatalogText localized(const char *name, qsizetype max = kMaxText)
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        const QJsonObject o = v.toObject();
        const QJsonValue ja = o.value(QLatin1String("ja"));
        const QJsonValue en = o.value(QLatin1String("en"));
        if (!v.isObject() || !ja.isString() || !en.isString() || ja.toString().size() > max ||
            en.toString().size() > max || en.toString().isEmpty())
            note(name);
        return {ja.toString(), en.toString()};
    }
    QStringList strings(const char *name)
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        QStringList out;
        if (!v.isArray() || v.toArray().size() > 64) {
            note(name);
            return out;
        }
        for (const QJsonValue s : v.toArray()) {
            if (!s.isString() || s.toString().isEmpty() || s.toString().size() > 64)
                note(name);
            out.append(s.toString());
        }
        return out;
    }
    double number(const char *name, double min, double max)
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max)
            note(name);
        return v.toDouble();
    }
    bool boolean(const char *name)
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        if (!v.isBool())
            note(name);
        return v.toBool();
    }
    QJsonObject object(const char *name)
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        if (!v.isObject())
            note(name);
        return v.toObject();
    }
    Result<void> result() const
    {
        if (m_missing.isEmpty())
            return {};
        return bad(QStringLiteral("member '%1' is missing or malformed").arg(m_missing), m_id);
    }

private:
    void note(const char *name)
    {
        if (m_missing.isEmpty())
            m_missing = QLatin1String(name);
    }
    const QJsonObject &m_o;
    QString m_id;
    QString m_missing;
};

Result<CatalogService> parseService(const QJsonObject &o)
{
    static const QRegularExpression idRe(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
    CatalogService s;
    Reader r(o, o.value(QLatin1String("id")).toString().left(64));
    s.id = r.text("id", 64);
    s.name = r.localized("name");
    s.vendor = r.text("vendor", 256);
    s.version = r.text("version", 64);
    s.intendedUse = r.localized("intendedUse");
    s.modalities = r.strings("modalities");
    s.bodyParts = r.strings("bodyParts");
    s.outputKinds = r.strings("outputKinds");
    s.expectedTurnaroundSeconds = int(r.number("expectedTurnaroundSeconds", 0, 7 * 24 * 3600));
    s.detailHtml = r.localized("detailHtml", kMaxHtml);
    const QJsonObject input = r.object("input");
    const QJsonObject regulatory = r.object("regulatory");
    const QJsonObject envelope = r.object("envelope");
    if (Result<void> ok = r.result(); !ok)
        return ok.error();
    if (!idRe.match(s.id).hasMatch())
        return bad(QStringLiteral("a malformed service id"), s.id);

    Reader in(input, s.id);
    s.inputModalities = in.strings("modalities");
    s.minSlices = int(in.number("minSlices", 1, 100000));
    s.maxSlices = int(in.number("maxSlices", 0, 100000));
    s.maxSliceThicknessMm = in.number("maxSliceThicknessMm", 0, 1000);
    s.acceptsSingleImages = in.boolean("acceptsSingleImages");
    if (input.contains(QLatin1String("transferSyntaxes")))
        s.transferSyntaxes = in.strings("transferSyntaxes");
    if (Result<void> ok = in.result(); !ok)
        return ok.error();

    Reader reg(regulatory, s.id);
    s.regulatoryStatus = reg.text("status", 64);
    s.approvalNumber = reg.text("approvalNumber", 64, false);
    s.regulatoryText = reg.localized("text");
    if (Result<void> ok = reg.result(); !ok)
        return ok.error();
    if (s.regulatoryStatus != QLatin1String("research-use-only") &&
        s.regulatoryStatus != QLatin1String("pmda-approved"))
        return bad(QStringLiteral("an unknown regulatory status"), s.id);

    Reader env(envelope, s.id);
    const QString kem = env.text("kem", 64);
    const QString publicKey = env.text("publicKey", 64);
    s.keyId = env.text("keyId", 16);
    s.envelopeInfo = env.text("info", 256).toUtf8();
    if (Result<void> ok = env.result(); !ok)
        return ok.error();
    if (kem != QLatin1String("DHKEM(X25519, HKDF-SHA256)"))
        return bad(QStringLiteral("an unsupported envelope KEM"), s.id);
    Result<crypto::PublicKey> key = crypto::PublicKey::fromBase64(publicKey);
    if (!key)
        return bad(QStringLiteral("an unreadable envelope key"), s.id);
    if (QString::fromLatin1(key->keyId().toHex()) != s.keyId)
        return bad(QStringLiteral("the envelope key does not match its key id"), s.id);
    s.envelopeKey = std::move(key).value();
    return s;
}

} // namespace

const CatalogService *Catalog::find(const QString &id) const
{
    for (const CatalogService &s : m_services) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

Result<Catalog> Catalog::parse(const QJsonObject &payload, const QDateTime &now)
{
    if (payload.value(QLatin1String("format")).toString() != QLatin1String("haip-catalog/1"))
        return bad(QStringLiteral("an unknown format"));
    Catalog c;
    c.m_issuedAt = QDateTime::fromString(payload.value(QLatin1String("issuedAt")).toString(), Qt::ISODateWithMs);
    c.m_expiresAt = QDateTime::fromString(payload.value(QLatin1String("expiresAt")).toString(), Qt::ISODateWithMs);
    if (!c.m_issuedAt.isValid() || !c.m_expiresAt.isValid())
        return bad(QStringLiteral("issuedAt or expiresAt missing"));
    if (c.m_expiresAt <= now)
        return bad(QStringLiteral("the catalog expired at %1").arg(c.m_expiresAt.toString(Qt::ISODate)));
    // A little clock skew is tolerated; a catalog from the future is not.
    if (c.m_issuedAt > now.addSecs(300))
        return bad(QStringLiteral("the catalog is dated %1 minutes ahead of this computer's clock (check the clock)")
                       .arg(now.secsTo(c.m_issuedAt) / 60));
    const QJsonValue services = payload.value(QLatin1String("services"));
    if (!services.isArray() || services.toArray().size() > kMaxServices)
        return bad(QStringLiteral("services missing or too many"));
    for (const QJsonValue v : services.toArray()) {
        if (!v.isObject())
            return bad(QStringLiteral("a service entry that is not an object"));
        Result<CatalogService> s = parseService(v.toObject());
        if (!s)
            return s.error();
        if (c.find(s->id))
            return bad(QStringLiteral("service listed twice"), s->id);
        c.m_services.append(std::move(s).value());
    }
    return c;
}

Result<Catalog> Catalog::verify(const QJsonObject &signedCatalog, const crypto::SpkiPin &pin, const QDateTime &now)
{
    const QJsonValue jws = signedCatalog.value(QLatin1String("jws"));
    const QJsonValue jwk = signedCatalog.value(QLatin1String("signingKey"));
    if (!jws.isString() || !jwk.isObject())
        return bad(QStringLiteral("jws or signingKey missing"));
    Result<crypto::VerifyingKey> key = crypto::VerifyingKey::fromJwk(jwk.toObject());
    if (!key)
        return Error(ErrorCode::KeyPinMismatch, QStringLiteral("the catalog key is unreadable"));
    Result<crypto::VerifiedJws> verified = crypto::Jws::verifyPinned(jws.toString().toLatin1(), *key, pin);
    if (!verified)
        return verified.error();
    if (verified->header.value(QLatin1String("typ")).toString() != QLatin1String("haip-catalog+jws"))
        return Error(ErrorCode::SignatureInvalid, QStringLiteral("the token is not a catalog"));
    Result<QJsonObject> payload = StrictJson::parseObject(verified->payload, {}, QStringLiteral("catalog"));
    if (!payload)
        return payload.error();
    return parse(*payload, now);
}

Catalog Catalog::restrictedTo(const QStringList &allowedIds) const
{
    Catalog restricted = *this;
    if (allowedIds.isEmpty())
        return restricted;
    restricted.m_services.removeIf([&allowedIds](const CatalogService &s) { return !allowedIds.contains(s.id); });
    return restricted;
}

} // namespace haip::platform
