#include "HttpServerShim.h"

#include "ProblemResponse.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSslSocket>
#include <QTcpServer>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpHeaders>
#endif

namespace haip::server {

namespace {

// Headers every answer carries: nothing the API returns may be cached or sniffed.
const QList<QPair<QByteArray, QByteArray>> &commonHeaders()
{
    static const QList<QPair<QByteArray, QByteArray>> headers {
        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")},
        {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")},
    };
    return headers;
}

HttpMethod methodOf(QHttpServerRequest::Method method)
{
    using M = QHttpServerRequest::Method;
    switch (method) {
    case M::Get:
        return HttpMethod::Get;
    case M::Post:
        return HttpMethod::Post;
    case M::Put:
        return HttpMethod::Put;
    case M::Patch:
        return HttpMethod::Patch;
    case M::Delete:
        return HttpMethod::Delete;
    case M::Head:
        return HttpMethod::Head;
    case M::Options:
        return HttpMethod::Options;
    default:
        return HttpMethod::Other;
    }
}

ApiRequest toApiRequest(const QHttpServerRequest &request, QByteArray *encodedPath)
{
    ApiRequest r;
    const QUrl url = request.url();
    r.method = methodOf(request.method());
    r.path = url.path();
    *encodedPath = url.path(QUrl::FullyEncoded).toLatin1();
    r.query = request.query();
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    for (const auto &[name, value] : request.headers().toListOfPairs())
        r.headers.append({name.toLower(), value});
#else
    for (const auto &h : request.headers())
        r.headers.append({h.first.toLower(), h.second});
#endif
    r.body = request.body();
    r.peerAddress = request.remoteAddress();
    return r;
}

} // namespace

HttpServerAdapter::HttpServerAdapter(Sink sink, QObject *parent) : QAbstractHttpServer(parent), m_sink(std::move(sink))
{ }

bool HttpServerAdapter::bindListening(QTcpServer *server)
{
    if (!server || !server->isListening())
        return false;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return bind(server);
#else
    bind(server);
    return true;
#endif
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)

bool HttpServerAdapter::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QByteArray encodedPath;
    ApiRequest api = toApiRequest(request, &encodedPath);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        api.peerChain = ssl->peerCertificateChain();
    const ApiResponse response = m_sink(api, encodedPath);
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    for (const auto &h : commonHeaders())
        responder.writeHeader(h.first, h.second);
    for (const auto &h : response.headers)
        responder.writeHeader(h.first, h.second);
    if (!response.contentType.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
    return true;
}

void HttpServerAdapter::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Not reached: handleRequest() answers every request (404 included).
    handleRequest(request, socket);
}

#else

bool HttpServerAdapter::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QByteArray encodedPath;
    ApiRequest api = toApiRequest(request, &encodedPath);
    api.peerChain = request.sslConfiguration().peerCertificateChain();
    const ApiResponse response = m_sink(api, encodedPath);
    QHttpHeaders headers;
    for (const auto &h : commonHeaders())
        headers.append(h.first, h.second);
    for (const auto &h : response.headers)
        headers.append(h.first, h.second);
    if (!response.contentType.isEmpty())
        headers.append(QHttpHeaders::WellKnownHeader::ContentType, response.contentType);
    responder.write(response.body, headers, QHttpServerResponder::StatusCode(response.status));
    return true;
}

void HttpServerAdapter::missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    handleRequest(request, responder);
}

#endif

} // namespace haip::server
