#include "dicom/Deidentifier.h"

#include "dicom/internal/DatasetDeidentifier.h"
#include "dicom/internal/DatasetParser.h"
#include "dicom/internal/DeidKeys.h"
#include "dicom/internal/FileFormatBytes.h"

#include <QFile>
#include <QFileInfo>

#include <dcmtk/dcmdata/dcdatset.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <memory>

namespace haip::dicom {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMinimumSecretSize = 16;

// The syntax the result is written in: the original one, so pixel data (native or compressed)
// is copied byte for byte; explicit VR little endian for the retired big-endian syntax and for
// anything DCMTK cannot write back.
E_TransferSyntax outputSyntax(DcmDataset &dataset, E_TransferSyntax original)
{
    if (original == EXS_Unknown || original == EXS_BigEndianExplicit || original == EXS_BigEndianImplicit)
        return EXS_LittleEndianExplicit;
    if (!dataset.canWriteXfer(original, original))
        return EXS_LittleEndianExplicit;
    return original;
}

} // namespace

Deidentifier::Deidentifier(DeidOptions options, QByteArray secret) : m_options(options), m_secret(std::move(secret)) { }

Result<DeidReport> Deidentifier::deidentify(const QByteArray &in, const QString &name, QByteArray &out) const
{
    if (m_secret.size() < kMinimumSecretSize)
        return Error(ErrorCode::InvalidArgument,
                     u"the de-identification secret must be at least %1 bytes"_s.arg(kMinimumSecretSize));
    Result<internal::ParsedDataset> parsed = internal::parseDataset(in, name, false);
    if (!parsed)
        return parsed.error();
    // A new file format around the data set: the input's File Meta Information (which may name
    // the sending station) and its preamble (which may hold anything) are not carried over;
    // DCMTK writes a fresh meta header, Media Storage SOP Instance UID following the new SOP
    // Instance UID, behind a zeroed preamble.
    std::unique_ptr<DcmDataset> dataset(parsed->file->getAndRemoveDataset());
    if (!dataset)
        return Error(ErrorCode::CorruptDataset, u"no data set"_s, name);
    const E_TransferSyntax original = parsed->transferSyntax;

    const internal::DeidKeys keys(m_secret);
    internal::DatasetDeidentifier deidentifier(m_options, keys);
    Result<DeidReport> report = deidentifier.run(*dataset, name);
    if (!report)
        return report;

    const E_TransferSyntax xfer = outputSyntax(*dataset, original);
    DcmFileFormat fileFormat(dataset.release(), OFFalse); // takes ownership
    Result<QByteArray> bytes = internal::fileFormatBytes(fileFormat, xfer);
    if (!bytes)
        return bytes.error().withSubject(name);
    out = std::move(*bytes);
    report->transferSyntaxUid = QString::fromLatin1(DcmXfer(xfer).getXferID());
    return report;
}

Result<DeidReport> Deidentifier::deidentifyFile(const QString &inPath, const QString &outPath) const
{
    if (QFileInfo(inPath).absoluteFilePath() == QFileInfo(outPath).absoluteFilePath())
        return Error(ErrorCode::InvalidArgument, u"the output would overwrite the input"_s, outPath);
    QFile input(inPath);
    if (!input.exists())
        return Error(ErrorCode::FileNotFound, {}, inPath);
    if (!input.open(QIODevice::ReadOnly))
        return Error(ErrorCode::FileUnreadable, input.errorString(), inPath);
    const QByteArray bytes = input.readAll();
    input.close();

    QByteArray result;
    Result<DeidReport> report = deidentify(bytes, inPath, result);
    if (!report)
        return report;
    QFile output(outPath);
    if (!output.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(ErrorCode::WriteFailed, output.errorString(), outPath);
    if (output.write(result) != result.size() || !output.flush()) {
        output.remove();
        return Error(ErrorCode::WriteFailed, output.errorString(), outPath);
    }
    return report;
}

QString Deidentifier::replacementUid(const QString &original) const
{
    return internal::DeidKeys(m_secret).uid(original);
}

} // namespace haip::dicom
