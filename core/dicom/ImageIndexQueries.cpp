// ImageIndex: the read side — what the study browser lists and what the viewer re-opens.
#include "dicom/ImageIndex.h"
#include "dicom/IndexGeometry.h"
#include "dicom/SqlExec.h"
#include "dicom/internal/ImageIndexImpl.h"

#include <QFileInfo>
#include <QTimeZone>

namespace haip::dicom {

namespace indexrow {

QString instanceSelect()
{
    return QStringLiteral(
        "SELECT i.path, i.file_size, i.sop_class_uid, i.sop_instance_uid, st.study_uid, i.series_uid, "
        "i.frame_of_reference_uid, i.transfer_syntax_uid, i.specific_character_set, "
        "p.patient_name, p.patient_id, p.birth_date, p.sex, "
        "st.study_date, st.study_time, st.description, st.study_id, st.accession_number, st.referring_physician, "
        "se.institution_name, se.modality, se.description, se.body_part, se.series_number, "
        "i.acquisition_number, i.instance_number, i.has_pixel_data, i.rows, i.columns, i.number_of_frames, "
        "i.samples_per_pixel, i.bits_allocated, i.bits_stored, i.pixel_representation, "
        "i.photometric_interpretation, i.slice_location, i.geometry "
        "FROM instance i JOIN series se ON se.series_uid = i.series_uid "
        "JOIN study st ON st.study_uid = se.study_uid JOIN patient p ON p.id = st.patient ");
}

Result<InstanceInfo> instanceFromRow(const QSqlQuery &q)
{
    InstanceInfo i;
    int c = 0;
    auto text = [&q, &c] {
        return q.value(c++).toString();
    };
    auto number = [&q, &c] {
        return q.value(c++).toInt();
    };
    i.path = text();
    i.fileSize = q.value(c++).toLongLong();
    i.sopClassUid = text();
    i.sopInstanceUid = text();
    i.studyInstanceUid = text();
    i.seriesInstanceUid = text();
    i.frameOfReferenceUid = text();
    i.transferSyntaxUid = text();
    const QString charsets = text();
    i.specificCharacterSet = charsets.isEmpty() ? QStringList() : charsets.split(QLatin1Char('\\'));
    i.patientName = text();
    i.patientId = text();
    i.patientBirthDate = text();
    i.patientSex = text();
    i.studyDate = text();
    i.studyTime = text();
    i.studyDescription = text();
    i.studyId = text();
    i.accessionNumber = text();
    i.referringPhysicianName = text();
    i.institutionName = text();
    i.modality = text();
    i.seriesDescription = text();
    i.bodyPartExamined = text();
    i.seriesNumber = number();
    i.acquisitionNumber = number();
    i.instanceNumber = number();
    i.hasPixelData = number() != 0;
    i.rows = number();
    i.columns = number();
    i.numberOfFrames = number();
    i.samplesPerPixel = number();
    i.bitsAllocated = number();
    i.bitsStored = number();
    i.pixelRepresentation = number();
    i.photometricInterpretation = text();
    const QVariant sliceLocation = q.value(c++);
    if (!sliceLocation.isNull())
        i.sliceLocation = sliceLocation.toDouble();
    InstanceGeometry geometry;
    if (!IndexGeometry::fromJson(q.value(c++).toString().toUtf8(), geometry))
        return Error(ErrorCode::DatabaseError,
                     QStringLiteral("the geometry stored for instance %1 is damaged").arg(i.sopInstanceUid));
    i.plane = geometry.plane;
    i.framePlanes = geometry.framePlanes;
    return i;
}

qint64 modificationTime(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.lastModified().toMSecsSinceEpoch() : 0;
}

} // namespace indexrow

namespace {

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), QTimeZone::utc());
}

// A study row with its patient, modalities and counts; completed by a WHERE / ORDER BY.
QString studySelect()
{
    return QStringLiteral(
        "SELECT st.study_uid, p.patient_id, p.patient_name, st.study_date, st.study_time, st.description, "
        "st.accession_number, "
        "(SELECT group_concat(m, '\\') FROM (SELECT DISTINCT modality AS m FROM series "
        "  WHERE study_uid = st.study_uid AND modality <> '' ORDER BY modality)), "
        "(SELECT count(*) FROM series WHERE study_uid = st.study_uid), "
        "(SELECT count(*) FROM instance i JOIN series se ON se.series_uid = i.series_uid "
        "  WHERE se.study_uid = st.study_uid), "
        "st.last_opened, st.last_imported, "
        "(SELECT count(*) FROM ai_result WHERE study_uid = st.study_uid) "
        "FROM study st JOIN patient p ON p.id = st.patient ");
}

const QString kStudyOrder = QStringLiteral(" ORDER BY st.study_date DESC, st.study_time DESC, st.study_uid");

Result<QList<StudyRecord>> readStudies(QSqlQuery &query)
{
    if (Result<void> done = sql::loggedExec(query); !done)
        return done.error();
    QList<StudyRecord> studies;
    while (query.next()) {
        StudyRecord s;
        s.studyInstanceUid = query.value(0).toString();
        s.patientId = query.value(1).toString();
        s.patientName = query.value(2).toString();
        s.studyDate = query.value(3).toString();
        s.studyTime = query.value(4).toString();
        s.description = query.value(5).toString();
        s.accessionNumber = query.value(6).toString();
        s.modalities = query.value(7).toString();
        s.seriesCount = query.value(8).toInt();
        s.instanceCount = query.value(9).toInt();
        s.lastOpened = fromMs(query.value(10));
        s.lastImported = fromMs(query.value(11));
        s.aiResultCount = query.value(12).toInt();
        studies.append(s);
    }
    return studies;
}

Result<QList<InstanceInfo>> readInstances(QSqlQuery &query)
{
    if (Result<void> done = sql::loggedExec(query); !done)
        return done.error();
    QList<InstanceInfo> instances;
    while (query.next()) {
        Result<InstanceInfo> info = indexrow::instanceFromRow(query);
        if (!info)
            return info.error();
        instances.append(std::move(*info));
    }
    return instances;
}

} // namespace

Result<QList<PatientRecord>> ImageIndex::patients() const
{
    Result<QSqlQuery> query = sql::loggedExec(
        d->db,
        QStringLiteral("SELECT p.patient_id, p.patient_name, p.birth_date, p.sex, count(st.study_uid) FROM patient p "
                       "LEFT JOIN study st ON st.patient = p.id GROUP BY p.id ORDER BY p.patient_name, p.patient_id"));
    if (!query)
        return query.error();
    QList<PatientRecord> patients;
    while (query->next()) {
        patients.append({query->value(0).toString(),
                         query->value(1).toString(),
                         query->value(2).toString(),
                         query->value(3).toString(),
                         query->value(4).toInt()});
    }
    return patients;
}

Result<QList<StudyRecord>> ImageIndex::studies(const QString &patientId) const
{
    const QString where = patientId.isEmpty() ? QString() : QStringLiteral("WHERE p.patient_id = ?");
    Result<QSqlQuery> query = sql::prepare(d->db, studySelect() + where + kStudyOrder);
    if (!query)
        return query.error();
    if (!patientId.isEmpty())
        query->addBindValue(sql::text(patientId));
    return readStudies(*query);
}

Result<QList<StudyRecord>> ImageIndex::studies(const QString &patientId, const QString &patientName) const
{
    Result<QSqlQuery> query = sql::prepare(
        d->db, studySelect() + QStringLiteral("WHERE p.patient_id = ? AND p.patient_name = ?") + kStudyOrder);
    if (!query)
        return query.error();
    query->addBindValue(sql::text(patientId));
    query->addBindValue(sql::text(patientName));
    return readStudies(*query);
}

Result<QList<StudyRecord>> ImageIndex::recentStudies(int limit) const
{
    Result<QSqlQuery> query = sql::prepare(
        d->db,
        studySelect() +
            QStringLiteral("WHERE st.last_opened IS NOT NULL OR st.last_imported IS NOT NULL "
                           "ORDER BY max(coalesce(st.last_opened, 0), coalesce(st.last_imported, 0)) DESC, "
                           "st.study_uid LIMIT ?"));
    if (!query)
        return query.error();
    query->addBindValue(qMax(0, limit));
    return readStudies(*query);
}

Result<QList<SeriesRecord>> ImageIndex::series(const QString &studyInstanceUid) const
{
    Result<QSqlQuery> query = sql::prepare(
        d->db,
        QStringLiteral("SELECT se.series_uid, se.study_uid, se.modality, se.description, se.series_number, "
                       "count(i.sop_instance_uid), coalesce(sum(i.number_of_frames), 0) "
                       "FROM series se LEFT JOIN instance i ON i.series_uid = se.series_uid WHERE se.study_uid = ? "
                       "GROUP BY se.series_uid ORDER BY se.series_number, se.series_uid"));
    if (!query)
        return query.error();
    query->addBindValue(sql::text(studyInstanceUid));
    if (Result<void> done = sql::loggedExec(*query); !done)
        return done.error();
    QList<SeriesRecord> series;
    while (query->next()) {
        series.append({query->value(0).toString(),
                       query->value(1).toString(),
                       query->value(2).toString(),
                       query->value(3).toString(),
                       query->value(4).toInt(),
                       query->value(5).toInt(),
                       query->value(6).toInt()});
    }
    return series;
}

Result<QList<InstanceInfo>> ImageIndex::instances(const QString &seriesInstanceUid) const
{
    Result<QSqlQuery> query = sql::prepare(
        d->db,
        indexrow::instanceSelect() +
            QStringLiteral("WHERE i.series_uid = ? ORDER BY i.instance_number, i.path, i.sop_instance_uid"));
    if (!query)
        return query.error();
    query->addBindValue(sql::text(seriesInstanceUid));
    return readInstances(*query);
}

Result<std::optional<InstanceInfo>> ImageIndex::indexedInstance(const QString &path) const
{
    const QFileInfo file(path);
    if (!file.exists())
        return std::optional<InstanceInfo>();
    Result<QSqlQuery> query =
        sql::prepare(d->db,
                     indexrow::instanceSelect() +
                         QStringLiteral("WHERE i.path = ? AND i.file_size = ? AND i.file_mtime = ? LIMIT 1"));
    if (!query)
        return query.error();
    query->addBindValue(sql::text(path));
    query->addBindValue(file.size());
    query->addBindValue(indexrow::modificationTime(path));
    Result<QList<InstanceInfo>> found = readInstances(*query);
    if (!found)
        return found.error();
    return found->isEmpty() ? std::optional<InstanceInfo>() : std::optional<InstanceInfo>(found->front());
}

QImage ImageIndex::thumbnail(const QString &seriesInstanceUid) const
{
    Result<QSqlQuery> query =
        sql::prepare(d->db, QStringLiteral("SELECT png FROM series_thumbnail WHERE series_uid = ?"));
    if (!query)
        return {};
    query->addBindValue(sql::text(seriesInstanceUid));
    if (!sql::loggedExec(*query) || !query->next())
        return {};
    return QImage::fromData(query->value(0).toByteArray(), "PNG");
}

Result<bool> ImageIndex::hasThumbnail(const QString &seriesInstanceUid) const
{
    Result<QSqlQuery> query =
        sql::prepare(d->db, QStringLiteral("SELECT count(*) FROM series_thumbnail WHERE series_uid = ?"));
    if (!query)
        return query.error();
    query->addBindValue(sql::text(seriesInstanceUid));
    if (Result<void> done = sql::loggedExec(*query); !done)
        return done.error();
    return query->next() && query->value(0).toInt() > 0;
}

} // namespace haip::dicom
