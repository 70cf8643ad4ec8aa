// ApiTestClient: a small synchronous HTTPS client for tests (QNetworkAccessManager with a given
// TLS configuration; waits with QSignalSpy). One client = one TLS identity: make a new client
// after login to present the session certificate.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>

namespace haip::test {

struct HttpResult
{
    int status = 0; // 0: no HTTP answer (TLS or connection failure)
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QList<QSslError> sslErrors;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const;
    QString problemType() const; // the problem document's "type", or empty
    QString describe() const; // for failure messages
};

class ApiTestClient
{
public:
    ApiTestClient(QUrl base, QSslConfiguration tls);

    HttpResult get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult post(const QString &path, const QJsonObject &body);
    HttpResult send(const QByteArray &method,
                    const QString &path,
                    const QByteArray &body,
                    const QByteArray &contentType = QByteArrayLiteral("application/json"),
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    QUrl m_base;
    QSslConfiguration m_tls;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

} // namespace haip::test
