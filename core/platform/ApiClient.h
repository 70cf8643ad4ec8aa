// ApiClient: HTTPS to the HAIP platform API with the TLS policy of core/crypto/TlsPolicy — only
// the platform CA pinned by the SHA-256 of its SubjectPublicKeyInfo is trusted, TLS 1.2 minimum
// (1.3 preferred), CRYPTREC suites, every certificate error fatal (sslErrors are never ignored),
// HTTP/2 allowed where the server offers it. After login it presents the session certificate
// (mutual TLS). Answers are bounded in size, JSON is parsed strictly (StrictJson), problems come
// back as haip::Error (ApiReply). Everything is asynchronous: send() returns at once.
//
// Trust anchor: the policy ships only the pin. When no CA certificate is configured, the first
// request first fetches the server's certificate chain with a bare handshake that sends no data
// (TlsAnchorProbe) and keeps the CA certificate whose key matches the pin; every request then
// verifies the server fully against that anchor alone. A chain without the pinned CA fails.
//
// Identity: one QNetworkAccessManager per TLS identity (anonymous, each session certificate).
// Qt reuses kept-alive connections regardless of the configured client certificate, so a new
// identity gets a new manager; the old one is deleted once its requests have finished.
#pragma once

#include "crypto/TlsPolicy.h"
#include "platform/ApiReply.h"

#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace haip::platform {

class BulkUploader;
class TlsAnchorProbe;

struct PlatformEndpoint
{
    QUrl baseUrl; // https://host:port
    QByteArray caPin; // SHA-256 of the platform CA's DER SubjectPublicKeyInfo (policy)
    QList<QSslCertificate> caCandidates; // optional; only one matching the pin is used
};

struct ApiClientOptions
{
    int idleTimeoutMs = 30'000; // no byte in either direction for this long → NetworkUnavailable
    qint64 maxAnswerBytes = qint64 {4} * 1024 * 1024; // buffered answers (requests may raise it)
    JsonLimits json;
    bool http2Allowed = true;
};

struct ApiRequestSpec
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path; // "/v1/jobs/…" (percent-encoded as needed), may carry "?query"
    QByteArray body; // used when bodyDevice is null
    QIODevice *bodyDevice = nullptr; // not owned; open, positioned, alive until finished()
    qint64 bodySize = -1; // required with bodyDevice or bodyFile
    // A PUT of bodySize bytes from this file at bodyOffset, sent by BulkUploader (libcurl)
    QString bodyFile;
    qint64 bodyOffset = 0;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 maxAnswerBytes = -1; // -1: ApiClientOptions::maxAnswerBytes
    QIODevice *sink = nullptr; // a 2xx body is written here instead of being buffered (not owned)
};

class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(PlatformEndpoint endpoint, ApiClientOptions options = {}, QObject *parent = nullptr);
    ~ApiClient() override;

    ApiReply *send(const ApiRequestSpec &spec);
    ApiReply *get(const QString &path);
    ApiReply *postJson(const QString &path, const QJsonObject &body);

    // Present this certificate chain (leaf first) and key from now on; clearClientCertificate()
    // returns to anonymous. Requests already running keep the identity they started with.
    void setClientCertificate(const QList<QSslCertificate> &chain, const QSslKey &key);
    void clearClientCertificate();
    bool hasClientCertificate() const { return !m_localChain.isEmpty(); }

    const QUrl &baseUrl() const { return m_endpoint.baseUrl; }
    const crypto::TlsPolicy &policy() const { return m_policy; }
    const ApiClientOptions &options() const { return m_options; }
    // The pinned CA certificate once known (configured or fetched).
    QSslCertificate trustAnchor() const { return m_anchor; }
    // How far the platform's clock is ahead of this computer's (negative: behind), from the Date
    // header of the last answer (1 s resolution); 0 until one arrived. Times the platform states
    // (a session's renewAfter) are reached at serverNow().
    qint64 serverClockOffsetMs() const { return m_serverClockOffsetMs; }
    QDateTime serverNow() const;

signals:
    // A request presenting the session certificate was refused with 401 (expired, logged out).
    void sessionRejected(const haip::Error &error);

private:
    struct Pending
    {
        QPointer<ApiReply> reply;
        ApiRequestSpec spec;
    };
    void ensureAnchor();
    void anchorReady(Result<QSslCertificate> anchor);
    void start(ApiReply *reply, const ApiRequestSpec &spec);
    QNetworkAccessManager *currentManager();
    void retireManager();
    void released(QNetworkAccessManager *manager);
    void completeWithAnswer(ApiReply *reply, ApiAnswer answer, const QString &path, bool usedClientCertificate);
    void startBulk(ApiReply *reply, const ApiRequestSpec &spec);
    BulkUploader *currentUploader();
    void retireUploader();

    PlatformEndpoint m_endpoint;
    ApiClientOptions m_options;
    crypto::TlsPolicy m_policy;
    QSslCertificate m_anchor;
    Error m_anchorError;
    TlsAnchorProbe *m_probe = nullptr;
    bool m_resolvingAnchor = false;
    bool m_destroying = false;
    QList<Pending> m_waiting;
    QList<QSslCertificate> m_localChain;
    QSslKey m_localKey;
    QNetworkAccessManager *m_manager = nullptr;
    QHash<QNetworkAccessManager *, int> m_active; // requests in flight per manager
    QList<QNetworkAccessManager *> m_retired;
    BulkUploader *m_uploader = nullptr; // PUTs of file ranges, for the current identity
    qint64 m_serverClockOffsetMs = 0;
    QList<BulkUploader *> m_retiredUploaders; // still finishing transfers of an older identity
};

} // namespace haip::platform
