// Which series to show first when a study is opened: the largest axial CT/MR stack (what a
// radiologist reads first), else the largest stack of any series. Localisers and secondary
// captures usually lose on size; non-image series (SR, PR) have no slices and never win.
#pragma once

#include "dicom/Series.h"

#include <QList>

namespace haip::ui {

struct SeriesChoice
{
    int series = -1; // index into the list; -1 when nothing can be shown
    int stack = 0;
    bool isValid() const { return series >= 0; }
};

SeriesChoice chooseInitialSeries(const QList<dicom::Series> &series);
// The largest stack of one series (the stack to show when a series is opened by itself).
int largestStack(const dicom::Series &series);

} // namespace haip::ui
