// haip-cli pixels: decode one frame to raw stored values (see dicom/Frame.h for the layout) and
// print its format as one JSON line. Exit 0 on success, 1 when the file or frame fails, 2 on usage.
#include "CliOutput.h"
#include "Commands.h"
#include "dicom/DicomFile.h"

#include <QFile>
#include <QJsonObject>
#include <QSaveFile>

namespace haip::cli {

namespace {

QString photometricName(dicom::Photometric photometric)
{
    switch (photometric) {
    case dicom::Photometric::Monochrome1:
        return QStringLiteral("MONOCHROME1");
    case dicom::Photometric::Monochrome2:
        return QStringLiteral("MONOCHROME2");
    case dicom::Photometric::Rgb:
        return QStringLiteral("RGB");
    case dicom::Photometric::PaletteColor:
        return QStringLiteral("PALETTE COLOR");
    }
    return {};
}

} // namespace

int runPixels(const QStringList &arguments, CliOutput &output)
{
    QString input;
    QString outPath;
    int frameIndex = 0;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--json"))
            continue;
        if (a == QLatin1String("--frame") || a == QLatin1String("--out")) {
            if (i + 1 >= arguments.size())
                return output.usage(QStringLiteral("pixels: %1 needs a value").arg(a));
            const QString value = arguments.at(++i);
            if (a == QLatin1String("--out")) {
                outPath = value;
            } else {
                bool ok = false;
                frameIndex = value.toInt(&ok);
                if (!ok || frameIndex < 0)
                    return output.usage(
                        QStringLiteral("pixels: --frame wants a frame number from 0, not '%1'").arg(value));
            }
        } else if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            return output.usage(QStringLiteral("pixels: unknown option '%1'").arg(a));
        } else if (input.isEmpty()) {
            input = a;
        } else {
            return output.usage(QStringLiteral("pixels: only one FILE at a time"));
        }
    }
    if (input.isEmpty() || outPath.isEmpty())
        return output.usage(QStringLiteral("usage: haip-cli pixels FILE [--frame N] --out FILE.raw"));

    const Result<dicom::DicomFile> dicom = dicom::DicomFile::open(input);
    if (!dicom) {
        output.json(CliOutput::errorObject(dicom.error()));
        return 1;
    }
    const Result<dicom::Frame> frame = dicom->frame(frameIndex);
    if (!frame) {
        output.json(CliOutput::errorObject(frame.error()));
        return 1;
    }
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(frame->data) != frame->data.size() || !out.commit()) {
        output.json(CliOutput::errorObject(Error(ErrorCode::WriteFailed, out.errorString(), outPath)));
        return 1;
    }
    const dicom::PixelFormat &format = frame->format;
    output.json(QJsonObject {
        {QStringLiteral("path"), input},
        {QStringLiteral("frame"), frameIndex},
        {QStringLiteral("rows"), format.rows},
        {QStringLiteral("columns"), format.columns},
        {QStringLiteral("samples"), format.samplesPerPixel},
        {QStringLiteral("bytes_per_sample"), format.bytesPerSample()},
        {QStringLiteral("bits_stored"), format.bitsStored},
        {QStringLiteral("signed"), format.isSigned},
        {QStringLiteral("photometric_interpretation"), photometricName(format.photometric)},
        {QStringLiteral("stored_photometric_interpretation"), format.storedPhotometric},
    });
    return 0;
}

} // namespace haip::cli
