#include "ApiTestClient.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>

namespace haip::test {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResult::problemType() const
{
    if (!header(QByteArrayLiteral("Content-Type")).startsWith("application/problem+json"))
        return {};
    return json().value(QStringLiteral("type")).toString();
}

QString HttpResult::describe() const
{
    QString ssl;
    for (const QSslError &e : sslErrors)
        ssl += e.errorString() + QStringLiteral("; ");
    return QStringLiteral("status %1, error %2 (%3) %4 body: %5")
        .arg(status)
        .arg(int(error))
        .arg(errorString, ssl, QString::fromUtf8(body.left(600)));
}

ApiTestClient::ApiTestClient(QUrl base, QSslConfiguration tls)
    : m_base(std::move(base)), m_tls(std::move(tls)), m_nam(std::make_unique<QNetworkAccessManager>())
{ }

HttpResult ApiTestClient::get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send(QByteArrayLiteral("GET"), path, {}, {}, headers);
}

HttpResult ApiTestClient::post(const QString &path, const QJsonObject &body)
{
    return send(QByteArrayLiteral("POST"), path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult ApiTestClient::send(const QByteArray &method,
                               const QString &path,
                               const QByteArray &body,
                               const QByteArray &contentType,
                               const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_base;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!contentType.isEmpty() && !body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QBuffer *buffer = nullptr;
    if (!body.isEmpty() || method == "POST" || method == "PUT") {
        buffer = new QBuffer;
        buffer->setData(body);
        buffer->open(QIODevice::ReadOnly);
    }
    QNetworkReply *reply = m_nam->sendCustomRequest(request, method, buffer);
    if (buffer)
        buffer->setParent(reply);
    HttpResult result;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&result](const QList<QSslError> &errors) {
        result.sslErrors = errors; // never ignored: the handshake fails
    });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(30000)) {
        reply->abort();
        result.errorString = QStringLiteral("timed out");
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (result.error == QNetworkReply::NoError) {
        result.error = reply->error();
        if (result.errorString.isEmpty())
            result.errorString = reply->errorString();
    }
    reply->deleteLater();
    return result;
}

} // namespace haip::test
