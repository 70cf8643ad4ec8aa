// DCMTK side of the phantom generator: one CT Image Storage data set per slice with the
// modules of PS3.3 A.3 (SOP Common, Patient, General/Patient Study, General Series, Frame of
// Reference, General Equipment, General Image, Image Plane, Image Pixel, CT Image, VOI LUT),
// serialised to memory and written with QFile.
#include "dicom/internal/PhantomWriter.h"

#include "dicom/internal/FileFormatBytes.h"

#include <QFile>
#include <QStringEncoder>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcuid.h>

namespace haip::dicom::phantom {
namespace {

// DS values: at most 16 characters, so six decimals and no trailing zeros.
QByteArray decimalString(double v)
{
    QByteArray s = QByteArray::number(v, 'f', 6);
    while (s.endsWith('0'))
        s.chop(1);
    if (s.endsWith('.'))
        s.chop(1);
    return s == "-0" ? QByteArray("0") : s;
}

QByteArray dsList(std::initializer_list<double> values)
{
    QByteArrayList parts;
    for (const double v : values)
        parts.append(decimalString(v));
    return parts.join('\\');
}

// Collects puts into a data set and remembers the first failure.
class DatasetBuilder
{
public:
    explicit DatasetBuilder(DcmDataset &dataset) : m_dataset(dataset) { }

    void put(const DcmTagKey &tag, const QByteArray &value)
    {
        if (m_status.good())
            m_status = m_dataset.putAndInsertOFStringArray(tag, OFString(value.constData(), size_t(value.size())));
    }
    void put(const DcmTagKey &tag, const QString &value) { put(tag, value.toLatin1()); }
    void put(const DcmTagKey &tag, const char *value) { put(tag, QByteArray(value)); }
    void putUs(const DcmTagKey &tag, int value)
    {
        if (m_status.good())
            m_status = m_dataset.putAndInsertUint16(tag, Uint16(value));
    }
    void putFd(const DcmTagKey &tag, double value)
    {
        if (m_status.good())
            m_status = m_dataset.putAndInsertFloat64(tag, value);
    }
    const OFCondition &status() const { return m_status; }

private:
    DcmDataset &m_dataset;
    OFCondition m_status = EC_Normal;
};

} // namespace

QByteArray encodeIso2022Jp(const QString &text)
{
    // EUC-JP carries JIS X 0208 as byte pairs 0xA1–0xFE; with the high bits cleared they are
    // the JIS bytes ISO 2022 IR 87 needs. (Qt's ISO-2022-JP encoder is stateful and never
    // returns to ASCII at the end of a run, so it cannot encode one component at a time.)
    QStringEncoder encoder("EUC-JP");
    if (!encoder.isValid())
        return {};
    QByteArray out;
    QString run;
    bool failed = false;
    auto flush = [&] {
        if (run.isEmpty())
            return;
        const QByteArray euc = encoder.encode(run);
        run.clear();
        failed = failed || encoder.hasError() || euc.size() % 2 != 0;
        out.append("\x1b$B");
        for (const char byte : euc) {
            failed = failed || quint8(byte) < 0xA1 || quint8(byte) == 0xFF; // not JIS X 0208
            out.append(char(byte & 0x7F));
        }
        out.append("\x1b(B");
    };
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            flush();
            out.append(char(c.unicode()));
        } else {
            run.append(c);
        }
    }
    flush();
    return failed ? QByteArray() : out;
}

PhantomWriter::PhantomWriter(PhantomHeader header) : m_header(std::move(header)) { }

Result<void> PhantomWriter::write(const PhantomSlice &slice,
                                  const std::function<void(quint16 *)> &fillPixels,
                                  const QString &path) const
{
    const PhantomHeader &h = m_header;
    const StudyProfile &p = *h.profile;
    DcmFileFormat fileFormat;
    DcmDataset &dataset = *fileFormat.getDataset();
    DatasetBuilder b(dataset);
    // SOP Common
    b.put(DCM_SpecificCharacterSet, "\\ISO 2022 IR 87");
    b.put(DCM_SOPClassUID, UID_CTImageStorage);
    b.put(DCM_SOPInstanceUID, slice.sopInstanceUid);
    b.put(DCM_InstanceCreationDate, h.studyDate);
    b.put(DCM_InstanceCreationTime, h.studyTime);
    b.put(DCM_TimezoneOffsetFromUTC, "+0900");
    // Patient, Patient Study
    b.put(DCM_PatientName, h.patientName);
    b.put(DCM_PatientID, h.patientId);
    b.put(DCM_PatientBirthDate, h.patientBirthDate);
    b.put(DCM_PatientSex, h.patientSex);
    b.put(DCM_PatientAge, h.patientAge);
    b.put(DCM_PatientSize, "1.7");
    b.put(DCM_PatientWeight, "65");
    // General Study
    b.put(DCM_StudyInstanceUID, h.studyInstanceUid);
    b.put(DCM_StudyDate, h.studyDate);
    b.put(DCM_StudyTime, h.studyTime);
    b.put(DCM_ReferringPhysicianName, QByteArray());
    b.put(DCM_StudyID, "1");
    b.put(DCM_AccessionNumber, h.accessionNumber);
    b.put(DCM_StudyDescription, h.studyDescription);
    // General Series
    b.put(DCM_Modality, "CT");
    b.put(DCM_SeriesInstanceUID, h.seriesInstanceUid);
    b.put(DCM_SeriesNumber, QByteArray::number(h.seriesNumber));
    b.put(DCM_SeriesDate, h.studyDate);
    b.put(DCM_SeriesTime, h.studyTime);
    b.put(DCM_SeriesDescription, p.seriesDescription);
    b.put(DCM_ProtocolName, p.protocolName);
    b.put(DCM_BodyPartExamined, p.bodyPart);
    b.put(DCM_PatientPosition, "HFS");
    // Frame of Reference, General Equipment
    b.put(DCM_FrameOfReferenceUID, h.frameOfReferenceUid);
    b.put(DCM_PositionReferenceIndicator, QByteArray());
    b.put(DCM_Manufacturer, "HAIP Phantom");
    b.put(DCM_InstitutionName, h.institutionName);
    b.put(DCM_StationName, "PHANTOM01");
    b.put(DCM_ManufacturerModelName, "HAIP Phantom Generator");
    b.put(DCM_DeviceSerialNumber, "0001");
    b.put(DCM_SoftwareVersions, HAIP_VERSION);
    // General Image, Image Plane
    b.put(DCM_ImageType, "ORIGINAL\\PRIMARY\\AXIAL");
    b.put(DCM_InstanceNumber, QByteArray::number(slice.instanceNumber));
    b.put(DCM_AcquisitionNumber, "1");
    b.put(DCM_AcquisitionDate, h.studyDate);
    b.put(DCM_AcquisitionTime, h.studyTime);
    b.put(DCM_ContentDate, h.studyDate);
    b.put(DCM_ContentTime, h.studyTime);
    b.put(DCM_PatientOrientation, "L\\P");
    b.put(DCM_BurnedInAnnotation, "NO");
    b.put(DCM_LossyImageCompression, "00");
    b.put(DCM_ImagePositionPatient, dsList({h.x0, h.y0, slice.z}));
    b.put(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
    b.put(DCM_PixelSpacing, dsList({h.pixelSpacing, h.pixelSpacing}));
    b.put(DCM_SliceThickness, decimalString(h.sliceThickness));
    b.put(DCM_SliceLocation, decimalString(slice.z));
    // Image Pixel, CT Image: unsigned 16-bit stored values, HU = stored + intercept.
    b.putUs(DCM_SamplesPerPixel, 1);
    b.put(DCM_PhotometricInterpretation, "MONOCHROME2");
    b.putUs(DCM_Rows, h.rows);
    b.putUs(DCM_Columns, h.columns);
    b.putUs(DCM_BitsAllocated, 16);
    b.putUs(DCM_BitsStored, 16);
    b.putUs(DCM_HighBit, 15);
    b.putUs(DCM_PixelRepresentation, 0);
    b.put(DCM_RescaleIntercept, decimalString(h.rescaleIntercept));
    b.put(DCM_RescaleSlope, "1");
    b.put(DCM_RescaleType, "HU");
    b.put(DCM_KVP, decimalString(p.kvp));
    b.put(DCM_ScanOptions, "HELICAL MODE");
    b.put(DCM_DataCollectionDiameter, "500");
    b.put(DCM_ReconstructionDiameter, decimalString(h.pixelSpacing * std::max(h.rows, h.columns)));
    b.put(DCM_DistanceSourceToDetector, "1085.6");
    b.put(DCM_DistanceSourceToPatient, "541");
    b.put(DCM_GantryDetectorTilt, "0");
    b.put(DCM_TableHeight, "150");
    b.put(DCM_RotationDirection, "CW");
    b.put(DCM_ExposureTime, "500");
    b.put(DCM_XRayTubeCurrent, QByteArray::number(p.tubeCurrent));
    b.put(DCM_Exposure, QByteArray::number(p.tubeCurrent / 2));
    b.put(DCM_FilterType, qstrcmp(p.bodyPart, "HEAD") == 0 ? "HEAD FILTER" : "BODY FILTER");
    b.put(DCM_GeneratorPower, "26");
    b.put(DCM_FocalSpots, "1.2");
    b.put(DCM_ConvolutionKernel, p.convolutionKernel);
    b.putFd(DCM_RevolutionTime, 0.5);
    b.putFd(DCM_SingleCollimationWidth, 0.625);
    b.putFd(DCM_TotalCollimationWidth, 40.0);
    b.putFd(DCM_TableSpeed, 78.75);
    b.putFd(DCM_TableFeedPerRotation, 39.375);
    b.putFd(DCM_SpiralPitchFactor, 0.984375);
    b.putFd(DCM_CTDIvol, p.ctdiVol);
    if (b.status().good()) { // CTDIvol means nothing without the dosimetry phantom it refers to
        DcmItem *phantomType = nullptr;
        OFCondition s = dataset.findOrCreateSequenceItem(DCM_CTDIPhantomTypeCodeSequence, phantomType);
        const bool head = qstrcmp(p.bodyPart, "HEAD") == 0;
        if (s.good())
            s = phantomType->putAndInsertString(DCM_CodeValue, head ? "113690" : "113691");
        if (s.good())
            s = phantomType->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
        if (s.good())
            s = phantomType->putAndInsertString(DCM_CodeMeaning,
                                                head ? "IEC Head Dosimetry Phantom" : "IEC Body Dosimetry Phantom");
        if (s.bad())
            return Error(ErrorCode::Internal, QString::fromLatin1(s.text()), path);
    }
    // VOI LUT: the windows a radiologist starts from, with their names.
    QByteArrayList centres, widths, names;
    for (const WindowPreset &w : p.windows) {
        centres.append(decimalString(w.centre));
        widths.append(decimalString(w.width));
        names.append(w.explanation);
    }
    b.put(DCM_WindowCenter, centres.join('\\'));
    b.put(DCM_WindowWidth, widths.join('\\'));
    b.put(DCM_WindowCenterWidthExplanation, names.join('\\'));
    if (b.status().bad())
        return Error(ErrorCode::Internal, QString::fromLatin1(b.status().text()), path);

    // Pixel data: filled in place in DCMTK's own buffer (no extra copy of the frame).
    const qsizetype pixels = qsizetype(h.rows) * h.columns;
    auto pixelData = std::make_unique<DcmPixelData>(DCM_PixelData);
    pixelData->setVR(EVR_OW);
    Uint16 *words = nullptr;
    OFCondition status = pixelData->createUint16Array(Uint32(pixels), words);
    if (status.bad() || !words)
        return Error(ErrorCode::Internal, QString::fromLatin1(status.text()), path);
    fillPixels(words);
    status = dataset.insert(pixelData.release(), true);
    if (status.bad())
        return Error(ErrorCode::Internal, QString::fromLatin1(status.text()), path);

    Result<QByteArray> bytes = internal::fileFormatBytes(fileFormat, EXS_LittleEndianExplicit, pixels * 2 + 4096);
    if (!bytes)
        return bytes.error().withSubject(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(ErrorCode::WriteFailed, file.errorString(), path);
    if (file.write(*bytes) != bytes->size() || !file.flush())
        return Error(ErrorCode::WriteFailed, file.errorString(), path);
    return {};
}

} // namespace haip::dicom::phantom
