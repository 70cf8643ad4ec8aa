// DICOM attribute tags used by the library, as a data table (PS3.6). Only Qt/std types here,
// so callers never see DCMTK's DcmTagKey.
#pragma once

#include <QtGlobal>

namespace haip::dicom {

struct Tag
{
    quint16 group = 0;
    quint16 element = 0;
    constexpr bool operator==(const Tag &) const = default;
    constexpr quint32 key() const { return (quint32(group) << 16) | element; }
};

namespace tags {
// File meta and SOP common
inline constexpr Tag TransferSyntaxUid {0x0002, 0x0010};
inline constexpr Tag SpecificCharacterSet {0x0008, 0x0005};
inline constexpr Tag ImageType {0x0008, 0x0008};
inline constexpr Tag SopClassUid {0x0008, 0x0016};
inline constexpr Tag SopInstanceUid {0x0008, 0x0018};
inline constexpr Tag StudyDate {0x0008, 0x0020};
inline constexpr Tag SeriesDate {0x0008, 0x0021};
inline constexpr Tag AcquisitionDate {0x0008, 0x0022};
inline constexpr Tag StudyTime {0x0008, 0x0030};
inline constexpr Tag SeriesTime {0x0008, 0x0031};
inline constexpr Tag AccessionNumber {0x0008, 0x0050};
inline constexpr Tag Modality {0x0008, 0x0060};
inline constexpr Tag Manufacturer {0x0008, 0x0070};
inline constexpr Tag InstitutionName {0x0008, 0x0080};
inline constexpr Tag ReferringPhysicianName {0x0008, 0x0090};
inline constexpr Tag StudyDescription {0x0008, 0x1030};
inline constexpr Tag SeriesDescription {0x0008, 0x103E};
inline constexpr Tag ManufacturerModelName {0x0008, 0x1090};
// Patient
inline constexpr Tag PatientName {0x0010, 0x0010};
inline constexpr Tag PatientId {0x0010, 0x0020};
inline constexpr Tag PatientBirthDate {0x0010, 0x0030};
inline constexpr Tag PatientSex {0x0010, 0x0040};
inline constexpr Tag PatientAge {0x0010, 0x1010};
// Acquisition
inline constexpr Tag BodyPartExamined {0x0018, 0x0015};
inline constexpr Tag SliceThickness {0x0018, 0x0050};
inline constexpr Tag KVP {0x0018, 0x0060};
inline constexpr Tag SpacingBetweenSlices {0x0018, 0x0088};
// Relationship
inline constexpr Tag StudyInstanceUid {0x0020, 0x000D};
inline constexpr Tag SeriesInstanceUid {0x0020, 0x000E};
inline constexpr Tag StudyId {0x0020, 0x0010};
inline constexpr Tag SeriesNumber {0x0020, 0x0011};
inline constexpr Tag AcquisitionNumber {0x0020, 0x0012};
inline constexpr Tag InstanceNumber {0x0020, 0x0013};
inline constexpr Tag ImagePositionPatient {0x0020, 0x0032};
inline constexpr Tag ImageOrientationPatient {0x0020, 0x0037};
inline constexpr Tag FrameOfReferenceUid {0x0020, 0x0052};
inline constexpr Tag SliceLocation {0x0020, 0x1041};
// Image pixel module
inline constexpr Tag SamplesPerPixel {0x0028, 0x0002};
inline constexpr Tag PhotometricInterpretation {0x0028, 0x0004};
inline constexpr Tag PlanarConfiguration {0x0028, 0x0006};
inline constexpr Tag NumberOfFrames {0x0028, 0x0008};
inline constexpr Tag Rows {0x0028, 0x0010};
inline constexpr Tag Columns {0x0028, 0x0011};
inline constexpr Tag PixelSpacing {0x0028, 0x0030};
inline constexpr Tag ImagerPixelSpacing {0x0018, 0x1164};
inline constexpr Tag BitsAllocated {0x0028, 0x0100};
inline constexpr Tag BitsStored {0x0028, 0x0101};
inline constexpr Tag HighBit {0x0028, 0x0102};
inline constexpr Tag PixelRepresentation {0x0028, 0x0103};
inline constexpr Tag WindowCenter {0x0028, 0x1050};
inline constexpr Tag WindowWidth {0x0028, 0x1051};
inline constexpr Tag RescaleIntercept {0x0028, 0x1052};
inline constexpr Tag RescaleSlope {0x0028, 0x1053};
inline constexpr Tag RescaleType {0x0028, 0x1054};
inline constexpr Tag WindowCenterWidthExplanation {0x0028, 0x1055};
inline constexpr Tag VoiLutFunction {0x0028, 0x1056};
inline constexpr Tag RedPaletteDescriptor {0x0028, 0x1101};
inline constexpr Tag GreenPaletteDescriptor {0x0028, 0x1102};
inline constexpr Tag BluePaletteDescriptor {0x0028, 0x1103};
inline constexpr Tag RedPaletteData {0x0028, 0x1201};
inline constexpr Tag GreenPaletteData {0x0028, 0x1202};
inline constexpr Tag BluePaletteData {0x0028, 0x1203};
inline constexpr Tag ModalityLutSequence {0x0028, 0x3000};
inline constexpr Tag LutDescriptor {0x0028, 0x3002};
inline constexpr Tag LutExplanation {0x0028, 0x3003};
inline constexpr Tag ModalityLutType {0x0028, 0x3004};
inline constexpr Tag LutData {0x0028, 0x3006};
inline constexpr Tag VoiLutSequence {0x0028, 0x3010};
inline constexpr Tag PixelData {0x7FE0, 0x0010};
// Overlay planes: group 0x6000-0x601E (even); element numbers below, group varies.
inline constexpr quint16 OverlayRowsElement = 0x0010;
inline constexpr quint16 OverlayColumnsElement = 0x0011;
inline constexpr quint16 OverlayTypeElement = 0x0040;
inline constexpr quint16 OverlayOriginElement = 0x0050;
inline constexpr quint16 OverlayBitsAllocatedElement = 0x0100;
inline constexpr quint16 OverlayBitPositionElement = 0x0102;
inline constexpr quint16 OverlayDescriptionElement = 0x0022;
inline constexpr quint16 OverlayLabelElement = 0x1500;
inline constexpr quint16 NumberOfFramesInOverlayElement = 0x0015;
inline constexpr quint16 ImageFrameOriginElement = 0x0051;
inline constexpr quint16 OverlayDataElement = 0x3000;
} // namespace tags

} // namespace haip::dicom
