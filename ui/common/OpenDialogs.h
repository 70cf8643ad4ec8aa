// Where opened paths come from: the File ▸ Open dialogs (remembering the last folder; the
// DICOMDIR dialog starts on a mounted CD/DVD that has one) and dropped URLs.
#pragma once

#include <QStringList>

#include <optional>

class QMimeData;
class QWidget;

namespace haip::ui {

class AppSettings;

enum class OpenKind
{
    Files,
    Folder,
    DicomDir
};

// Runs the modal file dialog for `kind`; nullopt when the user cancels.
std::optional<QStringList> askOpenPaths(QWidget *parent, OpenKind kind, AppSettings &settings);
// Local files and folders among dropped URLs (remote URLs cannot be imported).
QStringList localPaths(const QMimeData *mime);

} // namespace haip::ui
