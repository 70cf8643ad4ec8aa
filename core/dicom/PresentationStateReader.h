// Reads a Softcopy Presentation State (grayscale, colour or pseudo-colour; Part 10 bytes or a
// file) into a dicom::PresentationState with DCMTK's dcmdata. A presentation state arrives from
// outside (an AI service's result bundle), so everything is checked and a hostile or damaged
// object is an Error, never a crash: missing or empty Referenced Series Sequence, an annotation
// on a layer the Graphic Layer Sequence does not define, Graphic Data with an odd number of
// values, a point count that disagrees with it, NaN/infinite or absurd coordinates, the wrong
// number of points for a CIRCLE or ELLIPSE, unknown graphic types or units, a text object with
// neither bounding box nor anchor, a window width below 1, and counts beyond the limits below.
#pragma once

#include "common/Result.h"
#include "dicom/PresentationState.h"

#include <QByteArray>
#include <QString>

namespace haip::dicom {

class PresentationStateReader
{
public:
    // `name` is the subject of errors. Errors: the parse errors of DicomFile (NotDicom,
    // TruncatedFile, CorruptDataset…), InvalidAttribute (not a presentation state, bad values,
    // limits), MissingAttribute (a required attribute or sequence is absent).
    static Result<PresentationState> fromBytes(const QByteArray &bytes, const QString &name);
    // Errors: FileNotFound, FileUnreadable, FileTooLarge and those of fromBytes().
    static Result<PresentationState> fromFile(const QString &path);

    // Limits: a real presentation state is far below each of them; beyond, it is refused.
    static constexpr qint64 MaxFileSize = qint64(64) << 20; // bytes
    static constexpr int MaxItems = 10000; // items in any one sequence
    static constexpr int MaxObjects = 100000; // graphic and text objects in the whole state
    static constexpr qint64 MaxPoints = 2000000; // graphic points in the whole state
    static constexpr double MaxCoordinate = 1.0e6; // |x|, |y| of any point (images have < 65536 columns)
};

} // namespace haip::dicom
