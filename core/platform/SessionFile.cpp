#include "platform/SessionFile.h"

#include "platform/StrictJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace haip::platform {

namespace {
constexpr const char *kFormat = "haip-session/1";
}

Result<void> SessionFile::save(const QString &path) const
{
    QJsonArray certificates;
    for (const QSslCertificate &c : chain)
        certificates.append(QString::fromLatin1(c.toPem()));
    const QJsonObject o {
        {QStringLiteral("format"), QLatin1String(kFormat)},
        {QStringLiteral("platform"), platform.toString()},
        {QStringLiteral("caPin"), QString::fromLatin1(caPin.toHex())},
        {QStringLiteral("session"), info.toJson()},
        {QStringLiteral("certificates"), certificates},
        {QStringLiteral("key"), QString::fromLatin1(key.pkcs8Pem().view().toByteArray())},
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
        return Error(ErrorCode::WriteFailed, file.errorString(), path);
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error(ErrorCode::WriteFailed, file.errorString(), path);
    return {};
}

Result<SessionFile> SessionFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    Result<QJsonObject> o = StrictJson::parseObject(file.read(qint64(256) * 1024), {}, path);
    if (!o)
        return Error(ErrorCode::InvalidArgument, o.error().detail(), path);
    if (o->value(QLatin1String("format")).toString() != QLatin1String(kFormat))
        return Error(ErrorCode::InvalidArgument, QStringLiteral("not a session file"), path);
    SessionFile s;
    s.platform = QUrl(o->value(QLatin1String("platform")).toString());
    s.caPin = QByteArray::fromHex(o->value(QLatin1String("caPin")).toString().toLatin1());
    const QJsonObject session = o->value(QLatin1String("session")).toObject();
    Result<ClinicianInfo> clinician = ClinicianInfo::fromJson(session.value(QLatin1String("clinician")).toObject());
    if (!clinician)
        return Error(ErrorCode::InvalidArgument, clinician.error().detail(), path);
    s.info.clinician = *clinician;
    s.info.sessionId = session.value(QLatin1String("sessionId")).toString();
    s.info.notAfter = QDateTime::fromString(session.value(QLatin1String("notAfter")).toString(), Qt::ISODate);
    s.info.renewAfter = QDateTime::fromString(session.value(QLatin1String("renewAfter")).toString(), Qt::ISODate);
    for (const QJsonValue pem : o->value(QLatin1String("certificates")).toArray())
        s.chain.append(QSslCertificate(pem.toString().toLatin1(), QSsl::Pem));
    Result<SessionKey> key = SessionKey::fromPkcs8Pem(o->value(QLatin1String("key")).toString().toLatin1());
    if (!key)
        return Error(ErrorCode::InvalidArgument, key.error().detail(), path);
    s.key = std::move(key).value();
    if (!s.platform.isValid() || s.caPin.size() != 32 || s.chain.isEmpty() || s.chain.front().isNull() ||
        !s.info.notAfter.isValid())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("an incomplete session file"), path);
    if (s.info.notAfter <= QDateTime::currentDateTimeUtc())
        return Error(ErrorCode::SessionExpired, QStringLiteral("the saved session has expired: log in again"), path);
    return s;
}

} // namespace haip::platform
