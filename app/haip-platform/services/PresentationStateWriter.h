// Writes a Grayscale Softcopy Presentation State (PS3.3 A.33.1) for an AI result: on the slice
// nearest each finding's centre, a box around the finding and its label ("nodule 1  10.4 mm")
// in two graphic layers, with the service's reading window. Viewers that cannot show SEG still
// show these; the workstation offers "graphics only" to keep the doctor's own window.
// Written with DCMTK's dcmpstat (DVPresentationState) from the source images themselves.
#pragma once

#include "AnalysisResult.h"
#include "ImageVolume.h"
#include "ResultIdentity.h"
#include "common/Result.h"

#include <QByteArray>

namespace haip::services {

class PresentationStateWriter
{
public:
    // Empty bytes when there are no findings (a presentation state needs an image to point at).
    static Result<QByteArray>
    write(const ImageVolume &volume, const AnalysisResult &analysis, const ResultIdentity &identity);
};

} // namespace haip::services
