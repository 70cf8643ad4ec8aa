// TestNetworkFaults: the workstation's send pipeline (core/workflow JobQueue) against the real
// `haip-platform serve` over real TLS, through FaultProxy. Under each link profile (loopback, a
// 5G-like link, a bad mobile link with loss) and each fault (reset, truncate, corrupt, blackhole,
// in each direction and at each stage: create, upload, processing, download), a job either
// completes with a result byte-identical to the undisturbed run's, or fails with a clear error and
// completes byte-identically after a retry — never a hang, never a silently different result.
// The same holds for faults of the platform itself (serve --fault-plan): 5xx bursts, slow answers
// (shorter and longer than the client's timeout), and restarts in the middle of each stage.
// The upload time under each profile goes to test-artifacts/network-profiles.md.
// The service is "conformance-echo": it answers with the SHA-256 of every file it received, so a
// result identical to the baseline proves the platform got exactly the de-identified series.
#include "EchoService.h"
#include "FaultProxy.h"
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "common/Library.h"
#include "crypto/SecureBuffer.h"
#include "dicom/Phantom.h"
#include "platform/ApiClient.h"
#include "platform/JobClient.h"
#include "platform/LoginSession.h"
#include "workflow/JobQueue.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::workflow;
using haip::test::Direction;
using haip::test::Fault;
using haip::test::FaultProxy;
using haip::test::LinkProfile;

Q_DECLARE_METATYPE(haip::test::Fault)
Q_DECLARE_METATYPE(haip::test::Direction)
Q_DECLARE_METATYPE(haip::workflow::JobStage)
Q_DECLARE_METATYPE(haip::test::LinkProfile)

namespace {

constexpr int kIdleTimeoutMs = 3000; // a blackholed request gives up after this
constexpr int kJobTimeoutMs = 90000; // longer than any profile needs: reaching it is a hang

// The result files of a job, name → bytes.
QMap<QString, QByteArray> resultOf(const AnalysisJob &job)
{
    QMap<QString, QByteArray> files;
    for (const QString &name : job.resultFiles) {
        QFile f(QDir(job.resultDir).filePath(name));
        files.insert(name, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)"));
    }
    return files;
}

QString faultName(Fault f)
{
    switch (f) {
    case Fault::Reset:
        return u"reset"_s;
    case Fault::Truncate:
        return u"truncate"_s;
    case Fault::Corrupt:
        return u"corrupt"_s;
    case Fault::Blackhole:
        return u"blackhole"_s;
    }
    return {};
}

} // namespace

class TestNetworkFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void linkProfiles_data();
    void linkProfiles();
    void faults_data();
    void faults();
    void serverFaults_data();
    void serverFaults();
    void platformRestarts_data();
    void platformRestarts();

private:
    struct Run
    {
        QString id;
        qint64 uploadMs = -1;
    };
    // Submits the phantom and waits; arms `arm` once the job reaches `stage`.
    Run submitAndWait(JobQueue &queue, JobStage stage = JobStage::Preparing, const std::function<void()> &arm = {});
    std::unique_ptr<JobQueue> makeQueue();
    bool waitFinished(JobQueue &queue, const QString &id);
    void writeArtifacts();
    void writeFaultPlan(const QJsonObject &rule);
    // Completed byte-identical, or Failed with a clear reason and then Completed after a retry.
    void checkOutcome(JobQueue &queue, const QString &id);

    LibraryScope m_library;
    QTemporaryDir m_dir;
    std::unique_ptr<test::PlatformProcess> m_platform;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<platform::ApiClient> m_api;
    std::unique_ptr<platform::LoginSession> m_session;
    std::optional<platform::Catalog> m_catalog;
    dicom::PhantomResult m_phantom;
    crypto::SecureBuffer m_storeKey;
    crypto::SecureBuffer m_mapKey;
    QMap<QString, QByteArray> m_baseline;
    QStringList m_profileRows;
    QStringList m_faultRows;
    int m_queues = 0;
    QString m_faultPlan;
    QStringList m_serveArgs;
    QString m_lastOutcome;
};

void TestNetworkFaults::initTestCase()
{
    qRegisterMetaType<Fault>();
    qRegisterMetaType<Direction>();
    QVERIFY(m_dir.isValid());
    const QString state = m_dir.filePath(u"state"_s);
    Result<QByteArray> init = test::PlatformProcess::init(state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    const Result<void> installed = test::installEchoService(state);
    QVERIFY2(installed, installed ? "" : qPrintable(installed.error().detail()));
    Result<crypto::SpkiPin> pin = test::catalogPin(state);
    QVERIFY(pin);
    m_platform = std::make_unique<test::PlatformProcess>(state);
    m_faultPlan = m_dir.filePath(u"fault-plan.json"_s);
    m_serveArgs = test::relaxedRateLimits() + QStringList {u"--fault-plan"_s, m_faultPlan};
    const Result<void> started = m_platform->start(m_serveArgs);
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));

    // Every byte between the workstation and the platform passes the proxy.
    m_proxy = std::make_unique<FaultProxy>(m_platform->port());
    QVERIFY(m_proxy->listen());
    QUrl url = m_platform->url();
    url.setPort(m_proxy->port());
    platform::ApiClientOptions options;
    options.idleTimeoutMs = kIdleTimeoutMs;
    m_api = std::make_unique<platform::ApiClient>(platform::PlatformEndpoint {url, m_platform->pin(), {}}, options);
    m_session = std::make_unique<platform::LoginSession>(*m_api);
    test::PlatformLogin codes(*m_platform);
    QString why;
    QVERIFY2(codes.signIn(*m_session, u"yamada"_s, &why), qPrintable(why));

    platform::JobClient jobs(*m_api);
    std::optional<Result<platform::Catalog>> catalog;
    jobs.fetchCatalog(*pin, [&](Result<platform::Catalog> c) { catalog = std::move(c); });
    QTRY_VERIFY_WITH_TIMEOUT(catalog.has_value(), 30000);
    QVERIFY2(*catalog, *catalog ? "" : qPrintable(catalog->error().detail()));
    m_catalog = std::move(**catalog);
    QVERIFY(m_catalog->find(QLatin1String(test::kEchoService)));

    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::ChestCt;
    o.rows = o.columns = 256;
    o.slices = 24;
    o.outputDir = m_dir.filePath(u"chest"_s);
    Result<dicom::PhantomResult> phantom = dicom::PhantomGenerator::generate(o);
    QVERIFY2(phantom, phantom ? "" : qPrintable(phantom.error().detail()));
    m_phantom = *phantom;
    m_storeKey = test::randomKey();
    m_mapKey = test::randomKey();

    // The undisturbed run every other run is compared with.
    std::unique_ptr<JobQueue> queue = makeQueue();
    const Run run = submitAndWait(*queue);
    const AnalysisJob *job = queue->job(run.id);
    QVERIFY(job);
    QVERIFY2(job->stage == JobStage::Completed, qPrintable(job->failure.codeName() + u" "_s + job->failure.detail()));
    m_baseline = resultOf(*job);
    QVERIFY2(m_baseline.contains(u"findings.json"_s), qPrintable(job->resultFiles.join(u", "_s)));
    QVERIFY(m_baseline.value(u"findings.json"_s).contains("\"partCount\": 24"));
    QVERIFY2(job->payloadBytes > 1024 * 1024, qPrintable(QString::number(job->payloadBytes)));
}

void TestNetworkFaults::cleanupTestCase()
{
    writeArtifacts();
    m_session.reset();
    m_api.reset();
    m_proxy.reset();
    if (m_platform)
        m_platform->stop();
}

std::unique_ptr<JobQueue> TestNetworkFaults::makeQueue()
{
    JobEnvironment env;
    env.deidSecret = QByteArray(32, 'k');
    env.mapPath = m_dir.filePath(u"deid/map.sealed"_s);
    env.mapKey = m_mapKey;
    env.pollIntervalMs = 200;
    // Each run its own job store, so no earlier job continues in it.
    auto queue =
        std::make_unique<JobQueue>(JobStore(m_dir.filePath(u"jobs-%1"_s).arg(++m_queues), m_storeKey), std::move(env));
    queue->setCatalog(*m_catalog);
    queue->setConnection(m_api.get(), u"yamada"_s);
    return queue;
}

bool TestNetworkFaults::waitFinished(JobQueue &queue, const QString &id)
{
    return QTest::qWaitFor([&] { return queue.job(id) && queue.job(id)->isFinished(); }, kJobTimeoutMs);
}

TestNetworkFaults::Run
TestNetworkFaults::submitAndWait(JobQueue &queue, JobStage stage, const std::function<void()> &arm)
{
    Run run;
    QElapsedTimer uploading;
    bool armed = !arm;
    const QMetaObject::Connection watch = connect(&queue, &JobQueue::jobChanged, this, [&](const QString &id) {
        const AnalysisJob *job = queue.job(id);
        if (!job)
            return;
        if (!armed && job->stage == stage) {
            armed = true;
            arm();
        }
        if (job->stage == JobStage::Uploading && !uploading.isValid())
            uploading.start();
        if (job->stage != JobStage::Uploading && uploading.isValid() && run.uploadMs < 0)
            run.uploadMs = uploading.elapsed();
    });
    AnalysisRequest r;
    r.serviceId = QLatin1String(test::kEchoService);
    r.studyInstanceUid = m_phantom.studyInstanceUid;
    r.seriesInstanceUid = m_phantom.seriesInstanceUid;
    r.modality = u"CT"_s;
    r.files = m_phantom.files;
    r.original.studyInstanceUid = m_phantom.studyInstanceUid;
    Result<QString> id = queue.submit(r);
    if (id) {
        run.id = *id;
        waitFinished(queue, run.id);
    }
    disconnect(watch);
    return run;
}

void TestNetworkFaults::linkProfiles_data()
{
    QTest::addColumn<LinkProfile>("profile");
    QTest::newRow("loopback") << LinkProfile {u"loopback"_s, 0, 0, 0};
    QTest::newRow("5G-like") << LinkProfile {u"5G-like: 50 Mbit/s, 30 ms"_s, 30, 50'000'000, 0};
    QTest::newRow("bad mobile") << LinkProfile {u"bad mobile: 2 Mbit/s, 100 ms, 1 % loss"_s, 100, 2'000'000, 1.0};
}

void TestNetworkFaults::linkProfiles()
{
    QFETCH(LinkProfile, profile);
    m_proxy->setProfile(profile);
    std::unique_ptr<JobQueue> queue = makeQueue();
    const Run run = submitAndWait(*queue);
    m_proxy->setProfile({});
    const AnalysisJob *job = queue->job(run.id);
    QVERIFY(job);
    QVERIFY2(job->isFinished(), "the job hung");
    QVERIFY2(job->stage == JobStage::Completed, qPrintable(job->failure.codeName() + u" "_s + job->failure.detail()));
    QCOMPARE(resultOf(*job), m_baseline);
    QVERIFY(run.uploadMs > 0);
    // The link really was that slow: the payload cannot have crossed faster than its bandwidth.
    if (profile.bitsPerSecond > 0)
        QVERIFY2(run.uploadMs >= job->payloadBytes * 8 * 1000 / profile.bitsPerSecond,
                 qPrintable(QString::number(run.uploadMs)));
    const double mbit = double(job->payloadBytes) * 8 / 1e6;
    m_profileRows.append(u"| %1 | %2 | %3 | %4 |"_s.arg(profile.name)
                             .arg(double(job->payloadBytes) / (1024 * 1024), 0, 'f', 2)
                             .arg(double(run.uploadMs) / 1000, 0, 'f', 2)
                             .arg(mbit / (double(run.uploadMs) / 1000), 0, 'f', 1));
    qInfo("%s: %lld bytes uploaded in %lld ms", qPrintable(profile.name), job->payloadBytes, run.uploadMs);
}

void TestNetworkFaults::faults_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<Direction>("direction");
    QTest::addColumn<JobStage>("stage");
    QTest::addColumn<qint64>("after"); // bytes past the moment the job reached `stage`
    const auto row = [](Fault f, Direction d, JobStage s, const char *stage, qint64 after) {
        const QString name =
            u"%1 %2 %3"_s.arg(faultName(f), d == Direction::Upstream ? u"up"_s : u"down"_s, QLatin1String(stage));
        QTest::newRow(qPrintable(name)) << f << d << s << after;
    };
    for (Fault f : {Fault::Reset, Fault::Truncate, Fault::Corrupt, Fault::Blackhole}) {
        row(f, Direction::Upstream, JobStage::Creating, "create", 200);
        row(f, Direction::Upstream, JobStage::Uploading, "upload", 600 * 1024);
        row(f, Direction::Downstream, JobStage::Uploading, "upload", 3000);
        row(f, Direction::Downstream, JobStage::Processing, "processing", 300);
        row(f, Direction::Downstream, JobStage::Downloading, "download", 2000);
    }
}

void TestNetworkFaults::faults()
{
    QFETCH(Fault, fault);
    QFETCH(Direction, direction);
    QFETCH(JobStage, stage);
    QFETCH(qint64, after);
    std::unique_ptr<JobQueue> queue = makeQueue();
    const int firedBefore = m_proxy->faultsFired();
    const Run run = submitAndWait(*queue, stage, [&] { m_proxy->inject(fault, direction, after, 500); });
    m_proxy->disarm();
    QCOMPARE(m_proxy->faultsFired(), firedBefore + 1); // the fault did hit the job
    checkOutcome(*queue, run.id);
}

void TestNetworkFaults::checkOutcome(JobQueue &queue, const QString &id)
{
    m_lastOutcome.clear();
    const AnalysisJob *job = queue.job(id);
    QVERIFY(job);
    QVERIFY2(job->isFinished(), qPrintable(u"the job hung at "_s + stageKeyword(job->stage)));
    QString outcome = u"completed"_s;
    if (job->stage == JobStage::Failed) {
        // A clear, translated reason, and a retry that completes.
        QVERIFY(job->failure.code() != ErrorCode::None);
        QVERIFY2(!job->failure.message().isEmpty(), qPrintable(job->failure.codeName()));
        outcome = u"failed (%1: %2), retried → completed"_s.arg(job->failure.codeName(), job->failure.message());
        queue.retry(id);
        QVERIFY2(waitFinished(queue, id), "the retry hung");
        job = queue.job(id);
        QVERIFY2(job->stage == JobStage::Completed,
                 qPrintable(job->failure.codeName() + u" "_s + job->failure.detail()));
    }
    QVERIFY2(job->stage == JobStage::Completed, qPrintable(stageKeyword(job->stage)));
    QCOMPARE(resultOf(*job), m_baseline);
    m_lastOutcome = outcome;
    m_faultRows.append(u"| %1 %2 | %3 |"_s.arg(
        QString::fromLatin1(QTest::currentTestFunction()), QString::fromLatin1(QTest::currentDataTag()), outcome));
}

void TestNetworkFaults::writeFaultPlan(const QJsonObject &rule)
{
    QFile f(m_faultPlan);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    const QByteArray plan = QJsonDocument(QJsonObject {{u"rules"_s, QJsonArray {rule}}}).toJson();
    QCOMPARE(f.write(plan), plan.size());
}

void TestNetworkFaults::serverFaults_data()
{
    QTest::addColumn<JobStage>("stage");
    QTest::addColumn<QJsonObject>("rule");
    QTest::addColumn<bool>("mayFail"); // longer than the client's retries: a clear failure is right
    const auto rule = [](const char *method, const char *prefix, int status, int count, int delayMs) {
        return QJsonObject {{u"method"_s, QLatin1String(method)},
                            {u"pathPrefix"_s, QLatin1String(prefix)},
                            {u"status"_s, status},
                            {u"count"_s, count},
                            {u"delayMs"_s, delayMs}};
    };
    QTest::newRow("503 burst on create") << JobStage::Creating << rule("POST", "/v1/jobs", 503, 3, 0) << false;
    QTest::newRow("503 longer than the retries on create")
        << JobStage::Creating << rule("POST", "/v1/jobs", 503, 5, 0) << true;
    QTest::newRow("500 burst on upload") << JobStage::Uploading << rule("PUT", "/v1/jobs/", 500, 4, 0) << false;
    QTest::newRow("502 burst on polls") << JobStage::Processing << rule("GET", "/v1/jobs/", 502, 4, 0) << false;
    QTest::newRow("503 burst on download") << JobStage::Downloading << rule("GET", "/v1/jobs/", 503, 3, 0) << false;
    QTest::newRow("slow polls (1.5 s)") << JobStage::Processing << rule("GET", "/v1/jobs/", 0, 4, 1500) << false;
    QTest::newRow("slow past the timeout (4 s) on download")
        << JobStage::Downloading << rule("GET", "/v1/jobs/", 0, 2, 4000) << false;
    QTest::newRow("slow past the timeout (4 s) on upload")
        << JobStage::Uploading << rule("PUT", "/v1/jobs/", 0, 2, 4000) << false;
}

void TestNetworkFaults::serverFaults()
{
    QFETCH(JobStage, stage);
    QFETCH(QJsonObject, rule);
    QFETCH(bool, mayFail);
    std::unique_ptr<JobQueue> queue = makeQueue();
    const qsizetype appliedBefore = m_platform->serverLog().count("fault plan applied");
    const Run run = submitAndWait(*queue, stage, [&] { writeFaultPlan(rule); });
    QFile::remove(m_faultPlan);
    // The platform did misbehave as planned: each error answer of a burst was met (and retried);
    // a slowed request may have been the last one the job needed.
    const qsizetype applied = m_platform->serverLog().count("fault plan applied") - appliedBefore;
    if (rule.value(u"status"_s).toInt() != 0)
        QCOMPARE(applied, rule.value(u"count"_s).toInt());
    else
        QVERIFY2(applied >= 1, qPrintable(QString::number(applied)));
    const AnalysisJob *job = queue->job(run.id);
    QVERIFY(job);
    const bool failed = job->stage == JobStage::Failed;
    checkOutcome(*queue, run.id);
    if (!mayFail)
        QVERIFY2(!failed, qPrintable(m_lastOutcome)); // within the retries: ridden through
    else {
        QVERIFY2(failed, "the burst outlasted the retries, yet the job did not say so");
        // An overloaded platform is out of reach for now, not a fault to report to IT.
        QVERIFY2(m_lastOutcome.contains(u"network-unavailable"_s), qPrintable(m_lastOutcome));
        QVERIFY2(m_lastOutcome.contains(u"The platform 127.0.0.1:"_s), qPrintable(m_lastOutcome));
    }
}

void TestNetworkFaults::platformRestarts_data()
{
    QTest::addColumn<JobStage>("stage");
    QTest::newRow("upload") << JobStage::Uploading;
    QTest::newRow("processing") << JobStage::Processing;
    QTest::newRow("download") << JobStage::Downloading;
}

void TestNetworkFaults::platformRestarts()
{
    QFETCH(JobStage, stage);
    std::unique_ptr<JobQueue> queue = makeQueue();
    const quint16 port = m_platform->port();
    bool restarted = false;
    const Run run = submitAndWait(*queue, stage, [&] {
        m_platform->stop();
        // Back after a second on the same port, as a restarted server is.
        QTimer::singleShot(1000, this, [&] {
            restarted = bool(m_platform->start(m_serveArgs + QStringList {u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)}));
        });
    });
    QVERIFY(QTest::qWaitFor([&] { return m_platform->isRunning(); }, 10000));
    QVERIFY(restarted);
    checkOutcome(*queue, run.id);
}

void TestNetworkFaults::writeArtifacts()
{
    QFile f(QDir(test::artifactsDir()).filePath(u"network-profiles.md"_s));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    QByteArray text = "# Upload time of one job under each link profile (TestNetworkFaults)\n\n";
    text += "| Profile | Payload MiB | Upload s | Mbit/s |\n|---|---|---|---|\n";
    text += m_profileRows.join(u'\n').toUtf8() + "\n\n# Faults: what the job did\n\n";
    text += "| Fault | Outcome |\n|---|---|\n" + m_faultRows.join(u'\n').toUtf8() + "\n";
    f.write(text);
}

QTEST_GUILESS_MAIN(TestNetworkFaults)
#include "TestNetworkFaults.moc"
