// Key images for the HTML report: the slice through a finding in a clinical window, with the
// finding's segment outlined (binary) or its heat blended in (fractional), as a small PNG.
#pragma once

#include "AnalysisResult.h"
#include "ImageVolume.h"

#include <QByteArray>
#include <QColor>

namespace haip::services {

struct DisplayWindow
{
    double centre = 0.0;
    double width = 0.0; // 0: from the slice's 1st and 99th percentiles
};

class KeyImageRenderer
{
public:
    static constexpr int kMaxSize = 320; // longest side in pixels

    // PNG bytes; empty if the slice does not exist.
    static QByteArray render(const ImageVolume &volume,
                             const AnalysisResult &analysis,
                             int segmentNumber,
                             int slice,
                             const DisplayWindow &window,
                             const QColor &colour);
};

} // namespace haip::services
