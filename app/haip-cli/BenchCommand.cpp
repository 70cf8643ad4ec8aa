// haip-cli bench: measure loading and decoding of a series.
//   haip-cli bench load DIR [--threads N]
// Does what the viewer does when a folder is opened — scan, read every header, assemble the
// series, load the largest stack with SeriesLoader — and prints one JSON line: files, frames,
// bytes (decoded pixels), ms_first_frame (start → first sliceReady), ms_all_frames (start →
// finished), peak_rss_bytes, threads, and the time of each phase. ms_first_frame_after_headers
// starts at SeriesLoader::load(): what the viewer shows when a series whose headers are already
// in the index is opened from the study browser.
#include "CliOutput.h"
#include "Commands.h"
#include "dicom/DicomFile.h"
#include "dicom/FileScanner.h"
#include "dicom/SeriesAssembler.h"
#include "dicom/SeriesLoader.h"
#include "dicom/SliceStore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <optional>

#ifdef Q_OS_WIN
#define NOMINMAX
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
// windows.h first: psapi.h needs its types
#include <psapi.h>
#else
#include <sys/resource.h>
#endif

namespace haip::cli {
namespace {

using namespace Qt::StringLiterals;
using namespace haip::dicom;

// The process's peak resident set so far, in bytes.
qint64 peakRssBytes()
{
#ifdef Q_OS_WIN
    PROCESS_MEMORY_COUNTERS counters {};
    if (!GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof(counters)))
        return -1;
    return qint64(counters.PeakWorkingSetSize);
#else
    rusage usage {};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
#ifdef Q_OS_MACOS
    return qint64(usage.ru_maxrss); // bytes on macOS
#else
    return qint64(usage.ru_maxrss) * 1024; // kilobytes on Linux
#endif
#endif
}

} // namespace

int runBench(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    const QCommandLineOption threadsOption(u"threads"_s, u"decoding threads (default: one per core)"_s, u"n"_s, u"0"_s);
    parser.addOption(threadsOption);
    parser.addPositionalArgument(u"load"_s, u"the benchmark to run"_s);
    parser.addPositionalArgument(u"DIR"_s, u"folder holding the series"_s);
    if (!parser.parse(QStringList {u"haip-cli bench"_s} + arguments))
        return output.usage(parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional[0] != u"load")
        return output.usage(u"usage: haip-cli bench load DIR [--threads N]"_s);
    bool ok = false;
    const int requested = parser.value(threadsOption).toInt(&ok);
    if (!ok || requested < 0)
        return output.usage(u"bench: --threads takes a number"_s);
    const int threads = requested > 0 ? requested : QThread::idealThreadCount();

    QElapsedTimer clock;
    clock.start();
    // 1. Scan, as the viewer's open-folder does.
    const ScanResult scan = FileScanner::scan({positional[1]});
    const qint64 msScan = clock.elapsed();
    if (scan.files.isEmpty()) {
        output.json(CliOutput::errorObject(scan.errors.isEmpty()
                                               ? Error(ErrorCode::FileNotFound, u"no DICOM files"_s, positional[1])
                                               : scan.errors.front()));
        return 1;
    }
    // 2. Headers only, in parallel.
    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    const QList<std::optional<InstanceInfo>> headers =
        QtConcurrent::blockingMapped(&pool, scan.files, [](const QString &path) -> std::optional<InstanceInfo> {
            const Result<DicomFile> file = DicomFile::open(path, DicomFile::Content::HeaderOnly);
            if (!file)
                return std::nullopt;
            InstanceInfo info = file->info();
            if (!info.hasPixelData)
                return std::nullopt;
            return info;
        });
    QList<InstanceInfo> instances;
    for (const std::optional<InstanceInfo> &h : headers) {
        if (h)
            instances.append(*h);
    }
    const qint64 msHeaders = clock.elapsed();
    // 3. Assemble and pick the largest stack.
    const QList<Series> series = SeriesAssembler::assemble(instances);
    const Series *chosen = nullptr;
    int stackIndex = 0;
    for (const Series &s : series) {
        for (int k = 0; k < s.stacks.size(); ++k) {
            if (!chosen || s.stacks[k].slices.size() > chosen->stacks[stackIndex].slices.size()) {
                chosen = &s;
                stackIndex = k;
            }
        }
    }
    if (!chosen) {
        output.json(CliOutput::errorObject(Error(ErrorCode::NoPixelData, u"no image series"_s, positional[1])));
        return 1;
    }
    const qint64 msAssemble = clock.elapsed();
    // 4. Load as the viewer does; the first sliceReady is the first displayable frame.
    SeriesLoader loader;
    qint64 msFirst = -1, msAll = -1;
    int loaded = 0, failed = 0;
    QEventLoop loop;
    QObject::connect(&loader, &SeriesLoader::sliceReady, &loop, [&] {
        if (msFirst < 0)
            msFirst = clock.elapsed();
    });
    QObject::connect(&loader, &SeriesLoader::finished, &loop, [&](int l, int f, bool) {
        msAll = clock.elapsed();
        loaded = l;
        failed = f;
        loop.quit();
    });
    const qint64 msLoadStart = clock.elapsed();
    loader.load(*chosen, stackIndex, threads);
    loop.exec();
    const qint64 bytes = loader.store()->pixelBytes();
    output.json({{u"files"_s, scan.files.size()},
                 {u"frames"_s, loaded},
                 {u"failed"_s, failed},
                 {u"bytes"_s, bytes},
                 {u"ms_first_frame"_s, msFirst},
                 {u"ms_first_frame_after_headers"_s, msFirst - msLoadStart},
                 {u"ms_all_frames"_s, msAll},
                 {u"ms_scan"_s, msScan},
                 {u"ms_headers"_s, msHeaders - msScan},
                 {u"ms_assemble"_s, msAssemble - msHeaders},
                 {u"ms_decode"_s, msAll - msAssemble},
                 {u"peak_rss_bytes"_s, peakRssBytes()},
                 {u"threads"_s, threads},
                 {u"series_instance_uid"_s, chosen->seriesInstanceUid}});
    return failed == 0 && loaded > 0 ? 0 : 1;
}

} // namespace haip::cli
