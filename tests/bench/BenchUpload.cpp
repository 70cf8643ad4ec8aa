// Upload benchmark (issue 3 target), recorded in docs/performance.md ("Upload"): a sealed
// payload the size of the 300-slice phantom CT (300 × 512 × 512 × 2 bytes + DICOM headers and
// envelope overhead ≈ 158 MB; sealed bytes look random, so random bytes stand in for them) is
// uploaded over loopback TLS with mutual TLS to the real `haip-platform serve`
//  - by core/platform's PayloadUpload (4 MiB Content-Range chunks, the client's default, sent by
//    ApiClient's bulk transport: libcurl on its own thread, see core/platform/BulkUploader.h), and
//  - by curl, one process for the whole upload (connection reused across `--next`), PUTting the
//    same 4 MiB chunks with the same headers to the same server;
// in alternating rounds, each to a fresh job. Target: our median throughput ≥ 70 % of curl's.
// The server syncs each chunk to disk before answering — the same cost for both.
// Memory: `haip-cli submit` seals and uploads 1 GiB (64 parts of 16 MiB; the sealer streams
// bytes and does not parse them) under /usr/bin/time; target: peak RSS < 200 MiB.
// Figures go to test-artifacts/bench-upload.json.
#include "EchoService.h"
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "platform/ApiClient.h"
#include "platform/JobClient.h"
#include "platform/PayloadUpload.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <algorithm>
#include <unistd.h>

using namespace haip;
using namespace Qt::StringLiterals;
using haip::test::PlatformLogin;
using haip::test::PlatformProcess;

namespace {

constexpr qint64 kPayloadBytes = qint64(300) * (512 * 512 * 2 + 2048) + 64 * 1024;
constexpr qint64 kChunk = 4 * 1024 * 1024;
constexpr int kRounds = 3;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values[values.size() / 2];
}

} // namespace

class BenchUpload : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void uploadAgainstCurl();
    void sealingAndUploadingOneGibibyteInSmallMemory();
    void cleanupTestCase();

private:
    QString createJob();
    double uploadWithClient(); // bytes per second, -1 on failure
    double uploadWithCurl();

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformProcess> m_platform;
    std::unique_ptr<PlatformLogin> m_login;
    test::Session m_session;
    QJsonObject m_figures;
    std::unique_ptr<platform::ApiClient> m_api;
    QString m_payload;
    QStringList m_chunks;
    QString m_curl;
};

void BenchUpload::initTestCase()
{
    m_curl = test::findTool(u"curl"_s);
    QVERIFY2(!m_curl.isEmpty(), "curl is missing: install the Debian package curl");
    QVERIFY(m_dir.isValid());
    const QString state = m_dir.filePath(u"state"_s);
    QVERIFY(PlatformProcess::init(state));
    QVERIFY(test::installEchoService(state));
    m_platform = std::make_unique<PlatformProcess>(state);
    const Result<void> started =
        m_platform->start({u"--no-workers"_s, u"--api-rate"_s, u"1000"_s, u"--api-burst"_s, u"1000"_s});
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    m_login = std::make_unique<PlatformLogin>(*m_platform);
    QString why;
    m_session = m_login->login(u"yamada"_s, &why);
    QVERIFY2(m_session.client, qPrintable(why));

    // curl's identity: the same session certificate and key, as PEM files.
    QFile cert(m_dir.filePath(u"cert.pem"_s));
    QFile key(m_dir.filePath(u"key.pem"_s));
    QVERIFY(cert.open(QIODevice::WriteOnly) && key.open(QIODevice::WriteOnly));
    for (const QSslCertificate &c : m_session.chain)
        cert.write(c.toPem());
    key.write(m_session.key.privateKey().toPem());
    cert.close();
    key.close();

    m_api = std::make_unique<platform::ApiClient>(
        platform::PlatformEndpoint {m_platform->url(), m_platform->pin(), m_platform->caCandidates()});
    m_api->setClientCertificate(m_session.chain, m_session.key.privateKey());

    // The payload and its chunks (curl reads each chunk from its own file).
    m_payload = m_dir.filePath(u"payload.sealed"_s);
    QFile payload(m_payload);
    QVERIFY(payload.open(QIODevice::WriteOnly));
    QByteArray block(kChunk, Qt::Uninitialized);
    for (qint64 offset = 0; offset < kPayloadBytes; offset += kChunk) {
        const qint64 n = qMin(kChunk, kPayloadBytes - offset);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), int(kChunk / 4));
        QVERIFY(payload.write(block.constData(), n) == n);
        const QString chunkPath = m_dir.filePath(u"chunk-%1"_s.arg(m_chunks.size()));
        QFile chunk(chunkPath);
        QVERIFY(chunk.open(QIODevice::WriteOnly) && chunk.write(block.constData(), n) == n);
        m_chunks.append(chunkPath);
    }
}

void BenchUpload::cleanupTestCase()
{
    QFile out(QDir(test::artifactsDir()).filePath(u"bench-upload.json"_s));
    if (out.open(QIODevice::WriteOnly))
        out.write(QJsonDocument(m_figures).toJson());
    m_api.reset();
    if (m_platform)
        m_platform->stop();
}

QString BenchUpload::createJob()
{
    platform::JobClient jobs(*m_api);
    platform::JobRequestSpec request;
    request.serviceId = QLatin1String(test::kEchoService);
    request.clientRequestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.payloadSize = kPayloadBytes;
    std::optional<Result<platform::JobStatus>> answer;
    jobs.create(request, [&](Result<platform::JobStatus> s) { answer = std::move(s); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30000) || !*answer)
        return {};
    return (*answer)->jobId;
}

double BenchUpload::uploadWithClient()
{
    const QString jobId = createJob();
    if (jobId.isEmpty())
        return -1;
    platform::UploadOptions options;
    options.chunkSize = kChunk;
    platform::PayloadUpload upload(*m_api, jobId, m_payload, options);
    // A real event loop while waiting (QSignalSpy::wait): QTest::qWaitFor sleeps 10 ms between
    // event-loop passes, which would throttle the client's writes, not measure them.
    QSignalSpy finished(&upload, &platform::PayloadUpload::finished);
    QElapsedTimer timer;
    timer.start();
    upload.start();
    if ((!upload.isFinished() && !finished.wait(240000)) || !upload.result()) {
        qWarning().noquote() << "client upload stopped at" << upload.offset() << "of" << upload.total()
                             << (upload.isFinished() ? upload.result().error().detail() : u"(still running)"_s)
                             << "resumes" << upload.resumes();
        return -1;
    }
    return double(kPayloadBytes) / (double(timer.nsecsElapsed()) / 1e9);
}

double BenchUpload::uploadWithCurl()
{
    const QString jobId = createJob();
    if (jobId.isEmpty())
        return -1;
    const QString url = m_platform->url().toString() + u"/v1/jobs/%1/payload"_s.arg(jobId);
    QStringList args;
    for (int i = 0; i < m_chunks.size(); ++i) {
        const qint64 first = qint64(i) * kChunk;
        const qint64 last = qMin(kPayloadBytes, first + kChunk) - 1;
        if (i > 0)
            args << u"--next"_s;
        args << u"-sS"_s << u"--fail"_s << u"-o"_s << u"/dev/null"_s << u"--cacert"_s
             << m_platform->statePath(u"tls/ca.pem"_s) << u"--cert"_s << m_dir.filePath(u"cert.pem"_s) << u"--key"_s
             << m_dir.filePath(u"key.pem"_s) << u"-X"_s << u"PUT"_s << u"-H"_s << u"Expect:"_s << u"-H"_s
             << u"Content-Type: application/octet-stream"_s << u"-H"_s
             << u"Content-Range: bytes %1-%2/%3"_s.arg(first).arg(last).arg(kPayloadBytes) << u"--data-binary"_s
             << u"@"_s + m_chunks[i] << url;
    }
    QElapsedTimer timer;
    timer.start();
    const test::ProcessResult r = test::run(m_curl, args, 300000);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (r.exitCode != 0) {
        qWarning() << "curl failed:" << r.err;
        return -1;
    }
    // Every byte arrived.
    const QString stored = m_platform->statePath(u"jobs/%1/payload.bin"_s.arg(jobId));
    if (QFileInfo(stored).size() != kPayloadBytes)
        return -1;
    return double(kPayloadBytes) / seconds;
}

void BenchUpload::uploadAgainstCurl()
{
    QList<double> ours;
    QList<double> curl;
    for (int round = 0; round < kRounds; ++round) {
        const double a = uploadWithClient();
        const double b = uploadWithCurl();
        QVERIFY2(a > 0, "the client upload failed");
        QVERIFY2(b > 0, "the curl upload failed");
        ours.append(a);
        curl.append(b);
        // Each job's payload is dropped again so the disk does not fill up.
        QDir(m_platform->statePath(u"jobs"_s)).removeRecursively();
        QDir().mkpath(m_platform->statePath(u"jobs"_s));
    }
    const double ratio = median(ours) / median(curl);
    const auto mbps = [](const QList<double> &v) {
        QJsonArray a;
        for (double x : v)
            a.append(x / 1e6);
        return a;
    };
    QJsonObject &figures = m_figures;
    figures = QJsonObject {
        {u"payloadBytes"_s, double(kPayloadBytes)},
        {u"chunkBytes"_s, double(kChunk)},
        {u"clientMBps"_s, mbps(ours)},
        {u"curlMBps"_s, mbps(curl)},
        {u"clientMedianMBps"_s, median(ours) / 1e6},
        {u"curlMedianMBps"_s, median(curl) / 1e6},
        {u"ratio"_s, ratio},
    };
    qInfo().noquote() << QString::fromUtf8(QJsonDocument(figures).toJson(QJsonDocument::Compact));
    const QString text =
        u"client %1 MB/s is %2 % of curl's %3 MB/s (target ≥ 70 %)"_s.arg(median(ours) / 1e6, 0, 'f', 1)
            .arg(ratio * 100, 0, 'f', 0)
            .arg(median(curl) / 1e6, 0, 'f', 1);
    qInfo().noquote() << text;
    QVERIFY2(ratio >= 0.7, qPrintable(text));
}

void BenchUpload::sealingAndUploadingOneGibibyteInSmallMemory()
{
    QVERIFY2(QFile::exists(u"/usr/bin/time"_s), "/usr/bin/time is missing: apt-get install time");
    const QString cli = test::programPath(u"haip-cli"_s);
    const QString session = m_dir.filePath(u"cli-session.json"_s);
    const test::ProcessResult login =
        test::run(cli, m_platform->cliLoginArguments(u"sato"_s, m_login->nextCode(u"sato"_s), session), 60000);
    QVERIFY2(login.exitCode == 0, login.err.constData());
    Result<crypto::SpkiPin> catalogPin = test::catalogPin(m_platform->stateDir());
    QVERIFY(catalogPin);

    // 1 GiB of parts: one 16 MiB file of random bytes, hard-linked 64 times (no 1 GiB on disk).
    constexpr int kParts = 64;
    constexpr qint64 kPartBytes = 16 * 1024 * 1024;
    const QString parts = m_dir.filePath(u"gib"_s);
    QVERIFY(QDir().mkpath(parts));
    const QString first = parts + u"/part-0.bin"_s;
    {
        QFile f(first);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray block(kPartBytes, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), int(kPartBytes / 4));
        QCOMPARE(f.write(block), kPartBytes);
    }
    QStringList arguments {u"-f"_s,
                           u"%M %e"_s,
                           cli,
                           u"submit"_s,
                           u"--session"_s,
                           session,
                           u"--catalog-pin"_s,
                           catalogPin->toHex(),
                           u"--service"_s,
                           QLatin1String(test::kEchoService),
                           u"--modality"_s,
                           u"CT"_s,
                           u"--response-key"_s,
                           m_dir.filePath(u"gib.key"_s),
                           u"--raw"_s}; // random bytes, not DICOM
    arguments << first;
    for (int i = 1; i < kParts; ++i) {
        const QString link = parts + u"/part-%1.bin"_s.arg(i);
        QVERIFY(::link(QFile::encodeName(first).constData(), QFile::encodeName(link).constData()) == 0);
        arguments << link;
    }
    const test::ProcessResult r = test::run(u"/usr/bin/time"_s, arguments, 600000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QStringList figures = QString::fromLatin1(r.err.trimmed()).split(u'\n').last().split(u' ');
    QCOMPARE(figures.size(), 2);
    const double peakMiB = figures[0].toDouble() / 1024.0;
    const double seconds = figures[1].toDouble();
    // The platform holds every byte (sealed size ≥ 1 GiB).
    const QJsonObject committed = QJsonDocument::fromJson(r.out.split('\n').first()).object();
    const QString jobId = committed.value(u"jobId"_s).toString();
    QVERIFY2(!jobId.isEmpty(), r.out.constData());
    QVERIFY(QFileInfo(m_platform->statePath(u"jobs/%1/payload.bin"_s.arg(jobId))).size() > kParts * kPartBytes);
    qInfo("haip-cli submit of 1 GiB (seal + upload + commit): peak RSS %.1f MiB, %.1f s", peakMiB, seconds);
    m_figures.insert(u"cli_submit_1gib_peak_rss_mib"_s, peakMiB);
    m_figures.insert(u"cli_submit_1gib_seconds"_s, seconds);
    QVERIFY2(peakMiB > 0 && peakMiB < 200.0, qPrintable(u"peak RSS %1 MiB (target < 200 MiB)"_s.arg(peakMiB)));
}

QTEST_GUILESS_MAIN(BenchUpload)
#include "BenchUpload.moc"
