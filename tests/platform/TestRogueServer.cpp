// TestRogueServer: the workstation's API client (core/platform ApiClient, JobClient, ResultOpener)
// against servers that lie. TLS: a self-signed certificate, a proper certificate from a CA that is
// not the pinned one, and an OpenSSL `s_server` that offers only TLS 1.0 or 1.1 (checked first with
// `s_client` to really speak it). Inside a valid, pinned TLS session (RogueServer with the
// platform's own certificate): a catalog signed by another key, a result sealed to someone else,
// and hostile answers — deep nesting, gigantic numbers, oversized fields and bodies, wrong types,
// broken UTF-8, truncation, a malformed problem document. Every case is refused with a clear
// error naming what was wrong, and the same client then works with an honest answer.
#include "CatalogTestKit.h"
#include "PlatformProcess.h"
#include "RogueServer.h"
#include "TestSupport.h"
#include "crypto/ResponseWriter.h"
#include "crypto/SigningKey.h"
#include "crypto/TlsPolicy.h"
#include "platform/ApiClient.h"
#include "platform/JobClient.h"
#include "platform/MultipartWriter.h"
#include "platform/PayloadSealer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::platform;
using haip::test::RogueServer;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kGoodJob = u"3f1c2a9e7b4d4c1e9a0f5d6e7f8a9b0c"_s;

const QByteArray kJson = "application/json";
// A job status as the platform words it (docs/api/openapi.yaml, JobStatus).
const QByteArray kHonestStatus = R"({"jobId":"3f1c2a9e7b4d4c1e9a0f5d6e7f8a9b0c","state":"IN PROGRESS","progress":10,)"
                                 R"("serviceId":"conformance-echo","upload":{"chunkSize":4194304,)"
                                 R"("maxChunkSize":16777216,"totalBytes":100,"receivedBytes":100,"committed":true}})";

QSslKey readKey(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray pem = f.readAll();
    QSslKey key(pem, QSsl::Ec);
    return key.isNull() ? QSslKey(pem, QSsl::Rsa) : key;
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

class TestRogueServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void foreignCertificateRefused_data();
    void foreignCertificateRefused();
    void legacyTlsRefused_data();
    void legacyTlsRefused();
    void hostileAnswerRefused_data();
    void hostileAnswerRefused();
    void catalogSignedByAnotherKeyRefused();
    void resultSealedToSomeoneElseRefused();

private:
    Result<JobStatus> statusFrom(ApiClient &api, const QString &jobId);
    std::unique_ptr<RogueServer> pinnedRogue();
    std::unique_ptr<ApiClient> clientFor(quint16 port);

    QTemporaryDir m_dir;
    QString m_state;
    QByteArray m_caPin;
    QList<QSslCertificate> m_chain; // the platform's, issued by the pinned CA
    QSslKey m_key;
};

void TestRogueServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_state = m_dir.filePath(u"state"_s);
    Result<QByteArray> init = test::PlatformProcess::init(m_state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_state + u"/tls/ca.pem"_s);
    QCOMPARE(ca.size(), 1);
    m_caPin = crypto::TlsPolicy::spkiSha256(ca.front());
    m_chain = QSslCertificate::fromPath(m_state + u"/tls/server.pem"_s);
    QVERIFY(m_chain.size() >= 2);
    m_key = readKey(m_state + u"/tls/server.key"_s);
    QVERIFY(!m_key.isNull());
}

std::unique_ptr<ApiClient> TestRogueServer::clientFor(quint16 port)
{
    ApiClientOptions options;
    options.idleTimeoutMs = 5000;
    return std::make_unique<ApiClient>(PlatformEndpoint {QUrl(u"https://127.0.0.1:%1"_s.arg(port)), m_caPin, {}},
                                       options);
}

std::unique_ptr<RogueServer> TestRogueServer::pinnedRogue()
{
    auto rogue = std::make_unique<RogueServer>(m_chain, m_key);
    rogue->answer(u"/v1/jobs/3f1c2a9e7b4d4c1e9a0f5d6e7f8a9b0c"_s, RogueServer::http(200, kJson, kHonestStatus));
    return rogue;
}

Result<JobStatus> TestRogueServer::statusFrom(ApiClient &api, const QString &jobId)
{
    JobClient jobs(api);
    std::optional<Result<JobStatus>> answer;
    jobs.status(jobId, [&](Result<JobStatus> s) { answer = std::move(s); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, kTimeoutMs))
        return Error(ErrorCode::Internal, u"no answer: the client hung"_s);
    return *answer;
}

void TestRogueServer::foreignCertificateRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("self-signed") << u"self-signed"_s;
    QTest::newRow("issued by another CA") << u"other-ca"_s;
}

void TestRogueServer::foreignCertificateRefused()
{
    QFETCH(QString, kind);
    QList<QSslCertificate> chain;
    QSslKey key;
    if (kind == u"self-signed"_s) {
        // Everything a certificate for 127.0.0.1 should have, except the pinned CA.
        const QString cert = m_dir.filePath(u"self.pem"_s);
        const QString keyPath = m_dir.filePath(u"self.key"_s);
        const test::ProcessResult r = test::run(u"openssl"_s,
                                                {u"req"_s,
                                                 u"-x509"_s,
                                                 u"-newkey"_s,
                                                 u"ec"_s,
                                                 u"-pkeyopt"_s,
                                                 u"ec_paramgen_curve:P-256"_s,
                                                 u"-nodes"_s,
                                                 u"-days"_s,
                                                 u"30"_s,
                                                 u"-subj"_s,
                                                 u"/CN=127.0.0.1"_s,
                                                 u"-addext"_s,
                                                 u"subjectAltName=IP:127.0.0.1"_s,
                                                 u"-keyout"_s,
                                                 keyPath,
                                                 u"-out"_s,
                                                 cert});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        chain = QSslCertificate::fromPath(cert);
        key = readKey(keyPath);
    } else {
        // A whole second platform: its certificate chain is proper, its CA is not the pinned one.
        const QString other = m_dir.filePath(u"other-state"_s);
        QVERIFY(test::PlatformProcess::init(other));
        chain = QSslCertificate::fromPath(other + u"/tls/server.pem"_s);
        key = readKey(other + u"/tls/server.key"_s);
    }
    QVERIFY(!chain.isEmpty() && !key.isNull());
    RogueServer rogue(chain, key);
    rogue.answer(u"/"_s, RogueServer::http(200, kJson, kHonestStatus));
    QVERIFY(rogue.listenLocal());
    std::unique_ptr<ApiClient> api = clientFor(rogue.serverPort());
    const Result<JobStatus> s = statusFrom(*api, kGoodJob);
    QVERIFY2(!s, "a server outside the pinned CA was believed");
    QVERIFY2(s.error().code() == ErrorCode::KeyPinMismatch || s.error().code() == ErrorCode::TlsFailure,
             qPrintable(s.error().codeName() + u": "_s + s.error().detail()));
    QVERIFY(!s.error().message().isEmpty());
    QCOMPARE(rogue.requests(), 0); // not one request line reached it
}

void TestRogueServer::legacyTlsRefused_data()
{
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("protocol");
    QTest::newRow("TLS 1.0") << u"-tls1"_s << u"TLSv1"_s;
    QTest::newRow("TLS 1.1") << u"-tls1_1"_s << u"TLSv1.1"_s;
}

void TestRogueServer::legacyTlsRefused()
{
    QFETCH(QString, flag);
    QFETCH(QString, protocol);
    const QString openssl = test::findTool(u"openssl"_s);
    QVERIFY2(!openssl.isEmpty(), "openssl (Debian package openssl) is missing");
    const quint16 port = freePort();
    QVERIFY(port > 0);
    // The platform's own certificate, offered only over the old protocol (security level 0 lets
    // OpenSSL 3 speak it at all).
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(openssl,
                 {u"s_server"_s,
                  u"-accept"_s,
                  u"127.0.0.1:%1"_s.arg(port),
                  flag,
                  u"-cipher"_s,
                  u"DEFAULT:@SECLEVEL=0"_s,
                  u"-cert"_s,
                  m_state + u"/tls/server.pem"_s,
                  u"-key"_s,
                  m_state + u"/tls/server.key"_s,
                  u"-www"_s});
    QVERIFY(server.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return server.readAll().contains("ACCEPT") || server.state() != QProcess::Running; },
                            kTimeoutMs));
    QCOMPARE(server.state(), QProcess::Running);

    // An independent client proves the server really speaks the old protocol …
    QProcess client;
    client.start(
        openssl,
        {u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(port), flag, u"-cipher"_s, u"DEFAULT:@SECLEVEL=0"_s});
    client.closeWriteChannel();
    QVERIFY(client.waitForFinished(kTimeoutMs));
    const QByteArray said = client.readAllStandardOutput();
    QVERIFY2(said.contains("Protocol  : " + protocol.toLatin1() + "\n"), said.constData());

    // … and ours refuses it.
    std::unique_ptr<ApiClient> api = clientFor(port);
    const Result<JobStatus> s = statusFrom(*api, kGoodJob);
    server.kill();
    server.waitForFinished();
    QVERIFY2(!s, "a TLS 1.0/1.1 server was accepted");
    QVERIFY2(s.error().code() == ErrorCode::TlsFailure || s.error().code() == ErrorCode::KeyPinMismatch,
             qPrintable(s.error().codeName() + u": "_s + s.error().detail()));
    QVERIFY(!s.error().message().isEmpty());
}

void TestRogueServer::hostileAnswerRefused_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<ErrorCode>("code");
    const auto ok = [](const QByteArray &body) {
        return RogueServer::http(200, kJson, body);
    };
    QTest::newRow("100 000 nested arrays") << ok(QByteArray(100'000, '[')) << ErrorCode::BadServerResponse;
    QTest::newRow("5 000 nested objects")
        << ok(QByteArray("{\"a\":").repeated(5000) + "1" + QByteArray(5000, '}')) << ErrorCode::BadServerResponse;
    QTest::newRow("gigantic number") << ok(R"({"jobId":"x","state":"RUNNING","progress":1e999999})")
                                     << ErrorCode::BadServerResponse;
    QTest::newRow("number of 400 digits")
        << ok(R"({"jobId":"x","state":"RUNNING","progress":)" + QByteArray(400, '9') + "}")
        << ErrorCode::BadServerResponse;
    QTest::newRow("6 MiB field") << ok(R"({"jobId":")" + QByteArray(6 * 1024 * 1024, 'a') + R"(","state":"RUNNING"})")
                                 << ErrorCode::BadServerResponse;
    QTest::newRow("10 GiB announced") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                    "Content-Length: 10737418240\r\nConnection: close\r\n\r\n{")
                                      << ErrorCode::BadServerResponse;
    QTest::newRow("truncated body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                  "Content-Length: 5000\r\nConnection: close\r\n\r\n{\"jobId\":")
                                    << ErrorCode::NetworkUnavailable;
    QTest::newRow("HTML instead of JSON")
        << RogueServer::http(200, "text/html", "<html><script>alert(1)</script></html>")
        << ErrorCode::BadServerResponse;
    QTest::newRow("top-level array") << ok("[1,2,3]") << ErrorCode::BadServerResponse;
    QTest::newRow("wrong member types") << ok(R"({"jobId":5,"state":[],"progress":"lots"})")
                                        << ErrorCode::BadServerResponse;
    QTest::newRow("broken UTF-8") << ok("{\"jobId\":\"\xff\xfe\xc0\x80\",\"state\":\"RUNNING\"}")
                                  << ErrorCode::BadServerResponse;
    QTest::newRow("malformed problem document")
        << RogueServer::http(400,
                             "application/problem+json",
                             R"({"type":{"x":1},"status":99999,"detail":")" + QByteArray(100'000, 'd') + "\"}")
        << ErrorCode::InvalidArgument; // what a 400 means, the document itself dropped
}

void TestRogueServer::hostileAnswerRefused()
{
    QFETCH(QByteArray, raw);
    QFETCH(ErrorCode, code);
    std::unique_ptr<RogueServer> rogue = pinnedRogue();
    rogue->answer(u"/v1/jobs/hostile"_s, raw);
    QVERIFY(rogue->listenLocal());
    std::unique_ptr<ApiClient> api = clientFor(rogue->serverPort());
    const Result<JobStatus> refused = statusFrom(*api, u"hostile"_s);
    QVERIFY2(!refused, "a hostile answer was taken");
    QVERIFY2(refused.error().code() == code,
             qPrintable(refused.error().codeName() + u": "_s + refused.error().detail()));
    QVERIFY(!refused.error().message().isEmpty());
    QVERIFY2(refused.error().detail().size() < 2000, "the error repeats the hostile bytes");
    // The same client then takes an honest answer.
    const Result<JobStatus> honest = statusFrom(*api, kGoodJob);
    QVERIFY2(honest, honest ? "" : qPrintable(honest.error().detail()));
    QCOMPARE(honest->jobId, kGoodJob);
}

void TestRogueServer::catalogSignedByAnotherKeyRefused()
{
    Result<crypto::SpkiPin> pin = test::catalogPin(m_state);
    QVERIFY(pin);
    Result<crypto::SigningKey> other = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Es256);
    QVERIFY(other);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject signedCatalog = test::signCatalog(test::referenceCatalogPayload(now, now.addDays(1)), *other);
    std::unique_ptr<RogueServer> rogue = pinnedRogue();
    rogue->answer(u"/v1/catalog"_s, RogueServer::http(200, kJson, QJsonDocument(signedCatalog).toJson()));
    QVERIFY(rogue->listenLocal());
    std::unique_ptr<ApiClient> api = clientFor(rogue->serverPort());
    JobClient jobs(*api);
    std::optional<Result<Catalog>> catalog;
    jobs.fetchCatalog(*pin, [&](Result<Catalog> c) { catalog = std::move(c); });
    QTRY_VERIFY_WITH_TIMEOUT(catalog.has_value(), kTimeoutMs);
    QVERIFY2(!*catalog, "a catalog signed by another key was believed");
    QCOMPARE(catalog->error().code(), ErrorCode::KeyPinMismatch);
}

void TestRogueServer::resultSealedToSomeoneElseRefused()
{
    // A result sealed, properly, to another requester's response key.
    const auto randomBytes = [](int n) {
        QByteArray b(n, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(b.data()), n / 4);
        return b;
    };
    const crypto::ResponseKey someoneElse(
        crypto::AeadId::Aes256Gcm, randomBytes(32), crypto::SecureBuffer::fromBytes(randomBytes(32)));
    const crypto::ResponseKey mine(
        crypto::AeadId::Aes256Gcm, randomBytes(32), crypto::SecureBuffer::fromBytes(randomBytes(32)));
    Result<crypto::ResponseWriter> writer = crypto::ResponseWriter::create(someoneElse);
    QVERIFY(writer);
    MultipartPartHeaders json;
    json.contentType = multipart::JsonType;
    json.contentLocation = u"findings.json"_s;
    const QByteArray entity = MultipartWriter::write({{json, QByteArray(R"({"findings":[]})")}});
    QByteArray sealed;
    QVERIFY(writer->update(entity, sealed));
    QVERIFY(writer->finish(sealed));

    const QByteArray sha = QCryptographicHash::hash(sealed, QCryptographicHash::Sha256).toHex();
    std::unique_ptr<RogueServer> rogue = pinnedRogue();
    rogue->answer(u"/v1/jobs/j1/result"_s, RogueServer::http(200, "application/octet-stream", sealed));
    QVERIFY(rogue->listenLocal());
    std::unique_ptr<ApiClient> api = clientFor(rogue->serverPort());
    JobClient jobs(*api);
    JobStatus completed;
    completed.jobId = u"j1"_s;
    completed.state = u"COMPLETED"_s;
    completed.resultSize = sealed.size();
    completed.resultSha256 = QString::fromLatin1(sha);
    const QString path = m_dir.filePath(u"rogue.result"_s);
    std::optional<Result<void>> downloaded;
    jobs.downloadResult(completed, path, [&](Result<void> r) { downloaded = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(downloaded.has_value(), kTimeoutMs);
    QVERIFY2(*downloaded, "the download itself is fine: size and digest match what the job named");
    // Opening it is where it fails: only the key of our own request opens our result.
    const Result<MultipartMessage> opened = ResultOpener::openResult(path, mine);
    QVERIFY2(!opened, "a result sealed to someone else was opened");
    QVERIFY2(opened.error().code() == ErrorCode::EnvelopeWrongKey ||
                 opened.error().code() == ErrorCode::EnvelopeCorrupt,
             qPrintable(opened.error().codeName()));
    QVERIFY(!opened.error().message().isEmpty());
}

QTEST_GUILESS_MAIN(TestRogueServer)
#include "TestRogueServer.moc"
