#include "dicom/internal/FileFormatBytes.h"

#include <dcmtk/dcmdata/dcostrmb.h>

#include <vector>

namespace haip::dicom::internal {

// Chunk by chunk through a buffer stream: DCMTK suspends the write whenever the buffer is full.
Result<QByteArray> fileFormatBytes(DcmFileFormat &fileFormat, E_TransferSyntax xfer, qsizetype expectedSize)
{
    std::vector<char> chunk(1 << 20);
    DcmOutputBufferStream stream(chunk.data(), offile_off_t(chunk.size()));
    QByteArray bytes;
    if (expectedSize > 0)
        bytes.reserve(expectedSize);
    fileFormat.transferInit();
    OFCondition status;
    do {
        status = fileFormat.write(stream, xfer, EET_ExplicitLength, nullptr);
        if (status.good())
            stream.flush();
        void *data = nullptr;
        offile_off_t length = 0;
        stream.flushBuffer(data, length);
        bytes.append(static_cast<const char *>(data), qsizetype(length));
    } while (status == EC_StreamNotifyClient);
    fileFormat.transferEnd();
    if (status.bad())
        return Error(ErrorCode::Internal, QString::fromLatin1(status.text()));
    return bytes;
}

} // namespace haip::dicom::internal
