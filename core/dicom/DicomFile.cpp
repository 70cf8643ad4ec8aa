#include "dicom/DicomFile.h"

#include "dicom/CharsetDecoder.h"
#include "dicom/internal/DatasetParser.h"
#include "dicom/internal/DatasetValues.h"
#include "dicom/internal/FrameNormaliser.h"
#include "dicom/internal/ImageAttributes.h"
#include "dicom/internal/PixelModule.h"
#include "dicom/internal/RawFrameReader.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcxfer.h>

namespace haip::dicom {

using namespace internal;

namespace {

Q_LOGGING_CATEGORY(lcDicomFile, "haip.dicom.file")

// Files larger than this are refused before reading: QByteArray and DCMTK's 32-bit lengths
// cannot hold more, and no single instance this workstation reads comes near it.
constexpr qint64 kMaxFileSize = qint64(2000) * 1024 * 1024;
// First read of a HeaderOnly open; headers of real images fit (grown by 4x when they do not).
constexpr qint64 kHeaderChunk = qint64 {64} * 1024;

TextKind textKindOf(DcmEVR vr)
{
    switch (vr) {
    case EVR_PN:
        return TextKind::PersonName;
    case EVR_ST:
    case EVR_LT:
    case EVR_UT:
        return TextKind::Free;
    default:
        return TextKind::MultiValue;
    }
}

// One native frame read from its place in the file (see DicomFile::open), byte for byte as the
// in-memory path would slice it out of the parsed Pixel Data.
Result<RawFrame> readNativeFrameFromFile(
    const QString &path, qint64 expectedSize, const NativePixelLocation &where, const PixelModule &module, int index)
{
    if (index < 0 || index >= module.numberOfFrames)
        return Error(
            ErrorCode::FrameOutOfRange, QStringLiteral("%1 (of %2)").arg(index).arg(module.numberOfFrames), path);
    const qint64 frameBytes = module.nativeFrameBits() / 8;
    if (where.length == 0)
        return Error(ErrorCode::NoPixelData, QStringLiteral("Pixel Data (7FE0,0010) is empty"), path);
    if (frameBytes * (index + 1) > where.length)
        return Error(ErrorCode::CorruptPixelData,
                     QStringLiteral("Pixel Data holds %1 bytes; frame %2 of %3 needs %4")
                         .arg(where.length)
                         .arg(index)
                         .arg(module.numberOfFrames)
                         .arg(frameBytes * (index + 1)),
                     path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    if (file.size() != expectedSize)
        return Error(ErrorCode::CorruptPixelData, QStringLiteral("the file changed after it was opened"), path);
    QByteArray bytes(qsizetype(frameBytes), Qt::Uninitialized);
    if (!file.seek(where.valueOffset + frameBytes * index) || file.read(bytes.data(), frameBytes) != frameBytes)
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    return nativeRawFrame(std::move(bytes), module, where.bigEndian, false);
}

} // namespace

struct DicomFile::Impl
{
    QString path;
    qint64 fileSize = 0;
    Content content = Content::Everything;
    std::unique_ptr<DcmFileFormat> file;
    bool pixelDataSkipped = false;
    // Native Pixel Data left in the file: frames are read from there on demand (see open()).
    NativePixelLocation nativePixels;
    E_TransferSyntax transferSyntax = EXS_Unknown;
    CharsetDecoder charset;
    mutable QVector<quint32> frameStarts; // first fragment of each frame, when it had to be scanned

    DcmDataset &dataset() const { return *file->getDataset(); }
    bool hasPixelData() const { return pixelDataSkipped || findElement(dataset(), tags::PixelData) != nullptr; }
};

DicomFile::DicomFile(std::unique_ptr<Impl> impl) : d(std::move(impl)) { }
DicomFile::DicomFile(DicomFile &&) noexcept = default;
DicomFile &DicomFile::operator=(DicomFile &&) noexcept = default;
DicomFile::~DicomFile() = default;

Result<DicomFile> DicomFile::open(const QString &path, Content content)
{
    const QFileInfo fileInfo(path);
    if (!fileInfo.exists())
        return Error(ErrorCode::FileNotFound, {}, path);
    if (fileInfo.isDir())
        return Error(ErrorCode::FileUnreadable, QStringLiteral("a folder, not a file"), path);
    if (fileInfo.size() > kMaxFileSize)
        return Error(ErrorCode::FileTooLarge, QStringLiteral("%1 bytes").arg(fileInfo.size()), path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    const qint64 size = file.size();

    // Both modes first read only the start of the file, growing it until the parse reaches Pixel
    // Data or the end: indexing a folder of large multi-frame files then reads kilobytes, and
    // native (uncompressed) frames are later read straight from the file into their Frame —
    // one copy, no second parse. Other pixel data is parsed from the whole file in memory.
    QByteArray bytes;
    qint64 want = kHeaderChunk;
    for (;;) {
        const QByteArray more = file.read(std::max<qint64>(0, want - bytes.size()));
        if (file.error() != QFileDevice::NoError)
            return Error(ErrorCode::FileUnreadable, file.errorString(), path);
        bytes += more;
        if (bytes.size() >= size || more.isEmpty())
            break;
        Result<ParsedDataset> parsed = parseDataset(bytes, path, true, size);
        if (parsed && parsed->pixelDataSkipped) {
            if (content == Content::HeaderOnly || parsed->nativePixels.isValid())
                return fromParsed(std::move(*parsed), path, size, content);
            break; // encapsulated or deflated: parse all of it below
        }
        if (!parsed && parsed.error().code() != ErrorCode::TruncatedFile)
            return parsed.error(); // a fault in the part read is a fault of the file
        want *= 4;
    }
    if (content == Content::Everything && bytes.size() < size) {
        bytes += file.readAll();
        if (file.error() != QFileDevice::NoError)
            return Error(ErrorCode::FileUnreadable, file.errorString(), path);
    }
    file.close();
    return fromBytes(bytes, path, content);
}

Result<DicomFile> DicomFile::fromBytes(const QByteArray &bytes, const QString &name, Content content)
{
    Result<ParsedDataset> parsed = parseDataset(bytes, name, content == Content::HeaderOnly);
    if (!parsed)
        return parsed.error();
    return fromParsed(std::move(*parsed), name, bytes.size(), content);
}

DicomFile DicomFile::fromParsed(internal::ParsedDataset parsed, const QString &name, qint64 size, Content content)
{
    auto impl = std::make_unique<Impl>();
    impl->path = name;
    impl->fileSize = size;
    impl->content = content;
    impl->file = std::move(parsed.file);
    impl->pixelDataSkipped = parsed.pixelDataSkipped;
    impl->nativePixels = parsed.nativePixels;
    impl->transferSyntax = parsed.transferSyntax;
    if (!parsed.repair.isEmpty())
        qCInfo(lcDicomFile) << "read despite a writer defect:" << parsed.repair;
    impl->charset = CharsetDecoder(rawStrings(impl->dataset(), tags::SpecificCharacterSet));
    return DicomFile(std::move(impl));
}

const QString &DicomFile::path() const
{
    return d->path;
}

bool DicomFile::contains(Tag tag) const
{
    if (tag == tags::PixelData)
        return d->hasPixelData();
    if (tag.group == 0x0002) {
        DcmMetaInfo *meta = d->file->getMetaInfo();
        return meta != nullptr && findElement(*meta, tag) != nullptr;
    }
    return findElement(d->dataset(), tag) != nullptr;
}

QString DicomFile::rawString(Tag tag) const
{
    if (tag.group == 0x0002) {
        DcmMetaInfo *meta = d->file->getMetaInfo();
        return meta != nullptr ? internal::rawString(*meta, tag) : QString();
    }
    return internal::rawString(d->dataset(), tag);
}

QString DicomFile::text(Tag tag) const
{
    DcmElement *element = findElement(d->dataset(), tag);
    if (element == nullptr)
        return {};
    QByteArray raw = rawValueBytes(d->dataset(), tag);
    const TextKind kind = textKindOf(element->ident());
    // Trailing spaces pad every text value; leading spaces matter only in ST, LT and UT.
    while (!raw.isEmpty() && (raw.back() == ' ' || raw.back() == '\0'))
        raw.chop(1);
    QString decoded = d->charset.decode(raw, kind);
    if (kind != TextKind::Free) {
        QStringList values = decoded.split(QLatin1Char('\\'));
        for (QString &v : values)
            v = v.trimmed();
        decoded = values.join(QLatin1Char('\\'));
    }
    return decoded;
}

std::optional<double> DicomFile::number(Tag tag, int index) const
{
    return numberValue(d->dataset(), tag, index);
}

std::optional<qint64> DicomFile::integer(Tag tag, int index) const
{
    return integerValue(d->dataset(), tag, index);
}

QList<double> DicomFile::numbers(Tag tag) const
{
    return numberValues(d->dataset(), tag);
}

QString DicomFile::transferSyntaxUid() const
{
    QString fromMeta = rawString(tags::TransferSyntaxUid);
    if (!fromMeta.isEmpty())
        return fromMeta;
    // Without a meta header, the syntax DCMTK detected while parsing.
    return QString::fromLatin1(DcmXfer(d->transferSyntax).getXferID());
}

int DicomFile::frameCount() const
{
    if (!d->hasPixelData())
        return 0;
    const Result<PixelModule> module = readPixelModule(d->dataset(), d->path);
    return module ? module->numberOfFrames : 0;
}

Result<PixelFormat> DicomFile::pixelFormat() const
{
    if (!d->hasPixelData())
        return Error(ErrorCode::NoPixelData, QStringLiteral("no Pixel Data (7FE0,0010)"), d->path);
    const Result<PixelModule> module = readPixelModule(d->dataset(), d->path);
    if (!module)
        return module.error();
    return normalisedFormat(*module, d->path);
}

InstanceInfo DicomFile::info() const
{
    InstanceInfo info = readInstanceInfo(*this);
    info.path = d->path;
    info.fileSize = d->fileSize;
    info.transferSyntaxUid = transferSyntaxUid();
    info.hasPixelData = d->hasPixelData();
    info.numberOfFrames = info.hasPixelData ? frameCount() : 0;
    return info;
}

ImagePlane DicomFile::plane(int frame) const
{
    return readImagePlane(d->dataset(), frame);
}

DisplayInfo DicomFile::displayInfo(int frame) const
{
    return readDisplayInfo(d->dataset(), frame);
}

QList<OverlayPlane> DicomFile::overlays() const
{
    return readOverlays(d->dataset());
}

Result<Frame> DicomFile::frame(int index) const
{
    if (d->content == Content::HeaderOnly)
        return Error(ErrorCode::NoPixelData, QStringLiteral("opened without pixel data (header only)"), d->path);
    if (!d->hasPixelData())
        return Error(ErrorCode::NoPixelData, QStringLiteral("no Pixel Data (7FE0,0010)"), d->path);
    // A syntax DCMTK does not know (e.g. HTJ2K in DCMTK 3.6.7): the pixels cannot be interpreted.
    const QString declared = rawString(tags::TransferSyntaxUid);
    if (!declared.isEmpty() && DcmXfer(declared.toLatin1().constData()).getXfer() == EXS_Unknown)
        return Error(ErrorCode::UnsupportedTransferSyntax, declared, d->path);
    Result<PixelModule> module = readPixelModule(d->dataset(), d->path);
    if (!module)
        return module.error();
    Result<RawFrame> raw = d->nativePixels.isValid()
        ? readNativeFrameFromFile(d->path, d->fileSize, d->nativePixels, *module, index)
        : RawFrameReader(d->dataset(), d->transferSyntax, *module, d->path, &d->frameStarts).read(index);
    if (!raw)
        return raw.error();
    return normaliseFrame(std::move(*raw), *module, index, d->path);
}

} // namespace haip::dicom
