// The local image index: a SQLite database (Qt SQL) of patients, studies, series and
// instances with series thumbnails, so a re-opened study appears at once. The schema is a
// versioned resource (resources/sql), upgraded step by step in transactions; WAL journal.
// One ImageIndex per thread: each opens its own uniquely named connection.
#pragma once

#include "common/Result.h"
#include "dicom/InstanceInfo.h"

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QString>

#include <memory>

namespace haip::dicom {

struct PatientRecord
{
    QString patientId;
    QString patientName;
    QString birthDate;
    QString sex;
    int studyCount = 0;
};

struct StudyRecord
{
    QString studyInstanceUid;
    QString patientId;
    QString patientName;
    QString studyDate;
    QString studyTime;
    QString description;
    QString accessionNumber;
    QString modalities; // e.g. "CT\\SR"
    int seriesCount = 0;
    int instanceCount = 0;
    QDateTime lastOpened; // invalid if never opened in the viewer
};

struct SeriesRecord
{
    QString seriesInstanceUid;
    QString studyInstanceUid;
    QString modality;
    QString description;
    int seriesNumber = 0;
    int instanceCount = 0;
    int frameCount = 0;
};

struct IndexStats
{
    int added = 0; // new instances
    int updated = 0; // instances already known whose file moved or changed
    int unchanged = 0; // re-import of the same file: nothing written
};

class ImageIndex
{
public:
    // Opens (creating or upgrading) the database at `databasePath`.
    static Result<std::unique_ptr<ImageIndex>> open(const QString &databasePath);
    ~ImageIndex();
    ImageIndex(const ImageIndex &) = delete;
    ImageIndex &operator=(const ImageIndex &) = delete;

    int schemaVersion() const;

    // Idempotent: keyed by SOP Instance UID; one transaction per call.
    Result<IndexStats> add(const QList<InstanceInfo> &instances);
    Result<void> setThumbnail(const QString &seriesInstanceUid, const QImage &thumbnail);
    Result<void> markOpened(const QString &studyInstanceUid, const QDateTime &when);

    Result<QList<PatientRecord>> patients() const;
    Result<QList<StudyRecord>> studies(const QString &patientId = {}) const;
    Result<QList<StudyRecord>> recentStudies(int limit) const;
    Result<QList<SeriesRecord>> series(const QString &studyInstanceUid) const;
    // Full headers of a series, enough to assemble and load it without re-reading files.
    Result<QList<InstanceInfo>> instances(const QString &seriesInstanceUid) const;
    QImage thumbnail(const QString &seriesInstanceUid) const; // null if none

private:
    struct Impl;
    explicit ImageIndex(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace haip::dicom
