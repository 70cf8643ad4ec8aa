#include "dicom/Importer.h"

#include "dicom/DicomFile.h"
#include "dicom/FileScanner.h"
#include "dicom/ImageIndex.h"
#include "dicom/ThumbnailMaker.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

namespace haip::dicom {

namespace {

Q_LOGGING_CATEGORY(lcImport, "haip.import")

// Files read and indexed per transaction: large enough to amortise a commit, small enough
// that progress moves and a cancel takes effect quickly.
constexpr int kBatchSize = 32;
constexpr qint64 kProgressIntervalMs = 100;
// Media Storage Directory Storage (PS3.4 Annex I): a DICOMDIR, whatever its file name. Its
// data set has no SOP Class UID; the file meta header's Media Storage SOP Class UID says it.
constexpr QLatin1StringView kMediaStorageDirectory("1.2.840.10008.1.3.10");
constexpr Tag kMediaStorageSopClassUid {0x0002, 0x0002};

struct HeaderResult
{
    std::optional<InstanceInfo> info;
    Error error; // when there is no info and the file was neither skipped nor left unread
    bool skipped = false; // DICOM, but not an instance to index
    bool cancelled = false; // not read: the import was cancelled first
};

HeaderResult readHeader(const QString &path, const std::atomic<bool> &cancel)
{
    HeaderResult result;
    if (cancel.load(std::memory_order_relaxed)) {
        result.cancelled = true;
        return result;
    }
    const Result<DicomFile> file = DicomFile::open(path, DicomFile::Content::HeaderOnly);
    if (!file) {
        result.error = file.error().subject().isEmpty() ? file.error().withSubject(path) : file.error();
        return result;
    }
    InstanceInfo info = file->info();
    info.path = path; // as the scanner spelled it: the index keys unchanged files by it
    if (info.sopClassUid == kMediaStorageDirectory ||
        file->rawString(kMediaStorageSopClassUid) == kMediaStorageDirectory) {
        result.skipped = true;
        return result;
    }
    const char *missing = info.sopInstanceUid.isEmpty() ? "SOP Instance UID (0008,0018)"
        : info.seriesInstanceUid.isEmpty()              ? "Series Instance UID (0020,000E)"
        : info.studyInstanceUid.isEmpty()               ? "Study Instance UID (0020,000D)"
                                                        : nullptr;
    if (missing != nullptr) {
        result.error = Error(ErrorCode::MissingAttribute, QString::fromLatin1(missing), path);
        return result;
    }
    result.info = std::move(info);
    return result;
}

// Keeps first-seen order of UIDs.
class OrderedSet
{
public:
    void insert(const QString &value)
    {
        if (!m_seen.contains(value)) {
            m_seen.insert(value);
            m_items.append(value);
        }
    }
    bool contains(const QString &value) const { return m_seen.contains(value); }
    const QStringList &items() const { return m_items; }

private:
    QSet<QString> m_seen;
    QStringList m_items;
};

} // namespace

Importer::Importer(QString databasePath, QObject *parent)
    : QObject(parent), m_databasePath(std::move(databasePath)), m_watcher(this)
{
    connect(&m_watcher, &QFutureWatcher<ImportSummary>::finished, this, [this] {
        m_running = false;
        emit finished(m_watcher.result());
    });
}

Importer::~Importer()
{
    cancel();
    m_watcher.waitForFinished(); // the worker emits through this object
}

ImportSummary Importer::run(const QStringList &paths)
{
    m_cancel = false;
    return runImport(paths);
}

void Importer::start(const QStringList &paths)
{
    if (m_running.exchange(true))
        return;
    m_cancel = false;
    m_watcher.setFuture(QtConcurrent::run([this, paths] { return runImport(paths); }));
}

void Importer::cancel()
{
    m_cancel = true;
}

bool Importer::isRunning() const
{
    return m_running;
}

ImportSummary Importer::runImport(const QStringList &paths)
{
    ImportSummary summary;
    auto report = [this, &summary](const Error &error) {
        summary.errors.append(error);
        emit fileFailed(error);
    };

    const ScanResult scan = FileScanner::scan(paths, &m_cancel);
    summary.files = int(scan.files.size());
    for (const Error &error : scan.errors)
        report(error);
    if (scan.cancelled) {
        summary.cancelled = true;
        return summary;
    }

    std::unique_ptr<ImageIndex> index;
    if (!m_databasePath.isEmpty()) {
        Result<std::unique_ptr<ImageIndex>> opened = ImageIndex::open(m_databasePath);
        if (!opened) {
            report(opened.error());
            return summary;
        }
        index = std::move(*opened);
    }

    // Header reading is parallel; the index is written from this thread only (its connection).
    QThreadPool pool;
    pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    const int total = summary.files;
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    emit progress(0, total);

    int done = 0;
    OrderedSet studies;
    OrderedSet seriesTouched;
    QSet<QString> seriesChanged; // got new or updated instances: their thumbnail is redone
    for (int start = 0; start < total; start += kBatchSize) {
        if (m_cancel) {
            summary.cancelled = true;
            break;
        }
        const QStringList batch = scan.files.mid(start, kBatchSize);
        QList<InstanceInfo> known; // indexed before from these very files: not read again
        QStringList toRead;
        for (const QString &path : batch) {
            if (index) {
                Result<std::optional<InstanceInfo>> hit = index->indexedInstance(path);
                if (!hit) {
                    report(hit.error());
                    return summary;
                }
                if (hit->has_value()) {
                    known.append(std::move(**hit));
                    continue;
                }
            }
            toRead.append(path);
        }
        const QList<HeaderResult> results = QtConcurrent::blockingMapped<QList<HeaderResult>>(
            &pool, toRead, [this](const QString &path) { return readHeader(path, m_cancel); });
        QList<InstanceInfo> read;
        for (const HeaderResult &result : results) {
            if (result.cancelled)
                summary.cancelled = true;
            else if (result.skipped)
                ++summary.skipped;
            else if (result.info)
                read.append(*result.info);
            else
                report(result.error);
        }
        summary.instances += int(known.size() + read.size());
        summary.unchanged += int(known.size());
        if (index && !read.isEmpty()) {
            const Result<IndexStats> stats = index->add(read);
            if (!stats) {
                report(stats.error());
                return summary;
            }
            summary.added += stats->added;
            summary.updated += stats->updated;
            summary.unchanged += stats->unchanged;
            // Which series got the new rows is not counted per series: redo all of the batch's.
            if (stats->added + stats->updated > 0) {
                for (const InstanceInfo &info : read)
                    seriesChanged.insert(info.seriesInstanceUid);
            }
        }
        QList<InstanceInfo> all = known + read;
        for (const InstanceInfo &info : all) {
            studies.insert(info.studyInstanceUid);
            seriesTouched.insert(info.seriesInstanceUid);
            ImportSummary::StudyVolume &volume = summary.studyVolumes[info.studyInstanceUid];
            volume.instances += 1;
            volume.bytes += info.fileSize;
        }
        if (!all.isEmpty())
            emit instancesRead(all);
        done = qMin(total, start + kBatchSize);
        if (done < total && sinceProgress.elapsed() >= kProgressIntervalMs) {
            emit progress(done, total);
            sinceProgress.restart();
        }
    }
    summary.studyInstanceUids = studies.items();

    if (index && !summary.cancelled) {
        // One thumbnail per series that is new, changed, or still without one.
        QList<QList<InstanceInfo>> series;
        for (const QString &uid : seriesTouched.items()) {
            const Result<bool> has = index->hasThumbnail(uid);
            if (!has) {
                report(has.error());
                return summary;
            }
            if (*has && !seriesChanged.contains(uid))
                continue;
            Result<QList<InstanceInfo>> instances = index->instances(uid);
            if (!instances) {
                report(instances.error());
                return summary;
            }
            if (ThumbnailMaker::middle(*instances).instance >= 0) // SR, RT plans…: no image to show
                series.append(std::move(*instances));
        }
        const QList<Result<QImage>> images = QtConcurrent::blockingMapped<QList<Result<QImage>>>(
            &pool, series, [this](const QList<InstanceInfo> &instances) -> Result<QImage> {
                if (m_cancel)
                    return Error(ErrorCode::Cancelled);
                return ThumbnailMaker::makeForSeries(instances);
            });
        for (int s = 0; s < series.size(); ++s) {
            if (!images[s]) {
                // Not a file failure: the images were indexed; the viewer reports decoding errors.
                qCWarning(lcImport, "no thumbnail for a series: %s", qUtf8Printable(images[s].error().codeName()));
                continue;
            }
            const Result<void> stored = index->setThumbnail(series[s].front().seriesInstanceUid, *images[s]);
            if (!stored) {
                report(stored.error());
                return summary;
            }
            ++summary.thumbnails;
        }
    }
    emit progress(done, total);
    return summary;
}

} // namespace haip::dicom
