#include "dicom/internal/DatasetParser.h"

#include <QtEndian>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcerror.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <limits>

namespace haip::dicom::internal {

namespace {

constexpr qsizetype kPreambleSize = 128;
constexpr qsizetype kMagicEnd = kPreambleSize + 4;

bool hasPart10Magic(const QByteArray &bytes)
{
    return bytes.size() >= kMagicEnd && bytes.mid(kPreambleSize, 4) == QByteArrayLiteral("DICM");
}

bool isUpperAsciiVr(char a, char b)
{
    return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z';
}

// Without the "DICM" magic, DCMTK accepts anything as an implicit-VR data set and fails deep
// inside with a length error. A real data set (or a meta header without preamble) starts with a
// low, even group — file meta (0002), identifying (0008), sometimes group lengths (xxxx,0000) —
// followed either by a two-letter VR or by a 32-bit length that fits the file.
bool looksLikeBareDataset(const QByteArray &bytes, qint64 totalSize)
{
    if (bytes.size() < 8)
        return false;
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const quint16 groupLe = qFromLittleEndian<quint16>(p);
    const quint16 groupBe = qFromBigEndian<quint16>(p);
    const auto plausibleGroup = [](quint16 g) {
        return g <= 0x0010 && (g % 2) == 0;
    };
    if (!plausibleGroup(groupLe) && !plausibleGroup(groupBe))
        return false;
    if (isUpperAsciiVr(bytes.at(4), bytes.at(5)))
        return true;
    const quint32 implicitLength =
        plausibleGroup(groupLe) ? qFromLittleEndian<quint32>(p + 4) : qFromBigEndian<quint32>(p + 4);
    return qint64(implicitLength) <= totalSize - 8;
}

Error mapParseFailure(const OFCondition &cond, const QString &name, qint64 offset)
{
    const QString detail = QStringLiteral("%1 (near byte %2)").arg(QString::fromLatin1(cond.text())).arg(offset);
    // DCMTK reports a value longer than the bytes left as "premature end of stream" (InvalidStream
    // after a partial read, StreamNotifyClient when the buffer simply ends): the file is cut short.
    if (cond == EC_StreamNotifyClient || cond == EC_InvalidStream || cond == EC_EndOfStream ||
        cond == EC_SequDelimitationItemMissing || cond == EC_ItemDelimitationItemMissing)
        return Error(ErrorCode::TruncatedFile, detail, name);
    if (cond == EC_InvalidVR || cond == EC_UnknownVR)
        return Error(ErrorCode::InvalidValueRepresentation, detail, name);
    if (cond == EC_UnknownTransferSyntax || cond == EC_UnsupportedEncoding)
        return Error(ErrorCode::UnsupportedTransferSyntax, detail, name);
    return Error(ErrorCode::CorruptDataset, detail, name);
}

// A HeaderOnly parse stops right after the element header of Pixel Data (DCMTK has read tag,
// VR and length, then skips the rest). That header is checked against the bytes left, so a file
// cut inside its pixels is reported as truncated without reading them.
struct PixelDataHeader
{
    bool present = false;
    bool fits = true;
    bool definedLength = false;
    qint64 valueStart = 0;
    qint64 length = 0;
};

PixelDataHeader
inspectPixelDataHeader(const QByteArray &bytes, qsizetype valueStart, qint64 totalSize, const DcmXfer &xfer)
{
    PixelDataHeader header;
    const qsizetype headerSize = xfer.isExplicitVR() ? 12 : 8;
    const qsizetype offset = valueStart - headerSize;
    if (offset < 0 || valueStart > bytes.size())
        return header;
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData()) + offset;
    const bool big = xfer.getByteOrder() == EBO_BigEndian;
    const auto u16 = [big](const uchar *q) {
        return big ? qFromBigEndian<quint16>(q) : qFromLittleEndian<quint16>(q);
    };
    const auto u32 = [big](const uchar *q) {
        return big ? qFromBigEndian<quint32>(q) : qFromLittleEndian<quint32>(q);
    };
    if (u16(p) != 0x7FE0 || u16(p + 2) != 0x0010)
        return header;
    header.present = true;
    header.valueStart = valueStart;
    const quint32 length = u32(p + headerSize - 4);
    if (length != std::numeric_limits<quint32>::max()) { // undefined length: encapsulated fragments
        header.definedLength = true;
        header.length = length;
        header.fits = qint64(length) <= totalSize - valueStart;
    }
    return header;
}

// One parse of the whole buffer; `implicitDataset` reads the meta header as usual but the data set
// as implicit VR little endian whatever the meta header says.
struct Attempt
{
    std::unique_ptr<DcmFileFormat> file = std::make_unique<DcmFileFormat>();
    OFCondition cond;
    qint64 offset = 0;
    bool atEnd = false;
};

// Why the buffer stream below names its position: DCMTK allocates an element's declared length
// before reading its value, so a 300-byte file claiming a 4 GiB value made it allocate 4 GiB
// (found by fuzzing: tests/fuzz/regressions/result_bundle). An element longer than
// maxReadLength is instead skipped when its stream offers a factory, and refused ("larger than
// remaining bytes") when the skip falls short. With maxReadLength at the buffer's size only values
// longer than the whole buffer take that path: in a plain stream the skip always falls short; in a
// deflated one a value may really inflate beyond the buffer, and is then loaded later through the
// factory, which replays the stream (raw up to where inflation began, then inflated) to its offset.
class BufferStreamFactory : public DcmInputStreamFactory
{
public:
    BufferStreamFactory(QByteArray bytes,
                        offile_off_t offset,
                        offile_off_t compressedFrom,
                        E_StreamCompression compression)
        : m_bytes(std::move(bytes)), m_offset(offset), m_compressedFrom(compressedFrom), m_compression(compression)
    { }
    DcmInputStream *create() const override
    {
        auto *stream = new DcmInputBufferStream();
        stream->setBuffer(m_bytes.constData(), offile_off_t(m_bytes.size()));
        stream->setEos();
        if (m_compression == ESC_none) {
            stream->skip(m_offset);
        } else {
            stream->skip(m_compressedFrom);
            if (stream->installCompressionFilter(m_compression).good())
                stream->skip(m_offset - m_compressedFrom);
        }
        return stream;
    }
    DcmInputStreamFactory *clone() const override { return new BufferStreamFactory(*this); }
    DcmInputStreamFactoryType ident() const override { return DFT_DcmInputFileStreamFactory; }

private:
    QByteArray m_bytes; // shared with the caller's buffer, kept alive with the factory
    offile_off_t m_offset;
    offile_off_t m_compressedFrom;
    E_StreamCompression m_compression;
};

class SeekableBufferStream : public DcmInputBufferStream
{
public:
    explicit SeekableBufferStream(const QByteArray &bytes) : m_bytes(bytes)
    {
        setBuffer(m_bytes.constData(), offile_off_t(m_bytes.size()));
        setEos();
    }
    OFCondition installCompressionFilter(E_StreamCompression filterType) override
    {
        m_compressedFrom = tell();
        m_compression = filterType;
        return DcmInputBufferStream::installCompressionFilter(filterType);
    }
    DcmInputStreamFactory *newFactory() const override
    {
        return new BufferStreamFactory(m_bytes, tell(), m_compressedFrom, m_compression);
    }

private:
    QByteArray m_bytes;
    offile_off_t m_compressedFrom = 0;
    E_StreamCompression m_compression = ESC_none;
};

Attempt readAttempt(const QByteArray &bytes, const DcmTagKey &stopAt, bool implicitDataset)
{
    Attempt attempt;
    SeekableBufferStream stream(bytes);
    // See SeekableBufferStream: only a value longer than the whole buffer exceeds this.
    const Uint32 maxReadLength = Uint32(qMin<qint64>(bytes.size(), std::numeric_limits<Uint32>::max()));
    if (!implicitDataset) {
        attempt.file->transferInit();
        attempt.cond = attempt.file->readUntilTag(stream, EXS_Unknown, EGL_noChange, maxReadLength, stopAt);
        attempt.file->transferEnd();
    } else {
        DcmMetaInfo *meta = attempt.file->getMetaInfo();
        DcmDataset *dataset = attempt.file->getDataset();
        meta->transferInit();
        attempt.cond = meta->read(stream, EXS_Unknown, EGL_noChange, maxReadLength);
        meta->transferEnd();
        if (attempt.cond.good()) {
            dataset->transferInit();
            attempt.cond = dataset->readUntilTag(stream, EXS_LittleEndianImplicit, EGL_noChange, maxReadLength, stopAt);
            dataset->transferEnd();
        }
    }
    attempt.offset = qint64(stream.tell());
    attempt.atEnd = stream.eos();
    return attempt;
}

E_TransferSyntax metaTransferSyntax(DcmFileFormat &file)
{
    OFString uid;
    DcmMetaInfo *meta = file.getMetaInfo();
    if (meta == nullptr || meta->findAndGetOFString(DCM_TransferSyntaxUID, uid).bad() || uid.empty())
        return EXS_Unknown;
    return DcmXfer(uid.c_str()).getXfer();
}

// After an implicit-VR re-read, encapsulated Pixel Data carries the implicit syntax as its
// representation; relabel it with the meta header's syntax so the right codec decodes it.
void relabelEncapsulatedPixelData(DcmDataset &dataset, E_TransferSyntax xfer)
{
    DcmElement *element = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element, OFFalse).bad() || element == nullptr ||
        element->ident() != EVR_PixelData)
        return;
    auto *pixelData = static_cast<DcmPixelData *>(element);
    E_TransferSyntax repType = EXS_Unknown;
    const DcmRepresentationParameter *repParam = nullptr;
    pixelData->getOriginalRepresentationKey(repType, repParam);
    DcmPixelSequence *sequence = nullptr;
    if (pixelData->getEncapsulatedRepresentation(repType, repParam, sequence).bad() || sequence == nullptr)
        return;
    pixelData->putOriginalRepresentation(xfer, nullptr, new DcmPixelSequence(*sequence)); // takes ownership
}

} // namespace

Result<ParsedDataset> parseDataset(const QByteArray &bytes, const QString &name, bool headerOnly, qint64 totalSize)
{
    if (totalSize < bytes.size())
        totalSize = bytes.size();
    if (bytes.isEmpty())
        return Error(ErrorCode::NotDicom, QStringLiteral("the file is empty"), name);
    const bool part10 = hasPart10Magic(bytes);
    if (!part10 && !looksLikeBareDataset(bytes, totalSize)) {
        if (looksLikeBareDataset(bytes.mid(1), totalSize - 1) && isUpperAsciiVr(bytes.at(5), bytes.at(6)))
            return Error(ErrorCode::CorruptDataset,
                         QStringLiteral("a stray byte precedes the data set, which starts at byte 1"),
                         name);
        return Error(ErrorCode::NotDicom, QStringLiteral("no DICM magic at byte 128 and no data set at byte 0"), name);
    }

    const DcmTagKey stopAt = headerOnly ? DCM_PixelData : DCM_UndefinedTagKey;
    Attempt attempt = readAttempt(bytes, stopAt, false);
    E_TransferSyntax xfer = attempt.file->getDataset()->getOriginalXfer();
    QString repair;
    if (attempt.cond.bad() && part10) {
        // Some writers (highdicom 0.1, pydicom's SC_rgb_jpeg.dcm) encode the data set in implicit VR
        // while the meta header names an explicit-VR syntax. When the data set then parses cleanly
        // as implicit VR, the file is read that way (as pydicom and GDCM do) and the repair noted.
        const E_TransferSyntax declared = metaTransferSyntax(*attempt.file);
        const DcmXfer declaredXfer(declared);
        if (declared != EXS_Unknown && declaredXfer.isExplicitVR() && declaredXfer.getByteOrder() == EBO_LittleEndian &&
            declaredXfer.getStreamCompression() == ESC_none) {
            Attempt retry = readAttempt(bytes, stopAt, true);
            if (retry.cond.good() && retry.file->getDataset()->card() > 0) {
                if (declaredXfer.isEncapsulated())
                    relabelEncapsulatedPixelData(*retry.file->getDataset(), declared);
                attempt = std::move(retry);
                xfer = declared;
                repair = QStringLiteral("data set encoded in implicit VR although the transfer syntax %1 "
                                        "requires explicit VR")
                             .arg(QString::fromLatin1(declaredXfer.getXferName()));
            }
        }
    }
    if (attempt.cond.bad())
        return mapParseFailure(attempt.cond, name, attempt.offset);

    DcmDataset *dataset = attempt.file->getDataset();
    if (dataset == nullptr || dataset->card() == 0)
        return Error(ErrorCode::NotDicom, QStringLiteral("the file holds no data set"), name);

    ParsedDataset parsed;
    parsed.transferSyntax = xfer;
    parsed.repair = repair;
    if (headerOnly) {
        const PixelDataHeader header =
            inspectPixelDataHeader(bytes, qsizetype(attempt.offset), totalSize, DcmXfer(dataset->getOriginalXfer()));
        if (header.present && !header.fits)
            return Error(ErrorCode::TruncatedFile,
                         QStringLiteral("Pixel Data (7FE0,0010) is longer than the %1 bytes left")
                             .arg(totalSize - attempt.offset),
                         name);
        // Inside a deflated stream the bytes are compressed: whatever follows the stop is Pixel Data.
        const DcmXfer stored(dataset->getOriginalXfer());
        const bool deflated = stored.getStreamCompression() != ESC_none;
        parsed.pixelDataSkipped = header.present || (deflated && !attempt.atEnd);
        // Offsets in the buffer are file offsets only when nothing was repaired or inflated; 1-bit
        // frames are not byte-aligned and stay with DCMTK.
        Uint16 bitsAllocated = 0;
        const bool oneBit = dataset->findAndGetUint16(DCM_BitsAllocated, bitsAllocated).good() && bitsAllocated == 1;
        if (header.present && header.definedLength && !deflated && !stored.isEncapsulated() && repair.isEmpty() &&
            !oneBit) {
            parsed.nativePixels.valueOffset = header.valueStart;
            parsed.nativePixels.length = header.length;
            parsed.nativePixels.bigEndian = stored.getByteOrder() == EBO_BigEndian;
        }
    }
    parsed.file = std::move(attempt.file);
    return parsed;
}

} // namespace haip::dicom::internal
