// Importer: the background job behind "open folder / DICOMDIR / drop": scans the paths,
// reads every header (HeaderOnly), adds them to the index, renders one thumbnail per series,
// and reports progress and per-file errors by signals. Runs on its own thread; cancellable.
#pragma once

#include "common/Error.h"
#include "dicom/InstanceInfo.h"

#include <QObject>
#include <QStringList>

#include <atomic>

namespace haip::dicom {

struct ImportSummary
{
    int files = 0; // files found
    int instances = 0; // files read as DICOM
    int added = 0; // new to the index
    int unchanged = 0; // already indexed
    QList<Error> errors;
    QStringList studyInstanceUids; // studies touched, in first-seen order
    bool cancelled = false;
};

class Importer : public QObject
{
    Q_OBJECT
public:
    // `databasePath`: the index file; empty = read headers only, index nothing.
    explicit Importer(QString databasePath, QObject *parent = nullptr);
    ~Importer() override;

    // Synchronous import on the calling thread (CLI, tests, and the worker of start()).
    ImportSummary run(const QStringList &paths);
    // Starts run() on a worker thread; finished() arrives on this object's thread.
    void start(const QStringList &paths);
    void cancel();
    bool isRunning() const;

signals:
    void progress(int done, int total);
    void fileFailed(const haip::Error &error);
    void instancesRead(const QList<haip::dicom::InstanceInfo> &instances);
    void finished(const haip::dicom::ImportSummary &summary);

private:
    QString m_databasePath;
    std::atomic<bool> m_cancel {false};
    std::atomic<bool> m_running {false};
};

} // namespace haip::dicom
