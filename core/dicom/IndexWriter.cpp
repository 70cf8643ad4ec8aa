#include "dicom/internal/IndexWriter.h"

#include "dicom/IndexGeometry.h"
#include "dicom/SqlExec.h"

#include <array>

namespace haip::dicom {

namespace {

using sql::text;

// Instance columns, in the order instanceValues() gives their values.
constexpr std::array<const char *, 22> kInstanceColumns {{
    "sop_instance_uid",
    "series_uid",
    "path",
    "file_size",
    "file_mtime",
    "sop_class_uid",
    "frame_of_reference_uid",
    "transfer_syntax_uid",
    "specific_character_set",
    "acquisition_number",
    "instance_number",
    "has_pixel_data",
    "rows",
    "columns",
    "number_of_frames",
    "samples_per_pixel",
    "bits_allocated",
    "bits_stored",
    "pixel_representation",
    "photometric_interpretation",
    "slice_location",
    "geometry",
}};

QVariantList instanceValues(const InstanceInfo &i, qint64 mtime)
{
    return {
        text(i.sopInstanceUid),
        text(i.seriesInstanceUid),
        text(i.path),
        i.fileSize,
        mtime,
        text(i.sopClassUid),
        text(i.frameOfReferenceUid),
        text(i.transferSyntaxUid),
        text(i.specificCharacterSet.join(QLatin1Char('\\'))),
        i.acquisitionNumber,
        i.instanceNumber,
        i.hasPixelData ? 1 : 0,
        i.rows,
        i.columns,
        i.numberOfFrames,
        i.samplesPerPixel,
        i.bitsAllocated,
        i.bitsStored,
        i.pixelRepresentation,
        text(i.photometricInterpretation),
        i.sliceLocation ? QVariant(*i.sliceLocation) : QVariant(QMetaType::fromType<double>()),
        QString::fromUtf8(IndexGeometry::toJson({i.plane, i.framePlanes})),
    };
}

// INSERT … ON CONFLICT (sop_instance_uid) DO UPDATE: one statement for new and moved instances.
QString instanceUpsertSql()
{
    QStringList columns;
    QStringList updates;
    for (const char *column : kInstanceColumns) {
        const QString name = QString::fromLatin1(column);
        columns.append(name);
        if (name != QLatin1String("sop_instance_uid"))
            updates.append(QStringLiteral("%1 = excluded.%1").arg(name));
    }
    return QStringLiteral("INSERT INTO instance (%1) VALUES (%2) ON CONFLICT (sop_instance_uid) DO UPDATE SET %3")
        .arg(columns.join(QStringLiteral(", ")),
             QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")),
             updates.join(QStringLiteral(", ")));
}

} // namespace

Result<IndexWriter> IndexWriter::prepare(const QSqlDatabase &db)
{
    IndexWriter writer;
    const std::array<std::pair<QSqlQuery *, QString>, 6> statements {{
        {&writer.m_insertPatient,
         QStringLiteral("INSERT INTO patient (patient_id, patient_name, birth_date, sex) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT (patient_id, patient_name) DO NOTHING")},
        {&writer.m_findPatient, QStringLiteral("SELECT id FROM patient WHERE patient_id = ? AND patient_name = ?")},
        {&writer.m_insertStudy,
         QStringLiteral("INSERT INTO study (study_uid, patient, study_date, study_time, description, "
                        "accession_number, study_id, referring_physician) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (study_uid) DO NOTHING")},
        {&writer.m_insertSeries,
         QStringLiteral(
             "INSERT INTO series (series_uid, study_uid, modality, description, series_number, "
             "body_part, institution_name) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (series_uid) DO NOTHING")},
        {&writer.m_upsertInstance, instanceUpsertSql()},
        {&writer.m_touchStudy, QStringLiteral("UPDATE study SET last_imported = ? WHERE study_uid = ?")},
    }};
    for (const auto &[query, statement] : statements) {
        Result<QSqlQuery> prepared = sql::prepare(db, statement);
        if (!prepared)
            return prepared.error();
        *query = std::move(*prepared);
    }
    return writer;
}

Result<void> IndexWriter::ensureStudy(const InstanceInfo &info)
{
    if (m_knownStudies.contains(info.studyInstanceUid))
        return {};
    Result<void> patientInserted = sql::loggedExec(
        m_insertPatient,
        {text(info.patientId), text(info.patientName), text(info.patientBirthDate), text(info.patientSex)});
    if (!patientInserted)
        return patientInserted;
    if (Result<void> found = sql::loggedExec(m_findPatient, {text(info.patientId), text(info.patientName)}); !found)
        return found;
    if (!m_findPatient.next())
        return sql::databaseError(m_findPatient.lastQuery(), QStringLiteral("no patient row after the insert"));
    const qint64 patient = m_findPatient.value(0).toLongLong();
    m_findPatient.finish();
    Result<void> studyInserted = sql::loggedExec(m_insertStudy,
                                                 {text(info.studyInstanceUid),
                                                  patient,
                                                  text(info.studyDate),
                                                  text(info.studyTime),
                                                  text(info.studyDescription),
                                                  text(info.accessionNumber),
                                                  text(info.studyId),
                                                  text(info.referringPhysicianName)});
    if (!studyInserted)
        return studyInserted;
    m_knownStudies.insert(info.studyInstanceUid);
    return {};
}

Result<void> IndexWriter::ensureSeries(const InstanceInfo &info)
{
    if (m_knownSeries.contains(info.seriesInstanceUid))
        return {};
    Result<void> inserted = sql::loggedExec(m_insertSeries,
                                            {text(info.seriesInstanceUid),
                                             text(info.studyInstanceUid),
                                             text(info.modality),
                                             text(info.seriesDescription),
                                             info.seriesNumber,
                                             text(info.bodyPartExamined),
                                             text(info.institutionName)});
    if (!inserted)
        return inserted;
    m_knownSeries.insert(info.seriesInstanceUid);
    return {};
}

Result<void> IndexWriter::write(const InstanceInfo &info, qint64 mtime)
{
    if (Result<void> study = ensureStudy(info); !study)
        return study;
    if (Result<void> series = ensureSeries(info); !series)
        return series;
    if (Result<void> instance = sql::loggedExec(m_upsertInstance, instanceValues(info, mtime)); !instance)
        return instance;
    if (!m_writtenStudies.contains(info.studyInstanceUid))
        m_writtenStudies.append(info.studyInstanceUid);
    return {};
}

Result<void> IndexWriter::touchStudies(qint64 now)
{
    for (const QString &study : m_writtenStudies) {
        if (Result<void> touched = sql::loggedExec(m_touchStudy, {now, text(study)}); !touched)
            return touched;
    }
    return {};
}

} // namespace haip::dicom
