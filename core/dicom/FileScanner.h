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
    bool cancelled = false; // the scan stopped early; `files` holds what was found until then
};

// What each kind of path gives:
// - a file: itself, unless it is a DICOMDIR (see DicomDirReader::isDicomDir);
// - a folder: its DICOMDIR's files when its root holds one, else every file below it
//   (recursively; hidden and system entries and OS junk such as Thumbs.db skipped; files named
//   DICOMDIR left out, being indexes rather than images);
// - a DICOMDIR: the files its records reference, resolved relative to its folder (each
//   component matched case-insensitively, as ISO 9660 CDs are upper case). When it cannot be
//   parsed, references nothing, or references files that are missing, a DicomDirInvalid error
//   says so and its folder is scanned recursively instead.
// No file is judged DICOM or not here: that is the importer's job (CD files often lack extensions).
class FileScanner
{
public:
    // `cancel`, when given, is polled between directory entries.
    static ScanResult scan(const QStringList &paths, const std::atomic<bool> *cancel = nullptr);
};

} // namespace haip::dicom
