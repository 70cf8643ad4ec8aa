#include "SegmentationWriter.h"

#include "internal/DicomBytes.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmfg/fgseg.h>
#include <dcmtk/dcmiod/cielabutil.h>
#include <dcmtk/dcmiod/iodreferences.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>

#include <memory>
#include <vector>

namespace haip::services {
namespace {

using namespace Qt::StringLiterals;
using internal::text;

OFString ofs(const QString &s)
{
    return OFString(s.toUtf8().constData());
}

OFString decimal(double v)
{
    // DS: at most 16 characters.
    return OFString(QString::number(v, 'g', 10).toLatin1().constData());
}

CodeSequenceMacro codeOf(const CodedConcept &c)
{
    return CodeSequenceMacro(c.value, c.scheme, c.meaning);
}

Error failed(const QString &what, const OFCondition &status)
{
    return Error(ErrorCode::WriteFailed, u"segmentation: %1: %2"_s.arg(what, text(status)));
}

struct SegDeleter
{
    void operator()(DcmSegmentation *s) const { delete s; }
};

} // namespace

Result<SegmentationWriter::Output>
SegmentationWriter::write(const ImageVolume &volume, const AnalysisResult &analysis, const ResultIdentity &identity)
{
    const VolumeGeometry &g = volume.geometry;
    Result<std::unique_ptr<DcmFileFormat>> source = internal::readDicomFile(volume.series.headerPath);
    if (!source)
        return source.error();
    DcmDataset &sourceSet = *(*source)->getDataset();

    const IODGeneralEquipmentModule::EquipmentInfo equipment(ofs(identity.manufacturer),
                                                             ofs(identity.serviceId),
                                                             ofs(u"HAIP-REF-"_s + identity.serviceId),
                                                             ofs(identity.serviceVersion));
    const ContentIdentificationMacro content(
        "1", "AI_RESULT", ofs(u"%1 %2"_s.arg(identity.serviceName, identity.serviceVersion)), "HAIP^Reference");
    DcmSegmentation *created = nullptr;
    OFCondition status = analysis.fractional
        ? DcmSegmentation::createFractionalSegmentation(
              created, Uint16(g.rows), Uint16(g.columns), DcmSegTypes::SFT_PROBABILITY, 255, equipment, content)
        : DcmSegmentation::createBinarySegmentation(created, Uint16(g.rows), Uint16(g.columns), equipment, content);
    std::unique_ptr<DcmSegmentation, SegDeleter> seg(created);
    if (status.bad() || !seg)
        return failed(u"create"_s, status);
    if ((status = seg->importFromSourceImage(sourceSet)).bad())
        return failed(u"source patient and study"_s, status);
    seg->getSeries().setSeriesInstanceUID(ofs(identity.segmentationSeriesUid));
    seg->getSeries().setSeriesNumber(ofs(QString::number(identity.segmentationSeriesNumber)));
    seg->getSeries().setSeriesDescription(ofs(u"%1 segmentation (research use only)"_s.arg(identity.serviceId)));
    seg->getSOPCommon().setSOPInstanceUID(ofs(identity.segmentationInstanceUid));
    seg->getGeneralImage().setContentDate(ofs(identity.created.toString(u"yyyyMMdd"_s)));
    seg->getGeneralImage().setContentTime(ofs(identity.created.toString(u"HHmmss"_s)));

    // Segments.
    for (const SegmentInfo &info : analysis.segments) {
        DcmSegment *segment = nullptr;
        status = DcmSegment::create(segment,
                                    ofs(info.label.left(64)),
                                    codeOf(info.category),
                                    codeOf(info.type),
                                    DcmSegTypes::SAT_AUTOMATIC,
                                    ofs(analysis.algorithmName.left(64)));
        if (status.bad() || segment == nullptr)
            return failed(u"segment %1"_s.arg(info.number), status);
        std::unique_ptr<DcmSegment> owned(segment);
        if (!info.description.isEmpty())
            segment->setSegmentDescription(ofs(info.description.left(64)));
        double l = 0, a = 0, b = 0;
        IODCIELabUtil::rgb2DicomLab(l, a, b, info.colour.redF(), info.colour.greenF(), info.colour.blueF());
        segment->setRecommendedDisplayCIELabValue(Uint16(l), Uint16(a), Uint16(b));
        if (!info.trackingId.isEmpty()) {
            segment->setTrackingID(ofs(info.trackingId.left(64)));
            segment->setTrackingUID(ofs(info.trackingUid));
        }
        if (*info.anatomy.value != '\0')
            segment->getGeneralAnatomyCode().getAnatomicRegion().set(
                info.anatomy.value, info.anatomy.scheme, info.anatomy.meaning);
        Uint16 number = 0;
        if ((status = seg->addSegment(owned.get(), number)).bad())
            return failed(u"add segment %1"_s.arg(info.number), status);
        owned.release(); // the segmentation owns it now
        if (number != info.number)
            return Error(ErrorCode::Internal, u"segment numbers out of order"_s);
    }

    // Shared functional groups: pixel measures and orientation (CT), when the source has them.
    if (g.hasPatientGeometry) {
        FGPixelMeasures measures;
        measures.setPixelSpacing(decimal(g.rowSpacing) + "\\" + decimal(g.columnSpacing));
        measures.setSliceThickness(decimal(g.sliceThickness > 0.0 ? g.sliceThickness : g.sliceSpacing));
        if (g.slices > 1)
            measures.setSpacingBetweenSlices(decimal(g.sliceSpacing));
        FGPlaneOrientationPatient orientation;
        orientation.setImageOrientationPatient(decimal(g.rowDirection.x),
                                               decimal(g.rowDirection.y),
                                               decimal(g.rowDirection.z),
                                               decimal(g.columnDirection.x),
                                               decimal(g.columnDirection.y),
                                               decimal(g.columnDirection.z));
        if ((status = seg->addForAllFrames(measures)).bad() || (status = seg->addForAllFrames(orientation)).bad())
            return failed(u"shared functional groups"_s, status);
    }

    // Frames: every (segment, slice) pair that holds something.
    std::vector<Uint8> pixels(g.sliceSize());
    int frames = 0;
    // DCMTK 3.6.7's dcmseg pads each binary frame to whole bytes, so when rows × columns is not
    // a multiple of 8 every frame after the first lands shifted. PS3.5 8.1.1: the frames' bits
    // follow each other without padding, pixel k of the element is bit k (least significant bit
    // first). Such Pixel Data is packed here and replaces dcmseg's.
    const bool packHere = !analysis.fractional && (qint64(g.rows) * g.columns) % 8 != 0;
    std::vector<Uint8> packed;
    for (const SegmentInfo &info : analysis.segments) {
        for (int k = 0; k < g.slices; ++k) {
            std::fill(pixels.begin(), pixels.end(), Uint8(0));
            if (!analysis.frame(info.number, k, pixels.data()))
                continue;
            const SourceSlice &src = volume.sources[k];
            FGFrameContent frameContent;
            frameContent.setDimensionIndexValues(Uint32(info.number), 0);
            if (g.hasPatientGeometry)
                frameContent.setDimensionIndexValues(Uint32(k + 1), 1);
            FGPlanePosPatient position;
            position.setImagePositionPatient(decimal(src.position.x), decimal(src.position.y), decimal(src.position.z));
            FGSegmentation segmentation;
            segmentation.setReferencedSegmentNumber(Uint16(info.number));
            ImageSOPInstanceReferenceMacro *reference = nullptr;
            OFVector<Uint16> frameNumbers;
            if (src.frameNumber > 0)
                frameNumbers.push_back(Uint16(src.frameNumber));
            status = ImageSOPInstanceReferenceMacro::create(
                ofs(src.sopClassUid), ofs(src.sopInstanceUid), frameNumbers, reference);
            if (status.bad())
                return failed(u"source reference"_s, status);
            OFVector<ImageSOPInstanceReferenceMacro> references;
            references.push_back(*reference);
            delete reference;
            std::unique_ptr<FGDerivationImage> derivation(
                DcmSegmentation::createDerivationImageFG(references, "Segmentation by a reference algorithm"));
            if (!derivation)
                return Error(ErrorCode::WriteFailed, u"segmentation: derivation image"_s);
            OFVector<FGBase *> perFrame;
            perFrame.push_back(&frameContent);
            if (g.hasPatientGeometry)
                perFrame.push_back(&position);
            perFrame.push_back(&segmentation);
            perFrame.push_back(derivation.get());
            if ((status = seg->addFrame(pixels.data(), Uint16(info.number), perFrame)).bad())
                return failed(u"frame"_s, status);
            if (packHere) {
                const qint64 first = qint64(frames) * qint64(g.sliceSize());
                packed.resize(std::size_t((first + qint64(g.sliceSize()) + 7) / 8), 0);
                for (std::size_t p = 0; p < pixels.size(); ++p) {
                    if (pixels[p] != 0) {
                        const qint64 bit = first + qint64(p);
                        packed[std::size_t(bit >> 3)] |= Uint8(1u << (bit & 7));
                    }
                }
            }
            ++frames;
        }
    }
    if (frames == 0)
        return Output {}; // nothing to outline: no SEG

    // Dimension organisation: segment, then position along the stack.
    const OFString organisation = ofs(ResultIdentity::newUid());
    IODMultiframeDimensionModule &dims = seg->getDimensions();
    status = dims.addDimensionIndex(
        DCM_ReferencedSegmentNumber, organisation, DCM_SegmentIdentificationSequence, "Segment Number");
    if (status.good() && g.hasPatientGeometry)
        status = dims.addDimensionIndex(
            DCM_ImagePositionPatient, organisation, DCM_PlanePositionSequence, "Image Position Patient");
    if (status.bad())
        return failed(u"dimensions"_s, status);
    auto *organisationItem = new IODMultiframeDimensionModule::DimensionOrganizationItem;
    organisationItem->setDimensionOrganizationUID(organisation);
    dims.getDimensionOrganizationSequence().push_back(organisationItem);

    // The source instances, for the Referenced Series Sequence.
    OFString patientId;
    sourceSet.findAndGetOFString(DCM_PatientID, patientId);
    IODReferences references;
    for (const SourceSlice &src : volume.sources) {
        auto *reference = new IODImageReference(patientId,
                                                ofs(volume.series.studyInstanceUid),
                                                ofs(volume.series.seriesInstanceUid),
                                                ofs(src.sopInstanceUid),
                                                ofs(src.sopClassUid));
        if (!references.add(reference)) // takes ownership only on success
            delete reference;
    }
    seg->getCommonInstanceReference().addReferences(references, ofs(volume.series.studyInstanceUid));

    DcmFileFormat file;
    if ((status = seg->writeDataset(*file.getDataset())).bad())
        return failed(u"write"_s, status);
    if (packHere) {
        if (packed.size() % 2 != 0)
            packed.push_back(0); // OB values have even length
        if ((status = file.getDataset()->putAndInsertUint8Array(DCM_PixelData, packed.data(), packed.size())).bad())
            return failed(u"pixel data"_s, status);
    }
    Result<QByteArray> bytes = internal::serialise(file);
    if (!bytes)
        return bytes.error();
    return Output {*bytes, frames};
}

} // namespace haip::services
