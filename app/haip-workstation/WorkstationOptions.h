// The haip-workstation command line:
//   haip-workstation [PATH…] [--screenshot FILE] [--language ja|en] [--index-dir DIR]
//                    [--preset ID] [--theme dark|light] [--screenshot-timeout SECONDS]
//                    [--platform-url URL --ca-pin PIN [--catalog-pin PIN] [--idle-lock-minutes N]]
// PATHs (files, folders, DICOMDIRs) are opened at start. --screenshot saves the main window as
// PNG once the first image is shown and loading has finished, then quits (demos, tests).
#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace haip::app {

struct WorkstationOptions
{
    QStringList paths; // absolute
    QString screenshotPath; // empty: interactive
    int screenshotTimeoutSeconds = 30;
    QString language; // "ja", "en" or empty (settings, then system)
    QString indexDir; // empty: HAIP_INDEX_DIR, then the per-user data folder
    QString preset; // viewer W/L preset applied to the first series, e.g. "ct-lung"
    QString theme; // "dark", "light" or empty (settings)
    QUrl platform; // empty: the local viewer, no sign-in
    QByteArray caPin; // SHA-256 of the platform CA's SubjectPublicKeyInfo
    QByteArray catalogPin; // SHA-256 of the catalog signing key's SubjectPublicKeyInfo
    int idleLockMinutes = -1; // -1: policy default
    bool showHelp = false;
    bool showVersion = false;
    QString helpText;
};

// `arguments` as QCoreApplication::arguments() gives them (program name first).
// Usage errors: InvalidArgument with a message for stderr.
Result<WorkstationOptions> parseWorkstationOptions(const QStringList &arguments);

// The index database: --index-dir, else the shared default location (HAIP_INDEX_DIR, else the
// per-user data folder).
QString indexDatabasePath(const WorkstationOptions &options);

} // namespace haip::app
