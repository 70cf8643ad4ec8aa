#include "dicom/internal/RawFrameReader.h"

#include "dicom/internal/OpenJpegCodec.h"

#include <QtEndian>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcerror.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <algorithm>

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "frame normalisation assumes a little-endian host");

namespace haip::dicom::internal {

namespace {

constexpr qint64 kMaxDecodedFrameBytes = qint64(1) << 30;

DcmPixelData *findPixelData(DcmDataset &dataset)
{
    DcmElement *element = nullptr;
    if (dataset.findAndGetElement(DCM_PixelData, element, OFFalse).bad() || element == nullptr)
        return nullptr;
    if (element->ident() != EVR_PixelData)
        return nullptr;
    return static_cast<DcmPixelData *>(element);
}

void swap16(QByteArray &data)
{
    auto *p = reinterpret_cast<quint16 *>(data.data());
    const qsizetype n = data.size() / 2;
    for (qsizetype i = 0; i < n; ++i)
        p[i] = qbswap(p[i]);
}

void swap32(QByteArray &data)
{
    auto *p = reinterpret_cast<quint32 *>(data.data());
    const qsizetype n = data.size() / 4;
    for (qsizetype i = 0; i < n; ++i)
        p[i] = qbswap(p[i]);
}

// Swaps the two 16-bit halves of each 32-bit word: DCMTK hands OW values over in 16-bit host
// order, which for 32-bit samples stored big-endian leaves the halves exchanged.
void swapHalves32(QByteArray &data)
{
    auto *p = reinterpret_cast<quint32 *>(data.data());
    const qsizetype n = data.size() / 4;
    for (qsizetype i = 0; i < n; ++i)
        p[i] = (p[i] << 16) | (p[i] >> 16);
}

// 1-bit data: pixels are packed eight to a byte, least significant bit first, and frames follow
// each other without byte alignment (PS3.5 8.1.1).
QByteArray unpackBits(const Uint8 *bytes, qint64 firstBit, qint64 bitCount)
{
    QByteArray out(qsizetype(bitCount), Qt::Uninitialized);
    for (qint64 i = 0; i < bitCount; ++i) {
        const qint64 bit = firstBit + i;
        out[qsizetype(i)] = char((bytes[bit / 8] >> (bit % 8)) & 1);
    }
    return out;
}

// The encapsulated pixel sequence of the data set, or nullptr.
DcmPixelSequence *pixelSequence(DcmPixelData &pixelData)
{
    E_TransferSyntax repType = EXS_Unknown;
    const DcmRepresentationParameter *repParam = nullptr;
    pixelData.getOriginalRepresentationKey(repType, repParam);
    DcmPixelSequence *sequence = nullptr;
    if (pixelData.getEncapsulatedRepresentation(repType, repParam, sequence).bad())
        return nullptr;
    return sequence;
}

bool fragmentEndsFrame(DcmPixelItem &item)
{
    // JPEG, JPEG-LS (EOI) and JPEG 2000 (EOC) streams all end with FFD9, maybe plus one pad byte.
    Uint8 *bytes = nullptr;
    const Uint32 length = item.getLength();
    if (length < 2 || item.getUint8Array(bytes).bad() || bytes == nullptr)
        return false;
    Uint32 end = length;
    if (bytes[end - 1] == 0x00)
        --end;
    return end >= 2 && bytes[end - 2] == 0xFF && bytes[end - 1] == 0xD9;
}

// First fragment of every frame, found from the end-of-image markers, for multi-frame data with
// several fragments per frame and an empty offset table, where DCMTK can only decode frames in
// order. Empty when the markers do not give exactly `frames` frames.
QVector<quint32> scanFrameStarts(DcmPixelSequence &sequence, int frames)
{
    QVector<quint32> starts;
    const unsigned long count = sequence.card();
    bool atStart = true;
    for (unsigned long i = 1; i < count; ++i) {
        DcmPixelItem *item = nullptr;
        if (sequence.getItem(item, i).bad() || item == nullptr)
            return {};
        if (atStart)
            starts.append(quint32(i));
        atStart = fragmentEndsFrame(*item);
    }
    return starts.size() == frames ? starts : QVector<quint32>();
}

// DCMTK 3.6.7's RLE decoder trusts the segment offsets of the RLE header (PS3.5 G.5) and reads
// past the fragment when they are wrong, so the header is checked here first: 1-15 segments, one
// per byte of each sample, the first at byte 64, offsets rising and inside the frame's data.
QString rleHeaderProblem(DcmPixelSequence &sequence, int frames, int index, int expectedSegments)
{
    const unsigned long count = sequence.card();
    unsigned long first = 1;
    unsigned long last = count - 1;
    if (frames > 1) {
        if (count != static_cast<unsigned long>(frames) + 1)
            return QStringLiteral("RLE needs one fragment per frame: %1 fragments for %2 frames")
                .arg(count - 1)
                .arg(frames);
        first = last = static_cast<unsigned long>(index) + 1;
    }
    if (count < 2)
        return QStringLiteral("no RLE fragment");
    qint64 total = 0;
    for (unsigned long i = first; i <= last; ++i) {
        DcmPixelItem *item = nullptr;
        if (sequence.getItem(item, i).bad() || item == nullptr)
            return QStringLiteral("missing RLE fragment %1").arg(i);
        total += item->getLength();
    }
    DcmPixelItem *item = nullptr;
    Uint8 *bytes = nullptr;
    if (sequence.getItem(item, first).bad() || item == nullptr || item->getLength() < 64 ||
        item->getUint8Array(bytes).bad() || bytes == nullptr)
        return QStringLiteral("RLE header shorter than 64 bytes");
    const quint32 segments = qFromLittleEndian<quint32>(bytes);
    if (segments < 1 || segments > 15 || int(segments) != expectedSegments)
        return QStringLiteral("RLE header names %1 segments, the image needs %2").arg(segments).arg(expectedSegments);
    qint64 previous = 0;
    for (quint32 s = 0; s < segments; ++s) {
        const qint64 offset =
            qFromLittleEndian<quint32>(bytes + 4 * qsizetype(s + 1)); // s < 15: within the 64-byte header
        if ((s == 0 && offset != 64) || offset <= previous || offset >= total)
            return QStringLiteral("RLE segment %1 starts at byte %2 of %3").arg(s).arg(offset).arg(total);
        previous = offset;
    }
    return {};
}

} // namespace

RawFrame nativeFrameShape(const PixelModule &module)
{
    RawFrame frame;
    frame.colorModel = module.photometric;
    frame.planar = module.samplesPerPixel > 1 && module.planarConfiguration == 1;
    frame.subsampled422 = module.isSubsampled422();
    frame.bytesPerSample = module.bitsAllocated == 1 ? 1 : module.bytesPerSample();
    return frame;
}

RawFrame nativeRawFrame(QByteArray bytes, const PixelModule &module, bool bigEndian, bool wordsInHostOrder)
{
    RawFrame frame = nativeFrameShape(module);
    frame.data = std::move(bytes);
    if (bigEndian) {
        if (wordsInHostOrder && frame.bytesPerSample == 4)
            swapHalves32(frame.data);
        else if (!wordsInHostOrder && frame.bytesPerSample == 2)
            swap16(frame.data);
        else if (!wordsInHostOrder && frame.bytesPerSample == 4)
            swap32(frame.data);
    }
    return frame;
}

RawFrameReader::RawFrameReader(DcmDataset &dataset,
                               E_TransferSyntax transferSyntax,
                               const PixelModule &module,
                               QString name,
                               QVector<quint32> *frameStarts)
    : m_dataset(dataset)
    , m_transferSyntax(transferSyntax)
    , m_frameStarts(frameStarts)
    , m_module(module)
    , m_name(std::move(name))
{ }

Result<RawFrame> RawFrameReader::read(int index)
{
    if (index < 0 || index >= m_module.numberOfFrames)
        return Error(
            ErrorCode::FrameOutOfRange, QStringLiteral("%1 (of %2)").arg(index).arg(m_module.numberOfFrames), m_name);
    if (findPixelData(m_dataset) == nullptr)
        return Error(ErrorCode::NoPixelData, QStringLiteral("no Pixel Data (7FE0,0010)"), m_name);
    if (DcmXfer(m_transferSyntax).isEncapsulated())
        return readEncapsulated(index);
    return readNative(index);
}

Result<RawFrame> RawFrameReader::readNative(int index)
{
    DcmPixelData *pixelData = findPixelData(m_dataset);
    const Uint32 length = pixelData->getLength();
    const qint64 frameBits = m_module.nativeFrameBits();
    const qint64 endBit = frameBits * (index + 1);
    if (length == 0)
        return Error(ErrorCode::NoPixelData, QStringLiteral("Pixel Data (7FE0,0010) is empty"), m_name);
    if (endBit > qint64(length) * 8)
        return Error(ErrorCode::CorruptPixelData,
                     QStringLiteral("Pixel Data holds %1 bytes; frame %2 of %3 needs %4")
                         .arg(length)
                         .arg(index)
                         .arg(m_module.numberOfFrames)
                         .arg((endBit + 7) / 8),
                     m_name);

    // getUint8Array hands OW values over as 16-bit words in host order and OB values as stored.
    const bool wordValue = pixelData->getTag().getEVR() == EVR_OW;
    Uint8 *bytes = nullptr;
    if (pixelData->getUint8Array(bytes).bad() || bytes == nullptr)
        return Error(ErrorCode::CorruptPixelData, QStringLiteral("Pixel Data cannot be read"), m_name);

    if (m_module.bitsAllocated == 1) {
        RawFrame frame = nativeFrameShape(m_module);
        frame.data = unpackBits(bytes, frameBits * index, frameBits);
        return frame;
    }
    const qint64 frameBytes = frameBits / 8;
    const bool bigEndian = DcmXfer(m_transferSyntax).getByteOrder() == EBO_BigEndian;
    return nativeRawFrame(QByteArray(reinterpret_cast<const char *>(bytes) + frameBytes * index, qsizetype(frameBytes)),
                          m_module,
                          bigEndian,
                          wordValue);
}

Result<RawFrame> RawFrameReader::readEncapsulated(int index)
{
    DcmPixelData *pixelData = findPixelData(m_dataset);
    Uint32 dcmtkFrameSize = 0;
    if (pixelData->getUncompressedFrameSize(&m_dataset, dcmtkFrameSize).bad())
        return Error(ErrorCode::InvalidAttribute, QStringLiteral("image pixel module"), m_name);
    // Codecs always deliver whole samples (no 4:2:2 subsampling, no bit packing).
    const qint64 decodedBytes = m_module.pixelsPerFrame() * m_module.samplesPerPixel * m_module.bytesPerSample();
    qint64 bufferSize = std::max<qint64>(decodedBytes, dcmtkFrameSize);
    bufferSize += bufferSize & 1; // DCMTK may swap 16-bit words in place
    // A frame whose compressed form is small can claim any size; refuse frames no workstation
    // image reaches (4096 x 4096 RGB 16-bit is 96 MiB) before allocating for them.
    if (bufferSize > kMaxDecodedFrameBytes)
        return Error(ErrorCode::FileTooLarge, QStringLiteral("frame of %1 bytes").arg(bufferSize), m_name);

    if (m_transferSyntax == EXS_RLELossless) {
        DcmPixelSequence *sequence = pixelSequence(*pixelData);
        if (sequence == nullptr)
            return Error(ErrorCode::CorruptPixelData, QStringLiteral("no RLE fragments"), m_name);
        const QString problem = rleHeaderProblem(
            *sequence, m_module.numberOfFrames, index, m_module.samplesPerPixel * m_module.bytesPerSample());
        if (!problem.isEmpty())
            return Error(ErrorCode::CorruptPixelData, problem, m_name);
    }

    RawFrame frame;
    frame.data = QByteArray(qsizetype(bufferSize), Qt::Uninitialized);
    Uint32 startFragment = 0; // 0: DCMTK finds it (first frame, one fragment per frame, offset table)
    if (index > 0 && m_frameStarts != nullptr) {
        DcmPixelSequence *sequence = pixelSequence(*pixelData);
        const unsigned long fragments = sequence != nullptr ? sequence->card() : 0;
        DcmPixelItem *offsetTable = nullptr;
        const bool emptyOffsetTable = sequence != nullptr && sequence->getItem(offsetTable, 0).good() &&
            offsetTable != nullptr && offsetTable->getLength() == 0;
        if (fragments > static_cast<unsigned long>(m_module.numberOfFrames) + 1 && emptyOffsetTable) {
            if (m_frameStarts->isEmpty())
                *m_frameStarts = scanFrameStarts(*sequence, m_module.numberOfFrames);
            if (index < m_frameStarts->size())
                startFragment = (*m_frameStarts)[index];
        }
    }
    OFString colorModel;
    const OFCondition cond = pixelData->getUncompressedFrame(
        &m_dataset, Uint32(index), startFragment, frame.data.data(), Uint32(bufferSize), colorModel);
    if (cond.bad()) {
        const QString tsName = QString::fromLatin1(DcmXfer(m_transferSyntax).getXferName());
        if (cond == EC_CannotChangeRepresentation)
            return Error(ErrorCode::UnsupportedTransferSyntax, tsName, m_name);
        if (OpenJpegCodec::isCorruptStream(cond))
            return Error(ErrorCode::CorruptPixelData,
                         QStringLiteral("%1: %2").arg(tsName, QString::fromLatin1(cond.text())),
                         m_name);
        return Error(
            ErrorCode::DecodeFailed, QStringLiteral("%1: %2").arg(tsName, QString::fromLatin1(cond.text())), m_name);
    }
    frame.data.truncate(qsizetype(decodedBytes));
    frame.bytesPerSample = m_module.bytesPerSample();
    frame.colorModel = colorModel.empty() ? m_module.photometric : QString::fromLatin1(colorModel.c_str());
    frame.planar = m_module.samplesPerPixel > 1 && m_module.planarConfiguration == 1;
    frame.subsampled422 = false;
    return frame;
}

} // namespace haip::dicom::internal
