// Coded concepts the results use (SNOMED CT "SCT", DICOM "DCM", UCUM units), as a data table
// with their code meanings, so SEG, SR, HTML and JSON name findings identically.
#pragma once

#include <QString>

namespace haip::services {

struct CodedConcept
{
    const char *value = "";
    const char *scheme = "";
    const char *meaning = "";

    QString codeValue() const { return QString::fromLatin1(value); }
    QString schemeDesignator() const { return QString::fromLatin1(scheme); }
    QString codeMeaning() const { return QString::fromLatin1(meaning); }
};

namespace codes {
// Segmented property categories and types (PS3.16 CID 7150, CID 7151/7159 and SNOMED CT).
inline constexpr CodedConcept MorphologicallyAlteredStructure {"49755003", "SCT", "Morphologically Altered Structure"};
inline constexpr CodedConcept Nodule {"27925004", "SCT", "Nodule"};
inline constexpr CodedConcept Hemorrhage {"50960005", "SCT", "Hemorrhage"};
inline constexpr CodedConcept Lesion {"52988006", "SCT", "Lesion"};
// Anatomy (finding sites, PS3.16 CID 4 / 4031).
inline constexpr CodedConcept Lung {"39607008", "SCT", "Lung"};
inline constexpr CodedConcept RightLung {"3341006", "SCT", "Right lung"};
inline constexpr CodedConcept LeftLung {"44029006", "SCT", "Left lung"};
inline constexpr CodedConcept Brain {"12738006", "SCT", "Brain"};
inline constexpr CodedConcept Chest {"51185008", "SCT", "Chest"};
inline constexpr CodedConcept Head {"69536005", "SCT", "Head"};
// Qualitative evaluation when nothing was found (TID 1500 row 8).
inline constexpr CodedConcept Finding {"121071", "DCM", "Finding"};
inline constexpr CodedConcept NoAbnormalityDetected {"281900007", "SCT", "No abnormality detected"};
// SEG derivation (PS3.16 CID 7203) and purpose of reference (CID 7202).
inline constexpr CodedConcept SegmentationDerivation {"113076", "DCM", "Segmentation"};
inline constexpr CodedConcept SourceImageForProcessing {"121322", "DCM", "Source image for image processing operation"};
} // namespace codes

} // namespace haip::services
