#include "MeasurementReportWriter.h"

#include "internal/DicomBytes.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/cmr/tid1500.h>
#include <dcmtk/dcmsr/dsrdoc.h>

namespace haip::services {
namespace {

using namespace Qt::StringLiterals;
using internal::text;

OFString ofs(const QString &s)
{
    return OFString(s.toUtf8().constData());
}

OFString number(double v, int decimals)
{
    return OFString(QString::number(v, 'f', decimals).toLatin1().constData());
}

DSRCodedEntryValue codeOf(const CodedConcept &c)
{
    return DSRCodedEntryValue(c.value, c.scheme, c.meaning);
}

Error failed(const QString &what, const OFCondition &status)
{
    return Error(ErrorCode::WriteFailed, u"measurement report: %1: %2"_s.arg(what, text(status)));
}

// Patient, study and character set of the report are those of the source images.
const DcmTagKey kCopiedFromSource[] = {
    DCM_SpecificCharacterSet,
    DCM_PatientName,
    DCM_PatientID,
    DCM_PatientBirthDate,
    DCM_PatientSex,
    DCM_PatientAge,
    DCM_StudyInstanceUID,
    DCM_StudyDate,
    DCM_StudyTime,
    DCM_StudyID,
    DCM_AccessionNumber,
    DCM_ReferringPhysicianName,
    DCM_StudyDescription,
};

// A minimal data set describing one source image, for the image library (TID 1601/1602).
void describeSource(DcmItem &item, const ImageVolume &volume, const SourceSlice &src, bool withPosition)
{
    const VolumeGeometry &g = volume.geometry;
    item.putAndInsertString(DCM_SOPClassUID, ofs(src.sopClassUid).c_str());
    item.putAndInsertString(DCM_SOPInstanceUID, ofs(src.sopInstanceUid).c_str());
    item.putAndInsertString(DCM_Modality, ofs(volume.series.modality).c_str());
    item.putAndInsertUint16(DCM_Rows, Uint16(g.rows));
    item.putAndInsertUint16(DCM_Columns, Uint16(g.columns));
    if (!g.hasPatientGeometry)
        return;
    const auto ds = [](const Vec3 &v) {
        return QString(u"%1\\%2\\%3"_s).arg(v.x, 0, 'f', 6).arg(v.y, 0, 'f', 6).arg(v.z, 0, 'f', 6);
    };
    item.putAndInsertString(DCM_PixelSpacing,
                            ofs(u"%1\\%2"_s.arg(g.rowSpacing, 0, 'f', 6).arg(g.columnSpacing, 0, 'f', 6)).c_str());
    item.putAndInsertString(DCM_ImageOrientationPatient,
                            ofs(ds(g.rowDirection) + u"\\"_s + ds(g.columnDirection)).c_str());
    if (withPosition)
        item.putAndInsertString(DCM_ImagePositionPatient, ofs(ds(src.position)).c_str());
    if (!volume.series.frameOfReferenceUid.isEmpty())
        item.putAndInsertString(DCM_FrameOfReferenceUID, ofs(volume.series.frameOfReferenceUid).c_str());
}

using Measurements = TID1500_MeasurementReport::TID1411_Measurements;
using Value = CMR_TID1411_in_TID1500::MeasurementValue;

OFCondition addMeasurement(Measurements &group,
                           const CID7469_GenericIntensityAndSizeMeasurements &name,
                           const Value &value,
                           const AnalysisResult &analysis,
                           const CID7464_GeneralRegionOfInterestMeasurementModifiers &derivation = {})
{
    OFCondition status = group.addMeasurement(name, value);
    if (status.good() && derivation.hasSelectedValue())
        status = group.getMeasurement().setDerivation(derivation);
    if (status.good())
        status = group.getMeasurement().setAlgorithmIdentification(ofs(analysis.algorithmName),
                                                                   ofs(analysis.algorithmVersion));
    return status;
}

} // namespace

Result<QByteArray> MeasurementReportWriter::write(const ImageVolume &volume,
                                                  const AnalysisResult &analysis,
                                                  const ResultIdentity &identity,
                                                  bool segmentationWritten)
{
    Result<std::unique_ptr<DcmFileFormat>> source = internal::readDicomFile(volume.series.headerPath);
    if (!source)
        return source.error();
    DcmDataset &sourceSet = *(*source)->getDataset();
    const bool isCt = volume.series.modality == u"CT";

    TID1500_MeasurementReport report(CMR_CID7021::ImagingMeasurementReport);
    OFCondition status = report.setLanguage(CID5000_Languages::English_US);
    if (status.good())
        status = report.getObservationContext().addDeviceObserver(ofs(identity.deviceUid),
                                                                  ofs(identity.serviceName.left(64)),
                                                                  ofs(identity.manufacturer),
                                                                  ofs(identity.serviceId));
    if (status.good())
        status = report.addProcedureReported(isCt ? CMR_CID100::CTUnspecifiedBodyRegion : CMR_CID100::ImagingProcedure);
    if (status.bad())
        return failed(u"header"_s, status);

    // Image library: the analysed slices.
    TID1600_ImageLibrary &library = report.getImageLibrary();
    if (!library.hasImageLibrary())
        status = library.createNewImageLibrary();
    if (status.bad() || (status = library.addImageGroup()).bad())
        return failed(u"image library"_s, status);
    for (const SourceSlice &src : volume.sources) {
        DcmItem item;
        describeSource(item, volume, src, true);
        if ((status = library.addImageEntry(item, TID1600_ImageLibrary::withoutDescriptors)).bad())
            return failed(u"image library entry"_s, status);
    }
    if (!volume.sources.isEmpty()) {
        DcmItem common;
        describeSource(common, volume, volume.sources.front(), false); // what all slices share
        if ((status = library.addImageGroupDescriptors(common, TID1600_ImageLibrary::withAllDescriptors)).bad())
            return failed(u"image library descriptors"_s, status);
    }

    // One measurement group per finding.
    for (const Finding &f : analysis.findings) {
        if ((status = report.addVolumetricROIMeasurements()).bad())
            return failed(u"measurement group"_s, status);
        Measurements &group = report.getVolumetricROIMeasurements();
        status = group.setTrackingIdentifier(ofs(f.trackingId));
        if (status.good())
            status = group.setTrackingUniqueIdentifier(ofs(f.trackingUid));
        if (status.good())
            status = group.setFinding(codeOf(f.finding));
        if (status.good() && *f.site.value != '\0')
            status = group.addFindingSite(codeOf(f.site));
        if (status.good() && segmentationWritten && f.segmentNumber > 0) {
            DSRImageReferenceValue segment(UID_SegmentationStorage, ofs(identity.segmentationInstanceUid));
            segment.getSegmentList().addItem(Uint16(f.segmentNumber));
            status = group.setReferencedSegment(segment);
        }
        if (status.good())
            status = group.setSourceSeriesForSegmentation(ofs(volume.series.seriesInstanceUid));
        if (status.bad())
            return failed(u"finding %1"_s.arg(f.trackingId), status);

        if (analysis.isTwoDimensional)
            status = addMeasurement(
                group, CMR_CID7469::Area, Value(number(f.volumeMm3, 1), CMR_CID7181::SquareMillimeter), analysis);
        else
            status = addMeasurement(
                group, CMR_CID7469::Volume, Value(number(f.volumeMm3, 1), CMR_CID7181::CubicMillimeter), analysis);
        if (status.good())
            status = addMeasurement(group,
                                    CMR_CID7469::Diameter,
                                    Value(number(f.equivalentDiameterMm, 2), CMR_CID7181::Millimeter),
                                    analysis);
        if (status.good())
            status = group.getMeasurement().setEquivalentMeaningOfConceptName(
                analysis.isTwoDimensional ? "area-equivalent circle diameter" : "volume-equivalent sphere diameter");
        if (status.good() && isCt)
            status = addMeasurement(group,
                                    CMR_CID7469::AttenuationCoefficient,
                                    Value(number(f.meanValue, 1), CMR_CID7181::HounsfieldUnit),
                                    analysis,
                                    CMR_CID7464::Mean);
        if (status.good() && f.peakScore)
            status = addMeasurement(group,
                                    CMR_CID7469::ZScore,
                                    Value(number(*f.peakScore, 2), CMR_CID7181::NoUnits),
                                    analysis,
                                    CMR_CID7464::Maximum);
        if (status.bad())
            return failed(u"measurements of %1"_s.arg(f.trackingId), status);
    }
    if (analysis.findings.isEmpty()) {
        status = report.addQualitativeEvaluation(codeOf(codes::Finding), codeOf(codes::NoAbnormalityDetected));
        if (status.bad())
            return failed(u"qualitative evaluation"_s, status);
    }
    if (!report.isValid())
        return Error(ErrorCode::WriteFailed, u"measurement report: the TID 1500 tree is incomplete"_s);

    DSRDocument document;
    if ((status = document.setTreeFromRootTemplate(report, OFTrue /*expandTree*/)).bad())
        return failed(u"document tree"_s, status);
    OFString studyUid = ofs(volume.series.studyInstanceUid);
    if ((status = document.createNewSeriesInStudy(studyUid)).bad())
        return failed(u"series"_s, status);
    document.setSeriesDescription(ofs(u"%1 measurements (research use only)"_s.arg(identity.serviceId)));
    document.setSeriesNumber(ofs(QString::number(identity.reportSeriesNumber)));
    document.setInstanceNumber("1");
    document.setManufacturer(ofs(identity.manufacturer));
    document.setManufacturerModelName(ofs(identity.serviceId));
    document.setSoftwareVersions(ofs(identity.serviceVersion));
    document.setContentDate(ofs(identity.created.toString(u"yyyyMMdd"_s)));
    document.setContentTime(ofs(identity.created.toString(u"HHmmss"_s)));
    // The evidence: every source image, and the segmentation the groups reference.
    DSRSOPInstanceReferenceList &evidence = document.getCurrentRequestedProcedureEvidence();
    for (const SourceSlice &src : volume.sources)
        evidence.addItem(studyUid, ofs(volume.series.seriesInstanceUid), ofs(src.sopClassUid), ofs(src.sopInstanceUid));
    if (segmentationWritten)
        evidence.addItem(studyUid,
                         ofs(identity.segmentationSeriesUid),
                         UID_SegmentationStorage,
                         ofs(identity.segmentationInstanceUid));
    if ((status = document.completeDocument()).bad())
        return failed(u"completion"_s, status);

    DcmFileFormat file;
    DcmDataset &out = *file.getDataset();
    if ((status = document.write(out)).bad())
        return failed(u"write"_s, status);
    internal::copyAttributes(sourceSet, out, kCopiedFromSource, std::size(kCopiedFromSource));
    out.putAndInsertString(DCM_SOPInstanceUID, ofs(identity.reportInstanceUid).c_str());
    out.putAndInsertString(DCM_SeriesInstanceUID, ofs(identity.reportSeriesUid).c_str());
    return internal::serialise(file);
}

} // namespace haip::services
