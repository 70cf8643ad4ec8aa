// haip-cli info: one JSON line per DICOM instance: identity, patient, image pixel module.
// Paths go through FileScanner (folders recursively, DICOMDIRs by their records with a fallback
// scan); each file that cannot be read gives an error line of its own and the others are still
// reported. Exit 0 when every file was read, 1 otherwise, 2 on usage.
#include "CliOutput.h"
#include "Commands.h"
#include "dicom/DicomFile.h"
#include "dicom/FileScanner.h"

#include <QJsonObject>

namespace haip::cli {

namespace {

QJsonObject infoObject(const dicom::InstanceInfo &info)
{
    return QJsonObject {
        {QStringLiteral("path"), info.path},
        {QStringLiteral("sop_class_uid"), info.sopClassUid},
        {QStringLiteral("sop_instance_uid"), info.sopInstanceUid},
        {QStringLiteral("study_instance_uid"), info.studyInstanceUid},
        {QStringLiteral("series_instance_uid"), info.seriesInstanceUid},
        {QStringLiteral("patient_name"), info.patientName},
        {QStringLiteral("patient_id"), info.patientId},
        {QStringLiteral("modality"), info.modality},
        {QStringLiteral("transfer_syntax_uid"), info.transferSyntaxUid},
        {QStringLiteral("rows"), info.rows},
        {QStringLiteral("columns"), info.columns},
        {QStringLiteral("number_of_frames"), info.numberOfFrames},
        {QStringLiteral("samples_per_pixel"), info.samplesPerPixel},
        {QStringLiteral("bits_allocated"), info.bitsAllocated},
        {QStringLiteral("bits_stored"), info.bitsStored},
        {QStringLiteral("photometric_interpretation"), info.photometricInterpretation},
        {QStringLiteral("pixel_representation"), info.pixelRepresentation},
    };
}

} // namespace

int runInfo(const QStringList &arguments, CliOutput &output)
{
    QStringList paths;
    for (const QString &argument : arguments) {
        if (argument == QLatin1String("--json"))
            continue; // JSON is the only output format; accepted for symmetry with other commands
        if (argument.startsWith(QLatin1Char('-')) && argument.size() > 1)
            return output.usage(QStringLiteral("info: unknown option '%1'").arg(argument));
        paths.append(argument);
    }
    if (paths.isEmpty())
        return output.usage(QStringLiteral("usage: haip-cli info PATH..."));

    bool anyFailed = false;
    const auto report = [&](const QString &file) {
        const Result<dicom::DicomFile> dicom = dicom::DicomFile::open(file, dicom::DicomFile::Content::HeaderOnly);
        if (!dicom) {
            output.json(CliOutput::errorObject(dicom.error()));
            anyFailed = true;
            return;
        }
        // An image whose pixel module is unusable (e.g. Number of Frames "1A") is reported as a
        // failure: its frames could not be shown, so its summary would mislead.
        if (dicom->contains(dicom::tags::PixelData)) {
            const Result<dicom::PixelFormat> format = dicom->pixelFormat();
            if (!format && format.error().code() != ErrorCode::NoPixelData) {
                output.json(CliOutput::errorObject(format.error()));
                anyFailed = true;
                return;
            }
        }
        output.json(infoObject(dicom->info()));
    };
    const dicom::ScanResult scan = dicom::FileScanner::scan(paths);
    for (const Error &error : scan.errors) {
        output.json(CliOutput::errorObject(error));
        anyFailed = true;
    }
    for (const QString &file : scan.files)
        report(file);
    return anyFailed ? 1 : 0;
}

} // namespace haip::cli
