// The human-readable report of a result bundle: one self-contained HTML page (inline CSS and
// PNG key images as data: URIs; no scripts, no remote resources) in Japanese and English,
// with the research-use notice first, the findings table, a key image per finding, the method
// and its parameters, and the source series and result objects it belongs to.
#pragma once

#include "AnalysisResult.h"
#include "CatalogEntry.h"
#include "ImageVolume.h"
#include "ResultIdentity.h"

#include <QString>

namespace haip::services {

class HtmlReportWriter
{
public:
    static QString write(const CatalogEntry &entry,
                         const ImageVolume &volume,
                         const AnalysisResult &analysis,
                         const ResultIdentity &identity,
                         bool segmentationWritten);
};

} // namespace haip::services
