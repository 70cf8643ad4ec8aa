// ApiClient's bulk transport (BulkUploader, libcurl) against the real haip-platform: a file range
// arrives byte for byte with progress up to its length; a server whose certificate is not from the
// pinned CA is refused; a server that never answers times out as a retryable network failure; an
// abort stops the transfer at once; a revoked session's 401 reaches sessionRejected like any
// other request's.
#include "EchoService.h"
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "platform/ApiClient.h"
#include "platform/JobClient.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace haip;
using namespace haip::platform;
using namespace Qt::StringLiterals;
using haip::test::PlatformLogin;
using haip::test::PlatformProcess;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr qint64 kPayload = 3 * 1024 * 1024 + 12345; // not a multiple of anything
constexpr qint64 kPrefix = 4099; // the range starts inside the file

ApiRequestSpec putRange(const QString &path, const QString &file, qint64 offset, qint64 length)
{
    ApiRequestSpec spec;
    spec.method = QByteArrayLiteral("PUT");
    spec.path = path;
    spec.bodyFile = file;
    spec.bodyOffset = offset;
    spec.bodySize = length;
    spec.contentType = QByteArrayLiteral("application/octet-stream");
    spec.headers.append(
        {QByteArrayLiteral("Content-Range"), u"bytes 0-%1/%2"_s.arg(length - 1).arg(length).toLatin1()});
    return spec;
}

bool waitFor(ApiReply *reply, int ms = kTimeoutMs)
{
    return reply->isFinished() || QSignalSpy(reply, &ApiReply::finished).wait(ms);
}

} // namespace

class TestBulkUpload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rangeArrivesByteForByte();
    void certificateFromAnotherCaRefused();
    void silentServerTimesOut();
    void abortStopsAtOnce();
    void revokedSessionReported();

private:
    QString createJob(ApiClient &api, qint64 size);

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformProcess> m_platform;
    std::unique_ptr<PlatformLogin> m_login;
    test::Session m_session;
    std::unique_ptr<ApiClient> m_api;
    QString m_file;
    QByteArray m_expected;
    QTcpServer m_silent; // accepts connections and never says a word
    QList<QTcpSocket *> m_held;
};

void TestBulkUpload::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString state = m_dir.filePath(u"state"_s);
    QVERIFY(PlatformProcess::init(state));
    QVERIFY(test::installEchoService(state));
    m_platform = std::make_unique<PlatformProcess>(state);
    const Result<void> started = m_platform->start({u"--no-workers"_s});
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    m_login = std::make_unique<PlatformLogin>(*m_platform);
    QString why;
    m_session = m_login->login(u"yamada"_s, &why);
    QVERIFY2(m_session.client, qPrintable(why));
    m_api = std::make_unique<ApiClient>(PlatformEndpoint {m_platform->url(), m_platform->pin(), {}});
    m_api->setClientCertificate(m_session.chain, m_session.key.privateKey());

    // The file: a prefix that must not be sent, the payload, a tail that must not be sent either.
    QByteArray bytes(kPrefix + kPayload + 777, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    m_expected = bytes.mid(kPrefix, kPayload);
    m_file = m_dir.filePath(u"payload.bin"_s);
    QFile f(m_file);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());

    QVERIFY(m_silent.listen(QHostAddress::LocalHost));
    connect(&m_silent, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_silent.nextPendingConnection())
            m_held.append(s);
    });
}

void TestBulkUpload::cleanupTestCase()
{
    m_api.reset();
    if (m_platform)
        m_platform->stop();
}

QString TestBulkUpload::createJob(ApiClient &api, qint64 size)
{
    JobClient jobs(api);
    JobRequestSpec request;
    request.serviceId = QLatin1String(test::kEchoService);
    request.clientRequestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.payloadSize = size;
    std::optional<Result<JobStatus>> answer;
    jobs.create(request, [&](Result<JobStatus> s) { answer = std::move(s); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, kTimeoutMs) || !*answer)
        return {};
    return (*answer)->jobId;
}

void TestBulkUpload::rangeArrivesByteForByte()
{
    const QString jobId = createJob(*m_api, kPayload);
    QVERIFY(!jobId.isEmpty());
    std::unique_ptr<ApiReply> reply(
        m_api->send(putRange(u"/v1/jobs/%1/payload"_s.arg(jobId), m_file, kPrefix, kPayload)));
    QList<qint64> sent;
    connect(reply.get(), &ApiReply::uploadProgress, this, [&](qint64 s, qint64 total) {
        QCOMPARE(total, kPayload);
        sent.append(s);
    });
    QVERIFY(waitFor(reply.get()));
    QVERIFY2(reply->result(), qPrintable(reply->result() ? QString() : reply->result().error().detail()));
    QCOMPARE(reply->httpStatus(), 200);
    Result<QJsonObject> body = reply->result()->json();
    QVERIFY(body);
    QCOMPARE(qint64(body->value(u"receivedBytes"_s).toDouble()), kPayload);
    QFile stored(m_platform->statePath(u"jobs/%1/payload.bin"_s.arg(jobId)));
    QVERIFY(stored.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(stored.readAll(), QCryptographicHash::Sha256),
             QCryptographicHash::hash(m_expected, QCryptographicHash::Sha256));
    // Progress: several reports, never backwards, ending at the length.
    QVERIFY2(sent.size() >= 2, qPrintable(u"%1 progress reports"_s.arg(sent.size())));
    QVERIFY(std::is_sorted(sent.begin(), sent.end()));
    QCOMPARE(sent.last(), kPayload);
}

void TestBulkUpload::certificateFromAnotherCaRefused()
{
    // A second installation's CA, pinned and given as the anchor: the running platform's
    // certificate does not chain to it, so libcurl's own verification must refuse it.
    const QString other = m_dir.filePath(u"other"_s);
    Result<QByteArray> otherPin = PlatformProcess::init(other);
    QVERIFY(otherPin);
    const QList<QSslCertificate> otherCa = PlatformProcess(other).caCandidates();
    QVERIFY(!otherCa.isEmpty());
    ApiClient api(PlatformEndpoint {m_platform->url(), *otherPin, otherCa});
    api.setClientCertificate(m_session.chain, m_session.key.privateKey());
    std::unique_ptr<ApiReply> reply(api.send(putRange(u"/v1/jobs/x/payload"_s, m_file, 0, 1024)));
    QVERIFY(waitFor(reply.get()));
    QVERIFY(!reply->result());
    QCOMPARE(reply->result().error().code(), ErrorCode::TlsFailure);
    QVERIFY2(reply->result().error().detail().contains(u"certificate"_s), qPrintable(reply->result().error().detail()));
    QVERIFY(!reply->isTransient());
    QCOMPARE(reply->httpStatus(), 0);
}

void TestBulkUpload::silentServerTimesOut()
{
    QUrl url = m_platform->url();
    url.setPort(m_silent.serverPort());
    ApiClientOptions options;
    options.idleTimeoutMs = 1000;
    ApiClient api(PlatformEndpoint {url, m_platform->pin(), m_platform->caCandidates()}, options);
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<ApiReply> reply(api.send(putRange(u"/v1/jobs/x/payload"_s, m_file, 0, 1024)));
    QVERIFY(waitFor(reply.get(), 15000));
    QVERIFY(!reply->result());
    QCOMPARE(reply->result().error().code(), ErrorCode::NetworkUnavailable);
    QVERIFY2(reply->result().error().detail().contains(u"no data for too long"_s),
             qPrintable(reply->result().error().detail()));
    QVERIFY(reply->isTransient());
    QVERIFY2(timer.elapsed() < 8000, qPrintable(u"gave up after %1 ms"_s.arg(timer.elapsed())));
    QVERIFY(!m_held.isEmpty()); // it did connect: the silence was the server's
}

void TestBulkUpload::abortStopsAtOnce()
{
    QUrl url = m_platform->url();
    url.setPort(m_silent.serverPort());
    ApiClient api(PlatformEndpoint {url, m_platform->pin(), m_platform->caCandidates()});
    std::unique_ptr<ApiReply> reply(api.send(putRange(u"/v1/jobs/x/payload"_s, m_file, 0, 1024)));
    QTest::qWait(300);
    QVERIFY(!reply->isFinished());
    QElapsedTimer timer;
    timer.start();
    reply->abort();
    QVERIFY(waitFor(reply.get(), 5000));
    QCOMPARE(reply->result().error().code(), ErrorCode::Cancelled);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(u"stopped after %1 ms"_s.arg(timer.elapsed())));
}

void TestBulkUpload::revokedSessionReported()
{
    QString why;
    test::Session s = m_login->login(u"yamada"_s, &why);
    QVERIFY2(s.client, qPrintable(why));
    ApiClient api(PlatformEndpoint {m_platform->url(), m_platform->pin(), {}});
    api.setClientCertificate(s.chain, s.key.privateKey());
    const QString jobId = createJob(api, kPayload);
    QVERIFY(!jobId.isEmpty());
    QCOMPARE(s.client->post(u"/v1/auth/logout"_s, {}).status, 204);
    QSignalSpy rejected(&api, &ApiClient::sessionRejected);
    std::unique_ptr<ApiReply> reply(api.send(putRange(u"/v1/jobs/%1/payload"_s.arg(jobId), m_file, 0, 4096)));
    QVERIFY(waitFor(reply.get()));
    QCOMPARE(reply->httpStatus(), 401);
    QCOMPARE(reply->result().error().code(), ErrorCode::SessionExpired);
    QCOMPARE(rejected.size(), 1);
}

QTEST_GUILESS_MAIN(TestBulkUpload)
#include "TestBulkUpload.moc"
