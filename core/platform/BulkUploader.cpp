// BulkUploader: the transfer thread, one libcurl easy handle per uploader (so the TLS connection
// is reused from chunk to chunk), and the mapping of libcurl's outcomes onto haip::Error.
#include "platform/BulkUploader.h"

#include "crypto/TlsPolicy.h"

#include <QFile>
#include <QMetaObject>
#include <QPointer>
#include <QSslCipher>

#include <openssl/crypto.h>
#include <openssl/ssl.h>

#include <atomic>
#include <condition_variable>
#include <curl/curl.h>
#include <deque>
#include <mutex>
#include <thread>

namespace haip::platform {

namespace {

constexpr qint64 kProgressStep = qint64 {256} * 1024; // progress reports at most this often (bytes)

struct Task
{
    BulkPut request;
    BulkUploader::Progress progress;
    BulkUploader::Done done;
    std::shared_ptr<std::atomic<bool>> cancelled = std::make_shared<std::atomic<bool>>(false);
};

// What one transfer sees while libcurl runs it (the callbacks' user data).
struct Running
{
    Task *task = nullptr;
    QFile *file = nullptr;
    qint64 sent = 0; // body bytes handed to libcurl
    qint64 reported = -1;
    bool fileFailed = false;
    bool oversized = false;
    bool tlsChecked = false;
    Error tlsFailure;
    BulkOutcome outcome;
    std::function<void(qint64)> report;
    std::function<Result<void>()> checkTls;
};

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t readBody(char *buffer, size_t size, size_t count, void *user)
{
    auto *r = static_cast<Running *>(user);
    const qint64 want = qMin(qint64(size * count), r->task->request.length - r->sent);
    if (want <= 0)
        return 0;
    const qint64 got = r->file->read(buffer, want);
    if (got <= 0) {
        r->fileFailed = true;
        return CURL_READFUNC_ABORT;
    }
    r->sent += got;
    return size_t(got);
}

// libcurl rewinds the body when a reused connection turned out dead and it sends again.
int seekBody(void *user, curl_off_t offset, int origin)
{
    auto *r = static_cast<Running *>(user);
    if (origin != SEEK_SET || offset < 0 || offset > r->task->request.length)
        return CURL_SEEKFUNC_CANTSEEK;
    if (!r->file->seek(r->task->request.offset + offset))
        return CURL_SEEKFUNC_FAIL;
    r->sent = offset;
    return CURL_SEEKFUNC_OK;
}

size_t writeAnswer(char *data, size_t size, size_t count, void *user)
{
    auto *r = static_cast<Running *>(user);
    const size_t n = size * count;
    if (r->outcome.body.size() + qint64(n) > r->task->request.maxAnswerBytes) {
        r->oversized = true;
        return 0; // CURLE_WRITE_ERROR
    }
    r->outcome.body.append(data, qsizetype(n));
    return n;
}

size_t headerLine(char *data, size_t size, size_t count, void *user)
{
    auto *r = static_cast<Running *>(user);
    const size_t n = size * count;
    const QByteArray line = QByteArray(data, qsizetype(n)).trimmed();
    if (line.startsWith("HTTP/")) {
        r->outcome.headers.clear(); // a new answer (an interim 1xx came first)
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        r->outcome.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return n;
}

int transferInfo(void *user, curl_off_t, curl_off_t downloaded, curl_off_t, curl_off_t uploaded)
{
    auto *r = static_cast<Running *>(user);
    if (r->task->cancelled->load())
        return 1; // CURLE_ABORTED_BY_CALLBACK
    // The first bytes either way mean the handshake is done: check what it negotiated.
    if (!r->tlsChecked && (uploaded > 0 || downloaded > 0)) {
        r->tlsChecked = true;
        if (Result<void> ok = r->checkTls(); !ok) {
            r->tlsFailure = ok.error();
            return 1;
        }
    }
    if (uploaded - r->reported >= kProgressStep || (uploaded == r->task->request.length && uploaded != r->reported)) {
        r->reported = uploaded;
        r->report(uploaded);
    }
    return 0;
}

QByteArray pemChain(const QList<QSslCertificate> &chain)
{
    QByteArray pem;
    for (const QSslCertificate &c : chain)
        pem += c.toPem();
    return pem;
}

// The policy's suites as OpenSSL names: TLS 1.2 suites for the cipher list, TLS 1.3 apart.
QPair<QByteArray, QByteArray> cipherLists()
{
    QByteArrayList tls12;
    QByteArrayList tls13;
    for (const QSslCipher &c : crypto::TlsPolicy::allowedCiphers())
        (c.protocol() == QSsl::TlsV1_3 ? tls13 : tls12).append(c.name().toLatin1());
    return {tls12.join(':'), tls13.join(':')};
}

// A handshake that failed because the connection broke (libcurl says CURLE_SSL_CONNECT_ERROR for
// both) is a network failure worth retrying; a refused handshake is a TLS failure.
bool brokenConnection(const QString &detail)
{
    static const char *const kSocketFailures[] = {
        "Recv failure", "Send failure", "Connection reset", "SSL_ERROR_SYSCALL", "unexpected eof", "Broken pipe"};
    for (const char *s : kSocketFailures) {
        if (detail.contains(QLatin1String(s), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

Error transferError(CURLcode code, const char *detail, const QString &host)
{
    const QString text = QString::fromUtf8(detail[0] ? detail : curl_easy_strerror(code));
    switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
        return Error(brokenConnection(text) ? ErrorCode::NetworkUnavailable : ErrorCode::TlsFailure, text, host);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
        return Error(ErrorCode::TlsFailure, text, host);
    case CURLE_OPERATION_TIMEDOUT:
        return Error(ErrorCode::NetworkUnavailable, QStringLiteral("no data for too long: %1").arg(text), host);
    default:
        return Error(ErrorCode::NetworkUnavailable, text, host);
    }
}

} // namespace

struct BulkUploader::Shared
{
    BulkIdentity identity;
    QByteArray anchorPem;
    QByteArray chainPem;
    QByteArray keyPem;
    QByteArray ciphers12;
    QByteArray ciphers13;
    CURL *curl = nullptr;

    std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::shared_ptr<Task>> queue;
    std::shared_ptr<Task> current;
    bool stopping = false;
    std::thread thread;

    ~Shared() { OPENSSL_cleanse(keyPem.data(), size_t(keyPem.size())); }

    void run(const QPointer<QObject> &owner);
    BulkOutcome perform(Task &task, const QPointer<QObject> &owner);
    Result<void> configure(const BulkPut &request);
    Result<void> checkNegotiated();
};

BulkUploader::BulkUploader(BulkIdentity identity, QObject *parent)
    : QObject(parent), m_shared(std::make_shared<Shared>())
{
    initCurlOnce();
    Shared &s = *m_shared;
    s.identity = std::move(identity);
    s.anchorPem = s.identity.anchor.toPem();
    s.chainPem = pemChain(s.identity.chain);
    s.keyPem = s.identity.chain.isEmpty() ? QByteArray() : s.identity.key.toPem();
    std::tie(s.ciphers12, s.ciphers13) = cipherLists();
    s.thread = std::thread([shared = m_shared, owner = QPointer<QObject>(this)] { shared->run(owner); });
}

BulkUploader::~BulkUploader()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
        for (const auto &t : m_shared->queue)
            t->cancelled->store(true);
        if (m_shared->current)
            m_shared->current->cancelled->store(true);
    }
    m_shared->wake.notify_all();
    m_shared->thread.join();
}

bool BulkUploader::isIdle() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->queue.empty() && !m_shared->current;
}

std::function<void()> BulkUploader::put(BulkPut request, Progress progress, Done done)
{
    auto task = std::make_shared<Task>();
    task->request = std::move(request);
    task->progress = std::move(progress);
    task->done = std::move(done);
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->queue.push_back(task);
    }
    m_shared->wake.notify_all();
    return [cancelled = task->cancelled] {
        cancelled->store(true);
    };
}

void BulkUploader::Shared::run(const QPointer<QObject> &owner)
{
    curl = curl_easy_init();
    for (;;) {
        std::shared_ptr<Task> task;
        {
            std::unique_lock lock(mutex);
            wake.wait(lock, [this] { return stopping || !queue.empty(); });
            if (queue.empty())
                break;
            task = queue.front();
            queue.pop_front();
            current = task;
        }
        BulkOutcome outcome = perform(*task, owner);
        {
            std::lock_guard lock(mutex);
            current.reset();
        }
        // Delivered in the owner's thread; dropped by Qt if the owner is gone by then.
        if (owner) {
            QMetaObject::invokeMethod(
                owner.data(),
                [task, outcome = std::move(outcome)]() mutable { task->done(std::move(outcome)); },
                Qt::QueuedConnection);
        }
    }
    if (curl)
        curl_easy_cleanup(curl);
    curl = nullptr;
}

Result<void> BulkUploader::Shared::configure(const BulkPut &request)
{
    const curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    if (!info->ssl_version || !QByteArray(info->ssl_version).startsWith("OpenSSL"))
        return Error(ErrorCode::TlsFailure,
                     QStringLiteral("libcurl is built on %1, not OpenSSL: the TLS policy cannot be checked")
                         .arg(QString::fromLatin1(info->ssl_version ? info->ssl_version : "no TLS library")));
    const auto blob = [](const QByteArray &bytes) {
        curl_blob b {};
        b.data = const_cast<char *>(bytes.constData());
        b.len = size_t(bytes.size());
        b.flags = CURL_BLOB_COPY;
        return b;
    };
    curl_blob anchor = blob(anchorPem);
    const QByteArray url = request.url.toEncoded();
    const int idleSeconds = qMax(1, identity.idleTimeoutMs / 1000);
    bool ok = curl_easy_setopt(curl, CURLOPT_URL, url.constData()) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https") == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_PROXY, "") == CURLE_OK // never a proxy from the environment
        && curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_CAINFO, nullptr) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_CAPATH, nullptr) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &anchor) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2)) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_SSL_CIPHER_LIST, ciphers12.constData()) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(identity.idleTimeoutMs)) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, long(idleSeconds)) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L) == CURLE_OK &&
        curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(request.length)) == CURLE_OK;
    // Some OpenSSL builds refuse a TLS 1.3 list they do not know; TLS 1.3 suites are all AEAD.
    if (ok && !ciphers13.isEmpty())
        curl_easy_setopt(curl, CURLOPT_TLS13_CIPHERS, ciphers13.constData());
    if (ok && !chainPem.isEmpty()) {
        curl_blob cert = blob(chainPem);
        curl_blob key = blob(keyPem);
        ok = curl_easy_setopt(curl, CURLOPT_SSLCERTTYPE, "PEM") == CURLE_OK &&
            curl_easy_setopt(curl, CURLOPT_SSLCERT_BLOB, &cert) == CURLE_OK &&
            curl_easy_setopt(curl, CURLOPT_SSLKEYTYPE, "PEM") == CURLE_OK &&
            curl_easy_setopt(curl, CURLOPT_SSLKEY_BLOB, &key) == CURLE_OK;
    }
    if (!ok)
        return Error(ErrorCode::TlsFailure, QStringLiteral("libcurl refused the TLS settings"));
    return {};
}

// After the handshake: the negotiated protocol and suite, from OpenSSL itself.
Result<void> BulkUploader::Shared::checkNegotiated()
{
    const curl_tlssessioninfo *session = nullptr;
    if (curl_easy_getinfo(curl, CURLINFO_TLS_SSL_PTR, &session) != CURLE_OK || !session ||
        session->backend != CURLSSLBACKEND_OPENSSL || !session->internals)
        return Error(ErrorCode::TlsFailure, QStringLiteral("the TLS session cannot be inspected"));
    const SSL *ssl = static_cast<const SSL *>(session->internals);
    const int version = SSL_version(ssl);
    if (version != TLS1_2_VERSION && version != TLS1_3_VERSION)
        return Error(ErrorCode::TlsFailure,
                     QStringLiteral("the server negotiated %1").arg(QString::fromLatin1(SSL_get_version(ssl))));
    const QString cipher = QString::fromLatin1(SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)));
    for (const QSslCipher &c : crypto::TlsPolicy::allowedCiphers()) {
        if (c.name() == cipher)
            return {};
    }
    return Error(ErrorCode::TlsFailure,
                 QStringLiteral("the server negotiated a cipher suite outside policy: %1").arg(cipher));
}

BulkOutcome BulkUploader::Shared::perform(Task &task, const QPointer<QObject> &owner)
{
    const QString host = task.request.url.authority();
    BulkOutcome failed;
    if (task.cancelled->load()) {
        failed.failure = Error(ErrorCode::Cancelled, QStringLiteral("upload cancelled"));
        return failed;
    }
    if (!curl) {
        failed.failure = Error(ErrorCode::NetworkUnavailable, QStringLiteral("libcurl could not start"));
        return failed;
    }
    QFile file(task.request.filePath);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(task.request.offset) ||
        file.size() < task.request.offset + task.request.length) {
        failed.failure =
            Error(ErrorCode::FileUnreadable,
                  file.errorString().isEmpty() ? QStringLiteral("shorter than the range to send") : file.errorString(),
                  task.request.filePath);
        return failed;
    }
    if (Result<void> ok = configure(task.request); !ok) {
        failed.failure = ok.error();
        return failed;
    }

    Running r;
    r.task = &task;
    r.file = &file;
    r.checkTls = [this] {
        return checkNegotiated();
    };
    r.report = [&task, owner](qint64 sent) {
        if (owner && task.progress) {
            QMetaObject::invokeMethod(
                owner.data(),
                [progress = task.progress, sent, total = task.request.length] { progress(sent, total); },
                Qt::QueuedConnection);
        }
    };
    curl_slist *headers = curl_slist_append(nullptr, "Expect:"); // no 100-continue round trip
    headers = curl_slist_append(headers, "Accept: application/json, application/problem+json");
    if (!task.request.contentType.isEmpty())
        headers = curl_slist_append(headers, ("Content-Type: " + task.request.contentType).constData());
    for (const auto &h : task.request.headers)
        headers = curl_slist_append(headers, (h.first + ": " + h.second).constData());
    char detail[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readBody);
    curl_easy_setopt(curl, CURLOPT_READDATA, &r);
    curl_easy_setopt(curl, CURLOPT_SEEKFUNCTION, seekBody);
    curl_easy_setopt(curl, CURLOPT_SEEKDATA, &r);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, writeAnswer);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, headerLine);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, transferInfo);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &r);

    const CURLcode code = curl_easy_perform(curl);
    // Nothing of this transfer may outlive it inside the reused handle.
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    curl_slist_free_all(headers);

    BulkOutcome &out = r.outcome;
    if (task.cancelled->load()) {
        out.failure = Error(ErrorCode::Cancelled, QStringLiteral("upload cancelled"));
        return std::move(out);
    }
    if (r.fileFailed) {
        out.failure = Error(ErrorCode::FileUnreadable, file.errorString(), task.request.filePath);
        return std::move(out);
    }
    if (r.oversized) {
        out.failure = Error(ErrorCode::BadServerResponse,
                            QStringLiteral("an answer larger than %1 bytes").arg(task.request.maxAnswerBytes),
                            host);
        return std::move(out);
    }
    if (code == CURLE_OK && !r.tlsChecked) {
        if (Result<void> ok = checkNegotiated(); !ok)
            r.tlsFailure = ok.error();
    }
    if (r.tlsFailure.code() != ErrorCode::None) {
        out.status = 0;
        out.failure = r.tlsFailure.withSubject(host);
        return std::move(out);
    }
    if (code != CURLE_OK) {
        out.status = 0;
        out.failure = transferError(code, detail, host);
        out.networkFailure = out.failure.code() == ErrorCode::NetworkUnavailable;
        return std::move(out);
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    out.status = int(status);
    return std::move(out);
}

} // namespace haip::platform
