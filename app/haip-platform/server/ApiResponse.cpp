#include "ApiResponse.h"

#include <QJsonDocument>

namespace haip::server {

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    return bytes(QJsonDocument(object).toJson(QJsonDocument::Compact), QByteArrayLiteral("application/json"), status);
}

ApiResponse ApiResponse::json(const QJsonArray &array, int status)
{
    return bytes(QJsonDocument(array).toJson(QJsonDocument::Compact), QByteArrayLiteral("application/json"), status);
}

ApiResponse ApiResponse::bytes(QByteArray body, QByteArray contentType, int status)
{
    ApiResponse r;
    r.status = status;
    r.body = std::move(body);
    r.contentType = std::move(contentType);
    return r;
}

ApiResponse ApiResponse::noContent()
{
    ApiResponse r;
    r.status = 204;
    return r;
}

ApiResponse &ApiResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

} // namespace haip::server
