// TestAnalysisJobs: the workstation's send pipeline (core/workflow) against the real
// `haip-platform serve` and its chest-ct-nodule service: a generated chest CT submitted through
// JobQueue is de-identified, re-encoded as JPEG-LS, sealed, uploaded, analysed, downloaded,
// opened and re-linked — the SEG and SR filed under the original study, their references
// pointing at the original images; the audit trail names the pseudonymous study only; the
// patient's name reaches neither the platform's state nor the payload. A queue dropped in the
// middle of the upload and built again from its store continues the same platform job; a
// cancelled job ends at the platform too; a failed job can be retried. A process killed (SIGKILL)
// in the middle of its upload leaves a job that a new process continues to the same findings; so
// does one killed at 20 random points of the whole send pipeline, the job store and the audit
// trail staying consistent each time (test-artifacts/kill-recovery.md lists where each kill hit).
#include "PlatformLogin.h"
#include "PlatformProcess.h"
#include "TestSupport.h"
#include "audit/AuditEvent.h"
#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "common/Library.h"
#include "crypto/SecureBuffer.h"
#include "dicom/DicomFile.h"
#include "dicom/Phantom.h"
#include "platform/ApiClient.h"
#include "platform/JobClient.h"
#include "platform/LoginSession.h"
#include "platform/SessionFile.h"
#include "workflow/JobQueue.h"
#include "workflow/JobRunner.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtTest>

#include <csignal>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace haip;
using namespace haip::workflow;
using haip::test::PlatformLogin;
using haip::test::PlatformProcess;

namespace {

constexpr int kJobTimeoutMs = 180000;
const QString kService = u"chest-ct-nodule"_s;
// Unique enough to be found by a byte search anywhere it leaked.
const QString kPatientName = u"Zyxwvut^Qorlenka=山田^花子"_s;
const QString kPatientId = u"PID-7Q3X9Z"_s;

// Every file under `root` whose bytes contain `needle`.
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits.append(f.fileName());
    }
    return hits;
}

// The dcmdump text of a file (DCMTK, independent of our reader).
QString dump(const QString &path)
{
    QProcess p;
    p.start(u"dcmdump"_s, {u"+U8"_s, u"-q"_s, path});
    if (!p.waitForFinished(30000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

dicom::InstanceInfo infoOf(const QString &path)
{
    Result<dicom::DicomFile> file = dicom::DicomFile::open(path, dicom::DicomFile::Content::HeaderOnly);
    return file ? file->info() : dicom::InstanceInfo();
}

// What the service found, without the identifiers that differ from run to run.
QJsonArray findingsOf(const AnalysisJob &job)
{
    QFile f(QDir(job.resultDir).filePath(u"findings.json"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QJsonArray out;
    for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll()).object().value(u"findings"_s).toArray()) {
        QJsonObject finding = v.toObject();
        for (const char *key : {"tracking_uid", "slice_sop_instance_uid"})
            finding.remove(QLatin1String(key));
        out.append(finding);
    }
    return out;
}

// The child process of the kill tests: adopts the parent's session and submits the phantom. With
// HAIP_CHILD_SELF_KILL it kills itself with SIGKILL once part of the payload is stored; without,
// it reports each stage on stdout ("submitted", "stage <keyword>") and runs until the parent kills
// it (or the job ends: exit 0). Its audit events go to HAIP_CHILD_AUDIT when set.
int runChild()
{
    LibraryScope library;
    const auto env = [](const char *name) {
        return qEnvironmentVariable(name);
    };
    Result<platform::SessionFile> session = platform::SessionFile::load(env("HAIP_CHILD_SESSION"));
    Result<crypto::SpkiPin> pin = crypto::SpkiPin::parse(env("HAIP_CHILD_CATALOG_PIN"));
    if (!session || !pin)
        return 3;
    platform::ApiClient api(platform::PlatformEndpoint {session->platform, session->caPin, {}});
    api.setClientCertificate(session->chain, session->key.sslKey());
    platform::JobClient jobs(api);
    std::optional<Result<platform::Catalog>> catalog;
    jobs.fetchCatalog(*pin, [&](Result<platform::Catalog> c) { catalog = std::move(c); });
    if (!QTest::qWaitFor([&] { return catalog.has_value(); }, 30000) || !*catalog)
        return 4;
    JobEnvironment e;
    e.deidSecret = QByteArray(32, 'k');
    e.mapPath = env("HAIP_CHILD_MAP");
    e.mapKey = crypto::SecureBuffer::fromBytes(QByteArray::fromHex(env("HAIP_CHILD_MAP_KEY").toLatin1()));
    e.uploadChunkBytes = 64 * 1024;
    std::optional<audit::AuditLog> log;
    if (qEnvironmentVariableIsSet("HAIP_CHILD_AUDIT")) {
        Result<audit::AuditLog> opened = audit::AuditLog::open(env("HAIP_CHILD_AUDIT"), u"test-ws"_s);
        if (!opened)
            return 8;
        log.emplace(std::move(*opened));
        e.audit = [&log](const audit::AuditEvent &event) {
            if (!log->append(event))
                ::_exit(9);
        };
    }
    JobQueue queue(
        JobStore(env("HAIP_CHILD_JOBS"),
                 crypto::SecureBuffer::fromBytes(QByteArray::fromHex(env("HAIP_CHILD_STORE_KEY").toLatin1()))),
        std::move(e));
    queue.setCatalog(**catalog);
    queue.setConnection(&api, session->info.clinician.id);
    AnalysisRequest r;
    r.serviceId = kService;
    r.studyInstanceUid = env("HAIP_CHILD_STUDY");
    r.modality = u"CT"_s;
    r.files = env("HAIP_CHILD_FILES").split(u'\n');
    r.original.studyInstanceUid = r.studyInstanceUid;
    Result<QString> id = queue.submit(r);
    if (!id)
        return 5;
    if (!qEnvironmentVariableIsSet("HAIP_CHILD_SELF_KILL")) {
        QTextStream out(stdout);
        out << "submitted" << Qt::endl;
        QObject::connect(&queue, &JobQueue::jobChanged, [&](const QString &changed) {
            out << "stage " << stageKeyword(queue.job(changed)->stage) << Qt::endl;
        });
        return QTest::qWaitFor([&] { return queue.job(*id)->isFinished(); }, 120000) ? 0 : 7;
    }
    QObject::connect(&queue, &JobQueue::jobChanged, [&](const QString &changed) {
        const AnalysisJob *job = queue.job(changed);
        if (job && job->stage == JobStage::Uploading && job->uploadedBytes > 0 &&
            job->uploadedBytes < job->payloadBytes)
            ::kill(::getpid(), SIGKILL);
    });
    // Reaching the end means no progress was seen between the first and the last byte.
    return QTest::qWaitFor([&] { return queue.job(*id)->isFinished(); }, 120000) ? 6 : 7;
}

} // namespace

class TestAnalysisJobs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void jobRunsToARelinkedResult();
    void queueRebuiltMidUploadContinuesTheSameJob();
    void signOutPausesAndSignInContinues();
    void unsavableRecordIsReported();
    void cancelEndsTheJobAtThePlatform();
    void failedJobIsRetried();
    void killedMidUploadResumesToTheSameFindings();
    void killedAtRandomPointsRecovers();

private:
    std::unique_ptr<JobQueue> makeQueue();
    // The queue a new process builds over a killed child's job store (not yet connected).
    std::unique_ptr<JobQueue> reopenQueue(const QString &jobs) const;
    QString saveSessionForChild();
    QProcessEnvironment childEnvironment(const QString &sessionPath, const QString &jobs) const;
    AnalysisRequest request() const;
    bool waitFinished(JobQueue &queue, const QString &id, int timeoutMs = kJobTimeoutMs);

    LibraryScope m_library;
    QTemporaryDir m_dir;
    std::unique_ptr<PlatformProcess> m_platform;
    std::unique_ptr<PlatformLogin> m_codes;
    std::unique_ptr<platform::ApiClient> m_api;
    std::unique_ptr<platform::LoginSession> m_session;
    std::optional<platform::Catalog> m_catalog;
    dicom::PhantomResult m_phantom;
    crypto::SecureBuffer m_storeKey;
    crypto::SecureBuffer m_mapKey;
    QString m_auditPath;
    std::optional<audit::AuditLog> m_audit;
    QJsonArray m_findings; // of the first complete run, without identifiers
};

void TestAnalysisJobs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString state = m_dir.filePath(u"state"_s);
    Result<QByteArray> init = PlatformProcess::init(state);
    QVERIFY2(init, init ? "" : qPrintable(init.error().detail()));
    Result<crypto::SpkiPin> pin = test::catalogPin(state);
    QVERIFY(pin);
    m_platform = std::make_unique<PlatformProcess>(state);
    const Result<void> started = m_platform->start();
    QVERIFY2(started, started ? "" : qPrintable(started.error().detail()));
    m_codes = std::make_unique<PlatformLogin>(*m_platform);
    m_api =
        std::make_unique<platform::ApiClient>(platform::PlatformEndpoint {m_platform->url(), m_platform->pin(), {}});
    m_session = std::make_unique<platform::LoginSession>(*m_api);
    QString why;
    QVERIFY2(m_codes->signIn(*m_session, u"yamada"_s, &why), qPrintable(why));

    platform::JobClient jobs(*m_api);
    std::optional<Result<platform::Catalog>> catalog;
    jobs.fetchCatalog(*pin, [&](Result<platform::Catalog> c) { catalog = std::move(c); });
    QTRY_VERIFY_WITH_TIMEOUT(catalog.has_value(), 30000);
    QVERIFY2(*catalog, *catalog ? "" : qPrintable(catalog->error().detail()));
    m_catalog = std::move(**catalog);
    QVERIFY(m_catalog->find(kService));
    QVERIFY(m_catalog->find(kService)->transferSyntaxes.contains(u"1.2.840.10008.1.2.4.80"_s));

    // A small chest CT the service accepts (≤ 2.5 mm slices, ≥ 20 slices).
    dicom::PhantomOptions o;
    o.kind = dicom::PhantomKind::ChestCt;
    o.rows = o.columns = 192;
    o.slices = 64;
    o.sliceSpacing = 2.5;
    o.outputDir = m_dir.filePath(u"chest"_s);
    Result<dicom::PhantomResult> phantom = dicom::PhantomGenerator::generate(o);
    QVERIFY2(phantom, phantom ? "" : qPrintable(phantom.error().detail()));
    m_phantom = *phantom;
    // The phantom's patient gets a name nobody else has, in the files themselves.
    for (const QString &file : m_phantom.files) {
        QProcess p;
        p.start(u"dcmodify"_s,
                {u"-nb"_s,
                 u"-i"_s,
                 u"(0008,0005)=ISO_IR 192"_s,
                 u"-m"_s,
                 u"(0010,0010)="_s + kPatientName,
                 u"-m"_s,
                 u"(0010,0020)="_s + kPatientId,
                 file});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
    }
    m_storeKey = test::randomKey();
    m_mapKey = test::randomKey();
    m_auditPath = m_dir.filePath(u"audit/audit.jsonl"_s);
    Result<audit::AuditLog> log = audit::AuditLog::open(m_auditPath, u"test-ws"_s);
    QVERIFY(log);
    m_audit.emplace(std::move(*log));
}

void TestAnalysisJobs::cleanupTestCase()
{
    m_session.reset();
    m_api.reset();
    if (m_platform)
        m_platform->stop();
}

std::unique_ptr<JobQueue> TestAnalysisJobs::makeQueue()
{
    JobEnvironment env;
    env.deidSecret = QByteArray(32, 'k');
    env.mapPath = m_dir.filePath(u"deid/map.sealed"_s);
    env.mapKey = m_mapKey;
    env.pollIntervalMs = 250;
    env.audit = [this](const audit::AuditEvent &event) {
        QVERIFY(m_audit->append(event));
    };
    auto queue = std::make_unique<JobQueue>(JobStore(m_dir.filePath(u"jobs"_s), m_storeKey), std::move(env));
    queue->setCatalog(*m_catalog);
    return queue;
}

AnalysisRequest TestAnalysisJobs::request() const
{
    const dicom::InstanceInfo info = infoOf(m_phantom.files.front());
    AnalysisRequest r;
    r.serviceId = kService;
    r.studyInstanceUid = m_phantom.studyInstanceUid;
    r.seriesInstanceUid = m_phantom.seriesInstanceUid;
    r.modality = u"CT"_s;
    r.files = m_phantom.files;
    r.original.studyInstanceUid = m_phantom.studyInstanceUid;
    r.original.patientName = info.patientName;
    r.original.patientId = info.patientId;
    r.original.studyDate = info.studyDate;
    return r;
}

bool TestAnalysisJobs::waitFinished(JobQueue &queue, const QString &id, int timeoutMs)
{
    return QTest::qWaitFor([&] { return queue.job(id) && queue.job(id)->isFinished(); }, timeoutMs);
}

void TestAnalysisJobs::jobRunsToARelinkedResult()
{
    std::unique_ptr<JobQueue> queue = makeQueue();
    queue->setConnection(m_api.get(), u"yamada"_s);
    QSignalSpy finished(queue.get(), &JobQueue::jobFinished);
    Result<QString> id = queue->submit(request());
    QVERIFY2(id, id ? "" : qPrintable(id.error().detail()));
    QVERIFY(waitFinished(*queue, *id));
    const AnalysisJob job = *queue->job(*id);
    QVERIFY2(job.stage == JobStage::Completed, qPrintable(job.failure.codeName() + u" "_s + job.failure.detail()));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!job.platformJobId.isEmpty());
    QVERIFY(job.pseudonymousStudyUid != m_phantom.studyInstanceUid);
    QVERIFY(!QFile::exists(job.payloadPath)); // gone once the platform held it
    QVERIFY2(job.resultFiles.size() >= 3, qPrintable(job.resultFiles.join(u", "_s)));

    // The SEG belongs to the original study: study UID, patient, frame of reference and every
    // referenced image are the originals again.
    QString segPath;
    for (const QString &name : job.resultFiles) {
        if (name.endsWith(u".dcm"_s) &&
            dump(QDir(job.resultDir).filePath(name)).contains(u"(0008,0016) UI =SegmentationStorage"_s))
            segPath = QDir(job.resultDir).filePath(name);
    }
    QVERIFY2(!segPath.isEmpty(), "no SEG among the result files");
    const QString seg = dump(segPath);
    QVERIFY(seg.contains(m_phantom.studyInstanceUid));
    QVERIFY(seg.contains(kPatientName));
    QVERIFY(seg.contains(kPatientId));
    QVERIFY(!seg.contains(job.pseudonymousStudyUid));
    const dicom::InstanceInfo first = infoOf(m_phantom.files.front());
    QVERIFY(!first.frameOfReferenceUid.isEmpty());
    QVERIFY(seg.contains(first.frameOfReferenceUid));
    QSet<QString> originals;
    for (const QString &file : m_phantom.files)
        originals.insert(infoOf(file).sopInstanceUid);
    static const QRegularExpression referenced(u"\\(0008,1155\\) UI \\[([0-9.]+)\\]"_s);
    int references = 0;
    for (auto m = referenced.globalMatch(seg); m.hasNext(); ++references) {
        const QString uid = m.next().captured(1);
        QVERIFY2(originals.contains(uid), qPrintable(u"SEG references an image not in the study: "_s + uid));
    }
    QVERIFY(references > 0);

    // The audit trail: de-identification, send (with the payload's digest) and result, under the
    // pseudonymous study; never the patient's name or ID.
    QFile log(m_auditPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray trail = log.readAll();
    for (const char *action : {"\"deidentify\"", "\"send\"", "\"result-received\""})
        QVERIFY2(trail.contains(action), action);
    QVERIFY(trail.contains(job.payloadSha256.toLatin1()));
    QVERIFY(trail.contains(job.pseudonymousStudyUid.toLatin1()));
    QVERIFY(!trail.contains(kPatientId.toLatin1()));
    QVERIFY(!trail.contains("Zyxwvut"));

    // Nothing the platform stored (payload, worker files, logs) holds the name or the ID.
    QCOMPARE(filesContaining(m_platform->stateDir(), "Zyxwvut"), QStringList());
    QCOMPARE(filesContaining(m_platform->stateDir(), kPatientId.toLatin1()), QStringList());
    QVERIFY(!m_platform->serverLog().contains("Zyxwvut"));

    m_findings = findingsOf(job);
    QVERIFY(!m_findings.isEmpty());

    // Read back from the store by a new queue: still completed, with its files.
    queue.reset();
    std::unique_ptr<JobQueue> again = makeQueue();
    QVERIFY(again->job(*id));
    QCOMPARE(again->job(*id)->stage, JobStage::Completed);
    QCOMPARE(again->completedForStudy(m_phantom.studyInstanceUid).size(), 1);
    QVERIFY(again->remove(*id));
    QVERIFY(!QFile::exists(segPath));
}

void TestAnalysisJobs::queueRebuiltMidUploadContinuesTheSameJob()
{
    QString id;
    QString platformJob;
    {
        std::unique_ptr<JobQueue> queue = makeQueue();
        queue->setConnection(m_api.get(), u"yamada"_s);
        Result<QString> submitted = queue->submit(request());
        QVERIFY(submitted);
        id = *submitted;
        // Dropped as soon as the upload is under way (the record says Uploading).
        QVERIFY(QTest::qWaitFor(
            [&] { return queue->job(id)->stage == JobStage::Uploading || queue->job(id)->isFinished(); }, 60000));
        QCOMPARE(queue->job(id)->stage, JobStage::Uploading);
        platformJob = queue->job(id)->platformJobId;
        QVERIFY(!platformJob.isEmpty());
    }
    std::unique_ptr<JobQueue> queue = makeQueue();
    QVERIFY(queue->job(id));
    QCOMPARE(queue->job(id)->stage, JobStage::Uploading);
    queue->setConnection(m_api.get(), u"yamada"_s);
    QVERIFY(waitFinished(*queue, id));
    QVERIFY2(queue->job(id)->stage == JobStage::Completed, qPrintable(queue->job(id)->failure.detail()));
    QCOMPARE(queue->job(id)->platformJobId, platformJob);
    QVERIFY(queue->remove(id));
}

void TestAnalysisJobs::signOutPausesAndSignInContinues()
{
    // Small chunks, so the sign-out lands in the middle of the upload.
    std::unique_ptr<JobQueue> queue =
        std::make_unique<JobQueue>(JobStore(m_dir.filePath(u"jobs"_s), m_storeKey), [this] {
            JobEnvironment e;
            e.deidSecret = QByteArray(32, 'k');
            e.mapPath = m_dir.filePath(u"deid/map.sealed"_s);
            e.mapKey = m_mapKey;
            e.pollIntervalMs = 250;
            e.uploadChunkBytes = 64 * 1024;
            return e;
        }());
    queue->setCatalog(*m_catalog);
    queue->setConnection(m_api.get(), u"yamada"_s);
    Result<QString> id = queue->submit(request());
    QVERIFY(id);
    QVERIFY(
        QTest::qWaitFor([&] { return queue->job(*id)->uploadedBytes > 0 || queue->job(*id)->isFinished(); }, 60000));
    QCOMPARE(queue->job(*id)->stage, JobStage::Uploading);
    const QString platformJob = queue->job(*id)->platformJobId;
    queue->setConnection(nullptr, {}); // signed out
    // Paused, not failed: nothing moves while nobody is signed in.
    const qint64 held = queue->job(*id)->uploadedBytes;
    QTest::qWait(1500);
    QCOMPARE(queue->job(*id)->stage, JobStage::Uploading);
    QCOMPARE(queue->job(*id)->uploadedBytes, held);
    QCOMPARE(queue->job(*id)->failure.code(), ErrorCode::None);
    queue->setConnection(m_api.get(), u"yamada"_s); // signed in again
    QVERIFY(waitFinished(*queue, *id));
    QVERIFY2(queue->job(*id)->stage == JobStage::Completed, qPrintable(queue->job(*id)->failure.detail()));
    QCOMPARE(queue->job(*id)->platformJobId, platformJob);
    QVERIFY(queue->remove(*id));
}

void TestAnalysisJobs::unsavableRecordIsReported()
{
    std::unique_ptr<JobQueue> queue = makeQueue();
    QSignalSpy saveFailed(queue.get(), &JobQueue::jobSaveFailed);
    queue->setConnection(m_api.get(), u"yamada"_s);
    Result<QString> id = queue->submit(request());
    QVERIFY(id);
    QVERIFY(QTest::qWaitFor([&] { return queue->job(*id)->stage != JobStage::Preparing; }, 60000));
    // Its record becomes unwritable (a folder in its place: even root cannot rename over it).
    const QString record = m_dir.filePath(u"jobs/%1.job"_s.arg(*id));
    QVERIFY(QFile::remove(record));
    QVERIFY(QDir().mkpath(record + u"/blocked"_s));
    QVERIFY(waitFinished(*queue, *id));
    QCOMPARE(queue->job(*id)->stage, JobStage::Completed); // the work itself went on
    QCOMPARE(saveFailed.count(), 1); // said once, not at every step
    QCOMPARE(saveFailed.front().at(0).toString(), *id);
    QVERIFY(QDir(record).removeRecursively());
    QVERIFY(queue->remove(*id));
}

void TestAnalysisJobs::cancelEndsTheJobAtThePlatform()
{
    std::unique_ptr<JobQueue> queue = makeQueue();
    queue->setConnection(m_api.get(), u"yamada"_s);
    Result<QString> id = queue->submit(request());
    QVERIFY(id);
    QVERIFY(QTest::qWaitFor([&] { return !queue->job(*id)->platformJobId.isEmpty(); }, 60000));
    const QString platformJob = queue->job(*id)->platformJobId;
    queue->cancel(*id);
    QCOMPARE(queue->job(*id)->stage, JobStage::Cancelled);
    platform::JobClient jobs(*m_api);
    std::optional<Result<platform::JobStatus>> status;
    QVERIFY(QTest::qWaitFor(
        [&] {
            status.reset();
            jobs.status(platformJob, [&](Result<platform::JobStatus> s) { status = std::move(s); });
            return QTest::qWaitFor([&] { return status.has_value(); }, 10000) && *status &&
                (*status)->state == u"CANCELED"_s;
        },
        20000));
    QVERIFY(queue->remove(*id));
}

void TestAnalysisJobs::failedJobIsRetried()
{
    // One image is gone from the disk when the job prepares (not signed in: preparing runs
    // without a connection): the job fails there with the reason.
    const QString moved = m_phantom.files[5] + u".away"_s;
    QVERIFY(QFile::rename(m_phantom.files[5], moved));
    std::unique_ptr<JobQueue> queue = makeQueue();
    Result<QString> id = queue->submit(request());
    QVERIFY(id);
    QVERIFY(waitFinished(*queue, *id, 60000));
    QFile::rename(moved, m_phantom.files[5]);
    QCOMPARE(queue->job(*id)->stage, JobStage::Failed);
    QCOMPARE(queue->job(*id)->failure.code(), ErrorCode::FileNotFound);
    QCOMPARE(queue->job(*id)->failedAt, JobStage::Preparing);

    // The image is back: a retry prepares again and, once signed in, completes.
    queue->setConnection(m_api.get(), u"yamada"_s);
    queue->retry(*id);
    QVERIFY(queue->job(*id)->stage != JobStage::Failed);
    QVERIFY(waitFinished(*queue, *id));
    QVERIFY2(queue->job(*id)->stage == JobStage::Completed, qPrintable(queue->job(*id)->failure.detail()));
    QVERIFY(queue->remove(*id));
}

void TestAnalysisJobs::killedMidUploadResumesToTheSameFindings()
{
    QVERIFY2(!m_findings.isEmpty(), "needs the findings of jobRunsToARelinkedResult");
    const QString sessionPath = saveSessionForChild();
    QVERIFY(!sessionPath.isEmpty());
    const QString jobs = m_dir.filePath(u"killed-jobs"_s);

    QProcess child;
    QProcessEnvironment env = childEnvironment(sessionPath, jobs);
    env.insert(u"HAIP_CHILD_SELF_KILL"_s, u"1"_s);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(120000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit); // SIGKILL, in the middle of the upload

    // A new process (here: a new queue over the same store) continues the same platform job.
    std::unique_ptr<JobQueue> queue = reopenQueue(jobs);
    QCOMPARE(queue->ids().size(), 1);
    const QString id = queue->ids().front();
    QCOMPARE(queue->job(id)->stage, JobStage::Uploading);
    const QString platformJob = queue->job(id)->platformJobId;
    QVERIFY(!platformJob.isEmpty());
    queue->setCatalog(*m_catalog);
    queue->setConnection(m_api.get(), u"yamada"_s);
    QVERIFY(waitFinished(*queue, id));
    const AnalysisJob job = *queue->job(id);
    QVERIFY2(job.stage == JobStage::Completed, qPrintable(job.failure.detail()));
    QCOMPARE(job.platformJobId, platformJob);
    QCOMPARE(findingsOf(job), m_findings);
    QVERIFY(queue->remove(id));
}

std::unique_ptr<JobQueue> TestAnalysisJobs::reopenQueue(const QString &jobs) const
{
    JobEnvironment e;
    e.deidSecret = QByteArray(32, 'k');
    e.mapPath = m_dir.filePath(u"deid/map.sealed"_s);
    e.mapKey = m_mapKey;
    e.pollIntervalMs = 250;
    return std::make_unique<JobQueue>(JobStore(jobs, m_storeKey), std::move(e));
}

QString TestAnalysisJobs::saveSessionForChild()
{
    // The child adopts this session (the card and OTP belong to this process).
    platform::SessionFile file;
    file.platform = m_platform->url();
    file.caPin = m_platform->pin();
    file.info = m_session->info();
    file.chain = m_session->certificateChain();
    Result<platform::SessionKey> key = platform::SessionKey::fromPkcs8Pem(m_session->key().pkcs8Pem().view());
    if (!key)
        return {};
    file.key = std::move(*key);
    const QString sessionPath = m_dir.filePath(u"session.json"_s);
    return file.save(sessionPath) ? sessionPath : QString();
}

QProcessEnvironment TestAnalysisJobs::childEnvironment(const QString &sessionPath, const QString &jobs) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HAIP_JOBS_CHILD"_s, u"1"_s);
    env.insert(u"HAIP_CHILD_SESSION"_s, sessionPath);
    env.insert(u"HAIP_CHILD_CATALOG_PIN"_s,
               QString::fromLatin1(test::catalogPin(m_platform->stateDir())->digest().toHex()));
    env.insert(u"HAIP_CHILD_MAP"_s, m_dir.filePath(u"deid/map.sealed"_s));
    env.insert(u"HAIP_CHILD_MAP_KEY"_s, QString::fromLatin1(m_mapKey.toByteArray().toHex()));
    env.insert(u"HAIP_CHILD_STORE_KEY"_s, QString::fromLatin1(m_storeKey.toByteArray().toHex()));
    env.insert(u"HAIP_CHILD_JOBS"_s, jobs);
    env.insert(u"HAIP_CHILD_STUDY"_s, m_phantom.studyInstanceUid);
    env.insert(u"HAIP_CHILD_FILES"_s, m_phantom.files.join(u'\n'));
    return env;
}

void TestAnalysisJobs::killedAtRandomPointsRecovers()
{
    QVERIFY2(!m_findings.isEmpty(), "needs the findings of jobRunsToARelinkedResult");
    const QString sessionPath = saveSessionForChild();
    QVERIFY(!sessionPath.isEmpty());
    const QString auditPath = m_dir.filePath(u"kill-audit/audit.jsonl"_s);
    // Fixed seed: the same 20 kill points on every run, so a failure can be replayed. The asan
    // preset takes the first HAIP_TEST_KILL_RUNS of them (its children run several times slower).
    QRandomGenerator random(20261127);
    const int asked = qEnvironmentVariableIntValue("HAIP_TEST_KILL_RUNS");
    const int kills = asked > 0 ? qMin(20, asked) : 20;
    qint64 jobMs = 0; // how long an undisturbed child needs from submission to the end
    QStringList rows;
    for (int run = 0; run <= kills; ++run) {
        const QString jobs = m_dir.filePath(u"random-kill-%1"_s.arg(run));
        QProcess child;
        QProcessEnvironment env = childEnvironment(sessionPath, jobs);
        env.insert(u"HAIP_CHILD_AUDIT"_s, auditPath);
        child.setProcessEnvironment(env);
        // The child's own messages (and a sanitizer's report) go to this test's log.
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {});
        QByteArray said;
        QVERIFY(QTest::qWaitFor(
            [&] {
                said += child.readAllStandardOutput();
                return said.contains("submitted\n") || child.state() == QProcess::NotRunning;
            },
            60000));
        QVERIFY2(said.contains("submitted\n"), qPrintable(u"child exit %1"_s.arg(child.exitCode())));
        QElapsedTimer sinceSubmit;
        sinceSubmit.start();
        if (run == 0) {
            // The first run is not killed: it measures the span the kills are spread over.
            QVERIFY(child.waitForFinished(120000));
            QCOMPARE(child.exitStatus(), QProcess::NormalExit);
            QCOMPARE(child.exitCode(), 0);
            jobMs = sinceSubmit.elapsed();
        } else {
            const int killAtMs = int(random.bounded(qint64(jobMs)));
            QTest::qWait(killAtMs);
            // (processId() is 0 once the child has ended: kill(0) would hit this test's own group.)
            if (child.state() != QProcess::NotRunning) {
                ::kill(pid_t(child.processId()), SIGKILL);
                QVERIFY(child.waitForFinished(10000));
            }
            said += child.readAllStandardOutput();
            const QList<QByteArray> lines = said.trimmed().split('\n');
            const QString lastStage = QString::fromLatin1(lines.back());

            // A new process (here: a new queue over the same store) finds the one job and ends it.
            std::unique_ptr<JobQueue> queue = reopenQueue(jobs);
            QCOMPARE(queue->ids().size(), 1); // saved at submission: never lost, never doubled
            const QString id = queue->ids().front();
            const JobStage stageAtKill = queue->job(id)->stage;
            queue->setCatalog(*m_catalog);
            queue->setConnection(m_api.get(), u"yamada"_s);
            QVERIFY2(waitFinished(*queue, id), qPrintable(u"run %1 hung"_s.arg(run)));
            const AnalysisJob job = *queue->job(id);
            QVERIFY2(job.stage == JobStage::Completed,
                     qPrintable(u"run %1 (killed at %2, stored %3): %4 %5 %6"_s.arg(run).arg(lastStage,
                                                                                             stageKeyword(stageAtKill),
                                                                                             job.failure.codeName(),
                                                                                             job.failure.detail(),
                                                                                             job.failure.subject())));
            QCOMPARE(findingsOf(job), m_findings);
            rows.append(u"| %1 | %2 ms | %3 | %4 |"_s.arg(run).arg(killAtMs).arg(lastStage, stageKeyword(stageAtKill)));
            QVERIFY(queue->remove(id));
        }
        // The audit trail is one unbroken chain after every kill (a torn last line is cut off).
        const audit::AuditVerification verified = audit::AuditVerifier::verifyFile(auditPath);
        QVERIFY2(verified.ok(), qPrintable(verified.detail));
    }
    QFile table(QDir(test::artifactsDir()).filePath(u"kill-recovery.md"_s));
    QVERIFY(table.open(QIODevice::WriteOnly | QIODevice::Truncate));
    const QString heading = u"# SIGKILL at %1 random points of the send pipeline (TestAnalysisJobs)\n\n"_s.arg(kills);
    table.write(heading.toUtf8() +
                u"Undisturbed job: %1 ms from submission.\n\n"
                u"| Run | Killed after | Child's last report | Stored stage |\n|---|---|---|---|\n"_s.arg(jobMs)
                    .toUtf8() +
                rows.join(u'\n').toUtf8() + "\n");
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("HAIP_JOBS_CHILD"))
        return runChild();
    TestAnalysisJobs test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "TestAnalysisJobs.moc"
