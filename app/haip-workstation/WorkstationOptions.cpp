#include "WorkstationOptions.h"

#include "dicom/IndexLocation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace haip::app {

namespace {
constexpr QLatin1StringView kIndexFileName("index.sqlite");
}

Result<WorkstationOptions> parseWorkstationOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("WorkstationOptions", "HAIP Clinician Workstation: view DICOM studies."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("WorkstationOptions",
                                    "Save the window as PNG to <file> once the first image is shown and loading has "
                                    "finished, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption timeout(
        QStringLiteral("screenshot-timeout"),
        QCoreApplication::translate("WorkstationOptions", "Give up waiting for --screenshot after <seconds> (30)."),
        QStringLiteral("seconds"),
        QStringLiteral("30"));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QCoreApplication::translate("WorkstationOptions", "User interface language: ja or en."),
        QStringLiteral("lang"));
    const QCommandLineOption indexDir(
        QStringLiteral("index-dir"),
        QCoreApplication::translate("WorkstationOptions",
                                    "Folder of the local image index (default: $HAIP_INDEX_DIR, "
                                    "else the user's data folder)."),
        QStringLiteral("dir"));
    const QCommandLineOption preset(
        QStringLiteral("preset"),
        QCoreApplication::translate("WorkstationOptions",
                                    "Window/level preset for the first series shown, e.g. ct-lung."),
        QStringLiteral("id"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QCoreApplication::translate("WorkstationOptions", "Colour theme for this run: dark or light."),
        QStringLiteral("name"));
    parser.addOptions({screenshot, timeout, language, indexDir, preset, theme});
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QCoreApplication::translate("WorkstationOptions", "DICOM files, folders or DICOMDIRs to open."),
        QStringLiteral("[path…]"));

    if (!parser.parse(arguments))
        return Error(ErrorCode::InvalidArgument, parser.errorText());

    WorkstationOptions options;
    options.showHelp = parser.isSet(help);
    options.showVersion = parser.isSet(version);
    options.helpText = parser.helpText();
    for (const QString &path : parser.positionalArguments())
        options.paths << QFileInfo(path).absoluteFilePath();
    if (parser.isSet(screenshot)) {
        options.screenshotPath = QFileInfo(parser.value(screenshot)).absoluteFilePath();
        bool ok = false;
        options.screenshotTimeoutSeconds = parser.value(timeout).toInt(&ok);
        if (!ok || options.screenshotTimeoutSeconds <= 0)
            return Error(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("WorkstationOptions",
                                                     "--screenshot-timeout needs a positive "
                                                     "number of seconds, not \u201c%1\u201d.")
                             .arg(parser.value(timeout)));
    }
    if (parser.isSet(language)) {
        options.language = parser.value(language).toLower();
        if (options.language != QLatin1String("ja") && options.language != QLatin1String("en"))
            return Error(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("WorkstationOptions", "--language must be ja or en, not \u201c%1\u201d.")
                    .arg(parser.value(language)));
    }
    if (parser.isSet(indexDir))
        options.indexDir = QFileInfo(parser.value(indexDir)).absoluteFilePath();
    options.preset = parser.value(preset);
    if (parser.isSet(theme)) {
        options.theme = parser.value(theme).toLower();
        if (options.theme != QLatin1String("dark") && options.theme != QLatin1String("light"))
            return Error(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("WorkstationOptions", "--theme must be dark or light, not \u201c%1\u201d.")
                    .arg(parser.value(theme)));
    }
    return options;
}

QString indexDatabasePath(const WorkstationOptions &options)
{
    if (!options.indexDir.isEmpty())
        return QDir(options.indexDir).filePath(kIndexFileName);
    return dicom::defaultIndexPath();
}

} // namespace haip::app
