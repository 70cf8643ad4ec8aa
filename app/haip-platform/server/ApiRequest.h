// ApiRequest: one HTTP request as a route handler sees it — method, decoded path and the route's
// path parameters, headers, body (already within the route's size limit), the peer address and,
// on session routes, the verified client identity.
#pragma once

#include "ClientIdentity.h"
#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace haip::server {

enum class HttpMethod
{
    Get,
    Post,
    Put,
    Patch,
    Delete,
    Head,
    Options,
    Other,
};

HttpMethod httpMethodFromName(const QByteArray &name);
QByteArray httpMethodName(HttpMethod method);

struct ApiRequest
{
    HttpMethod method = HttpMethod::Other;
    QString path; // decoded, without the query
    QUrlQuery query;
    QHash<QString, QString> params; // from the route pattern, e.g. {"jobId": "…"}
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
    QByteArray body;
    QHostAddress peerAddress;
    QList<QSslCertificate> peerChain; // as presented over TLS, leaf first (may be empty)
    std::optional<ClientIdentity> identity; // set on session routes only

    // Case-insensitive header lookup; the first value, or an empty array.
    QByteArray header(const QByteArray &name) const;
    QString param(const QString &name) const { return params.value(name); }
    // The body as a JSON object; InvalidArgument (→ 400) when it is not one.
    Result<QJsonObject> jsonObject() const;
};

} // namespace haip::server
