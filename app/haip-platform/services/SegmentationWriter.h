// Writes an algorithm's regions as a DICOM Segmentation (Segmentation Storage, PS3.3 A.51)
// through DCMTK's dcmseg: BINARY or FRACTIONAL (PROBABILITY, 0…255); patient, study and Frame
// of Reference taken over from the source; one frame per segment and source slice that holds
// anything, each with its Plane Position, Derivation Image (the source instance and frame)
// and Segment reference; shared Pixel Measures and Plane Orientation; a two-dimension index
// (segment number, image position); the source instances in the Referenced Series Sequence;
// segments with SNOMED CT coded category/type, recommended CIELab colour and the algorithm.
#pragma once

#include "AnalysisResult.h"
#include "ImageVolume.h"
#include "ResultIdentity.h"
#include "common/Result.h"

#include <QByteArray>

namespace haip::services {

class SegmentationWriter
{
public:
    struct Output
    {
        QByteArray bytes; // Part 10
        int frames = 0;
    };
    // Errors: WriteFailed with DCMTK's reason; the source header's read errors.
    static Result<Output>
    write(const ImageVolume &volume, const AnalysisResult &analysis, const ResultIdentity &identity);
};

} // namespace haip::services
