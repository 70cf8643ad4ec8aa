// DicomFile: the one facade over a parsed DICOM data set (DCMTK stays behind it). Files are
// read with QFile and parsed from memory, so non-ASCII paths work on every platform and a
// bad file never takes the process down. Accessors speak Qt types only; text comes back
// as UTF-8 decoded through the Specific Character Set (see CharsetDecoder). Not thread-safe:
// one thread uses one DicomFile at a time; distinct DicomFiles may be used concurrently.
#pragma once

#include "common/Result.h"
#include "dicom/DisplayInfo.h"
#include "dicom/Frame.h"
#include "dicom/InstanceInfo.h"
#include "dicom/OverlayPlane.h"
#include "dicom/Tag.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace haip::dicom {

namespace internal {
struct ParsedDataset;
}

class DicomFile
{
public:
    enum class Content
    {
        Everything, // keep pixel data: frames can be decoded
        HeaderOnly // stop before Pixel Data: fast, for indexing; frame() then fails with NoPixelData
    };

    // Reads and parses a file. Errors name the file and the reason (TruncatedFile, NotDicom, …).
    static Result<DicomFile> open(const QString &path, Content content = Content::Everything);
    // Parses a Part 10 file (or a bare data set without preamble/meta) held in memory.
    // `name` is used as the subject of errors and as path().
    static Result<DicomFile>
    fromBytes(const QByteArray &bytes, const QString &name, Content content = Content::Everything);

    DicomFile(DicomFile &&) noexcept;
    DicomFile &operator=(DicomFile &&) noexcept;
    ~DicomFile();

    const QString &path() const;
    bool contains(Tag tag) const;
    // The raw value as stored, without charset decoding (UIDs, CS, numbers); all values joined by '\'.
    QString rawString(Tag tag) const;
    // The value decoded to UTF-8 through the Specific Character Set (PN, LO, SH, ST, LT, UT, UC).
    QString text(Tag tag) const;
    std::optional<double> number(Tag tag, int index = 0) const;
    std::optional<qint64> integer(Tag tag, int index = 0) const;
    QList<double> numbers(Tag tag) const;

    QString transferSyntaxUid() const;
    InstanceInfo info() const;
    int frameCount() const; // 0 without pixel data
    // The format every frame() of this instance has (after normalisation), from the Image Pixel
    // module alone, without decoding; works in HeaderOnly mode too. Errors: NoPixelData,
    // MissingAttribute, InvalidAttribute, UnsupportedBitDepth, UnsupportedPhotometric.
    Result<PixelFormat> pixelFormat() const;
    ImagePlane plane(int frame = 0) const;
    DisplayInfo displayInfo(int frame = 0) const;
    QList<OverlayPlane> overlays() const;

    // Decodes frame `index` (0-based) of any supported transfer syntax to normalised stored
    // values (see Frame.h). Errors: FrameOutOfRange, NoPixelData, UnsupportedTransferSyntax,
    // CorruptPixelData, DecodeFailed, … always with the file as subject.
    Result<Frame> frame(int index) const;

private:
    struct Impl;
    explicit DicomFile(std::unique_ptr<Impl> impl);
    static DicomFile fromParsed(internal::ParsedDataset parsed, const QString &name, qint64 size, Content content);
    std::unique_ptr<Impl> d;
};

} // namespace haip::dicom
