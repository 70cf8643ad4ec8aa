// Reads what the study browser shows from the local index in one pass: every patient with
// their studies and each study's series and thumbnails. Studies are grouped by Patient ID as
// stored with the study, so patients without an ID still keep their own studies.
#pragma once

#include "browser/StudyBrowserModel.h"
#include "common/Result.h"

namespace haip::dicom {
class ImageIndex;
}

namespace haip::ui {

Result<QList<StudyBrowserModel::PatientEntry>> readBrowserContents(const dicom::ImageIndex &index);

} // namespace haip::ui
