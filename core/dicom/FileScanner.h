// Finds the DICOM files behind what the user opened: files, folders (recursively) and
// DICOMDIRs — falling back to a recursive scan of the DICOMDIR's folder when it is broken or
// lists files that do not exist. Each problem becomes an Error naming the file; the rest
// still loads.
#pragma once

#include "common/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace haip::dicom {

struct ScanResult
{
    QStringList files; // absolute paths, deduplicated, in a stable order
    QList<Error> errors; // e.g. DicomDirInvalid with the DICOMDIR as subject, FileNotFound
};

class FileScanner
{
public:
    // `cancel`, when given, is polled between directory entries.
    static ScanResult scan(const QStringList &paths, const std::atomic<bool> *cancel = nullptr);
};

} // namespace haip::dicom
