#include "platform/SessionInfo.h"

namespace haip::platform {

Result<ClinicianInfo> ClinicianInfo::fromJson(const QJsonObject &object)
{
    const QJsonValue id = object.value(QStringLiteral("id"));
    if (!id.isString() || id.toString().isEmpty() || id.toString().size() > 256)
        return Error(ErrorCode::BadServerResponse, QStringLiteral("clinician without an id"));
    ClinicianInfo c;
    c.id = id.toString();
    const QJsonObject name = object.value(QStringLiteral("name")).toObject();
    c.nameJa = name.value(QStringLiteral("ja")).toString().left(256);
    c.nameRomaji = name.value(QStringLiteral("romaji")).toString().left(256);
    c.profession = object.value(QStringLiteral("profession")).toString().left(256);
    return c;
}

QJsonObject ClinicianInfo::toJson() const
{
    QJsonObject o {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), QJsonObject {{QStringLiteral("ja"), nameJa}, {QStringLiteral("romaji"), nameRomaji}}}};
    if (!profession.isEmpty())
        o.insert(QStringLiteral("profession"), profession);
    return o;
}

QJsonObject SessionInfo::toJson() const
{
    return {
        {QStringLiteral("sessionId"), sessionId},
        {QStringLiteral("clinician"), clinician.toJson()},
        {QStringLiteral("notAfter"), notAfter.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("renewAfter"), renewAfter.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("emergency"), emergency},
    };
}

} // namespace haip::platform
