#include "CatalogTestKit.h"

#include "crypto/Jws.h"
#include "crypto/PrivateKey.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace haip::test {

namespace {

// The reference services' entries as the services area keeps them (snake_case JSON and one
// HTML page per language), read from the source tree so these tests need no DCMTK-heavy
// service library.
const QStringList kReferenceIds {
    QStringLiteral("chest-ct-nodule"), QStringLiteral("head-ct-hyperdensity"), QStringLiteral("anomaly-heatmap")};

QByteArray readSource(const QString &name)
{
    QFile f(QStringLiteral(HAIP_SERVICE_CATALOG_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return f.readAll();
}

QJsonValue member(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name));
}

// The API form of one entry (docs/api/openapi.yaml, CatalogEntry), as the publisher writes it.
QJsonObject apiEntry(const QString &id)
{
    const QJsonObject e = QJsonDocument::fromJson(readSource(id + QStringLiteral(".json"))).object();
    if (member(e, "id").toString() != id)
        qFatal("catalog entry %s unreadable", qPrintable(id));
    const QJsonObject in = member(e, "input").toObject();
    const QJsonObject reg = member(e, "regulatory").toObject();
    QJsonObject regulatory {{QStringLiteral("status"), member(reg, "status")},
                            {QStringLiteral("text"), member(reg, "text")}};
    if (member(reg, "approval_number").isString())
        regulatory.insert(QStringLiteral("approvalNumber"), member(reg, "approval_number"));
    Result<crypto::PrivateKey> key = crypto::PrivateKey::generate();
    if (!key)
        qFatal("X25519 key generation failed");
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), member(e, "name")},
        {QStringLiteral("vendor"), member(e, "vendor")},
        {QStringLiteral("version"), member(e, "version")},
        {QStringLiteral("intendedUse"), member(e, "intended_use")},
        {QStringLiteral("modalities"), member(e, "modalities")},
        {QStringLiteral("bodyParts"), member(e, "body_parts")},
        {QStringLiteral("input"),
         QJsonObject {{QStringLiteral("modalities"), member(in, "modalities")},
                      {QStringLiteral("minSlices"), member(in, "min_slices").toInt(1)},
                      {QStringLiteral("maxSlices"), member(in, "max_slices").toInt(0)},
                      {QStringLiteral("maxSliceThicknessMm"), member(in, "max_slice_thickness_mm").toDouble(0)},
                      {QStringLiteral("acceptsSingleImages"), member(in, "accepts_single_images").toBool(false)}}},
        {QStringLiteral("outputKinds"), member(e, "output_kinds")},
        {QStringLiteral("regulatory"), regulatory},
        {QStringLiteral("expectedTurnaroundSeconds"), member(e, "expected_turnaround_seconds").toInt(0)},
        {QStringLiteral("envelope"),
         QJsonObject {{QStringLiteral("kem"), QStringLiteral("DHKEM(X25519, HKDF-SHA256)")},
                      {QStringLiteral("publicKey"), key->publicKey().toBase64()},
                      {QStringLiteral("keyId"), QString::fromLatin1(key->publicKey().keyId().toHex())},
                      {QStringLiteral("info"), QStringLiteral("HAIP job request v1; service=") + id}}},
        {QStringLiteral("detailHtml"),
         QJsonObject {{QStringLiteral("ja"), QString::fromUtf8(readSource(id + QStringLiteral(".ja.html")))},
                      {QStringLiteral("en"), QString::fromUtf8(readSource(id + QStringLiteral(".en.html")))}}},
    };
}

} // namespace

QJsonObject referenceCatalogPayload(const QDateTime &issuedAt, const QDateTime &expiresAt)
{
    QJsonArray services;
    for (const QString &id : kReferenceIds)
        services.append(apiEntry(id));
    return QJsonObject {{QStringLiteral("format"), QStringLiteral("haip-catalog/1")},
                        {QStringLiteral("platform"), QStringLiteral("haip-platform (test)")},
                        {QStringLiteral("issuedAt"), issuedAt.toUTC().toString(Qt::ISODate)},
                        {QStringLiteral("expiresAt"), expiresAt.toUTC().toString(Qt::ISODate)},
                        {QStringLiteral("services"), services}};
}

QJsonObject signCatalog(const QJsonObject &payload, const crypto::SigningKey &key)
{
    crypto::JwsSignOptions options;
    options.type = QStringLiteral("haip-catalog+jws");
    Result<QByteArray> jws = crypto::Jws::sign(QJsonDocument(payload).toJson(QJsonDocument::Compact), key, options);
    if (!jws)
        qFatal("JWS signing failed: %s", qPrintable(jws.error().detail()));
    return {{QStringLiteral("jws"), QString::fromLatin1(*jws)},
            {QStringLiteral("signingKey"), key.verifyingKey().toJwk()}};
}

QJsonObject variantEntry(const QJsonObject &payload,
                         const QString &baseId,
                         const QString &newId,
                         const QStringList &modalities,
                         const QString &regulatoryStatus)
{
    for (const QJsonValue &v : payload.value(QLatin1String("services")).toArray()) {
        QJsonObject e = v.toObject();
        if (e.value(QLatin1String("id")).toString() != baseId)
            continue;
        e.insert(QStringLiteral("id"), newId);
        e.insert(QStringLiteral("name"),
                 QJsonObject {{QStringLiteral("ja"), QStringLiteral("試験サービス %1").arg(newId)},
                              {QStringLiteral("en"), QStringLiteral("Test service %1").arg(newId)}});
        e.insert(QStringLiteral("modalities"), QJsonArray::fromStringList(modalities));
        QJsonObject input = e.value(QLatin1String("input")).toObject();
        input.insert(QStringLiteral("modalities"), QJsonArray::fromStringList(modalities));
        e.insert(QStringLiteral("input"), input);
        QJsonObject regulatory = e.value(QLatin1String("regulatory")).toObject();
        regulatory.insert(QStringLiteral("status"), regulatoryStatus);
        if (regulatoryStatus == QLatin1String("pmda-approved")) {
            regulatory.insert(QStringLiteral("approvalNumber"), QStringLiteral("30600BZX00001000"));
            regulatory.insert(QStringLiteral("text"),
                              QJsonObject {{QStringLiteral("ja"), QStringLiteral("承認医療機器（試験用の架空番号）")},
                                           {QStringLiteral("en"), QStringLiteral("Approved medical device (test)")}});
        }
        e.insert(QStringLiteral("regulatory"), regulatory);
        return e;
    }
    qFatal("no reference entry %s", qPrintable(baseId));
}

platform::Catalog referenceCatalog()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<platform::Catalog> c = platform::Catalog::parse(referenceCatalogPayload(now, now.addDays(1)), now);
    if (!c)
        qFatal("reference catalog: %s", qPrintable(c.error().detail()));
    return std::move(c).value();
}

} // namespace haip::test
