// TestJobCycle: the whole job cycle through core/platform against the real `haip-platform serve`
// (real TLS on loopback, pinned CA, session certificate over mutual TLS, the worker as its own
// process): login with a software card and TOTP (LoginSession), the signed catalog (Catalog,
// pinned key), seal a series (PayloadSealer), create, upload in chunks through a proxy that cuts
// the connection mid-upload (PayloadUpload resumes), commit, poll, download, open the sealed
// result and compare with what was sent. Negatives: wrong pinned CA, tampered catalog and wrong
// catalog pin, tampered and truncated envelopes (the job FAILS with the reason), expired session
// certificate, oversized and malformed requests — each a clear error, the server keeps serving.
// The service is "conformance-echo" (hashes what it received; not an AI service).
#include "EchoService.h"
#include "FaultProxy.h"
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "ServiceTestKit.h"
#include "TestSupport.h"
#include "crypto/EnvelopeWriter.h"
#include "crypto/PrivateKey.h"
#include "crypto/SpkiPin.h"
#include "crypto/VerifyingKey.h"
#include "platform/ApiClient.h"
#include "platform/JobClient.h"
#include "platform/LoginSession.h"
#include "platform/PayloadSealer.h"
#include "platform/PayloadUpload.h"
#include "platform/SoftwareCardSigner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::platform;
using haip::test::PlatformLogin;
using haip::test::PlatformProcess;

namespace {

constexpr int kTimeoutMs = 30000;
const QString kService = u"conformance-echo"_s;

QStringList seriesFiles()
{
    QStringList files;
    for (const char *name :
         {"waveform_ecg.dcm", "SC_rgb_jpeg_dcmd.dcm", "J2K_pixelrep_mismatch.dcm", "CT_small.dcm", "liver_1frame.dcm"})
        files.append(test::pydicomFile(u"test_files/"_s + QLatin1String(name)));
    return files;
}

QString sha256File(const QString &path)
{
    QFile f(path);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    if (!f.open(QIODevice::ReadOnly) || !sha.addData(&f))
        return {};
    return QString::fromLatin1(sha.result().toHex());
}

// Waits for a callback's answer without blocking the event loop.
template <typename T>
struct Answer
{
    std::optional<T> value;
    auto setter()
    {
        return [this](T v) {
            value = std::move(v);
        };
    }
};

} // namespace

class TestJobCycle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void loginGivesSessionCertificate();
    void catalogVerifiedAgainstPin();
    void tamperedCatalogRefused();
    void wrongCatalogPinRefused();
    void wholeJobCycleWithDisconnectAndResume();
    void uploadResumesAfterPlatformRestart();
    void referenceServiceFindsThePlantedNodules();
    void tamperedEnvelopeFailsJob_data();
    void tamperedEnvelopeFailsJob();
    void cancelStopsJob();
    void otherClinicianSeesNotFound();
    void malformedRequestsRefused_data();
    void malformedRequestsRefused();
    void wrongPinnedCaRefused();
    void auditEventsStored();
    void expiredSessionCertificateRefused();

private:
    Result<Catalog> fetchCatalog(const crypto::SpkiPin &pin);
    Result<JobStatus> createJob(const SealedPayload &sealed);
    Result<JobStatus> createJob(const SealedPayload &sealed, const QString &serviceId, int slices);
    Result<void> upload(const QString &jobId, const QString &path, int *resumes = nullptr);
    Result<JobStatus> waitFinished(const QString &jobId);

    QTemporaryDir m_dir;
    std::unique_ptr<PlatformProcess> m_platform;
    std::unique_ptr<PlatformLogin> m_codes;
    std::unique_ptr<test::FaultProxy> m_proxy;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<LoginSession> m_session;
    std::unique_ptr<JobClient> m_jobs;
    crypto::SpkiPin m_catalogPin;
    std::optional<Catalog> m_catalog;
    const QStringList m_serveArgs = test::relaxedRateLimits();
};

void TestJobCycle::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString state = m_dir.filePath(u"state"_s);
    Result<QByteArray> init = PlatformProcess::init(state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));

    // The conformance service: its key pair (the worker's) and its catalog entry.
    const Result<void> installed = test::installEchoService(state);
    QVERIFY2(installed, installed ? "" : qPrintable(installed.error().detail()));
    Result<crypto::SpkiPin> pin = test::catalogPin(state);
    QVERIFY(pin);
    m_catalogPin = *pin;

    m_platform = std::make_unique<PlatformProcess>(state);
    const Result<void> started = m_platform->start(m_serveArgs);
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    m_codes = std::make_unique<PlatformLogin>(*m_platform);

    // All client traffic goes through the proxy, so a test can cut it.
    m_proxy = std::make_unique<test::FaultProxy>(m_platform->port());
    QVERIFY(m_proxy->listen());
    QUrl url = m_platform->url();
    url.setPort(m_proxy->port());
    ApiClientOptions options;
    options.idleTimeoutMs = 10000;
    m_api = std::make_unique<ApiClient>(PlatformEndpoint {url, m_platform->pin(), {}}, options);
    m_session = std::make_unique<LoginSession>(*m_api);
    m_jobs = std::make_unique<JobClient>(*m_api);
    QString why;
    QVERIFY2(m_codes->signIn(*m_session, u"yamada"_s, &why), qPrintable(why));
}

void TestJobCycle::cleanupTestCase()
{
    m_jobs.reset();
    m_session.reset();
    m_api.reset();
    if (m_platform)
        m_platform->stop();
}

void TestJobCycle::loginGivesSessionCertificate()
{
    QCOMPARE(m_session->state(), LoginSession::State::SignedIn);
    QCOMPARE(m_session->info().clinician.id, u"yamada"_s);
    QVERIFY(m_session->info().notAfter > QDateTime::currentDateTimeUtc());
    QVERIFY(m_api->hasClientCertificate());
    // The pinned CA the client found by itself is the platform's TLS CA.
    QCOMPARE(crypto::TlsPolicy::spkiSha256(m_api->trustAnchor()), m_platform->pin());
}

Result<Catalog> TestJobCycle::fetchCatalog(const crypto::SpkiPin &pin)
{
    Answer<Result<Catalog>> answer;
    m_jobs->fetchCatalog(pin, answer.setter());
    if (!QTest::qWaitFor([&] { return answer.value.has_value(); }, kTimeoutMs))
        return Error(ErrorCode::NetworkUnavailable, u"no answer"_s);
    return *answer.value;
}

void TestJobCycle::catalogVerifiedAgainstPin()
{
    Result<Catalog> catalog = fetchCatalog(m_catalogPin);
    QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().detail()));
    const CatalogService *echo = catalog->find(kService);
    QVERIFY(echo);
    QCOMPARE(echo->name.en, u"Conformance echo"_s);
    QCOMPARE(echo->regulatoryStatus, u"research-use-only"_s);
    QCOMPARE(echo->envelopeInfo, QByteArray("HAIP job request v1; service=conformance-echo"));
    QFile pub(m_platform->statePath(u"services/%1/key.pub"_s.arg(kService)));
    QVERIFY(pub.open(QIODevice::ReadOnly));
    QCOMPARE(echo->envelopeKey.toBase64(), QString::fromLatin1(pub.readAll().trimmed()));
    QVERIFY(catalog->expiresAt() > QDateTime::currentDateTimeUtc().addSecs(23 * 3600));
    m_catalog = std::move(catalog).value();
}

void TestJobCycle::tamperedCatalogRefused()
{
    ApiReply *reply = m_api->get(u"/v1/catalog"_s);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kTimeoutMs);
    QVERIFY(reply->result());
    Result<QJsonObject> body = reply->result()->json();
    delete reply;
    QVERIFY(body);
    const QByteArrayList parts = body->value(u"jws"_s).toString().toLatin1().split('.');
    QCOMPARE(parts.size(), 3);
    // Change one service name in the payload and re-encode it: the signature no longer matches.
    QByteArray payload = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding);
    QVERIFY(payload.contains("Conformance echo"));
    payload.replace("Conformance echo", "Conformance ecHo");
    QJsonObject tampered = *body;
    tampered.insert(
        u"jws"_s,
        QString::fromLatin1(parts[0] + '.' +
                            payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + '.' +
                            parts[2]));
    Result<Catalog> refused = Catalog::verify(tampered, m_catalogPin);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), ErrorCode::SignatureInvalid);
    // The untouched answer verifies (the test changed only what it meant to).
    QVERIFY(Catalog::verify(*body, m_catalogPin));
}

void TestJobCycle::wrongCatalogPinRefused()
{
    Result<crypto::SpkiPin> other = crypto::SpkiPin::parse(QString(64, u'a'));
    QVERIFY(other);
    Result<Catalog> refused = fetchCatalog(*other);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), ErrorCode::KeyPinMismatch);
}

Result<JobStatus> TestJobCycle::createJob(const SealedPayload &sealed)
{
    return createJob(sealed, kService, 5);
}

Result<JobStatus> TestJobCycle::createJob(const SealedPayload &sealed, const QString &serviceId, int slices)
{
    JobRequestSpec request;
    request.serviceId = serviceId;
    request.clientRequestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.payloadSize = sealed.sealedSize;
    request.keyId = sealed.keyId;
    request.modality = u"CT"_s;
    request.sliceCount = slices;
    request.plaintextSize = sealed.plaintextSize;
    Answer<Result<JobStatus>> answer;
    m_jobs->create(request, answer.setter());
    if (!QTest::qWaitFor([&] { return answer.value.has_value(); }, kTimeoutMs))
        return Error(ErrorCode::NetworkUnavailable, u"no answer"_s);
    return *answer.value;
}

Result<void> TestJobCycle::upload(const QString &jobId, const QString &path, int *resumes)
{
    UploadOptions options;
    options.chunkSize = 64 * 1024;
    PayloadUpload upload(*m_api, jobId, path, options);
    upload.start();
    if (!QTest::qWaitFor([&] { return upload.isFinished(); }, kTimeoutMs))
        return Error(ErrorCode::NetworkUnavailable, u"upload did not finish"_s);
    if (resumes)
        *resumes = upload.resumes();
    return upload.result();
}

Result<JobStatus> TestJobCycle::waitFinished(const QString &jobId)
{
    Answer<Result<JobStatus>> answer;
    m_jobs->waitUntilFinished(jobId, 100, answer.setter());
    if (!QTest::qWaitFor([&] { return answer.value.has_value(); }, test::scaledTimeout(kTimeoutMs)))
        return Error(ErrorCode::NetworkUnavailable, u"job did not finish"_s);
    return *answer.value;
}

void TestJobCycle::wholeJobCycleWithDisconnectAndResume()
{
    QVERIFY(m_catalog);
    const CatalogService *echo = m_catalog->find(kService);
    QVERIFY(echo);
    const QStringList files = seriesFiles();
    Result<SealedPayload> sealed = PayloadSealer::sealFiles(files, *echo, m_dir.filePath(u"cycle.sealed"_s));
    QVERIFY2(sealed, sealed ? "" : qPrintable(sealed.error().detail()));
    QVERIFY(sealed->sealedSize > 600 * 1024);

    Result<JobStatus> job = createJob(*sealed);
    QVERIFY2(job, job ? "" : qPrintable(job.error().detail()));
    QCOMPARE(job->state, u"SCHEDULED"_s);
    QCOMPARE(job->totalBytes, sealed->sealedSize);
    QCOMPARE(job->receivedBytes, 0);

    // The link drops once about a third of the way through.
    m_proxy->inject(test::Fault::Reset, test::Direction::Upstream, sealed->sealedSize / 3, 1500);
    const int cutsBefore = m_proxy->faultsFired();
    int resumes = 0;
    Result<void> uploaded = upload(job->jobId, sealed->path, &resumes);
    QVERIFY2(uploaded, uploaded ? "" : qPrintable(uploaded.error().detail()));
    QCOMPARE(m_proxy->faultsFired(), cutsBefore + 1);
    QVERIFY(resumes >= 1);
    // What the platform stored is byte for byte what was sealed.
    QCOMPARE(sha256File(m_platform->statePath(u"jobs/%1/payload.bin"_s.arg(job->jobId))), sha256File(sealed->path));

    Answer<Result<JobStatus>> committed;
    m_jobs->commit(job->jobId, committed.setter());
    QTRY_VERIFY_WITH_TIMEOUT(committed.value.has_value(), kTimeoutMs);
    QVERIFY2(*committed.value, *committed.value ? "" : qPrintable(committed.value->error().detail()));
    QVERIFY((*committed.value)->committed);

    Result<JobStatus> done = waitFinished(job->jobId);
    QVERIFY2(done, done ? "" : qPrintable(done.error().detail()));
    QVERIFY2(done->state == u"COMPLETED"_s, qPrintable(done->state + u" "_s + done->failure.detail()));
    QCOMPARE(done->progress, 100);
    QCOMPARE(done->upsState, u"COMPLETED"_s);

    const QString resultPath = m_dir.filePath(u"cycle.result"_s);
    Answer<Result<void>> downloaded;
    m_jobs->downloadResult(*done, resultPath, downloaded.setter());
    QTRY_VERIFY_WITH_TIMEOUT(downloaded.value.has_value(), kTimeoutMs);
    QVERIFY2(*downloaded.value, *downloaded.value ? "" : qPrintable(downloaded.value->error().detail()));

    Result<MultipartMessage> bundle = ResultOpener::openResult(resultPath, sealed->responseKey);
    QVERIFY2(bundle, bundle ? "" : qPrintable(bundle.error().detail()));
    QCOMPARE(bundle->parts.size(), 2);
    QCOMPARE(bundle->parts[0].headers.contentLocation, u"report.html"_s);
    QCOMPARE(bundle->parts[1].headers.contentType, QByteArray("application/json"));
    const QJsonObject findings = QJsonDocument::fromJson(bundle->parts[1].body).object();
    QCOMPARE(findings.value(u"partCount"_s).toInt(), files.size());
    const QJsonArray parts = findings.value(u"parts"_s).toArray();
    QCOMPARE(parts.size(), files.size());
    for (int i = 0; i < files.size(); ++i) {
        QCOMPARE(parts[i].toObject().value(u"sha256"_s).toString(), sha256File(files[i]));
        QCOMPARE(qint64(parts[i].toObject().value(u"size"_s).toDouble()), QFileInfo(files[i]).size());
    }

    // Only the requester's key opens the result: a fresh key of another request does not.
    Result<SealedPayload> other = PayloadSealer::sealFiles(files.mid(0, 1), *echo, m_dir.filePath(u"other.sealed"_s));
    QVERIFY(other);
    QVERIFY(!ResultOpener::openResult(resultPath, other->responseKey));
    // The payload is gone from the platform once the job ended.
    QVERIFY(!QFile::exists(m_platform->statePath(u"jobs/%1/payload.bin"_s.arg(job->jobId))));
}

void TestJobCycle::uploadResumesAfterPlatformRestart()
{
    QVERIFY(m_catalog);
    Result<SealedPayload> sealed =
        PayloadSealer::sealFiles(seriesFiles(), *m_catalog->find(kService), m_dir.filePath(u"restart.sealed"_s));
    QVERIFY(sealed);
    Result<JobStatus> job = createJob(*sealed);
    QVERIFY(job);
    // Upload the first half by hand, then restart the platform on the same port.
    QFile file(sealed->path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 half = sealed->sealedSize / 2;
    ApiRequestSpec spec;
    spec.method = "PUT";
    spec.path = u"/v1/jobs/%1/payload"_s.arg(job->jobId);
    spec.body = file.read(half);
    spec.contentType = "application/octet-stream";
    spec.headers.append({"Content-Range", u"bytes 0-%1/%2"_s.arg(half - 1).arg(sealed->sealedSize).toLatin1()});
    ApiReply *first = m_api->send(spec);
    QTRY_VERIFY_WITH_TIMEOUT(first->isFinished(), kTimeoutMs);
    QVERIFY(first->result());
    delete first;

    const quint16 port = m_platform->port();
    m_platform->stop();
    const Result<void> restarted =
        m_platform->start(m_serveArgs + QStringList {u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)});
    QVERIFY2(restarted, restarted ? "" : qPrintable(restarted.error().detail()));
    QCOMPARE(m_platform->port(), port);

    int resumes = 0;
    Result<void> uploaded = upload(job->jobId, sealed->path, &resumes);
    QVERIFY2(uploaded, uploaded ? "" : qPrintable(uploaded.error().detail()));
    QCOMPARE(sha256File(m_platform->statePath(u"jobs/%1/payload.bin"_s.arg(job->jobId))), sha256File(sealed->path));
    Answer<Result<JobStatus>> committed;
    m_jobs->commit(job->jobId, committed.setter());
    QTRY_VERIFY_WITH_TIMEOUT(committed.value.has_value(), kTimeoutMs);
    QVERIFY(*committed.value);
    Result<JobStatus> done = waitFinished(job->jobId);
    QVERIFY(done);
    QCOMPARE(done->state, u"COMPLETED"_s);
}

// A reference algorithm through the broker, not only the echo service: a chest phantom with six
// planted nodules goes sealed to the chest-ct-nodule worker (a separate process holding the
// service key) and its result bundle, opened with this request's key alone, finds every nodule
// (centroid within 2 mm, volume within 20 %) and nothing else.
void TestJobCycle::referenceServiceFindsThePlantedNodules()
{
    QVERIFY(m_catalog);
    const CatalogService *service = m_catalog->find(u"chest-ct-nodule"_s);
    QVERIFY(service);
    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::ChestCt;
    o.rows = o.columns = 320;
    o.slices = 160;
    o.sliceSpacing = 1.25;
    o.outputDir = m_dir.filePath(u"chest"_s);
    dicom::PhantomResult phantom;
    QString error;
    QVERIFY2(test::makePhantom(o, phantom, error), qPrintable(error));
    Result<SealedPayload> sealed = PayloadSealer::sealFiles(phantom.files, *service, m_dir.filePath(u"chest.sealed"_s));
    QVERIFY2(sealed, sealed ? "" : qPrintable(sealed.error().detail()));
    Result<JobStatus> job = createJob(*sealed, service->id, int(phantom.files.size()));
    QVERIFY2(job, job ? "" : qPrintable(job.error().detail()));
    UploadOptions options; // the client's default chunks
    PayloadUpload upload(*m_api, job->jobId, sealed->path, options);
    upload.start();
    QVERIFY(QTest::qWaitFor([&] { return upload.isFinished(); }, 120000));
    QVERIFY2(upload.result(), upload.result() ? "" : qPrintable(upload.result().error().detail()));
    Answer<Result<JobStatus>> committed;
    m_jobs->commit(job->jobId, committed.setter());
    QTRY_VERIFY_WITH_TIMEOUT(committed.value.has_value(), kTimeoutMs);
    QVERIFY(*committed.value);
    Result<JobStatus> done = waitFinished(job->jobId);
    QVERIFY2(done, done ? "" : qPrintable(done.error().detail()));
    QVERIFY2(done->state == u"COMPLETED"_s, qPrintable(done->state + u" "_s + done->failure.detail()));

    const QString resultPath = m_dir.filePath(u"chest.result"_s);
    Answer<Result<void>> downloaded;
    m_jobs->downloadResult(*done, resultPath, downloaded.setter());
    QTRY_VERIFY_WITH_TIMEOUT(downloaded.value.has_value(), kTimeoutMs);
    QVERIFY(*downloaded.value);
    Result<MultipartMessage> bundle = ResultOpener::openResult(resultPath, sealed->responseKey);
    QVERIFY2(bundle, bundle ? "" : qPrintable(bundle.error().detail()));
    QJsonObject findings;
    QStringList names;
    for (const MultipartPart &part : bundle->parts) {
        names << part.headers.contentLocation;
        if (part.headers.contentLocation == u"findings.json"_s)
            findings = QJsonDocument::fromJson(part.body).object();
    }
    QCOMPARE(names, QStringList({u"seg.dcm"_s, u"sr.dcm"_s, u"gsps.dcm"_s, u"report.html"_s, u"findings.json"_s}));
    const QList<test::TruthLesion> truth = test::readGroundTruth(phantom.groundTruthPath);
    QCOMPARE(truth.size(), 6);
    const QString problems = test::compareWithTruth(findings, truth, 2.0, 0.2, false);
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestJobCycle::tamperedEnvelopeFailsJob_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("problem");
    QTest::newRow("bit flipped in a chunk") << u"flip"_s << u"envelope-corrupt"_s;
    QTest::newRow("truncated") << u"truncate"_s << u"envelope-truncated"_s;
    QTest::newRow("chunks reordered") << u"swap"_s << u"envelope-corrupt"_s;
}

void TestJobCycle::tamperedEnvelopeFailsJob()
{
    QFETCH(QString, change);
    QFETCH(QString, problem);
    QVERIFY(m_catalog);
    Result<SealedPayload> sealed =
        PayloadSealer::sealFiles(seriesFiles(), *m_catalog->find(kService), m_dir.filePath(u"tampered.sealed"_s));
    QVERIFY(sealed);
    QFile file(sealed->path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    // Chunks of 64 KiB plaintext + 16-byte tag follow the header, whose size the writer tells.
    Result<crypto::EnvelopeWriter> probe =
        crypto::EnvelopeWriter::create(m_catalog->find(kService)->envelopeKey, m_catalog->find(kService)->envelopeInfo);
    QVERIFY(probe);
    const qsizetype header = probe->header().size();
    const qsizetype chunk = 64 * 1024 + 16;
    QVERIFY(header > 0 && bytes.size() > header + 4 * chunk);
    if (change == u"flip"_s) {
        bytes[header + 2 * chunk + 100] = char(bytes[header + 2 * chunk + 100] ^ 0x01);
    } else if (change == u"truncate"_s) {
        bytes.truncate(header + 3 * chunk); // whole chunks, but the final one is missing
    } else {
        const QByteArray second = bytes.mid(header + chunk, chunk);
        bytes.replace(header + chunk, chunk, bytes.mid(header + 2 * chunk, chunk));
        bytes.replace(header + 2 * chunk, chunk, second);
    }
    QVERIFY(file.resize(0) && file.seek(0) && file.write(bytes) == bytes.size());
    file.close();
    sealed->sealedSize = bytes.size();

    Result<JobStatus> job = createJob(*sealed);
    QVERIFY(job);
    QVERIFY(upload(job->jobId, sealed->path));
    Answer<Result<JobStatus>> committed;
    m_jobs->commit(job->jobId, committed.setter());
    QTRY_VERIFY_WITH_TIMEOUT(committed.value.has_value(), kTimeoutMs);
    QVERIFY(*committed.value);
    Result<JobStatus> done = waitFinished(job->jobId);
    QVERIFY(done);
    QCOMPARE(done->state, u"FAILED"_s);
    QCOMPARE(done->upsState, u"CANCELED"_s);
    QCOMPARE(done->failure.codeName(), problem);
    // The worker and the broker keep serving.
    ApiReply *health = m_api->get(u"/v1/health"_s);
    QTRY_VERIFY_WITH_TIMEOUT(health->isFinished(), kTimeoutMs);
    QVERIFY(health->result());
    delete health;
}

void TestJobCycle::cancelStopsJob()
{
    QVERIFY(m_catalog);
    Result<SealedPayload> sealed =
        PayloadSealer::sealFiles(seriesFiles().mid(3), *m_catalog->find(kService), m_dir.filePath(u"cancel.sealed"_s));
    QVERIFY(sealed);
    Result<JobStatus> job = createJob(*sealed);
    QVERIFY(job);
    Answer<Result<JobStatus>> canceled;
    m_jobs->cancel(job->jobId, canceled.setter());
    QTRY_VERIFY_WITH_TIMEOUT(canceled.value.has_value(), kTimeoutMs);
    QVERIFY(*canceled.value);
    QCOMPARE((*canceled.value)->state, u"CANCELED"_s);
    // No more uploads for it: a clear conflict.
    Result<void> refused = upload(job->jobId, sealed->path);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), ErrorCode::Conflict);
}

void TestJobCycle::otherClinicianSeesNotFound()
{
    QVERIFY(m_catalog);
    Result<SealedPayload> sealed =
        PayloadSealer::sealFiles(seriesFiles().mid(3), *m_catalog->find(kService), m_dir.filePath(u"own.sealed"_s));
    QVERIFY(sealed);
    Result<JobStatus> job = createJob(*sealed);
    QVERIFY(job);

    ApiClient otherApi(PlatformEndpoint {m_platform->url(), m_platform->pin(), m_platform->caCandidates()});
    LoginSession otherSession(otherApi);
    QString why;
    QVERIFY2(m_codes->signIn(otherSession, u"sato"_s, &why), qPrintable(why));
    JobClient otherJobs(otherApi);
    Answer<Result<JobStatus>> answer;
    otherJobs.status(job->jobId, answer.setter());
    QTRY_VERIFY_WITH_TIMEOUT(answer.value.has_value(), kTimeoutMs);
    QVERIFY(!*answer.value);
    QCOMPARE(answer.value->error().code(), ErrorCode::NotFound);
}

void TestJobCycle::malformedRequestsRefused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentRange");
    QTest::addColumn<int>("status");

    const QByteArray ok = R"({"serviceId":"conformance-echo","clientRequestId":"x1","payloadSize":10})";
    QTest::newRow("not JSON") << QByteArray("POST") << u"/v1/jobs"_s << QByteArray("{nope") << QByteArray() << 400;
    QTest::newRow("missing payloadSize") << QByteArray("POST") << u"/v1/jobs"_s
                                         << QByteArray(R"({"serviceId":"conformance-echo","clientRequestId":"x2"})")
                                         << QByteArray() << 400;
    QTest::newRow("payload over 4 GiB")
        << QByteArray("POST") << u"/v1/jobs"_s
        << QByteArray(R"({"serviceId":"conformance-echo","clientRequestId":"x3","payloadSize":5000000000})")
        << QByteArray() << 413;
    QTest::newRow("unknown service") << QByteArray("POST") << u"/v1/jobs"_s
                                     << QByteArray(R"({"serviceId":"no-such","clientRequestId":"x4","payloadSize":5})")
                                     << QByteArray() << 400;
    QTest::newRow("wrong key id")
        << QByteArray("POST") << u"/v1/jobs"_s
        << QByteArray(
               R"({"serviceId":"conformance-echo","clientRequestId":"x5","payloadSize":5,"keyId":"0000000000000000"})")
        << QByteArray() << 409;
    QTest::newRow("body over the route limit")
        << QByteArray("POST") << u"/v1/jobs"_s << QByteArray(20 * 1024, ' ') + ok << QByteArray() << 413;
    QTest::newRow("chunk without Content-Range")
        << QByteArray("PUT") << u"{job}/payload"_s << QByteArray("abc") << QByteArray() << 400;
    QTest::newRow("Content-Range total differs")
        << QByteArray("PUT") << u"{job}/payload"_s << QByteArray("abc") << QByteArray("bytes 0-2/11") << 400;
    QTest::newRow("Content-Range length differs")
        << QByteArray("PUT") << u"{job}/payload"_s << QByteArray("abc") << QByteArray("bytes 0-3/10") << 400;
    QTest::newRow("chunk beyond the offset")
        << QByteArray("PUT") << u"{job}/payload"_s << QByteArray("abc") << QByteArray("bytes 5-7/10") << 409;
    QTest::newRow("commit before the upload")
        << QByteArray("POST") << u"{job}/commit"_s << QByteArray() << QByteArray() << 409;
    QTest::newRow("result before completion")
        << QByteArray("GET") << u"{job}/result"_s << QByteArray() << QByteArray() << 409;
    QTest::newRow("malformed job id") << QByteArray("GET") << u"/v1/jobs/..%2F..%2Fauth"_s << QByteArray()
                                      << QByteArray() << 404;
}

void TestJobCycle::malformedRequestsRefused()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentRange);
    QFETCH(int, status);
    if (path.startsWith(u"{job}"_s)) {
        ApiRequestSpec create;
        create.method = "POST";
        create.path = u"/v1/jobs"_s;
        create.contentType = "application/json";
        create.body = QStringLiteral(R"({"serviceId":"conformance-echo","clientRequestId":"%1","payloadSize":10})")
                          .arg(QUuid::createUuid().toString(QUuid::WithoutBraces))
                          .toUtf8();
        ApiReply *created = m_api->send(create);
        QTRY_VERIFY_WITH_TIMEOUT(created->isFinished(), kTimeoutMs);
        QVERIFY(created->result());
        const QString id = created->result()->json()->value(u"jobId"_s).toString();
        delete created;
        path.replace(u"{job}"_s, u"/v1/jobs/"_s + id);
    }
    ApiRequestSpec spec;
    spec.method = method;
    spec.path = path;
    spec.body = body;
    spec.contentType = method == "PUT" ? QByteArray("application/octet-stream") : QByteArray("application/json");
    if (!contentRange.isEmpty())
        spec.headers.append({"Content-Range", contentRange});
    ApiReply *reply = m_api->send(spec);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kTimeoutMs);
    QVERIFY(!reply->result());
    QCOMPARE(reply->httpStatus(), status);
    QVERIFY(!reply->result().error().detail().isEmpty() || status == 404);
    delete reply;
    // The platform keeps serving.
    ApiReply *health = m_api->get(u"/v1/health"_s);
    QTRY_VERIFY_WITH_TIMEOUT(health->isFinished(), kTimeoutMs);
    QVERIFY(health->result());
    delete health;
}

void TestJobCycle::wrongPinnedCaRefused()
{
    ApiClient wrong(PlatformEndpoint {m_platform->url(), QByteArray(32, '\x42'), {}});
    ApiReply *reply = wrong.get(u"/v1/health"_s);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kTimeoutMs);
    QVERIFY(!reply->result());
    QCOMPARE(reply->result().error().code(), ErrorCode::TlsFailure);
    QCOMPARE(reply->httpStatus(), 0);
    delete reply;
    // The CA certificate offered by file does not help when it is not the pinned one either.
    ApiClient wrongFile(PlatformEndpoint {m_platform->url(), QByteArray(32, '\x42'), m_platform->caCandidates()});
    reply = wrongFile.get(u"/v1/health"_s);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kTimeoutMs);
    QVERIFY(!reply->result());
    QCOMPARE(reply->result().error().code(), ErrorCode::TlsFailure);
    delete reply;
}

void TestJobCycle::auditEventsStored()
{
    const auto post = [this](const QByteArray &body) {
        ApiRequestSpec spec;
        spec.method = "POST";
        spec.path = u"/v1/audit-events"_s;
        spec.body = body;
        spec.contentType = "application/json";
        return m_api->send(spec);
    };
    ApiReply *reply = post(R"([{"type":"job-submitted","job":"x"},{"type":"result-opened"}])");
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kTimeoutMs);
    QVERIFY2(reply->result(), reply->result() ? "" : qPrintable(reply->result().error().detail()));
    QCOMPARE(reply->httpStatus(), 202);
    QCOMPARE(reply->result()->json()->value(u"stored"_s).toInt(), 2);
    delete reply;
    QFile log(m_platform->statePath(u"audit/events.jsonl"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    QVERIFY(lines.size() >= 2);
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(last.value(u"clinician"_s).toString(), u"yamada"_s);
    QCOMPARE(last.value(u"event"_s).toObject().value(u"type"_s).toString(), u"result-opened"_s);
    // An event without a type is refused, nothing stored.
    reply = post(R"({"what":"x"})");
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kTimeoutMs);
    QCOMPARE(reply->httpStatus(), 400);
    delete reply;
}

void TestJobCycle::expiredSessionCertificateRefused()
{
    const QString state = m_dir.filePath(u"short"_s);
    Result<QByteArray> init = PlatformProcess::init(state);
    QVERIFY(init);
    PlatformProcess shortLived(state);
    const Result<void> started = shortLived.start(m_serveArgs + QStringList {u"--session-validity-seconds"_s, u"2"_s});
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    PlatformLogin codes(shortLived);
    ApiClient api(PlatformEndpoint {shortLived.url(), shortLived.pin(), {}});
    LoginSession::Options options;
    options.autoRenew = false;
    LoginSession session(api, options);
    Result<SoftwareCardSigner> card = SoftwareCardSigner::fromCardProfile(state + u"/clinicians/sato/card.json"_s);
    QVERIFY(card);
    bool signedIn = false;
    std::optional<Error> ended;
    connect(&session, &LoginSession::signedIn, this, [&] { signedIn = true; });
    connect(&session, &LoginSession::sessionEnded, this, [&](const Error &e) { ended = e; });
    session.login(*card, [&codes](const OtpPrompt &, OtpAnswer answer) { answer(codes.nextCode(u"sato"_s)); });
    QTRY_VERIFY_WITH_TIMEOUT(signedIn, kTimeoutMs);
    QTest::qWait(3000);
    JobClient jobs(api);
    Answer<Result<JobStatus>> answer;
    jobs.status(QString(32, u'0'), answer.setter());
    QTRY_VERIFY_WITH_TIMEOUT(answer.value.has_value(), kTimeoutMs);
    QVERIFY(!*answer.value);
    QCOMPARE(answer.value->error().code(), ErrorCode::SessionExpired);
    QTRY_VERIFY_WITH_TIMEOUT(ended.has_value(), kTimeoutMs);
    QCOMPARE(session.state(), LoginSession::State::SignedOut);
    QVERIFY(!api.hasClientCertificate());
}

QTEST_GUILESS_MAIN(TestJobCycle)
#include "TestJobCycle.moc"
