// A DCMTK file format written into memory — the writers of new files (the phantom generator,
// de-identification) hand Qt a QByteArray rather than going through a temporary file.
#pragma once

#include "common/Result.h"

#include <QByteArray>

#include <dcmtk/dcmdata/dcfilefo.h>

namespace haip::dicom::internal {

// expectedSize: a hint to reserve the buffer (0: none).
Result<QByteArray> fileFormatBytes(DcmFileFormat &fileFormat, E_TransferSyntax xfer, qsizetype expectedSize = 0);

} // namespace haip::dicom::internal
