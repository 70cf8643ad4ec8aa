// The rows of DICOM PS3.15 Table E.1-1, "Application Level Confidentiality Profile Attributes",
// as published in the edition current in June 2025, as facts of the standard: tag (or repeating-group
// pattern), Basic Profile action, then the action under Retain Patient Characteristics (113108),
// Retain Longitudinal Temporal Information with Modified Dates (113107), Retain Device Identity
// (113109) and Clean Descriptors (113105); "_" = the option does not change the row. Sorted by
// tag; the repeating-group patterns come last. The comment is the attribute's keyword (names are
// printed from DCMTK's dictionary at run time). "Private Attributes: X" is applied by group
// parity in the de-identifier. Retain UIDs (113110) would turn every U into K; it is not offered.
#include "dicom/DeidTable.h"

namespace haip::dicom {

namespace {

constexpr DeidAction _ = DeidAction::None;
constexpr DeidAction K = DeidAction::Keep;
constexpr DeidAction X = DeidAction::Remove;
constexpr DeidAction Z = DeidAction::Empty;
constexpr DeidAction D = DeidAction::Dummy;
constexpr DeidAction C = DeidAction::Clean;
constexpr DeidAction U = DeidAction::Uid;
constexpr DeidAction ZD = DeidAction::EmptyOrDummy;
constexpr DeidAction XZ = DeidAction::RemoveOrEmpty;
constexpr DeidAction XD = DeidAction::RemoveOrDummy;
constexpr DeidAction XZD = DeidAction::RemoveOrEmptyOrDummy;
constexpr DeidAction XZU = DeidAction::RemoveOrEmptyOrUid;
constexpr quint32 kOne = 0xFFFFFFFF; // a single tag

// tag, mask, basic, patient characteristics, modified dates, device identity, clean descriptors
constexpr DeidRule kRules[] = {
    {0x00001000, kOne, X, _, _, _, _}, // AffectedSOPInstanceUID
    {0x00001001, kOne, U, _, _, _, _}, // RequestedSOPInstanceUID
    {0x00020003, kOne, U, _, _, _, _}, // MediaStorageSOPInstanceUID
    {0x00041511, kOne, U, _, _, _, _}, // ReferencedSOPInstanceUIDInFile
    {0x00080012, kOne, XD, _, C, _, _}, // InstanceCreationDate
    {0x00080013, kOne, XZD, _, C, _, _}, // InstanceCreationTime
    {0x00080014, kOne, U, _, _, _, _}, // InstanceCreatorUID
    {0x00080015, kOne, X, _, C, _, _}, // InstanceCoercionDateTime
    {0x00080017, kOne, U, _, _, _, _}, // (a recent attribute)
    {0x00080018, kOne, U, _, _, _, _}, // SOPInstanceUID
    {0x00080019, kOne, U, _, _, _, _}, // (a recent attribute)
    {0x00080020, kOne, Z, _, C, _, _}, // StudyDate
    {0x00080021, kOne, XD, _, C, _, _}, // SeriesDate
    {0x00080022, kOne, XZ, _, C, _, _}, // AcquisitionDate
    {0x00080023, kOne, ZD, _, C, _, _}, // ContentDate
    {0x00080024, kOne, X, _, C, _, _}, // OverlayDate
    {0x00080025, kOne, X, _, C, _, _}, // CurveDate
    {0x0008002A, kOne, XZD, _, C, _, _}, // AcquisitionDateTime
    {0x00080030, kOne, Z, _, C, _, _}, // StudyTime
    {0x00080031, kOne, XD, _, C, _, _}, // SeriesTime
    {0x00080032, kOne, XZ, _, C, _, _}, // AcquisitionTime
    {0x00080033, kOne, ZD, _, C, _, _}, // ContentTime
    {0x00080034, kOne, X, _, C, _, _}, // OverlayTime
    {0x00080035, kOne, X, _, C, _, _}, // CurveTime
    {0x00080050, kOne, Z, _, _, _, _}, // AccessionNumber
    {0x00080054, kOne, X, _, _, C, _}, // RetrieveAETitle
    {0x00080055, kOne, X, _, _, C, _}, // StationAETitle
    {0x00080058, kOne, U, _, _, _, _}, // FailedSOPInstanceUIDList
    {0x00080080, kOne, XZD, _, _, _, _}, // InstitutionName
    {0x00080081, kOne, X, _, _, _, _}, // InstitutionAddress
    {0x00080082, kOne, XZD, _, _, _, _}, // InstitutionCodeSequence
    {0x00080090, kOne, Z, _, _, _, _}, // ReferringPhysicianName
    {0x00080092, kOne, X, _, _, _, _}, // ReferringPhysicianAddress
    {0x00080094, kOne, X, _, _, _, _}, // ReferringPhysicianTelephoneNumbers
    {0x00080096, kOne, X, _, _, _, _}, // ReferringPhysicianIdentificationSequence
    {0x0008009C, kOne, Z, _, _, _, _}, // ConsultingPhysicianName
    {0x0008009D, kOne, X, _, _, _, _}, // ConsultingPhysicianIdentificationSequence
    {0x00080106, kOne, D, _, C, _, _}, // ContextGroupVersion
    {0x00080107, kOne, D, _, C, _, _}, // ContextGroupLocalVersion
    {0x00080201, kOne, X, _, C, _, _}, // TimezoneOffsetFromUTC
    {0x00081000, kOne, X, _, _, C, _}, // NetworkID
    {0x00081010, kOne, XZD, _, _, K, _}, // StationName
    {0x00081030, kOne, X, _, _, _, C}, // StudyDescription
    {0x0008103E, kOne, X, _, _, _, C}, // SeriesDescription
    {0x00081040, kOne, X, _, _, _, _}, // InstitutionalDepartmentName
    {0x00081041, kOne, X, _, _, _, _}, // InstitutionalDepartmentTypeCodeSequence
    {0x00081048, kOne, X, _, _, _, _}, // PhysiciansOfRecord
    {0x00081049, kOne, X, _, _, _, _}, // PhysiciansOfRecordIdentificationSequence
    {0x00081050, kOne, X, _, _, _, _}, // PerformingPhysicianName
    {0x00081052, kOne, X, _, _, _, _}, // PerformingPhysicianIdentificationSequence
    {0x00081060, kOne, X, _, _, _, _}, // NameOfPhysiciansReadingStudy
    {0x00081062, kOne, X, _, _, _, _}, // PhysiciansReadingStudyIdentificationSequence
    {0x00081070, kOne, XZD, _, _, _, _}, // OperatorsName
    {0x00081072, kOne, XD, _, _, _, _}, // OperatorIdentificationSequence
    {0x00081080, kOne, X, _, _, _, C}, // AdmittingDiagnosesDescription
    {0x00081084, kOne, X, _, _, _, C}, // AdmittingDiagnosesCodeSequence
    {0x00081088, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x00081110, kOne, XZ, _, _, _, _}, // ReferencedStudySequence
    {0x00081111, kOne, XZD, _, _, _, _}, // ReferencedPerformedProcedureStepSequence
    {0x00081120, kOne, X, _, _, _, _}, // ReferencedPatientSequence
    {0x00081140, kOne, XZU, _, _, _, _}, // ReferencedImageSequence
    {0x00081155, kOne, U, _, _, _, _}, // ReferencedSOPInstanceUID
    {0x00081195, kOne, U, _, _, _, _}, // TransactionUID
    {0x00081301, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x00081302, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x00081303, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x00081304, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x00082111, kOne, X, _, _, _, C}, // DerivationDescription
    {0x00082112, kOne, XZU, _, _, _, _}, // SourceImageSequence
    {0x00083010, kOne, U, _, _, _, _}, // IrradiationEventUID
    {0x00084000, kOne, X, _, _, _, C}, // IdentifyingComments
    {0x00100010, kOne, Z, _, _, _, _}, // PatientName
    {0x00100011, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00100012, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00100013, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00100014, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00100015, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00100016, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x00100020, kOne, ZD, _, _, _, _}, // PatientID
    {0x00100021, kOne, X, _, _, _, _}, // IssuerOfPatientID
    {0x00100030, kOne, Z, _, _, _, _}, // PatientBirthDate
    {0x00100032, kOne, X, _, _, _, _}, // PatientBirthTime
    {0x00100040, kOne, Z, K, _, _, _}, // PatientSex
    {0x00100041, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00100042, kOne, X, C, _, _, C}, // (a recent attribute)
    {0x00100043, kOne, X, K, _, _, _}, // (a recent attribute)
    {0x00100044, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00100045, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x00100046, kOne, X, K, _, _, _}, // (a recent attribute)
    {0x00100047, kOne, X, K, _, _, _}, // (a recent attribute)
    {0x00100050, kOne, X, _, _, _, _}, // PatientInsurancePlanCodeSequence
    {0x00100101, kOne, X, _, _, _, _}, // PatientPrimaryLanguageCodeSequence
    {0x00100102, kOne, X, _, _, _, _}, // PatientPrimaryLanguageModifierCodeSequence
    {0x00101000, kOne, X, _, _, _, _}, // OtherPatientIDs
    {0x00101001, kOne, X, _, _, _, _}, // OtherPatientNames
    {0x00101002, kOne, X, _, _, _, _}, // OtherPatientIDsSequence
    {0x00101005, kOne, X, _, _, _, _}, // PatientBirthName
    {0x00101010, kOne, X, K, _, _, _}, // PatientAge
    {0x00101020, kOne, X, K, _, _, _}, // PatientSize
    {0x00101030, kOne, X, K, _, _, _}, // PatientWeight
    {0x00101040, kOne, X, _, _, _, _}, // PatientAddress
    {0x00101050, kOne, X, _, _, _, _}, // InsurancePlanIdentification
    {0x00101060, kOne, X, _, _, _, _}, // PatientMotherBirthName
    {0x00101080, kOne, X, _, _, _, _}, // MilitaryRank
    {0x00101081, kOne, X, _, _, _, _}, // BranchOfService
    {0x00101090, kOne, X, _, _, _, _}, // MedicalRecordLocator
    {0x00101100, kOne, X, _, _, _, _}, // ReferencedPatientPhotoSequence
    {0x00102000, kOne, X, _, _, _, C}, // MedicalAlerts
    {0x00102110, kOne, X, C, _, _, C}, // Allergies
    {0x00102150, kOne, X, _, _, _, _}, // CountryOfResidence
    {0x00102152, kOne, X, _, _, _, _}, // RegionOfResidence
    {0x00102154, kOne, X, _, _, _, _}, // PatientTelephoneNumbers
    {0x00102155, kOne, X, _, _, _, _}, // PatientTelecomInformation
    {0x00102160, kOne, X, K, _, _, _}, // EthnicGroup
    {0x00102161, kOne, X, K, _, _, _}, // (a recent attribute)
    {0x00102162, kOne, X, K, _, _, _}, // (a recent attribute)
    {0x00102180, kOne, X, _, _, _, C}, // Occupation
    {0x001021A0, kOne, X, K, _, _, _}, // SmokingStatus
    {0x001021B0, kOne, X, _, _, _, C}, // AdditionalPatientHistory
    {0x001021C0, kOne, X, K, _, _, _}, // PregnancyStatus
    {0x001021D0, kOne, X, _, C, _, _}, // LastMenstrualDate
    {0x001021F0, kOne, X, _, _, _, _}, // PatientReligiousPreference
    {0x00102203, kOne, XZ, K, _, _, _}, // PatientSexNeutered
    {0x00102297, kOne, X, _, _, _, _}, // ResponsiblePerson
    {0x00102299, kOne, X, _, _, _, _}, // ResponsibleOrganization
    {0x00104000, kOne, X, _, _, _, C}, // PatientComments
    {0x00120010, kOne, D, _, _, _, _}, // ClinicalTrialSponsorName
    {0x00120020, kOne, D, _, _, _, _}, // ClinicalTrialProtocolID
    {0x00120021, kOne, Z, _, _, _, _}, // ClinicalTrialProtocolName
    {0x00120022, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00120023, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00120030, kOne, Z, _, _, _, _}, // ClinicalTrialSiteID
    {0x00120031, kOne, Z, _, _, _, _}, // ClinicalTrialSiteName
    {0x00120032, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00120040, kOne, D, _, _, _, _}, // ClinicalTrialSubjectID
    {0x00120041, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00120042, kOne, D, _, _, _, _}, // ClinicalTrialSubjectReadingID
    {0x00120043, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00120050, kOne, Z, _, _, _, _}, // ClinicalTrialTimePointID
    {0x00120051, kOne, X, _, _, _, C}, // ClinicalTrialTimePointDescription
    {0x00120055, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00120060, kOne, Z, _, _, _, _}, // ClinicalTrialCoordinatingCenterName
    {0x00120071, kOne, X, _, _, _, _}, // ClinicalTrialSeriesID
    {0x00120072, kOne, X, _, _, _, C}, // ClinicalTrialSeriesDescription
    {0x00120073, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x00120081, kOne, D, _, _, _, _}, // ClinicalTrialProtocolEthicsCommitteeName
    {0x00120082, kOne, X, _, _, _, _}, // ClinicalTrialProtocolEthicsCommitteeApprovalNumber
    {0x00120086, kOne, X, _, C, _, _}, // EthicsCommitteeApprovalEffectivenessStartDate
    {0x00120087, kOne, X, _, C, _, _}, // EthicsCommitteeApprovalEffectivenessEndDate
    {0x0014407C, kOne, X, _, C, K, _}, // CalibrationTime
    {0x0014407E, kOne, X, _, C, K, _}, // CalibrationDate
    {0x0016002B, kOne, X, _, _, _, C}, // MakerNote
    {0x0016004B, kOne, X, _, _, _, C}, // DeviceSettingDescription
    {0x0016004D, kOne, X, _, _, _, _}, // CameraOwnerName
    {0x0016004E, kOne, X, _, _, K, _}, // LensSpecification
    {0x0016004F, kOne, X, _, _, K, _}, // LensMake
    {0x00160050, kOne, X, _, _, K, _}, // LensModel
    {0x00160051, kOne, X, _, _, K, _}, // LensSerialNumber
    {0x00160070, kOne, X, _, _, _, _}, // GPSVersionID
    {0x00160071, kOne, X, _, _, _, _}, // GPSLatitudeRef
    {0x00160072, kOne, X, _, _, _, _}, // GPSLatitude
    {0x00160073, kOne, X, _, _, _, _}, // GPSLongitudeRef
    {0x00160074, kOne, X, _, _, _, _}, // GPSLongitude
    {0x00160075, kOne, X, _, _, _, _}, // GPSAltitudeRef
    {0x00160076, kOne, X, _, _, _, _}, // GPSAltitude
    {0x00160077, kOne, X, _, _, _, _}, // GPSTimeStamp
    {0x00160078, kOne, X, _, _, _, _}, // GPSSatellites
    {0x00160079, kOne, X, _, _, _, _}, // GPSStatus
    {0x0016007A, kOne, X, _, _, _, _}, // GPSMeasureMode
    {0x0016007B, kOne, X, _, _, _, _}, // GPSDOP
    {0x0016007C, kOne, X, _, _, _, _}, // GPSSpeedRef
    {0x0016007D, kOne, X, _, _, _, _}, // GPSSpeed
    {0x0016007E, kOne, X, _, _, _, _}, // GPSTrackRef
    {0x0016007F, kOne, X, _, _, _, _}, // GPSTrack
    {0x00160080, kOne, X, _, _, _, _}, // GPSImgDirectionRef
    {0x00160081, kOne, X, _, _, _, _}, // GPSImgDirection
    {0x00160082, kOne, X, _, _, _, _}, // GPSMapDatum
    {0x00160083, kOne, X, _, _, _, _}, // GPSDestLatitudeRef
    {0x00160084, kOne, X, _, _, _, _}, // GPSDestLatitude
    {0x00160085, kOne, X, _, _, _, _}, // GPSDestLongitudeRef
    {0x00160086, kOne, X, _, _, _, _}, // GPSDestLongitude
    {0x00160087, kOne, X, _, _, _, _}, // GPSDestBearingRef
    {0x00160088, kOne, X, _, _, _, _}, // GPSDestBearing
    {0x00160089, kOne, X, _, _, _, _}, // GPSDestDistanceRef
    {0x0016008A, kOne, X, _, _, _, _}, // GPSDestDistance
    {0x0016008B, kOne, X, _, _, _, _}, // GPSProcessingMethod
    {0x0016008C, kOne, X, _, _, _, _}, // GPSAreaInformation
    {0x0016008D, kOne, X, _, C, _, _}, // GPSDateStamp
    {0x0016008E, kOne, X, _, _, _, _}, // GPSDifferential
    {0x00180010, kOne, ZD, _, _, _, C}, // ContrastBolusAgent
    {0x00180027, kOne, X, _, C, _, _}, // InterventionDrugStopTime
    {0x00180035, kOne, X, _, C, _, _}, // InterventionDrugStartTime
    {0x00181000, kOne, XZD, _, _, K, _}, // DeviceSerialNumber
    {0x00181002, kOne, U, _, _, K, _}, // DeviceUID
    {0x00181004, kOne, X, _, _, K, _}, // PlateID
    {0x00181005, kOne, X, _, _, K, _}, // GeneratorID
    {0x00181007, kOne, X, _, _, K, _}, // CassetteID
    {0x00181008, kOne, X, _, _, K, _}, // GantryID
    {0x00181009, kOne, X, _, _, K, _}, // UniqueDeviceIdentifier
    {0x0018100A, kOne, X, _, _, K, _}, // UDISequence
    {0x0018100B, kOne, U, _, _, K, _}, // ManufacturerDeviceClassUID
    {0x00181012, kOne, X, _, C, _, _}, // DateOfSecondaryCapture
    {0x00181014, kOne, X, _, C, _, _}, // TimeOfSecondaryCapture
    {0x00181030, kOne, XD, _, _, _, C}, // ProtocolName
    {0x00181042, kOne, X, _, C, _, _}, // ContrastBolusStartTime
    {0x00181043, kOne, X, _, C, _, _}, // ContrastBolusStopTime
    {0x00181072, kOne, X, _, C, _, _}, // RadiopharmaceuticalStartTime
    {0x00181073, kOne, X, _, C, _, _}, // RadiopharmaceuticalStopTime
    {0x00181078, kOne, X, _, C, _, _}, // RadiopharmaceuticalStartDateTime
    {0x00181079, kOne, X, _, C, _, _}, // RadiopharmaceuticalStopDateTime
    {0x001811BB, kOne, D, _, _, _, C}, // AcquisitionFieldOfViewLabel
    {0x00181200, kOne, X, _, C, K, _}, // DateOfLastCalibration
    {0x00181201, kOne, X, _, C, K, _}, // TimeOfLastCalibration
    {0x00181202, kOne, X, _, C, K, _}, // DateTimeOfLastCalibration
    {0x00181203, kOne, Z, _, C, K, _}, // CalibrationDateTime
    {0x00181204, kOne, X, _, C, K, _}, // (a recent attribute)
    {0x00181205, kOne, X, _, C, K, _}, // (a recent attribute)
    {0x00181400, kOne, XD, _, _, _, C}, // AcquisitionDeviceProcessingDescription
    {0x00182042, kOne, U, _, _, _, _}, // TargetUID
    {0x00184000, kOne, X, _, _, _, C}, // AcquisitionComments
    {0x00185011, kOne, X, _, _, K, _}, // TransducerIdentificationSequence
    {0x0018700A, kOne, XD, _, _, K, _}, // DetectorID
    {0x0018700C, kOne, XD, _, C, K, _}, // DateOfLastDetectorCalibration
    {0x0018700E, kOne, XD, _, C, K, _}, // TimeOfLastDetectorCalibration
    {0x00189074, kOne, D, _, C, _, _}, // FrameAcquisitionDateTime
    {0x00189151, kOne, D, _, C, _, _}, // FrameReferenceDateTime
    {0x00189185, kOne, X, _, _, _, C}, // RespiratoryMotionCompensationTechniqueDescription
    {0x00189367, kOne, D, _, _, K, _}, // XRaySourceID
    {0x00189369, kOne, D, _, C, _, _}, // SourceStartDateTime
    {0x0018936A, kOne, D, _, C, _, _}, // SourceEndDateTime
    {0x00189371, kOne, D, _, _, K, _}, // XRayDetectorID
    {0x00189373, kOne, X, _, _, K, _}, // XRayDetectorLabel
    {0x0018937B, kOne, X, _, _, _, C}, // MultienergyAcquisitionDescription
    {0x0018937F, kOne, X, _, _, _, C}, // DecompositionDescription
    {0x00189424, kOne, X, _, _, _, C}, // AcquisitionProtocolDescription
    {0x00189516, kOne, XD, _, C, _, _}, // StartAcquisitionDateTime
    {0x00189517, kOne, XD, _, C, _, _}, // EndAcquisitionDateTime
    {0x00189623, kOne, D, _, C, _, _}, // FunctionalSyncPulse
    {0x00189701, kOne, D, _, C, _, _}, // DecayCorrectionDateTime
    {0x00189804, kOne, D, _, C, _, _}, // ExclusionStartDateTime
    {0x00189919, kOne, ZD, _, C, _, _}, // InstructionPerformedDateTime
    {0x00189937, kOne, X, _, _, _, C}, // RequestedSeriesDescription
    {0x0018A002, kOne, X, _, C, _, _}, // ContributionDateTime
    {0x0018A003, kOne, X, _, _, _, C}, // ContributionDescription
    {0x0020000D, kOne, U, _, _, _, _}, // StudyInstanceUID
    {0x0020000E, kOne, U, _, _, _, _}, // SeriesInstanceUID
    {0x00200010, kOne, Z, _, _, _, _}, // StudyID
    {0x00200027, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x00200052, kOne, U, _, _, _, _}, // FrameOfReferenceUID
    {0x00200200, kOne, U, _, _, _, _}, // SynchronizationFrameOfReferenceUID
    {0x00203401, kOne, X, _, _, K, _}, // ModifyingDeviceID
    {0x00203403, kOne, X, _, C, _, _}, // ModifiedImageDate
    {0x00203405, kOne, X, _, C, _, _}, // ModifiedImageTime
    {0x00203406, kOne, X, _, _, _, _}, // ModifiedImageDescription
    {0x00204000, kOne, X, _, _, _, C}, // ImageComments
    {0x00209158, kOne, X, _, _, _, C}, // FrameComments
    {0x00209161, kOne, U, _, _, _, _}, // ConcatenationUID
    {0x00209164, kOne, U, _, _, _, _}, // DimensionOrganizationUID
    {0x00281199, kOne, U, _, _, _, _}, // PaletteColorLookupTableUID
    {0x00281214, kOne, U, _, _, _, _}, // LargePaletteColorLookupTableUID
    {0x00284000, kOne, X, _, _, _, _}, // ImagePresentationComments
    {0x00320012, kOne, X, _, _, _, _}, // StudyIDIssuer
    {0x00320032, kOne, X, _, C, _, _}, // StudyVerifiedDate
    {0x00320033, kOne, X, _, C, _, _}, // StudyVerifiedTime
    {0x00320034, kOne, X, _, C, _, _}, // StudyReadDate
    {0x00320035, kOne, X, _, C, _, _}, // StudyReadTime
    {0x00321000, kOne, X, _, C, _, _}, // ScheduledStudyStartDate
    {0x00321001, kOne, X, _, C, _, _}, // ScheduledStudyStartTime
    {0x00321010, kOne, X, _, C, _, _}, // ScheduledStudyStopDate
    {0x00321011, kOne, X, _, C, _, _}, // ScheduledStudyStopTime
    {0x00321020, kOne, X, _, _, K, _}, // ScheduledStudyLocation
    {0x00321021, kOne, X, _, _, C, _}, // ScheduledStudyLocationAETitle
    {0x00321030, kOne, X, _, _, _, C}, // ReasonForStudy
    {0x00321032, kOne, X, _, _, _, _}, // RequestingPhysician
    {0x00321033, kOne, X, _, _, _, _}, // RequestingService
    {0x00321040, kOne, X, _, C, _, _}, // StudyArrivalDate
    {0x00321041, kOne, X, _, C, _, _}, // StudyArrivalTime
    {0x00321050, kOne, X, _, C, _, _}, // StudyCompletionDate
    {0x00321051, kOne, X, _, C, _, _}, // StudyCompletionTime
    {0x00321060, kOne, XZ, _, _, _, C}, // RequestedProcedureDescription
    {0x00321066, kOne, X, _, _, _, C}, // ReasonForVisit
    {0x00321067, kOne, X, _, _, _, C}, // ReasonForVisitCodeSequence
    {0x00321070, kOne, X, _, _, _, C}, // RequestedContrastAgent
    {0x00324000, kOne, X, _, _, _, C}, // StudyComments
    {0x00340001, kOne, D, _, _, _, _}, // FlowIdentifierSequence
    {0x00340002, kOne, D, _, _, _, _}, // FlowIdentifier
    {0x00340005, kOne, D, _, _, _, _}, // SourceIdentifier
    {0x00340007, kOne, D, _, C, _, _}, // FrameOriginTimestamp
    {0x00380004, kOne, X, _, _, _, _}, // ReferencedPatientAliasSequence
    {0x00380010, kOne, X, _, _, _, _}, // AdmissionID
    {0x00380011, kOne, X, _, _, _, _}, // IssuerOfAdmissionID
    {0x00380014, kOne, X, _, _, _, _}, // IssuerOfAdmissionIDSequence
    {0x0038001A, kOne, X, _, C, _, _}, // ScheduledAdmissionDate
    {0x0038001B, kOne, X, _, C, _, _}, // ScheduledAdmissionTime
    {0x0038001C, kOne, X, _, C, _, _}, // ScheduledDischargeDate
    {0x0038001D, kOne, X, _, C, _, _}, // ScheduledDischargeTime
    {0x0038001E, kOne, X, _, _, _, _}, // ScheduledPatientInstitutionResidence
    {0x00380020, kOne, X, _, C, _, _}, // AdmittingDate
    {0x00380021, kOne, X, _, C, _, _}, // AdmittingTime
    {0x00380030, kOne, X, _, C, _, _}, // DischargeDate
    {0x00380032, kOne, X, _, C, _, _}, // DischargeTime
    {0x00380040, kOne, X, _, _, _, C}, // DischargeDiagnosisDescription
    {0x00380050, kOne, X, C, _, _, _}, // SpecialNeeds
    {0x00380060, kOne, X, _, _, _, _}, // ServiceEpisodeID
    {0x00380061, kOne, X, _, _, _, _}, // IssuerOfServiceEpisodeID
    {0x00380062, kOne, X, _, _, _, C}, // ServiceEpisodeDescription
    {0x00380064, kOne, X, _, _, _, _}, // IssuerOfServiceEpisodeIDSequence
    {0x00380300, kOne, X, _, _, _, _}, // CurrentPatientLocation
    {0x00380400, kOne, X, _, _, _, _}, // PatientInstitutionResidence
    {0x00380500, kOne, X, C, _, _, C}, // PatientState
    {0x00384000, kOne, X, _, _, _, C}, // VisitComments
    {0x003A0310, kOne, U, _, _, _, _}, // MultiplexGroupUID
    {0x003A0314, kOne, D, _, C, _, _}, // ImpedanceMeasurementDateTime
    {0x003A0329, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x003A032B, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x00400001, kOne, X, _, _, C, _}, // ScheduledStationAETitle
    {0x00400002, kOne, X, _, C, _, _}, // ScheduledProcedureStepStartDate
    {0x00400003, kOne, X, _, C, _, _}, // ScheduledProcedureStepStartTime
    {0x00400004, kOne, X, _, C, _, _}, // ScheduledProcedureStepEndDate
    {0x00400005, kOne, X, _, C, _, _}, // ScheduledProcedureStepEndTime
    {0x00400006, kOne, X, _, _, _, _}, // ScheduledPerformingPhysicianName
    {0x00400007, kOne, X, _, _, _, C}, // ScheduledProcedureStepDescription
    {0x00400009, kOne, X, _, _, _, _}, // ScheduledProcedureStepID
    {0x0040000B, kOne, X, _, _, _, _}, // ScheduledPerformingPhysicianIdentificationSequence
    {0x00400010, kOne, X, _, _, K, _}, // ScheduledStationName
    {0x00400011, kOne, X, _, _, K, _}, // ScheduledProcedureStepLocation
    {0x00400012, kOne, X, C, _, _, _}, // PreMedication
    {0x00400241, kOne, X, _, _, C, _}, // PerformedStationAETitle
    {0x00400242, kOne, X, _, _, K, _}, // PerformedStationName
    {0x00400243, kOne, X, _, _, _, _}, // PerformedLocation
    {0x00400244, kOne, X, _, C, _, _}, // PerformedProcedureStepStartDate
    {0x00400245, kOne, X, _, C, _, _}, // PerformedProcedureStepStartTime
    {0x00400250, kOne, X, _, C, _, _}, // PerformedProcedureStepEndDate
    {0x00400251, kOne, X, _, C, _, _}, // PerformedProcedureStepEndTime
    {0x00400253, kOne, X, _, _, _, _}, // PerformedProcedureStepID
    {0x00400254, kOne, X, _, _, _, C}, // PerformedProcedureStepDescription
    {0x00400275, kOne, X, _, _, _, C}, // RequestAttributesSequence
    {0x00400280, kOne, X, _, _, _, C}, // CommentsOnThePerformedProcedureStep
    {0x00400310, kOne, X, _, _, _, C}, // CommentsOnRadiationDose
    {0x0040050A, kOne, X, _, _, _, _}, // SpecimenAccessionNumber
    {0x00400512, kOne, D, _, _, _, _}, // ContainerIdentifier
    {0x00400513, kOne, Z, _, _, _, _}, // IssuerOfTheContainerIdentifierSequence
    {0x0040051A, kOne, X, _, _, _, C}, // ContainerDescription
    {0x00400551, kOne, D, _, _, _, _}, // SpecimenIdentifier
    {0x00400554, kOne, U, _, _, _, _}, // SpecimenUID
    {0x00400555, kOne, XZ, _, _, _, _}, // AcquisitionContextSequence
    {0x00400562, kOne, Z, _, _, _, _}, // IssuerOfTheSpecimenIdentifierSequence
    {0x00400600, kOne, X, _, _, _, C}, // SpecimenShortDescription
    {0x00400602, kOne, X, _, _, _, C}, // SpecimenDetailedDescription
    {0x00400610, kOne, Z, _, _, _, _}, // SpecimenPreparationSequence
    {0x004006FA, kOne, X, _, _, _, _}, // SlideIdentifier
    {0x00401001, kOne, X, _, _, _, _}, // RequestedProcedureID
    {0x00401002, kOne, X, _, _, _, C}, // ReasonForTheRequestedProcedure
    {0x00401004, kOne, X, _, _, _, _}, // PatientTransportArrangements
    {0x00401005, kOne, X, _, _, _, _}, // RequestedProcedureLocation
    {0x0040100A, kOne, X, _, _, _, C}, // ReasonForRequestedProcedureCodeSequence
    {0x00401010, kOne, X, _, _, _, _}, // NamesOfIntendedRecipientsOfResults
    {0x00401011, kOne, X, _, _, _, _}, // IntendedRecipientsOfResultsIdentificationSequence
    {0x00401101, kOne, D, _, _, _, _}, // PersonIdentificationCodeSequence
    {0x00401102, kOne, X, _, _, _, _}, // PersonAddress
    {0x00401103, kOne, X, _, _, _, _}, // PersonTelephoneNumbers
    {0x00401104, kOne, X, _, _, _, _}, // PersonTelecomInformation
    {0x00401400, kOne, X, _, _, _, C}, // RequestedProcedureComments
    {0x00402001, kOne, X, _, _, _, C}, // ReasonForTheImagingServiceRequest
    {0x00402004, kOne, X, _, C, _, _}, // IssueDateOfImagingServiceRequest
    {0x00402005, kOne, X, _, C, _, _}, // IssueTimeOfImagingServiceRequest
    {0x00402008, kOne, X, _, _, _, _}, // OrderEnteredBy
    {0x00402009, kOne, X, _, _, _, _}, // OrderEntererLocation
    {0x00402010, kOne, X, _, _, _, _}, // OrderCallbackPhoneNumber
    {0x00402011, kOne, X, _, _, _, _}, // OrderCallbackTelecomInformation
    {0x00402016, kOne, Z, _, _, _, _}, // PlacerOrderNumberImagingServiceRequest
    {0x00402017, kOne, Z, _, _, _, _}, // FillerOrderNumberImagingServiceRequest
    {0x00402400, kOne, X, _, _, _, C}, // ImagingServiceRequestComments
    {0x00403001, kOne, X, _, _, _, _}, // ConfidentialityConstraintOnPatientDataDescription
    {0x00404005, kOne, X, _, C, _, _}, // ScheduledProcedureStepStartDateTime
    {0x00404008, kOne, X, _, C, _, _}, // ScheduledProcedureStepExpirationDateTime
    {0x00404010, kOne, X, _, C, _, _}, // ScheduledProcedureStepModificationDateTime
    {0x00404011, kOne, X, _, C, _, _}, // ExpectedCompletionDateTime
    {0x00404023, kOne, U, _, _, _, _}, // ReferencedGeneralPurposeScheduledProcedureStepTransactionUID
    {0x00404025, kOne, X, _, _, K, _}, // ScheduledStationNameCodeSequence
    {0x00404027, kOne, X, _, _, K, _}, // ScheduledStationGeographicLocationCodeSequence
    {0x00404028, kOne, X, _, _, K, _}, // PerformedStationNameCodeSequence
    {0x00404030, kOne, X, _, _, K, _}, // PerformedStationGeographicLocationCodeSequence
    {0x00404034, kOne, X, _, _, _, _}, // ScheduledHumanPerformersSequence
    {0x00404035, kOne, X, _, _, _, _}, // ActualHumanPerformersSequence
    {0x00404036, kOne, X, _, _, _, _}, // HumanPerformerOrganization
    {0x00404037, kOne, X, _, _, _, _}, // HumanPerformerName
    {0x00404050, kOne, X, _, C, _, _}, // PerformedProcedureStepStartDateTime
    {0x00404051, kOne, X, _, C, _, _}, // PerformedProcedureStepEndDateTime
    {0x00404052, kOne, X, _, C, _, _}, // ProcedureStepCancellationDateTime
    {0x0040A023, kOne, X, _, C, _, _}, // FindingsGroupRecordingDateTrial
    {0x0040A024, kOne, X, _, C, _, _}, // FindingsGroupRecordingTimeTrial
    {0x0040A027, kOne, D, _, _, _, _}, // VerifyingOrganization
    {0x0040A030, kOne, D, _, C, _, _}, // VerificationDateTime
    {0x0040A032, kOne, XD, _, C, _, _}, // ObservationDateTime
    {0x0040A033, kOne, X, _, C, _, _}, // ObservationStartDateTime
    {0x0040A034, kOne, X, _, C, _, _}, // (a recent attribute)
    {0x0040A035, kOne, X, _, C, _, _}, // (a recent attribute)
    {0x0040A073, kOne, D, _, _, _, _}, // VerifyingObserverSequence
    {0x0040A075, kOne, D, _, _, _, _}, // VerifyingObserverName
    {0x0040A078, kOne, X, _, _, _, _}, // AuthorObserverSequence
    {0x0040A07A, kOne, X, _, _, _, _}, // ParticipantSequence
    {0x0040A07C, kOne, X, _, _, _, _}, // CustodialOrganizationSequence
    {0x0040A082, kOne, Z, _, C, _, _}, // ParticipationDateTime
    {0x0040A088, kOne, Z, _, _, _, _}, // VerifyingObserverIdentificationCodeSequence
    {0x0040A110, kOne, X, _, C, _, _}, // DateOfDocumentOrVerbalTransactionTrial
    {0x0040A112, kOne, X, _, C, _, _}, // TimeOfDocumentCreationOrVerbalTransactionTrial
    {0x0040A120, kOne, D, _, C, _, _}, // DateTime
    {0x0040A121, kOne, D, _, C, _, _}, // Date
    {0x0040A122, kOne, D, _, C, _, _}, // Time
    {0x0040A123, kOne, D, _, _, _, _}, // PersonName
    {0x0040A124, kOne, U, _, _, _, _}, // UID
    {0x0040A13A, kOne, D, _, C, _, _}, // ReferencedDateTime
    {0x0040A171, kOne, U, _, _, _, _}, // ObservationUID
    {0x0040A172, kOne, U, _, _, _, _}, // ReferencedObservationUIDTrial
    {0x0040A192, kOne, X, _, C, _, _}, // ObservationDateTrial
    {0x0040A193, kOne, X, _, C, _, _}, // ObservationTimeTrial
    {0x0040A307, kOne, X, _, _, _, _}, // CurrentObserverTrial
    {0x0040A352, kOne, X, _, _, _, _}, // VerbalSourceTrial
    {0x0040A353, kOne, X, _, _, _, _}, // AddressTrial
    {0x0040A354, kOne, X, _, _, _, _}, // TelephoneNumberTrial
    {0x0040A358, kOne, X, _, _, _, _}, // VerbalSourceIdentifierCodeSequenceTrial
    {0x0040A402, kOne, U, _, _, _, _}, // ObservationSubjectUIDTrial
    {0x0040A730, kOne, D, _, _, _, _}, // ContentSequence
    {0x0040B034, kOne, X, _, C, _, _}, // (a recent attribute)
    {0x0040B036, kOne, X, _, C, _, _}, // (a recent attribute)
    {0x0040B03B, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x0040B03F, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x0040DB06, kOne, X, _, C, _, _}, // TemplateVersion
    {0x0040DB07, kOne, X, _, C, _, _}, // TemplateLocalVersion
    {0x0040DB0C, kOne, U, _, _, _, _}, // TemplateExtensionOrganizationUID
    {0x0040DB0D, kOne, U, _, _, _, _}, // TemplateExtensionCreatorUID
    {0x0040E004, kOne, X, _, C, _, _}, // HL7DocumentEffectiveTime
    {0x00420011, kOne, D, _, _, _, _}, // EncapsulatedDocument
    {0x00440004, kOne, X, _, C, _, _}, // ApprovalStatusDateTime
    {0x0044000B, kOne, X, _, C, _, _}, // ProductExpirationDateTime
    {0x00440010, kOne, X, _, C, _, _}, // SubstanceAdministrationDateTime
    {0x00440104, kOne, D, _, C, _, _}, // AssertionDateTime
    {0x00440105, kOne, X, _, C, _, _}, // AssertionExpirationDateTime
    {0x0050001B, kOne, X, _, _, _, _}, // ContainerComponentID
    {0x00500020, kOne, X, _, _, K, _}, // DeviceDescription
    {0x00500021, kOne, X, _, _, _, C}, // LongDeviceDescription
    {0x00620021, kOne, U, _, _, _, _}, // TrackingUID
    {0x00640003, kOne, U, _, _, _, _}, // SourceFrameOfReferenceUID
    {0x00686226, kOne, D, _, C, _, _}, // EffectiveDateTime
    {0x00686270, kOne, D, _, C, _, _}, // InformationIssueDateTime
    {0x006A0003, kOne, D, _, _, _, _}, // AnnotationGroupUID
    {0x006A0005, kOne, D, _, _, _, C}, // AnnotationGroupLabel
    {0x006A0006, kOne, X, _, _, _, C}, // AnnotationGroupDescription
    {0x00700001, kOne, D, _, _, _, _}, // GraphicAnnotationSequence
    {0x00700082, kOne, X, _, C, _, _}, // PresentationCreationDate
    {0x00700083, kOne, X, _, C, _, _}, // PresentationCreationTime
    {0x00700084, kOne, ZD, _, _, _, _}, // ContentCreatorName
    {0x00700086, kOne, X, _, _, _, _}, // ContentCreatorIdentificationCodeSequence
    {0x0070031A, kOne, U, _, _, _, _}, // FiducialUID
    {0x00701101, kOne, U, _, _, _, _}, // PresentationDisplayCollectionUID
    {0x00701102, kOne, U, _, _, _, _}, // PresentationSequenceCollectionUID
    {0x0072000A, kOne, D, _, C, _, _}, // HangingProtocolCreationDateTime
    {0x0072005E, kOne, D, _, _, C, _}, // SelectorAEValue
    {0x0072005F, kOne, D, K, _, _, _}, // SelectorASValue
    {0x00720061, kOne, D, _, C, _, _}, // SelectorDAValue
    {0x00720063, kOne, D, _, C, _, _}, // SelectorDTValue
    {0x00720065, kOne, D, _, _, _, _}, // SelectorOBValue
    {0x00720066, kOne, D, _, _, _, C}, // SelectorLOValue
    {0x00720068, kOne, D, _, _, _, C}, // SelectorLTValue
    {0x0072006A, kOne, D, _, _, _, _}, // SelectorPNValue
    {0x0072006B, kOne, D, _, C, _, _}, // SelectorTMValue
    {0x0072006C, kOne, D, _, _, _, C}, // SelectorSHValue
    {0x0072006D, kOne, D, _, _, _, _}, // SelectorUNValue
    {0x0072006E, kOne, D, _, _, _, C}, // SelectorSTValue
    {0x00720070, kOne, D, _, _, _, C}, // SelectorUTValue
    {0x00720071, kOne, D, _, _, _, _}, // SelectorURValue
    {0x00741234, kOne, X, _, _, C, _}, // ReceivingAE
    {0x00741236, kOne, X, _, _, C, _}, // RequestingAE
    {0x00880140, kOne, U, _, _, _, _}, // StorageMediaFileSetUID
    {0x00880200, kOne, X, _, _, _, _}, // IconImageSequence
    {0x00880904, kOne, X, _, _, _, _}, // TopicTitle
    {0x00880906, kOne, X, _, _, _, _}, // TopicSubject
    {0x00880910, kOne, X, _, _, _, _}, // TopicAuthor
    {0x00880912, kOne, X, _, _, _, _}, // TopicKeywords
    {0x01000420, kOne, X, _, C, _, _}, // SOPAuthorizationDateTime
    {0x04000100, kOne, U, _, _, _, _}, // DigitalSignatureUID
    {0x04000105, kOne, D, _, C, _, _}, // DigitalSignatureDateTime
    {0x04000115, kOne, D, _, _, _, _}, // CertificateOfSigner
    {0x04000310, kOne, X, _, C, _, _}, // CertifiedTimestamp
    {0x04000402, kOne, X, _, _, _, _}, // ReferencedDigitalSignatureSequence
    {0x04000403, kOne, X, _, _, _, _}, // ReferencedSOPInstanceMACSequence
    {0x04000404, kOne, X, _, _, _, _}, // MAC
    {0x04000550, kOne, X, _, _, _, _}, // ModifiedAttributesSequence
    {0x04000551, kOne, X, _, _, _, _}, // NonconformingModifiedAttributesSequence
    {0x04000552, kOne, X, _, _, _, _}, // NonconformingDataElementValue
    {0x04000561, kOne, X, _, _, _, _}, // OriginalAttributesSequence
    {0x04000562, kOne, D, _, C, _, _}, // AttributeModificationDateTime
    {0x04000563, kOne, D, _, _, K, _}, // ModifyingSystem
    {0x04000564, kOne, Z, _, _, _, _}, // SourceOfPreviousValues
    {0x04000565, kOne, D, _, _, _, C}, // ReasonForTheAttributeModification
    {0x04000600, kOne, X, _, _, _, _}, // InstanceOriginStatus
    {0x20300020, kOne, X, _, _, _, _}, // TextString
    {0x21000040, kOne, X, _, C, _, _}, // CreationDate
    {0x21000050, kOne, X, _, C, _, _}, // CreationTime
    {0x21000070, kOne, X, _, _, C, _}, // Originator
    {0x21000140, kOne, D, _, _, C, _}, // DestinationAE
    {0x22000002, kOne, XZ, _, _, _, C}, // LabelText
    {0x22000005, kOne, XZ, _, _, _, _}, // BarcodeValue
    {0x30020121, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x30020123, kOne, X, _, _, _, C}, // (a recent attribute)
    {0x30060002, kOne, D, _, _, _, C}, // StructureSetLabel
    {0x30060004, kOne, X, _, _, _, C}, // StructureSetName
    {0x30060006, kOne, X, _, _, _, C}, // StructureSetDescription
    {0x30060008, kOne, Z, _, C, _, _}, // StructureSetDate
    {0x30060009, kOne, Z, _, C, _, _}, // StructureSetTime
    {0x30060024, kOne, U, _, _, _, _}, // ReferencedFrameOfReferenceUID
    {0x30060026, kOne, Z, _, _, _, C}, // ROIName
    {0x30060028, kOne, X, _, _, _, C}, // ROIDescription
    {0x3006002D, kOne, X, _, C, _, _}, // (a recent attribute)
    {0x3006002E, kOne, X, _, C, _, _}, // (a recent attribute)
    {0x30060038, kOne, X, _, _, _, C}, // ROIGenerationDescription
    {0x3006004D, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x3006004E, kOne, X, _, _, _, _}, // (a recent attribute)
    {0x30060085, kOne, X, _, _, _, C}, // ROIObservationLabel
    {0x30060088, kOne, X, _, _, _, C}, // ROIObservationDescription
    {0x300600A6, kOne, Z, _, _, _, _}, // ROIInterpreter
    {0x300600C2, kOne, U, _, _, _, _}, // RelatedFrameOfReferenceUID
    {0x30080024, kOne, D, _, C, _, _}, // TreatmentControlPointDate
    {0x30080025, kOne, D, _, C, _, _}, // TreatmentControlPointTime
    {0x30080054, kOne, XD, _, C, _, _}, // FirstTreatmentDate
    {0x30080056, kOne, XD, _, C, _, _}, // MostRecentTreatmentDate
    {0x30080105, kOne, XZ, _, _, K, _}, // SourceSerialNumber
    {0x30080162, kOne, D, _, C, _, _}, // SafePositionExitDate
    {0x30080164, kOne, D, _, C, _, _}, // SafePositionExitTime
    {0x30080166, kOne, D, _, C, _, _}, // SafePositionReturnDate
    {0x30080168, kOne, D, _, C, _, _}, // SafePositionReturnTime
    {0x30080250, kOne, XD, _, C, _, _}, // TreatmentDate
    {0x30080251, kOne, XD, _, C, _, _}, // TreatmentTime
    {0x300A0002, kOne, D, _, _, _, C}, // RTPlanLabel
    {0x300A0003, kOne, X, _, _, _, C}, // RTPlanName
    {0x300A0004, kOne, X, _, _, _, C}, // RTPlanDescription
    {0x300A0006, kOne, XD, _, C, _, _}, // RTPlanDate
    {0x300A0007, kOne, XD, _, C, _, _}, // RTPlanTime
    {0x300A000B, kOne, X, _, _, _, C}, // TreatmentSites
    {0x300A000E, kOne, X, _, _, _, C}, // PrescriptionDescription
    {0x300A0013, kOne, U, _, _, _, _}, // DoseReferenceUID
    {0x300A0016, kOne, X, _, _, _, C}, // DoseReferenceDescription
    {0x300A0054, kOne, U, _, _, _, _}, // (a recent attribute)
    {0x300A0072, kOne, X, _, _, _, C}, // FractionGroupDescription
    {0x300A0083, kOne, U, _, _, _, _}, // ReferencedDoseReferenceUID
    {0x300A00B2, kOne, XZ, _, _, K, _}, // TreatmentMachineName
    {0x300A00C3, kOne, X, _, _, _, C}, // BeamDescription
    {0x300A00DD, kOne, X, _, _, _, C}, // BolusDescription
    {0x300A0196, kOne, X, _, _, _, C}, // FixationDeviceDescription
    {0x300A01A6, kOne, X, _, _, _, C}, // ShieldingDeviceDescription
    {0x300A01B2, kOne, X, _, _, _, C}, // SetupTechniqueDescription
    {0x300A0216, kOne, X, _, _, K, _}, // SourceManufacturer
    {0x300A022C, kOne, D, _, C, _, _}, // SourceStrengthReferenceDate
    {0x300A022E, kOne, D, _, C, _, _}, // SourceStrengthReferenceTime
    {0x300A02EB, kOne, X, _, _, _, C}, // CompensatorDescription
    {0x300A0608, kOne, D, _, _, _, C}, // TreatmentPositionGroupLabel
    {0x300A0609, kOne, U, _, _, _, _}, // TreatmentPositionGroupUID
    {0x300A0611, kOne, Z, _, _, _, _}, // RTAccessoryHolderSlotID
    {0x300A0615, kOne, Z, _, _, _, _}, // RTAccessoryDeviceSlotID
    {0x300A0619, kOne, D, _, _, _, C}, // RadiationDoseIdentificationLabel
    {0x300A0623, kOne, D, _, _, _, C}, // RadiationDoseInVivoMeasurementLabel
    {0x300A062A, kOne, D, _, _, _, C}, // RTToleranceSetLabel
    {0x300A0650, kOne, U, _, _, _, _}, // PatientSetupUID
    {0x300A0676, kOne, X, _, _, _, C}, // EquipmentFrameOfReferenceDescription
    {0x300A067C, kOne, D, _, _, _, C}, // RadiationGenerationModeLabel
    {0x300A067D, kOne, Z, _, _, _, C}, // RadiationGenerationModeDescription
    {0x300A0700, kOne, U, _, _, _, _}, // TreatmentSessionUID
    {0x300A0734, kOne, D, _, _, _, C}, // TreatmentToleranceViolationDescription
    {0x300A0736, kOne, D, _, C, _, _}, // TreatmentToleranceViolationDateTime
    {0x300A073A, kOne, D, _, C, _, _}, // RecordedRTControlPointDateTime
    {0x300A0741, kOne, D, _, C, _, _}, // InterlockDateTime
    {0x300A0742, kOne, D, _, _, _, C}, // InterlockDescription
    {0x300A0760, kOne, D, _, C, _, _}, // OverrideDateTime
    {0x300A0783, kOne, D, _, _, _, C}, // InterlockOriginDescription
    {0x300A0785, kOne, U, _, _, _, _}, // ReferencedTreatmentPositionGroupUID
    {0x300A078E, kOne, X, _, _, _, C}, // PatientTreatmentPreparationProcedureParameterDescription
    {0x300A0792, kOne, X, _, _, _, C}, // PatientTreatmentPreparationMethodDescription
    {0x300A0794, kOne, X, _, _, _, C}, // PatientSetupPhotoDescription
    {0x300A079A, kOne, X, _, _, _, C}, // DisplacementReferenceLabel
    {0x300C0113, kOne, X, _, _, _, C}, // ReasonForOmissionDescription
    {0x300C0127, kOne, D, _, C, K, _}, // BeamHoldTransitionDateTime
    {0x300E0004, kOne, Z, _, C, _, _}, // ReviewDate
    {0x300E0005, kOne, Z, _, C, _, _}, // ReviewTime
    {0x300E0008, kOne, XZ, _, _, _, _}, // ReviewerName
    {0x30100006, kOne, U, _, _, _, _}, // ConceptualVolumeUID
    {0x3010000B, kOne, U, _, _, _, _}, // ReferencedConceptualVolumeUID
    {0x3010000F, kOne, Z, _, _, _, C}, // ConceptualVolumeCombinationDescription
    {0x30100013, kOne, U, _, _, _, _}, // ConstituentConceptualVolumeUID
    {0x30100015, kOne, U, _, _, _, _}, // SourceConceptualVolumeUID
    {0x30100017, kOne, Z, _, _, _, C}, // ConceptualVolumeDescription
    {0x3010001B, kOne, Z, _, _, _, _}, // DeviceAlternateIdentifier
    {0x3010002D, kOne, D, _, _, K, _}, // DeviceLabel
    {0x30100031, kOne, U, _, _, _, _}, // ReferencedFiducialsUID
    {0x30100033, kOne, D, _, _, _, C}, // UserContentLabel
    {0x30100034, kOne, D, _, _, _, C}, // UserContentLongLabel
    {0x30100035, kOne, D, _, _, _, C}, // EntityLabel
    {0x30100036, kOne, X, _, _, _, C}, // EntityName
    {0x30100037, kOne, X, _, _, _, C}, // EntityDescription
    {0x30100038, kOne, D, _, _, _, C}, // EntityLongLabel
    {0x3010003B, kOne, U, _, _, _, _}, // RTTreatmentPhaseUID
    {0x30100043, kOne, Z, _, _, K, _}, // ManufacturerDeviceIdentifier
    {0x3010004C, kOne, XD, _, C, _, _}, // IntendedPhaseStartDate
    {0x3010004D, kOne, XD, _, C, _, _}, // IntendedPhaseEndDate
    {0x30100054, kOne, D, _, _, _, C}, // RTPrescriptionLabel
    {0x30100056, kOne, XD, _, _, _, C}, // RTTreatmentApproachLabel
    {0x3010005A, kOne, Z, _, _, _, C}, // RTPhysicianIntentNarrative
    {0x3010005C, kOne, Z, _, _, _, C}, // ReasonForSuperseding
    {0x30100061, kOne, X, _, _, _, C}, // PriorTreatmentDoseDescription
    {0x3010006E, kOne, U, _, _, _, _}, // DosimetricObjectiveUID
    {0x3010006F, kOne, U, _, _, _, _}, // ReferencedDosimetricObjectiveUID
    {0x30100077, kOne, XD, _, _, _, C}, // TreatmentSite
    {0x3010007A, kOne, Z, _, _, _, C}, // TreatmentTechniqueNotes
    {0x3010007B, kOne, Z, _, _, _, C}, // PrescriptionNotes
    {0x3010007F, kOne, Z, _, _, _, C}, // FractionationNotes
    {0x30100081, kOne, Z, _, _, _, C}, // PrescriptionNotesSequence
    {0x30100085, kOne, X, _, C, _, _}, // IntendedFractionStartTime
    {0x40000010, kOne, X, _, _, _, _}, // Arbitrary
    {0x40004000, kOne, X, _, _, _, _}, // TextComments
    {0x40080040, kOne, X, _, _, _, _}, // ResultsID
    {0x40080042, kOne, X, _, _, _, _}, // ResultsIDIssuer
    {0x40080100, kOne, X, _, C, _, _}, // InterpretationRecordedDate
    {0x40080101, kOne, X, _, C, _, _}, // InterpretationRecordedTime
    {0x40080102, kOne, X, _, _, _, _}, // InterpretationRecorder
    {0x40080108, kOne, X, _, C, _, _}, // InterpretationTranscriptionDate
    {0x40080109, kOne, X, _, C, _, _}, // InterpretationTranscriptionTime
    {0x4008010A, kOne, X, _, _, _, _}, // InterpretationTranscriber
    {0x4008010B, kOne, X, _, _, _, C}, // InterpretationText
    {0x4008010C, kOne, X, _, _, _, _}, // InterpretationAuthor
    {0x40080111, kOne, X, _, _, _, _}, // InterpretationApproverSequence
    {0x40080112, kOne, X, _, C, _, _}, // InterpretationApprovalDate
    {0x40080113, kOne, X, _, C, _, _}, // InterpretationApprovalTime
    {0x40080114, kOne, X, _, _, _, _}, // PhysicianApprovingInterpretation
    {0x40080115, kOne, X, _, _, _, C}, // InterpretationDiagnosisDescription
    {0x40080118, kOne, X, _, _, _, _}, // ResultsDistributionListSequence
    {0x40080119, kOne, X, _, _, _, _}, // DistributionName
    {0x4008011A, kOne, X, _, _, _, _}, // DistributionAddress
    {0x40080200, kOne, X, _, _, _, _}, // InterpretationID
    {0x40080202, kOne, X, _, _, _, _}, // InterpretationIDIssuer
    {0x40080300, kOne, X, _, _, _, C}, // Impressions
    {0x40084000, kOne, X, _, _, _, C}, // ResultsComments
    {0xFFFAFFFA, kOne, X, _, _, _, _}, // DigitalSignaturesSequence
    {0xFFFCFFFC, kOne, X, _, _, _, _}, // DataSetTrailingPadding
    {0x50000000, 0xFF000000, X, _, _, _, _}, // 50XX,XXXX curve data (retired group 50xx)
    {0x60003000, 0xFF00FFFF, X, _, _, _, _}, // 60XX,3000 Overlay Data
    {0x60004000, 0xFF00FFFF, X, _, _, _, _}, // 60XX,4000 Overlay Comments
};

} // namespace

std::span<const DeidRule> DeidTable::rules()
{
    return kRules;
}

} // namespace haip::dicom
