// The data dictionary's keyword of a tag ("PatientName"), for showing people which attributes
// de-identification removes or replaces; "(gggg,eeee)" for private and unknown tags.
#pragma once

#include "dicom/Tag.h"

#include <QString>

namespace haip::dicom {

QString tagKeyword(Tag tag);

} // namespace haip::dicom
