// Reads a DICOM Segmentation (Part 10 bytes or a file) into a dicom::Segmentation through
// DCMTK's dcmseg (segments, functional groups), after checking the data set itself so that a
// hostile or damaged SEG is an Error and never a crash: zero rows or columns, a frame count
// that disagrees with the functional groups or the pixel data, truncated pixel data, segment
// numbers that are missing, repeated or referenced without being defined.
#pragma once

#include "common/Result.h"
#include "dicom/Segmentation.h"

#include <QByteArray>
#include <QString>

namespace haip::dicom {

class SegmentationReader
{
public:
    // `name` is the subject of errors. Errors: the parse errors of DicomFile (NotDicom,
    // TruncatedFile, …), InvalidAttribute (not a SEG, bad type, frame counts, segment numbers),
    // MissingAttribute, UnsupportedBitDepth, CorruptPixelData (pixel data shorter than the frames).
    static Result<Segmentation> fromBytes(const QByteArray &bytes, const QString &name);
    // Errors: FileNotFound, FileUnreadable, FileTooLarge and those of fromBytes().
    static Result<Segmentation> fromFile(const QString &path);

    // The largest SEG read (bytes): larger files are refused with FileTooLarge.
    static constexpr qint64 MaxFileSize = qint64(2) << 30;
};

} // namespace haip::dicom
