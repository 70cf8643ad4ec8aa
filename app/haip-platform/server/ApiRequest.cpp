// ApiRequest helpers: method names, header lookup, JSON body parsing.
#include "ApiRequest.h"

#include <QJsonDocument>

#include <array>

namespace haip::server {

namespace {
struct MethodName
{
    HttpMethod method;
    const char *name;
};
constexpr std::array<MethodName, 7> kMethods {{
    {HttpMethod::Get, "GET"},
    {HttpMethod::Post, "POST"},
    {HttpMethod::Put, "PUT"},
    {HttpMethod::Patch, "PATCH"},
    {HttpMethod::Delete, "DELETE"},
    {HttpMethod::Head, "HEAD"},
    {HttpMethod::Options, "OPTIONS"},
}};
} // namespace

HttpMethod httpMethodFromName(const QByteArray &name)
{
    for (const MethodName &m : kMethods) {
        if (name == m.name)
            return m.method;
    }
    return HttpMethod::Other;
}

QByteArray httpMethodName(HttpMethod method)
{
    for (const MethodName &m : kMethods) {
        if (m.method == method)
            return QByteArray(m.name);
    }
    return QByteArrayLiteral("OTHER");
}

QByteArray ApiRequest::header(const QByteArray &name) const
{
    const QByteArray wanted = name.toLower();
    for (const auto &h : headers) {
        if (h.first == wanted)
            return h.second;
    }
    return {};
}

Result<QJsonObject> ApiRequest::jsonObject() const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error(
            ErrorCode::InvalidArgument,
            QStringLiteral("the body is not valid JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return Error(ErrorCode::InvalidArgument, QStringLiteral("the body must be a JSON object"));
    return doc.object();
}

} // namespace haip::server
