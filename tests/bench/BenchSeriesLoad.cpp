// The load benchmark of issue 2 (reported in docs/performance.md): on the 300-slice 512×512
// 16-bit chest phantom, `haip-cli bench load` against dcm2niix converting the same folder and
// against `cat` of the same files (the page-cache read limit), measured in the same run with
// hyperfine after warming the page cache. Targets, as ratios so the machine's speed cancels:
// all frames decoded ≤ 1.0× dcm2niix and ≤ 4× cat; first frame < 100 ms; peak RSS ≤ 1.3× the
// decoded pixel bytes. Figures go to test-artifacts/bench-load.json.
#include "TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    const QString hyperfine = test::findTool(u"hyperfine"_s);
    const QString dcm2niix = test::findTool(u"dcm2niix"_s);
    QVERIFY2(!hyperfine.isEmpty(), "hyperfine is missing: install the Debian package hyperfine");
    QVERIFY2(!dcm2niix.isEmpty(), "dcm2niix is missing: install the Debian package dcm2niix");
    // Warm the page cache so every contender reads from memory.
    qint64 fileBytes = 0;
    for (const QString &path : std::as_const(m_files)) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        fileBytes += f.readAll().size();
    }

    QTemporaryDir work;
    const QString haipCli = test::programPath(u"haip-cli"_s);
    const QString loadCommand = u"%1 bench load %2"_s.arg(haipCli, m_study);
    const QString niixCommand = u"%1 -w 1 -z n -o %2 %3"_s.arg(dcm2niix, work.path(), m_study);
    const QString catCommand = u"cat %1/CT*.dcm"_s.arg(m_study);
    const QString report = work.filePath(u"hyperfine.json"_s);
    const test::ProcessResult h = test::run(hyperfine,
                                            {u"--warmup"_s,
                                             u"1"_s,
                                             u"--runs"_s,
                                             QString::number(kRuns),
                                             u"--export-json"_s,
                                             report,
                                             u"--style"_s,
                                             u"none"_s,
                                             loadCommand,
                                             niixCommand,
                                             catCommand},
                                            600000);
    QVERIFY2(h.finished && h.exitCode == 0, h.err.constData());
    QFile reportFile(report);
    QVERIFY(reportFile.open(QIODevice::ReadOnly));
    const QJsonArray results = QJsonDocument::fromJson(reportFile.readAll())[u"results"_s].toArray();
    QCOMPARE(results.size(), 3);
    auto wallMs = [&](int i) {
        return results[i][u"median"_s].toDouble() * 1000.0;
    };
    const double loadProcessMs = wallMs(0), niixMs = wallMs(1), catMs = wallMs(2);

    // Our own figures: the in-process timeline of `bench load` (start → first/all frames).
    QList<double> first, all, rss;
    QJsonObject sample;
    for (int i = 0; i < kRuns; ++i) {
        const test::ProcessResult r = test::run(haipCli, {u"bench"_s, u"load"_s, m_study});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        sample = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(sample[u"frames"_s].toInt(), kSlices);
        first.append(sample[u"ms_first_frame"_s].toDouble());
        all.append(sample[u"ms_all_frames"_s].toDouble());
        rss.append(sample[u"peak_rss_bytes"_s].toDouble());
    }
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
        {u"haip_ms_first_frame_median"_s, firstMs},
        {u"haip_ms_all_frames_median"_s, allMs},
        {u"haip_process_ms_median"_s, loadProcessMs},
        {u"haip_peak_rss_bytes_median"_s, peakRss},
        {u"haip_sample"_s, sample},
        {u"dcm2niix_ms_median"_s, niixMs},
        {u"cat_ms_median"_s, catMs},
        {u"ratio_all_frames_to_dcm2niix"_s, allMs / niixMs},
        {u"ratio_all_frames_to_cat"_s, allMs / catMs},
        {u"ratio_peak_rss_to_decoded"_s, peakRss / decodedBytes},
        {u"commands"_s, QJsonArray {loadCommand, niixCommand, catCommand}},
        {u"hyperfine"_s, u"hyperfine --warmup 1 --runs %1 --export-json <file>"_s.arg(kRuns)},
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
