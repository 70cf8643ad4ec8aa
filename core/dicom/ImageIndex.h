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
#include <optional>

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
    QDateTime lastImported; // when instances were last added to it or updated; invalid if unknown
    int aiResultCount = 0; // completed AI analyses listed with it (ai_result)
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

// A completed AI analysis of one of the study's series (the job and its files are in the job
// store; this row says the study has it).
struct AiResultRecord
{
    QString jobId;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString serviceId;
    QString serviceName; // as the catalog named it when the job was sent
    QDateTime completed; // UTC
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
    // Opens (creating or upgrading) the database at `databasePath`, creating its folder.
    // Errors: DatabaseError with the reason (read-only location, damaged file, newer schema).
    static Result<std::unique_ptr<ImageIndex>> open(const QString &databasePath);
    ~ImageIndex();
    ImageIndex(const ImageIndex &) = delete;
    ImageIndex &operator=(const ImageIndex &) = delete;

    int schemaVersion() const;
    const QString &databasePath() const;

    // Idempotent: keyed by SOP Instance UID; one transaction per call. An instance already
    // indexed from the same file (path, size, modification time) is `unchanged` and nothing is
    // written — nor when it is another copy of an instance whose indexed file is still intact;
    // one whose file moved or changed is `updated`. Patient, study and series rows take their
    // attributes from the first instance that creates them. Each instance needs its SOP
    // Instance, Series and Study UIDs (MissingAttribute naming the file otherwise; nothing
    // of the call is written then).
    Result<IndexStats> add(const QList<InstanceInfo> &instances);
    // Stores a PNG of `thumbnail` for the series (a null image removes it).
    Result<void> setThumbnail(const QString &seriesInstanceUid, const QImage &thumbnail);
    Result<void> markOpened(const QString &studyInstanceUid, const QDateTime &when);

    Result<QList<PatientRecord>> patients() const; // by name, then ID
    // Newest first. An empty `patientId` lists every study.
    Result<QList<StudyRecord>> studies(const QString &patientId = {}) const;
    // The studies of exactly one patient (ID + name, as PatientRecord has them; the ID may be empty).
    Result<QList<StudyRecord>> studies(const QString &patientId, const QString &patientName) const;
    // The `limit` studies opened or imported most recently (whichever is later), latest first.
    Result<QList<StudyRecord>> recentStudies(int limit) const;
    Result<QList<SeriesRecord>> series(const QString &studyInstanceUid) const; // by series number
    // Full headers of a series, enough to assemble and load it without re-reading files;
    // by instance number, then path.
    Result<QList<InstanceInfo>> instances(const QString &seriesInstanceUid) const;
    // The instance indexed from the file at `path` if that file still has the size and
    // modification time it had then (so a re-import need not read it again); nullopt otherwise.
    Result<std::optional<InstanceInfo>> indexedInstance(const QString &path) const;
    QImage thumbnail(const QString &seriesInstanceUid) const; // null if none

    // AI results by study (ImageIndexResults.cpp). Adding a job already listed updates its row.
    Result<void> addAiResult(const AiResultRecord &result);
    Result<void> removeAiResult(const QString &jobId); // no row: nothing to do
    Result<QList<AiResultRecord>> aiResults(const QString &studyInstanceUid) const; // newest first
    Result<bool> hasThumbnail(const QString &seriesInstanceUid) const;

private:
    struct Impl;
    explicit ImageIndex(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace haip::dicom
