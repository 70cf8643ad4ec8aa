// DicomDirReader: reads the directory records of a DICOMDIR (PS3.10 §8, PS3.3 Annex F) and
// lists the files they reference, walking the record tree (patient → study → series → image)
// by its offsets, so a DICOMDIR whose records are stored out of order still gives the files
// in hierarchy order. Records the tree does not reach are appended in stored order. Resolving
// the references to paths on disk is FileScanner's job.
#pragma once

#include "common/Result.h"

#include <QList>
#include <QStringList>

namespace haip::dicom {

struct DicomDirContents
{
    // Referenced File ID of each active record, one component per list entry, in tree order,
    // without duplicates (e.g. {"98892003", "MR700", "4467"}).
    QList<QStringList> referencedFiles;
    int recordCount = 0; // directory records in the file, in use or not
};

class DicomDirReader
{
public:
    // True when `path` is a DICOMDIR: named "DICOMDIR" (any case, with the ISO 9660 ";1" or "."
    // suffixes CD drivers may leave) or a Part 10 file whose Media Storage SOP Class is Media
    // Storage Directory Storage. Reads at most the file meta header.
    static bool isDicomDir(const QString &path);
    // True when the file name alone says DICOMDIR (see isDicomDir).
    static bool hasDicomDirName(const QString &fileName);

    // Parses the DICOMDIR. Errors: DicomDirInvalid (subject = path) with what was wrong in the
    // detail, FileNotFound / FileUnreadable.
    static Result<DicomDirContents> read(const QString &path);
};

} // namespace haip::dicom
