// ApiClient: request set-up, the per-transfer watchdog and size limits, and the one place where
// network outcomes become haip::Error values.
#include "platform/ApiClient.h"

#include "platform/AnswerError.h"
#include "platform/BulkUploader.h"
#include "platform/TlsAnchorProbe.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSslError>
#include <QTimeZone>
#include <QTimer>

#include <memory>

namespace haip::platform {

namespace {

// What one transfer has seen so far.
struct Transfer
{
    QByteArray buffer;
    qint64 received = 0;
    qint64 limit = 0;
    int status = 0;
    bool timedOut = false;
    bool cancelled = false;
    bool oversized = false;
    Error failure; // TLS policy or sink failure found while running
    QList<QSslError> sslErrors;
    bool usedClientCertificate = false;
};

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

ApiClient::ApiClient(PlatformEndpoint endpoint, ApiClientOptions options, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_options(options), m_policy(m_endpoint.caPin)
{ }

ApiClient::~ApiClient()
{
    // Stop every transfer while the members still exist; finished handlers ignore them.
    m_destroying = true;
    QSet<QNetworkAccessManager *> managers(m_retired.begin(), m_retired.end());
    for (auto it = m_active.keyBegin(); it != m_active.keyEnd(); ++it)
        managers.insert(*it);
    if (m_manager)
        managers.insert(m_manager);
    m_manager = nullptr;
    for (QNetworkAccessManager *m : std::as_const(managers))
        delete m;
}

ApiReply *ApiClient::get(const QString &path)
{
    ApiRequestSpec spec;
    spec.path = path;
    return send(spec);
}

ApiReply *ApiClient::postJson(const QString &path, const QJsonObject &body)
{
    ApiRequestSpec spec;
    spec.method = QByteArrayLiteral("POST");
    spec.path = path;
    spec.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    spec.contentType = QByteArrayLiteral("application/json");
    return send(spec);
}

ApiReply *ApiClient::send(const ApiRequestSpec &spec)
{
    auto *reply = new ApiReply(this);
    if (!m_anchor.isNull()) {
        start(reply, spec);
    } else if (m_anchorError.code() != ErrorCode::None) {
        const Error error = m_anchorError;
        QMetaObject::invokeMethod(
            reply, [reply, error] { reply->complete(error); }, Qt::QueuedConnection);
    } else {
        m_waiting.append({reply, spec});
        ensureAnchor();
    }
    return reply;
}

void ApiClient::ensureAnchor()
{
    if (m_resolvingAnchor)
        return;
    m_resolvingAnchor = true;
    if (!m_endpoint.caCandidates.isEmpty()) {
        Result<QSslCertificate> anchor = m_policy.pinnedAnchor(m_endpoint.caCandidates);
        QMetaObject::invokeMethod(
            this, [this, anchor] { anchorReady(anchor); }, Qt::QueuedConnection);
        return;
    }
    m_probe = new TlsAnchorProbe(m_endpoint.baseUrl, m_policy, m_options.idleTimeoutMs, this);
    m_probe->start([this](Result<QSslCertificate> anchor) { anchorReady(std::move(anchor)); });
}

void ApiClient::anchorReady(Result<QSslCertificate> anchor)
{
    m_resolvingAnchor = false;
    if (m_probe) {
        m_probe->deleteLater();
        m_probe = nullptr;
    }
    if (anchor)
        m_anchor = *anchor;
    else
        m_anchorError = anchor.error().code() == ErrorCode::TlsFailure && anchor.error().subject().isEmpty()
            ? anchor.error().withSubject(m_endpoint.baseUrl.authority())
            : anchor.error();
    const QList<Pending> waiting = std::exchange(m_waiting, {});
    for (const Pending &p : waiting) {
        if (!p.reply)
            continue;
        if (anchor)
            start(p.reply, p.spec);
        else
            p.reply->complete(m_anchorError);
    }
    // A connection failure is worth another probe later; a pin mismatch is final.
    if (!anchor && anchor.error().code() != ErrorCode::TlsFailure)
        m_anchorError = Error();
}

QNetworkAccessManager *ApiClient::currentManager()
{
    if (!m_manager) {
        m_manager = new QNetworkAccessManager(this);
        m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m_manager->setAutoDeleteReplies(false);
    }
    return m_manager;
}

void ApiClient::retireManager()
{
    if (!m_manager)
        return;
    QNetworkAccessManager *old = std::exchange(m_manager, nullptr);
    if (m_active.value(old) == 0) {
        m_active.remove(old);
        old->deleteLater(); // closes its kept-alive connections (and their TLS identity)
    } else {
        m_retired.append(old);
    }
}

void ApiClient::released(QNetworkAccessManager *manager)
{
    const int left = --m_active[manager];
    if (left > 0)
        return;
    m_active.remove(manager);
    if (m_retired.removeOne(manager))
        manager->deleteLater();
}

void ApiClient::setClientCertificate(const QList<QSslCertificate> &chain, const QSslKey &key)
{
    retireManager();
    retireUploader();
    m_localChain = chain;
    m_localKey = key;
}

void ApiClient::clearClientCertificate()
{
    retireManager();
    retireUploader();
    m_localChain.clear();
    m_localKey.clear();
}

QDateTime ApiClient::serverNow() const
{
    return QDateTime::currentDateTimeUtc().addMSecs(m_serverClockOffsetMs);
}

void ApiClient::completeWithAnswer(ApiReply *reply, ApiAnswer answer, const QString &path, bool usedClientCertificate)
{
    // RFC 9110 IMF-fixdate, e.g. "Fri, 27 Nov 2026 18:42:25 GMT"; anything else is ignored.
    const QDateTime serverDate = QLocale::c().toDateTime(QString::fromLatin1(answer.header("Date")),
                                                         QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (serverDate.isValid()) {
        QDateTime utc = serverDate;
        utc.setTimeZone(QTimeZone::utc());
        m_serverClockOffsetMs = QDateTime::currentDateTimeUtc().msecsTo(utc);
    }
    const int status = answer.status;
    reply->m_status = status;
    if (isSuccess(status)) {
        reply->complete(std::move(answer));
        return;
    }
    reply->m_retryAfter = retryAfterSeconds(answer.header("Retry-After"));
    if (status >= 300 && status < 400) {
        reply->complete(Error(ErrorCode::BadServerResponse,
                              QStringLiteral("unexpected redirect (HTTP %1)").arg(status),
                              m_endpoint.baseUrl.authority()));
        return;
    }
    Error error = errorFromAnswer(status, answer.header("Content-Type"), answer.body, path);
    // "The platform … cannot be reached" names the platform, as for a dropped connection.
    if (error.code() == ErrorCode::NetworkUnavailable)
        error = error.withSubject(m_endpoint.baseUrl.authority());
    if (status == 401 && usedClientCertificate)
        emit sessionRejected(error);
    reply->complete(error);
}

BulkUploader *ApiClient::currentUploader()
{
    if (!m_uploader) {
        BulkIdentity identity;
        identity.anchor = m_anchor;
        identity.chain = m_localChain;
        identity.key = m_localKey;
        identity.idleTimeoutMs = m_options.idleTimeoutMs;
        m_uploader = new BulkUploader(std::move(identity), this);
    }
    return m_uploader;
}

void ApiClient::retireUploader()
{
    BulkUploader *old = std::exchange(m_uploader, nullptr);
    if (old && old->isIdle())
        delete old;
    else if (old)
        m_retiredUploaders.append(old);
}

// A PUT of a file range (the payload's chunks) goes through libcurl: see BulkUploader.h for why.
void ApiClient::startBulk(ApiReply *reply, const ApiRequestSpec &spec)
{
    BulkPut put;
    put.url = m_endpoint.baseUrl;
    put.url.setPath(spec.path);
    put.filePath = spec.bodyFile;
    put.offset = spec.bodyOffset;
    put.length = spec.bodySize;
    put.contentType = spec.contentType;
    put.headers = spec.headers;
    put.maxAnswerBytes = spec.maxAnswerBytes >= 0 ? spec.maxAnswerBytes : m_options.maxAnswerBytes;
    BulkUploader *uploader = currentUploader();
    QPointer<ApiReply> target(reply);
    const bool usedClientCertificate = !m_localChain.isEmpty();
    reply->m_abort = uploader->put(
        std::move(put),
        [target](qint64 sent, qint64 total) {
            if (target)
                emit target->uploadProgress(sent, total);
        },
        [this, target, uploader, path = spec.path, usedClientCertificate](BulkOutcome outcome) {
            if (m_retiredUploaders.contains(uploader) && uploader->isIdle()) {
                m_retiredUploaders.removeOne(uploader);
                uploader->deleteLater();
            }
            if (!target)
                return;
            if (outcome.failure.code() != ErrorCode::None) {
                target->m_networkFailure = outcome.networkFailure;
                target->complete(outcome.failure);
                return;
            }
            ApiAnswer answer;
            answer.status = outcome.status;
            answer.body = std::move(outcome.body);
            answer.headers = std::move(outcome.headers);
            completeWithAnswer(target, std::move(answer), path, usedClientCertificate);
        });
}

void ApiClient::start(ApiReply *reply, const ApiRequestSpec &spec)
{
    if (!spec.bodyFile.isEmpty())
        return startBulk(reply, spec);

    Result<QSslConfiguration> tls = m_localChain.isEmpty()
        ? m_policy.clientConfiguration({m_anchor})
        : m_policy.clientConfiguration({m_anchor}, m_localChain, m_localKey);
    if (!tls) {
        const Error &error = tls.error();
        QMetaObject::invokeMethod(
            reply, [reply, error] { reply->complete(error); }, Qt::QueuedConnection);
        return;
    }
    QUrl url = m_endpoint.baseUrl;
    const qsizetype query = spec.path.indexOf(u'?');
    url.setPath(query < 0 ? spec.path : spec.path.left(query));
    if (query >= 0)
        url.setQuery(spec.path.mid(query + 1));
    QNetworkRequest request(url);
    request.setSslConfiguration(*tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, m_options.http2Allowed);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json, application/problem+json"));
    if (!spec.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, spec.contentType);
    for (const auto &h : spec.headers)
        request.setRawHeader(h.first, h.second);

    QNetworkAccessManager *manager = currentManager();
    QIODevice *body = spec.bodyDevice;
    QBuffer *ownBody = nullptr;
    if (body) {
        request.setHeader(QNetworkRequest::ContentLengthHeader, spec.bodySize);
    } else if (!spec.body.isEmpty() || spec.method == "POST" || spec.method == "PUT") {
        // Always a body (possibly empty) for POST/PUT: the server wants Content-Length.
        ownBody = new QBuffer;
        ownBody->setData(spec.body);
        ownBody->open(QIODevice::ReadOnly);
        body = ownBody;
    }
    QNetworkReply *network = manager->sendCustomRequest(request, spec.method, body);
    if (ownBody)
        ownBody->setParent(network);
    ++m_active[manager];

    auto state = std::make_shared<Transfer>();
    state->limit = spec.maxAnswerBytes >= 0 ? spec.maxAnswerBytes : m_options.maxAnswerBytes;
    state->usedClientCertificate = !m_localChain.isEmpty();
    auto *watchdog = new QTimer(network);
    watchdog->setSingleShot(true);
    watchdog->setInterval(m_options.idleTimeoutMs);
    QPointer<QNetworkReply> guard(network);
    reply->m_abort = [guard, state] {
        if (guard && guard->isRunning()) {
            state->cancelled = true;
            guard->abort();
        }
    };

    const auto pull = [network, state, sink = spec.sink] {
        if (!network->isOpen())
            return; // aborted (timeout, cancel): nothing more to read
        const QByteArray chunk = network->readAll();
        if (chunk.isEmpty() || state->oversized || state->failure.code() != ErrorCode::None)
            return;
        state->received += chunk.size();
        if (sink && isSuccess(state->status)) {
            if (sink->write(chunk) != chunk.size()) {
                state->failure = Error(ErrorCode::WriteFailed, sink->errorString());
                network->abort();
            }
            return;
        }
        if (state->received > state->limit) {
            state->oversized = true;
            network->abort();
            return;
        }
        state->buffer += chunk;
    };
    connect(watchdog, &QTimer::timeout, network, [network, state] {
        state->timedOut = true;
        network->abort();
    });
    connect(network, &QNetworkReply::sslErrors, network, [state](const QList<QSslError> &errors) {
        state->sslErrors += errors; // never ignored: the handshake fails
    });
    connect(network, &QNetworkReply::encrypted, network, [this, network, state] {
        if (Result<void> ok = m_policy.checkEstablished(network->sslConfiguration()); !ok) {
            state->failure = ok.error();
            network->abort();
        }
    });
    connect(network, &QNetworkReply::metaDataChanged, network, [network, state, watchdog, sink = spec.sink] {
        watchdog->start();
        state->status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QVariant length = network->header(QNetworkRequest::ContentLengthHeader);
        // Refuse an announced oversized answer before reading it (a sink takes any size).
        const bool streamed = sink && isSuccess(state->status);
        if (!streamed && length.isValid() && length.toLongLong() > state->limit) {
            state->oversized = true;
            network->abort();
        }
    });
    connect(network, &QNetworkReply::readyRead, network, [pull, watchdog] {
        watchdog->start();
        pull();
    });
    connect(network, &QNetworkReply::uploadProgress, reply, [reply, watchdog](qint64 sent, qint64 total) {
        watchdog->start();
        emit reply->uploadProgress(sent, total);
    });
    connect(network, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        emit reply->downloadProgress(received, total);
    });
    QPointer<ApiReply> target(reply);
    connect(network, &QNetworkReply::finished, this, [this, network, state, pull, target, manager, path = spec.path] {
        if (m_destroying)
            return;
        pull();
        network->deleteLater();
        released(manager);
        if (!target)
            return;
        target->m_status = state->status;
        const QString where = m_endpoint.baseUrl.authority();
        if (state->cancelled) {
            target->complete(Error(ErrorCode::Cancelled, QStringLiteral("request cancelled"), path));
            return;
        }
        if (state->failure.code() != ErrorCode::None) {
            const Error f = state->failure;
            target->complete(f.subject().isEmpty() ? f.withSubject(where) : f);
            return;
        }
        if (!state->sslErrors.isEmpty() || network->error() == QNetworkReply::SslHandshakeFailedError) {
            QStringList reasons;
            for (const QSslError &e : state->sslErrors)
                reasons << e.errorString();
            if (reasons.isEmpty())
                reasons << network->errorString();
            target->complete(Error(ErrorCode::TlsFailure, reasons.join(QStringLiteral("; ")), where));
            return;
        }
        if (state->timedOut) {
            target->m_networkFailure = true;
            target->complete(Error(ErrorCode::NetworkUnavailable,
                                   QStringLiteral("no data for %1 s").arg(m_options.idleTimeoutMs / 1000.0),
                                   where));
            return;
        }
        if (state->oversized) {
            target->complete(Error(ErrorCode::BadServerResponse,
                                   QStringLiteral("an answer larger than %1 bytes").arg(state->limit),
                                   where));
            return;
        }
        if (state->status == 0) {
            target->m_networkFailure = true;
            target->complete(Error(ErrorCode::NetworkUnavailable, network->errorString(), where));
            return;
        }
        // Qt hands over an answer cut short by a closed connection as if it were whole.
        const QVariant announced = network->header(QNetworkRequest::ContentLengthHeader);
        if (announced.isValid() && network->rawHeader("Content-Encoding").isEmpty() &&
            state->received != announced.toLongLong()) {
            target->m_networkFailure = true;
            target->complete(Error(ErrorCode::NetworkUnavailable,
                                   QStringLiteral("the answer was cut short (%1 of %2 bytes)")
                                       .arg(state->received)
                                       .arg(announced.toLongLong()),
                                   where));
            return;
        }
        ApiAnswer answer;
        answer.status = state->status;
        answer.body = std::move(state->buffer);
        answer.headers = network->rawHeaderPairs();
        completeWithAnswer(target, std::move(answer), path, state->usedClientCertificate);
    });
    watchdog->start();
}

} // namespace haip::platform
