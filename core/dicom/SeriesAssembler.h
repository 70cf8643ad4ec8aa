// Groups instance headers into series and stacks and sorts them (see Series.h): by position
// along the slice normal, falling back to Instance Number (then SOP Instance UID) when
// geometry is missing or degenerate.
#pragma once

#include "dicom/Series.h"

namespace haip::dicom {

class SeriesAssembler
{
public:
    // Series ordered by study, then Series Number, then UID.
    static QList<Series> assemble(const QList<InstanceInfo> &instances);
    // Splits one series' instances into sorted stacks.
    static QList<Stack> buildStacks(const QList<InstanceInfo> &instances);
};

} // namespace haip::dicom
