// The API server's limits against the real haip-platform over TLS: unknown routes (404/405),
// malformed JSON (400), bodies over the limit refused from Content-Length before they are read
// (413, also with Expect: 100-continue), oversized headers (431), transfer codings (411), slow
// headers and bodies (408), stalled TLS handshakes, and the per-client rate limit (429 +
// Retry-After). After each refusal the server keeps serving.
#include "ApiTestClient.h"
#include "PlatformProcess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace haip;
using namespace haip::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kHeaderTimeoutMs = 800;
constexpr int kBodyIdleTimeoutMs = 800;

QString problem(const char *name)
{
    return u"https://haip.example.jp/problems/"_s + QLatin1String(name);
}

// One raw exchange over TLS: what came back, and whether/when the server closed the connection.
struct RawAnswer
{
    QByteArray bytes;
    bool closed = false;
    qint64 elapsedMs = 0; // until the first answer byte
    bool encrypted = false;

    int status() const
    {
        const QList<QByteArray> parts = bytes.left(bytes.indexOf("\r\n")).split(' ');
        return parts.size() >= 2 ? parts[1].toInt() : 0;
    }
    // The final answer (after any "100 Continue").
    QByteArray finalAnswer() const
    {
        QByteArray b = bytes;
        while (b.startsWith("HTTP/1.1 100")) {
            const qsizetype end = b.indexOf("\r\n\r\n");
            b = end < 0 ? QByteArray() : b.mid(end + 4);
        }
        return b;
    }
    int finalStatus() const
    {
        const QByteArray b = finalAnswer();
        const QList<QByteArray> parts = b.left(b.indexOf("\r\n")).split(' ');
        return parts.size() >= 2 ? parts[1].toInt() : 0;
    }
    QJsonObject json() const
    {
        const QByteArray b = finalAnswer();
        return QJsonDocument::fromJson(b.mid(b.indexOf("\r\n\r\n") + 4)).object();
    }
};

} // namespace

class TestApiServerLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void unknownRouteIsNotFound();
    void wrongMethodIsNotAllowed();
    void malformedJsonIsBadRequest();
    void oversizedBodyRefusedBeforeItIsRead();
    void oversizedBodyOverHttpClient();
    void expectContinue();
    void oversizedHeaderRefused();
    void transferCodingRefused();
    void slowHeaderTimesOut();
    void slowBodyTimesOut();
    void stalledHandshakeIsClosed();
    void rateLimitAnswersTooManyRequests();

private:
    RawAnswer raw(const QByteArray &request, int waitMs, const QByteArray &stopAfter = {});
    void expectServing();

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformProcess> m_platform;
    std::unique_ptr<ApiTestClient> m_client;
};

void TestApiServerLimits::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<QByteArray> init = PlatformProcess::init(m_dir.filePath(u"state"_s));
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    m_platform = std::make_unique<PlatformProcess>(m_dir.filePath(u"state"_s));
    const Result<void> started = m_platform->start({u"--header-timeout-ms"_s,
                                                    QString::number(kHeaderTimeoutMs),
                                                    u"--body-idle-timeout-ms"_s,
                                                    QString::number(kBodyIdleTimeoutMs),
                                                    u"--public-rate"_s,
                                                    u"5"_s,
                                                    u"--public-burst"_s,
                                                    u"15"_s});
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    m_client = std::make_unique<ApiTestClient>(m_platform->url(), m_platform->clientTls());
}

void TestApiServerLimits::cleanup()
{
    if (QTest::currentTestFailed() && m_platform)
        qWarning().noquote() << m_platform->serverLog();
}

void TestApiServerLimits::expectServing()
{
    QVERIFY(m_platform->isRunning());
    const HttpResult r = m_client->get(u"/v1/health"_s);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
}

RawAnswer TestApiServerLimits::raw(const QByteArray &request, int waitMs, const QByteArray &stopAfter)
{
    RawAnswer answer;
    QSslSocket socket;
    socket.setSslConfiguration(m_platform->clientTls());
    socket.connectToHostEncrypted(u"127.0.0.1"_s, m_platform->port());
    answer.encrypted = socket.waitForEncrypted(5000);
    if (!answer.encrypted)
        return answer;
    QElapsedTimer timer;
    timer.start();
    socket.write(request);
    socket.flush();
    while (timer.elapsed() < waitMs) {
        if (socket.state() != QAbstractSocket::ConnectedState) {
            answer.closed = true;
            break;
        }
        if (socket.waitForReadyRead(50) || socket.bytesAvailable()) {
            if (answer.bytes.isEmpty())
                answer.elapsedMs = timer.elapsed();
            answer.bytes += socket.readAll();
            if (!stopAfter.isEmpty() && answer.bytes.contains(stopAfter))
                break;
        }
    }
    answer.bytes += socket.readAll();
    return answer;
}

void TestApiServerLimits::unknownRouteIsNotFound()
{
    const HttpResult r = m_client->get(u"/v1/no/such/thing"_s);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.problemType(), problem("not-found"));
    QCOMPARE(r.json()[u"status"_s].toInt(), 404);
    QCOMPARE(r.json()[u"instance"_s].toString(), u"/v1/no/such/thing"_s);
    QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
    expectServing();
}

void TestApiServerLimits::wrongMethodIsNotAllowed()
{
    const HttpResult r = m_client->get(u"/v1/auth/challenge"_s);
    QCOMPARE(r.status, 405);
    QCOMPARE(r.problemType(), problem("method-not-allowed"));
    QCOMPARE(r.header("Allow"), QByteArray("POST"));
    expectServing();
}

void TestApiServerLimits::malformedJsonIsBadRequest()
{
    HttpResult r = m_client->send("POST", u"/v1/auth/card"_s, "{\"challengeId\": ");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.problemType(), problem("invalid-argument"));
    QVERIFY2(r.json()[u"detail"_s].toString().contains(u"not valid JSON"_s), qPrintable(r.describe()));
    r = m_client->send("POST", u"/v1/auth/otp"_s, "[1, 2, 3]");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.problemType(), problem("invalid-argument"));
    expectServing();
}

void TestApiServerLimits::oversizedBodyRefusedBeforeItIsRead()
{
    // 100 MiB announced, 1 KiB sent: the answer comes at once, without waiting for the body.
    const QByteArray request = "POST /v1/auth/card HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "Content-Length: 104857600\r\n\r\n" +
        QByteArray(1024, '{');
    const RawAnswer a = raw(request, 5000);
    QVERIFY(a.encrypted);
    QCOMPARE(a.status(), 413);
    QVERIFY2(a.elapsedMs < 1000, qPrintable(QString::number(a.elapsedMs)));
    QCOMPARE(a.json()[u"type"_s].toString(), problem("payload-too-large"));
    QVERIFY(a.bytes.contains("Content-Type: application/problem+json"));
    QVERIFY(a.closed); // after the linger time the server closes the connection
    expectServing();
}

void TestApiServerLimits::oversizedBodyOverHttpClient()
{
    // 1 MiB to a login route that takes 16 KiB, sent whole by the HTTP client.
    const HttpResult r = m_client->send("POST", u"/v1/auth/card"_s, QByteArray(1024 * 1024, ' '));
    QVERIFY2(r.status == 413, qPrintable(r.describe()));
    QCOMPARE(r.problemType(), problem("payload-too-large"));
    expectServing();
}

void TestApiServerLimits::expectContinue()
{
    // Too large: refused before the client sends the body (what Expect is for).
    RawAnswer a = raw("POST /v1/auth/card HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50000000\r\n"
                      "Expect: 100-continue\r\n\r\n",
                      3000,
                      "}");
    QCOMPARE(a.status(), 413);
    // Within the limit: 100 Continue, then the real answer once the body has come.
    const QByteArray body = "{\"loginId\":\"x\",\"code\":\"123456\"}";
    QSslSocket socket;
    socket.setSslConfiguration(m_platform->clientTls());
    socket.connectToHostEncrypted(u"127.0.0.1"_s, m_platform->port());
    QVERIFY(socket.waitForEncrypted(5000));
    socket.write("POST /v1/auth/otp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\nExpect: 100-continue\r\n\r\n");
    QByteArray got;
    QElapsedTimer t;
    t.start();
    while (!got.contains("\r\n\r\n") && t.elapsed() < 3000) {
        socket.waitForReadyRead(100);
        got += socket.readAll();
    }
    QVERIFY2(got.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), got.constData());
    socket.write(body);
    while (!got.contains("}") && t.elapsed() < 5000) {
        socket.waitForReadyRead(100);
        got += socket.readAll();
    }
    RawAnswer final;
    final.bytes = got;
    QCOMPARE(final.finalStatus(), 401); // unknown login: the request itself was processed
    QCOMPARE(final.json()[u"type"_s].toString(), problem("authentication-failed"));
    expectServing();
}

void TestApiServerLimits::oversizedHeaderRefused()
{
    const QByteArray request =
        "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + QByteArray(20 * 1024, 'a') + "\r\n\r\n";
    const RawAnswer a = raw(request, 3000, "}");
    QCOMPARE(a.status(), 431);
    QCOMPARE(a.json()[u"status"_s].toInt(), 431);
    expectServing();
}

void TestApiServerLimits::transferCodingRefused()
{
    const RawAnswer a = raw("POST /v1/auth/otp HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "5\r\nhello\r\n0\r\n\r\n",
                            3000,
                            "}");
    QCOMPARE(a.status(), 411);
    expectServing();
}

void TestApiServerLimits::slowHeaderTimesOut()
{
    // Half a header, then silence (slowloris): 408 after the header timeout, connection closed.
    const RawAnswer a = raw("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n", kHeaderTimeoutMs + 5000);
    QCOMPARE(a.status(), 408);
    QCOMPARE(a.json()[u"type"_s].toString(), problem("request-timeout"));
    QVERIFY2(a.elapsedMs >= kHeaderTimeoutMs - 100 && a.elapsedMs < kHeaderTimeoutMs + 1500,
             qPrintable(QString::number(a.elapsedMs)));
    QVERIFY(a.closed);
    expectServing();
}

void TestApiServerLimits::slowBodyTimesOut()
{
    const RawAnswer a = raw("POST /v1/auth/otp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            "Content-Length: 100\r\n\r\n{\"loginId\":",
                            kBodyIdleTimeoutMs + 5000);
    QCOMPARE(a.status(), 408);
    QCOMPARE(a.json()[u"type"_s].toString(), problem("request-timeout"));
    QVERIFY(a.elapsedMs >= kBodyIdleTimeoutMs - 100);
    QVERIFY(a.closed);
    expectServing();
}

void TestApiServerLimits::stalledHandshakeIsClosed()
{
    // TCP connected, no TLS ClientHello: the server hangs up after the header timeout.
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, m_platform->port());
    QVERIFY(socket.waitForConnected(3000));
    QElapsedTimer t;
    t.start();
    const bool closed =
        socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(kHeaderTimeoutMs + 3000);
    QVERIFY(closed);
    QVERIFY2(t.elapsed() >= kHeaderTimeoutMs - 100, qPrintable(QString::number(t.elapsed())));
    expectServing();
}

void TestApiServerLimits::rateLimitAnswersTooManyRequests()
{
    // 5 requests/s with a burst of 15 per address on public routes: 40 at once overflow it.
    QTest::qWait(3000); // let the bucket refill after the earlier tests
    int ok = 0;
    HttpResult limited;
    for (int i = 0; i < 40; ++i) {
        const HttpResult r = m_client->get(u"/v1/health"_s);
        if (r.status == 200)
            ++ok;
        else if (r.status == 429 && limited.status == 0)
            limited = r;
    }
    QVERIFY2(limited.status == 429, qPrintable(limited.describe()));
    QVERIFY2(ok >= 15 && ok < 40, qPrintable(QString::number(ok)));
    QCOMPARE(limited.problemType(), problem("rate-limited"));
    const int retryAfter = limited.header("Retry-After").toInt();
    QVERIFY(retryAfter >= 1 && retryAfter <= 2);
    QCOMPARE(limited.json()[u"retryAfterSeconds"_s].toInt(), retryAfter);
    // Rate limiting is per client: an unknown route is still answered, and after Retry-After the
    // same client is served again.
    QTest::qWait(retryAfter * 1000 + 100);
    expectServing();
}

QTEST_GUILESS_MAIN(TestApiServerLimits)
#include "TestApiServerLimits.moc"
