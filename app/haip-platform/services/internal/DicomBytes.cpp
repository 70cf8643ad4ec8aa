#include "DicomBytes.h"

#include <QFile>

#include <dcmtk/dcmdata/dcistrmb.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcxfer.h>

namespace haip::services::internal {

using namespace Qt::StringLiterals;

QString text(const OFCondition &condition)
{
    return QString::fromLatin1(condition.text());
}

Result<std::unique_ptr<DcmFileFormat>> parseDicom(const QByteArray &bytes, const QString &name)
{
    auto file = std::make_unique<DcmFileFormat>();
    DcmInputBufferStream stream;
    stream.setBuffer(bytes.constData(), offile_off_t(bytes.size()));
    stream.setEos();
    file->transferInit();
    const OFCondition status = file->read(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
    file->transferEnd();
    if (status.bad())
        return Error(ErrorCode::CorruptDataset, text(status), name);
    return file;
}

Result<std::unique_ptr<DcmFileFormat>> readDicomFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, f.errorString(), path);
    return parseDicom(f.readAll(), path);
}

Result<QByteArray> serialise(DcmFileFormat &file)
{
    const E_TransferSyntax xfer = EXS_LittleEndianExplicit;
    OFCondition status = file.chooseRepresentation(xfer, nullptr);
    if (status.good())
        status = file.validateMetaInfo(xfer, EWM_fileformat);
    if (status.bad())
        return Error(ErrorCode::WriteFailed, text(status));
    // Preamble, "DICM", meta header and data set; a little slack for the meta header's update.
    const offile_off_t size = offile_off_t(file.calcElementLength(xfer, EET_ExplicitLength)) + 132 + 4096;
    QByteArray bytes(qsizetype(size), Qt::Uninitialized);
    DcmOutputBufferStream stream(bytes.data(), size);
    file.transferInit();
    status = file.write(stream, xfer, EET_ExplicitLength, nullptr);
    file.transferEnd();
    if (status.bad())
        return Error(ErrorCode::WriteFailed, text(status));
    bytes.truncate(qsizetype(stream.tell()));
    return bytes;
}

void copyAttributes(DcmItem &source, DcmItem &target, const DcmTagKey *tags, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i) {
        DcmElement *element = nullptr;
        if (source.findAndGetElement(tags[i], element, OFFalse, OFTrue /*createCopy*/).good() && element != nullptr) {
            if (target.insert(element, OFTrue /*replaceOld*/).bad())
                delete element;
        }
    }
}

} // namespace haip::services::internal
