// Writes the findings as a DICOM Structured Report, TID 1500 Measurement Report (Enhanced SR),
// through DCMTK's content mapping resource (dcmsr/cmr): language, the reference algorithm as
// device observer, procedure reported, an image library of the source images, and one TID 1411
// volumetric ROI measurement group per finding — tracking identifier and UID, finding, finding
// site, the SEG segment it measures, the source series, and volume / diameter / mean HU (or
// peak z-score) with UCUM units and the algorithm's identification. With no findings the
// report carries the qualitative evaluation "No abnormality detected" instead.
#pragma once

#include "AnalysisResult.h"
#include "ImageVolume.h"
#include "ResultIdentity.h"
#include "common/Result.h"

#include <QByteArray>

namespace haip::services {

class MeasurementReportWriter
{
public:
    // `segmentationWritten`: whether a SEG (identity.segmentationInstanceUid) exists to reference.
    static Result<QByteArray> write(const ImageVolume &volume,
                                    const AnalysisResult &analysis,
                                    const ResultIdentity &identity,
                                    bool segmentationWritten);
};

} // namespace haip::services
