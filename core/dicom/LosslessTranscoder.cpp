#include "dicom/LosslessTranscoder.h"

#include "dicom/internal/DatasetParser.h"
#include "dicom/internal/FileFormatBytes.h"

#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmjpls/djrparam.h>

namespace haip::dicom {

using namespace Qt::StringLiterals;

namespace {

QString uidOf(E_TransferSyntax xfer)
{
    return QString::fromLatin1(DcmXfer(xfer).getXferID());
}

// Explicit little endian with its pixel data decoded (encapsulated input), or an error.
Result<void> decodeToNative(DcmDataset &dataset, const QString &name)
{
    const OFCondition status = dataset.chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
    if (status.bad() || !dataset.canWriteXfer(EXS_LittleEndianExplicit))
        return Error(ErrorCode::UnsupportedTransferSyntax, QString::fromLatin1(status.text()), name);
    return {};
}

} // namespace

QString LosslessTranscoder::choose(const QStringList &accepted)
{
    const QStringList usable =
        accepted.isEmpty() ? QStringList {QString::fromLatin1(TransferSyntax::ExplicitLittle)} : accepted;
    for (const char *uid :
         {TransferSyntax::JpegLsLossless, TransferSyntax::DeflatedExplicitLittle, TransferSyntax::ExplicitLittle}) {
        if (usable.contains(QString::fromLatin1(uid)))
            return QString::fromLatin1(uid);
    }
    return {};
}

Result<QByteArray> LosslessTranscoder::transcode(const QByteArray &part10,
                                                 const QString &transferSyntaxUid,
                                                 const QStringList &accepted,
                                                 const QString &name)
{
    Result<internal::ParsedDataset> parsed = internal::parseDataset(part10, name, false);
    if (!parsed)
        return parsed.error();
    const E_TransferSyntax target = DcmXfer(transferSyntaxUid.toLatin1().constData()).getXfer();
    if (target != EXS_JPEGLSLossless && target != EXS_DeflatedLittleEndianExplicit &&
        target != EXS_LittleEndianExplicit)
        return Error(ErrorCode::UnsupportedTransferSyntax, u"not a lossless syntax to send in"_s, transferSyntaxUid);
    const QString current = uidOf(parsed->transferSyntax);
    const QStringList usable =
        accepted.isEmpty() ? QStringList {QString::fromLatin1(TransferSyntax::ExplicitLittle)} : accepted;
    if (usable.contains(current))
        return part10;

    DcmFileFormat &file = *parsed->file;
    DcmDataset &dataset = *file.getDataset();
    if (Result<void> native = decodeToNative(dataset, name); !native)
        return native.error();
    E_TransferSyntax written = target;
    if (target == EXS_JPEGLSLossless) {
        // NEAR = 0 is lossless by definition; the rest are CharLS's defaults.
        const DJLSRepresentationParameter lossless(0, OFTrue);
        const OFCondition status = dataset.chooseRepresentation(EXS_JPEGLSLossless, &lossless);
        if (status.bad() || !dataset.canWriteXfer(EXS_JPEGLSLossless)) {
            // Pixel data DCMTK's JPEG-LS encoder does not take (32-bit, float, colour by plane
            // as its RLE decoder leaves it): deflate when the service takes it, else
            // uncompressed — still lossless.
            written = usable.contains(QString::fromLatin1(TransferSyntax::DeflatedExplicitLittle))
                ? EXS_DeflatedLittleEndianExplicit
                : EXS_LittleEndianExplicit;
        }
    }
    // The meta header follows the data set's new encoding.
    Result<QByteArray> bytes =
        internal::fileFormatBytes(file, written, written == EXS_JPEGLSLossless ? part10.size() / 2 : part10.size());
    if (!bytes)
        return bytes.error().withSubject(name);
    return bytes;
}

} // namespace haip::dicom
