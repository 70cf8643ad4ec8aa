// Importer: the background job behind "open folder / DICOMDIR / drop": scans the paths,
// reads every header (HeaderOnly, several files in parallel), adds them to the index in
// batches (one transaction each), renders one thumbnail per new or changed series, and
// reports progress and per-file errors by signals. Files the index already holds unchanged
// (same path, size and modification time) are not read again. Runs on its own thread;
// cancellable. One import at a time per Importer.
#pragma once

#include "common/Error.h"
#include "dicom/InstanceInfo.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <atomic>

namespace haip::dicom {

struct ImportSummary
{
    int files = 0; // files found
    int instances = 0; // files read as DICOM
    int added = 0; // new to the index
    int updated = 0; // indexed before from a file that has since moved or changed
    int unchanged = 0; // already indexed
    int skipped = 0; // DICOM files that are not instances to list (DICOMDIRs under other names)
    int thumbnails = 0; // series thumbnails written
    QList<Error> errors; // scan errors (DicomDirInvalid, FileNotFound) and unreadable files
    QStringList studyInstanceUids; // studies touched, in first-seen order
    // Per study touched: instances read (new, changed or already indexed) and their file bytes,
    // for the audit trail's import records.
    struct StudyVolume
    {
        int instances = 0;
        qint64 bytes = 0;
    };
    QHash<QString, StudyVolume> studyVolumes;
    bool cancelled = false;
};

class Importer : public QObject
{
    Q_OBJECT
public:
    // `databasePath`: the index file; empty = read headers only, index nothing.
    explicit Importer(QString databasePath, QObject *parent = nullptr);
    ~Importer() override;

    // Synchronous import on the calling thread (CLI, tests). Emits progress, fileFailed and
    // instancesRead from the calling thread, but not finished(). A database that cannot be
    // opened or written ends the import with a DatabaseError in `errors`.
    ImportSummary run(const QStringList &paths);
    // Starts the import on a worker thread; progress, fileFailed and instancesRead are emitted
    // from there (queued to receivers on other threads), finished() on this object's thread.
    // Ignored while an import is running.
    void start(const QStringList &paths);
    void cancel(); // thread-safe; the import stops after the files being read
    bool isRunning() const;

signals:
    // `done` of `total` files handled; at most every ~100 ms, and always once at the end.
    void progress(int done, int total);
    void fileFailed(const haip::Error &error);
    void instancesRead(const QList<haip::dicom::InstanceInfo> &instances);
    void finished(const haip::dicom::ImportSummary &summary);

private:
    ImportSummary runImport(const QStringList &paths);

    QString m_databasePath;
    std::atomic<bool> m_cancel {false};
    std::atomic<bool> m_running {false};
    QFutureWatcher<ImportSummary> m_watcher;
};

} // namespace haip::dicom
