// HttpServerShim: the only code that knows which Qt HttpServer it is built against. Qt 6.4
// (Debian 12) hands handleRequest() the socket, so the client certificate comes from
// QSslSocket::peerCertificateChain(); Qt ≥ 6.8 (Windows builds) hands it a responder and the
// request carries its QSslConfiguration. Either way the adapter turns a request into an
// ApiRequest, asks the sink for the ApiResponse and writes it. Qt 6.5–6.7 are not supported
// (6.5/6.6 have no way to reach the peer certificate from a request).
#pragma once

#include "ApiRequest.h"
#include "ApiResponse.h"

#include <QAbstractHttpServer>
#include <QtGlobal>

#include <functional>

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0) && QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
#error "haip-platform needs Qt HttpServer 6.4 or >= 6.8 (see HttpServerShim.h)"
#endif

class QTcpServer;

namespace haip::server {

class HttpServerAdapter : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Sink = std::function<ApiResponse(ApiRequest &request, const QByteArray &encodedPath)>;

    explicit HttpServerAdapter(Sink sink, QObject *parent = nullptr);
    // Takes a listening server (and parents it). False if it is not listening.
    bool bindListening(QTcpServer *server);

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#endif

private:
    Sink m_sink;
};

} // namespace haip::server
