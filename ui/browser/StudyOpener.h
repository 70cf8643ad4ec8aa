// Opens what the user chose (files, folders, DICOMDIR, dropped URLs, command-line paths): runs
// dicom::Importer on its worker thread — which scans, reads headers, indexes and makes
// thumbnails — collects the headers it read and, when done, assembles them into series ready
// for the viewer. Requests made while one runs are queued and run next. Per-file errors are
// passed on as they come; the rest still loads.
#pragma once

#include "common/Error.h"
#include "dicom/Importer.h"
#include "dicom/Series.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace haip::ui {

class StudyOpener : public QObject
{
    Q_OBJECT
public:
    // `databasePath`: the local index the Importer writes to.
    explicit StudyOpener(QString databasePath, QObject *parent = nullptr);
    ~StudyOpener() override;

    void open(const QStringList &paths);
    void cancel(); // the running import and everything queued
    bool isRunning() const;

signals:
    void started(const QStringList &paths);
    void progress(int done, int total);
    void problem(const haip::Error &error);
    // `series`: everything read by this import, assembled and sorted (may be empty).
    void finished(const haip::dicom::ImportSummary &summary, const QList<haip::dicom::Series> &series);

private:
    void startNext();
    void onFinished(const haip::dicom::ImportSummary &summary);

    QString m_databasePath;
    std::unique_ptr<dicom::Importer> m_importer;
    QList<QStringList> m_queue;
    QList<dicom::InstanceInfo> m_instances;
};

} // namespace haip::ui
