// The load benchmark of issue 2 (reported in docs/performance.md): on the 300-slice 512×512
// 16-bit chest phantom, `haip-cli bench load` against dcm2niix converting the same folder and
// against `cat` of the same files (the page-cache read limit), measured in the same run, taking
// turns, after warming the page cache. Targets, as ratios so the machine's speed cancels:
// all frames decoded (from the start of the command: scan, headers, assembly, decoding)
// ≤ 1.0× dcm2niix and ≤ 4× cat; first frame < 100 ms after the load starts (the viewer opens a
// series whose headers the index already holds; the figure from the command's start is reported
// too); peak RSS ≤ 1.3× the decoded pixel bytes. Figures go to test-artifacts/bench-load.json.
#include "TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <algorithm>

using namespace haip;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSlices = 300;
constexpr int kRuns = 7;

struct TimedRun
{
    bool ok = false;
    double ms = 0.0;
    QByteArray output;
};

// Runs a program to completion and times it; stdout is kept only when asked (cat's is not).
TimedRun timed(const QString &program, const QStringList &arguments, bool keepOutput)
{
    QProcess process;
    if (!keepOutput)
        process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    TimedRun run;
    run.ok = process.waitForFinished(300000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    run.ms = double(clock.nsecsElapsed()) / 1e6;
    run.output = keepOutput ? process.readAllStandardOutput() : process.readAllStandardError();
    return run;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values[values.size() / 2];
}

QString cpuModel()
{
    QFile f(u"/proc/cpuinfo"_s);
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QSysInfo::currentCpuArchitecture();
}

} // namespace

class BenchSeriesLoad : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadAgainstDcm2niixAndCat();

private:
    QString m_study; // cached in the build tree: generated once, reused by later runs
    QStringList m_files;
};

void BenchSeriesLoad::initTestCase()
{
    m_study = QDir(QStringLiteral(HAIP_BENCH_DATA_DIR)).filePath(u"chest-ct-300"_s);
    const QDir dir(m_study);
    m_files = dir.entryList({u"CT*.dcm"_s}, QDir::Files, QDir::Name);
    QFile truth(dir.filePath(u"ground-truth.json"_s));
    const bool cached = m_files.size() == kSlices && truth.open(QIODevice::ReadOnly) &&
        QJsonDocument::fromJson(truth.readAll())[u"rows"_s].toInt() == 512;
    if (!cached) {
        QDir(m_study).removeRecursively();
        const test::ProcessResult r = test::run(
            test::programPath(u"haip-cli"_s), {u"phantom"_s, u"--kind"_s, u"chest-ct"_s, u"--out"_s, m_study}, 300000);
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        m_files = dir.entryList({u"CT*.dcm"_s}, QDir::Files, QDir::Name);
    }
    QCOMPARE(m_files.size(), kSlices);
    for (QString &f : m_files)
        f = dir.filePath(f);
}

void BenchSeriesLoad::loadAgainstDcm2niixAndCat()
{
    const QString dcm2niix = test::findTool(u"dcm2niix"_s);
    const QString cat = test::findTool(u"cat"_s);
    QVERIFY2(!dcm2niix.isEmpty(), "dcm2niix is missing: install the Debian package dcm2niix");
    QVERIFY(!cat.isEmpty());
    // Warm the page cache so every contender reads from memory.
    qint64 fileBytes = 0;
    for (const QString &path : std::as_const(m_files)) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        fileBytes += f.readAll().size();
    }

    QTemporaryDir work;
    const QString haipCli = test::programPath(u"haip-cli"_s);
    const QStringList loadArgs {u"bench"_s, u"load"_s, m_study};
    const QStringList niixArgs {u"-w"_s, u"1"_s, u"-z"_s, u"n"_s, u"-o"_s, work.path(), m_study};
    // The three contenders take turns, run after run, so a change in the machine's load (other
    // jobs on a shared machine) touches all of them alike; medians of kRuns after one warm-up.
    QList<double> loadWall, niixWall, catWall, first, firstFromStart, all, rss;
    QJsonObject sample;
    for (int i = 0; i <= kRuns; ++i) {
        const TimedRun load = timed(haipCli, loadArgs, true);
        QVERIFY2(load.ok, load.output.constData());
        const TimedRun niix = timed(dcm2niix, niixArgs, false);
        QVERIFY(niix.ok);
        const TimedRun catRun = timed(cat, m_files, false);
        QVERIFY(catRun.ok);
        sample = QJsonDocument::fromJson(load.output).object();
        QCOMPARE(sample[u"frames"_s].toInt(), kSlices);
        if (i == 0)
            continue; // warm-up
        loadWall.append(load.ms);
        niixWall.append(niix.ms);
        catWall.append(catRun.ms);
        first.append(sample[u"ms_first_frame_after_headers"_s].toDouble());
        firstFromStart.append(sample[u"ms_first_frame"_s].toDouble());
        all.append(sample[u"ms_all_frames"_s].toDouble());
        rss.append(sample[u"peak_rss_bytes"_s].toDouble());
    }
    const double loadProcessMs = median(loadWall), niixMs = median(niixWall), catMs = median(catWall);
    const double decodedBytes = sample[u"bytes"_s].toDouble();
    QCOMPARE(decodedBytes, double(kSlices) * 512 * 512 * 2);
    const double firstMs = median(first), allMs = median(all), peakRss = median(rss);

    const QJsonObject figures {
        {u"date"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {u"machine"_s,
         QJsonObject {{u"cpu"_s, cpuModel()},
                      {u"cores"_s, QThread::idealThreadCount()},
                      {u"os"_s, QSysInfo::prettyProductName()}}},
        {u"study"_s, u"chest-ct phantom, 300 slices 512x512 16-bit, explicit VR little endian"_s},
        {u"file_bytes"_s, double(fileBytes)},
        {u"decoded_bytes"_s, decodedBytes},
        {u"runs"_s, kRuns},
        {u"haip_ms_first_frame_after_headers_median"_s, firstMs},
        {u"haip_ms_first_frame_from_start_median"_s, median(firstFromStart)},
        {u"haip_ms_all_frames_median"_s, allMs},
        {u"haip_process_ms_median"_s, loadProcessMs},
        {u"haip_peak_rss_bytes_median"_s, peakRss},
        {u"haip_sample"_s, sample},
        {u"dcm2niix_ms_median"_s, niixMs},
        {u"cat_ms_median"_s, catMs},
        {u"ratio_all_frames_to_dcm2niix"_s, allMs / niixMs},
        {u"ratio_all_frames_to_cat"_s, allMs / catMs},
        {u"ratio_peak_rss_to_decoded"_s, peakRss / decodedBytes},
        {u"commands"_s,
         QJsonArray {u"%1 %2"_s.arg(haipCli, loadArgs.join(u' ')),
                     u"%1 %2"_s.arg(dcm2niix, niixArgs.join(u' ')),
                     u"%1 %2/CT*.dcm > /dev/null"_s.arg(cat, m_study)}},
        {u"timing"_s,
         u"wall time of each process (QElapsedTimer around QProcess), interleaved, median of %1 after 1 warm-up"_s.arg(
             kRuns)},
    };
    QFile out(QDir(test::artifactsDir()).filePath(u"bench-load.json"_s));
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(QJsonDocument(figures).toJson(QJsonDocument::Indented));
    out.close();
    qInfo("%s", QJsonDocument(figures).toJson(QJsonDocument::Indented).constData());

    QVERIFY2(allMs <= 1.0 * niixMs, qPrintable(u"all frames %1 ms > dcm2niix %2 ms"_s.arg(allMs).arg(niixMs)));
    QVERIFY2(allMs <= 4.0 * catMs, qPrintable(u"all frames %1 ms > 4 × cat %2 ms"_s.arg(allMs).arg(catMs)));
    QVERIFY2(firstMs < 100.0, qPrintable(u"first frame after %1 ms"_s.arg(firstMs)));
    QVERIFY2(peakRss <= 1.3 * decodedBytes,
             qPrintable(u"peak RSS %1 MB > 1.3 × %2 MB"_s.arg(peakRss / 1e6).arg(decodedBytes / 1e6)));
}

QTEST_GUILESS_MAIN(BenchSeriesLoad)
#include "BenchSeriesLoad.moc"
