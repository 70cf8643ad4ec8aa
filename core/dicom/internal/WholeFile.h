// Reads a whole file into memory for the result-object readers (SEG, SR, GSPS), refusing it
// before reading when it is larger than the reader accepts. Internal to core/dicom.
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace haip::dicom::internal {

// Errors: FileNotFound, FileTooLarge (detail: the size), FileUnreadable (open or short read).
Result<QByteArray> readWholeFile(const QString &path, qint64 maxSize);

} // namespace haip::dicom::internal
