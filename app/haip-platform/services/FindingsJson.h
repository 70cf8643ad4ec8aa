// The machine-readable summary of a result bundle ("haip-findings/1", schema in
// docs/api/results.md): the service, the algorithm and its parameters, the analysed series,
// the result objects' UIDs, the segments and one entry per finding with its position, size
// and density, and the research-use notice.
#pragma once

#include "AnalysisResult.h"
#include "CatalogEntry.h"
#include "ImageVolume.h"
#include "ResultIdentity.h"

#include <QJsonObject>

namespace haip::services {

class FindingsJson
{
public:
    static constexpr const char *kSchema = "haip-findings/1";

    struct Objects
    {
        bool segmentation = false;
        int segmentationFrames = 0;
    };
    static QJsonObject build(const CatalogEntry &entry,
                             const ImageVolume &volume,
                             const AnalysisResult &analysis,
                             const ResultIdentity &identity,
                             const Objects &objects);
    // The slice (0-based) nearest a finding's centroid.
    static int nearestSlice(const ImageVolume &volume, const Finding &finding);
    static LocalizedText summary(const AnalysisResult &analysis);
    static LocalizedText notice();
};

} // namespace haip::services
