#include "common/OpenDialogs.h"

#include "common/AppSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QStorageInfo>
#include <QUrl>

namespace haip::ui {

namespace {

// A mounted CD/DVD (read-only volume) with a DICOMDIR at its root: hospital CDs are what the
// DICOMDIR dialog is for.
QString removableDicomDirRoot()
{
    for (const QStorageInfo &volume : QStorageInfo::mountedVolumes()) {
        if (volume.isValid() && volume.isReady() && volume.isReadOnly() &&
            QFileInfo::exists(QDir(volume.rootPath()).filePath(QStringLiteral("DICOMDIR"))))
            return volume.rootPath();
    }
    return {};
}

} // namespace

std::optional<QStringList> askOpenPaths(QWidget *parent, OpenKind kind, AppSettings &settings)
{
    QString start = settings.lastOpenDirectory();
    QStringList paths;
    switch (kind) {
    case OpenKind::Files:
        paths = QFileDialog::getOpenFileNames(
            parent,
            QCoreApplication::translate("haip::ui::OpenDialogs", "Open DICOM Files"),
            start,
            QCoreApplication::translate("haip::ui::OpenDialogs",
                                        "DICOM files (*.dcm *.dicom *.DCM *.ima *.IMA);;All files (*)"));
        break;
    case OpenKind::Folder:
        if (const QString dir = QFileDialog::getExistingDirectory(
                parent, QCoreApplication::translate("haip::ui::OpenDialogs", "Open Folder"), start);
            !dir.isEmpty())
            paths << dir;
        break;
    case OpenKind::DicomDir:
        if (const QString cd = removableDicomDirRoot(); !cd.isEmpty())
            start = cd;
        if (const QString file = QFileDialog::getOpenFileName(
                parent,
                QCoreApplication::translate("haip::ui::OpenDialogs", "Open DICOMDIR"),
                start,
                QCoreApplication::translate("haip::ui::OpenDialogs",
                                            "DICOMDIR (DICOMDIR dicomdir DICOMDIR.*);;All files (*)"));
            !file.isEmpty())
            paths << file;
        break;
    }
    if (paths.isEmpty())
        return std::nullopt;
    const QFileInfo first(paths.first());
    settings.setLastOpenDirectory(first.isDir() ? first.absoluteFilePath() : first.absolutePath());
    return paths;
}

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

} // namespace haip::ui
