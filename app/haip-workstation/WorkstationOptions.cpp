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
    const QCommandLineOption platform(
        QStringLiteral("platform-url"), // not --platform: QGuiApplication takes that for its QPA plugin
        QCoreApplication::translate("WorkstationOptions",
                                    "HAIP platform to sign in to (https://…): the login screen comes first."),
        QStringLiteral("url"));
    const QCommandLineOption caPin(
        QStringLiteral("ca-pin"),
        QCoreApplication::translate("WorkstationOptions",
                                    "SHA-256 of the platform CA's public key (64 hex digits), as set by policy."),
        QStringLiteral("pin"));
    const QCommandLineOption catalogPin(
        QStringLiteral("catalog-pin"),
        QCoreApplication::translate(
            "WorkstationOptions", "SHA-256 of the catalog signing key's public key (64 hex digits), as set by policy."),
        QStringLiteral("pin"));
    const QCommandLineOption idleLock(
        QStringLiteral("idle-lock-minutes"),
        QCoreApplication::translate("WorkstationOptions", "Lock after <minutes> without activity (0: never)."),
        QStringLiteral("minutes"));
    parser.addOptions({screenshot, timeout, language, indexDir, preset, theme, platform, caPin, catalogPin, idleLock});
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
    if (parser.isSet(platform) != parser.isSet(caPin))
        return Error(ErrorCode::InvalidArgument,
                     QCoreApplication::translate("WorkstationOptions", "--platform-url and --ca-pin go together."));
    if (parser.isSet(platform)) {
        options.platform = QUrl(parser.value(platform));
        options.caPin = QByteArray::fromHex(parser.value(caPin).toLatin1());
        if (!options.platform.isValid() || options.platform.scheme() != QLatin1String("https") ||
            options.caPin.size() != 32)
            return Error(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("WorkstationOptions",
                                            "--platform-url takes an https:// address and --ca-pin 64 hex digits."));
    }
    if (parser.isSet(catalogPin)) {
        options.catalogPin = QByteArray::fromHex(parser.value(catalogPin).toLatin1());
        if (options.catalogPin.size() != 32)
            return Error(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("WorkstationOptions", "--catalog-pin takes 64 hex digits."));
    }
    if (parser.isSet(idleLock)) {
        bool ok = false;
        options.idleLockMinutes = parser.value(idleLock).toInt(&ok);
        if (!ok || options.idleLockMinutes < 0)
            return Error(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "WorkstationOptions", "--idle-lock-minutes needs a number of minutes, not \u201c%1\u201d.")
                             .arg(parser.value(idleLock)));
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
