// The instance summary of InstanceInfo.h, built through DicomFile's own accessors so text is
// decoded exactly as text() decodes it.
#include "dicom/DicomFile.h"
#include "dicom/internal/ImageAttributes.h"

namespace haip::dicom::internal {

namespace {

constexpr Tag kPerFrameFunctionalGroups {0x5200, 0x9230};

int intOr(const DicomFile &file, Tag tag, int fallback)
{
    const std::optional<qint64> v = file.integer(tag);
    return v && *v >= INT_MIN && *v <= INT_MAX ? int(*v) : fallback;
}

} // namespace

InstanceInfo readInstanceInfo(const DicomFile &file)
{
    InstanceInfo info;
    info.sopClassUid = file.rawString(tags::SopClassUid);
    info.sopInstanceUid = file.rawString(tags::SopInstanceUid);
    info.studyInstanceUid = file.rawString(tags::StudyInstanceUid);
    info.seriesInstanceUid = file.rawString(tags::SeriesInstanceUid);
    info.frameOfReferenceUid = file.rawString(tags::FrameOfReferenceUid);
    const QString charset = file.rawString(tags::SpecificCharacterSet);
    info.specificCharacterSet = charset.isEmpty() ? QStringList() : charset.split(QLatin1Char('\\'));

    info.patientName = file.text(tags::PatientName);
    info.patientId = file.text(tags::PatientId);
    info.patientBirthDate = file.rawString(tags::PatientBirthDate);
    info.patientSex = file.rawString(tags::PatientSex);

    info.studyDate = file.rawString(tags::StudyDate);
    info.studyTime = file.rawString(tags::StudyTime);
    info.studyDescription = file.text(tags::StudyDescription);
    info.studyId = file.text(tags::StudyId);
    info.accessionNumber = file.text(tags::AccessionNumber);
    info.referringPhysicianName = file.text(tags::ReferringPhysicianName);
    info.institutionName = file.text(tags::InstitutionName);

    info.modality = file.rawString(tags::Modality);
    info.seriesDescription = file.text(tags::SeriesDescription);
    info.bodyPartExamined = file.rawString(tags::BodyPartExamined);
    info.seriesNumber = intOr(file, tags::SeriesNumber, 0);
    info.acquisitionNumber = intOr(file, tags::AcquisitionNumber, 0);
    info.instanceNumber = intOr(file, tags::InstanceNumber, 0);

    info.rows = intOr(file, tags::Rows, 0);
    info.columns = intOr(file, tags::Columns, 0);
    info.samplesPerPixel = intOr(file, tags::SamplesPerPixel, info.rows > 0 ? 1 : 0);
    info.bitsAllocated = intOr(file, tags::BitsAllocated, 0);
    info.bitsStored = intOr(file, tags::BitsStored, info.bitsAllocated);
    info.pixelRepresentation = intOr(file, tags::PixelRepresentation, 0);
    info.photometricInterpretation = file.rawString(tags::PhotometricInterpretation);

    info.plane = file.plane(0);
    const int frames = file.frameCount();
    if (frames > 1 && file.contains(kPerFrameFunctionalGroups)) {
        for (int i = 0; i < frames; ++i)
            info.framePlanes.append(file.plane(i));
    }
    info.sliceLocation = file.number(tags::SliceLocation);
    return info;
}

} // namespace haip::dicom::internal
