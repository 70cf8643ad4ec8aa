// Fetches the bytes of one frame from a DCMTK data set, whatever the transfer syntax: native
// pixel data is sliced out directly (1-bit frames unpacked to one byte per sample); encapsulated
// pixel data goes through the registered DCMTK codecs (JPEG, JPEG-LS, RLE, our JPEG 2000) one
// frame at a time. The result is in host byte order, not yet normalised (see FrameNormaliser).
#pragma once

#include "common/Result.h"
#include "dicom/internal/PixelModule.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <dcmtk/dcmdata/dcxfer.h>

class DcmDataset;

namespace haip::dicom::internal {

struct RawFrame
{
    QByteArray data;
    int bytesPerSample = 1; // 1, 2 or 4, host byte order
    QString colorModel; // photometric interpretation of `data` (a codec may have converted it)
    bool planar = false; // samples in colour planes (planar configuration 1)
    bool subsampled422 = false; // YBR_*_422 as stored: Y Y Cb Cr per pair of pixels
};

// The shape of a native frame of `module` (colour model, planar, 4:2:2), without data.
RawFrame nativeFrameShape(const PixelModule &module);
// A native frame from its bytes: as stored in the file, or — `wordsInHostOrder` — as DCMTK hands
// OW values over (16-bit words already swapped to host order). Swaps big endian data to host order.
RawFrame nativeRawFrame(QByteArray bytes, const PixelModule &module, bool bigEndian, bool wordsInHostOrder);

class RawFrameReader
{
public:
    // `transferSyntax`: the syntax the pixel data is encoded in (see ParsedDataset).
    // `frameStarts`: a cache, kept by the caller across reads, of each frame's first fragment.
    RawFrameReader(DcmDataset &dataset,
                   E_TransferSyntax transferSyntax,
                   const PixelModule &module,
                   QString name,
                   QVector<quint32> *frameStarts = nullptr);

    // Errors: FrameOutOfRange, NoPixelData, UnsupportedTransferSyntax, CorruptPixelData, DecodeFailed.
    Result<RawFrame> read(int index);

private:
    Result<RawFrame> readNative(int index);
    Result<RawFrame> readEncapsulated(int index);

    DcmDataset &m_dataset;
    E_TransferSyntax m_transferSyntax;
    QVector<quint32> *m_frameStarts;
    PixelModule m_module;
    QString m_name;
};

} // namespace haip::dicom::internal
