#include "common/Library.h"

namespace haip {

// The DICOM codecs are registered by dicom/Codecs.cpp once it exists; until then the scope
// only marks where initialisation happens.
LibraryScope::LibraryScope() = default;
LibraryScope::~LibraryScope() = default;

} // namespace haip
