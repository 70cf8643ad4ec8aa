// ApiResponse: what a route handler answers (status, content type, extra headers, body). Errors
// are not responses: handlers return haip::Error and ApiServer turns it into a problem document.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace haip::server {

struct ApiResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers (Location, Retry-After, …)

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse json(const QJsonArray &array, int status = 200);
    static ApiResponse bytes(QByteArray body, QByteArray contentType, int status = 200);
    static ApiResponse noContent();

    ApiResponse &withHeader(const QByteArray &name, const QByteArray &value);
};

} // namespace haip::server
