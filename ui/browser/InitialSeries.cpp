#include "browser/InitialSeries.h"

#include <cmath>

namespace haip::ui {

namespace {

// Axial: slice normal within ~25° of the patient's head–feet axis.
constexpr double kAxialCosine = 0.9;

bool isAxial(const dicom::Stack &stack)
{
    return stack.sortedByGeometry && std::abs(stack.normal.z) >= kAxialCosine;
}

bool isCrossSectional(const dicom::Series &series)
{
    return series.modality == QLatin1String("CT") || series.modality == QLatin1String("MR");
}

} // namespace

int largestStack(const dicom::Series &series)
{
    int best = 0;
    for (int i = 1; i < series.stacks.size(); ++i) {
        if (series.stacks[i].slices.size() > series.stacks[best].slices.size())
            best = i;
    }
    return best;
}

SeriesChoice chooseInitialSeries(const QList<dicom::Series> &series)
{
    SeriesChoice axial;
    int axialSize = 0;
    SeriesChoice any;
    int anySize = 0;
    for (int s = 0; s < series.size(); ++s) {
        for (int k = 0; k < series[s].stacks.size(); ++k) {
            const dicom::Stack &stack = series[s].stacks[k];
            const int size = int(stack.slices.size());
            if (size == 0)
                continue;
            if (size > anySize) {
                any = {s, k};
                anySize = size;
            }
            if (isCrossSectional(series[s]) && isAxial(stack) && size > axialSize) {
                axial = {s, k};
                axialSize = size;
            }
        }
    }
    return axial.isValid() ? axial : any;
}

} // namespace haip::ui
