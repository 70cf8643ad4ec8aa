#include "dicom/IndexLocation.h"

#include <QDir>
#include <QStandardPaths>

namespace haip::dicom {

namespace {
// The workstation's organisation and application names (app/haip-workstation/main.cpp).
constexpr QLatin1StringView kOrganisation("HAIP");
constexpr QLatin1StringView kWorkstation("haip-workstation");
constexpr QLatin1StringView kFileName("index.sqlite");
} // namespace

QString defaultIndexPath()
{
    const QString overridden = qEnvironmentVariable("HAIP_INDEX_DIR");
    if (!overridden.isEmpty())
        return QDir(overridden).filePath(kFileName);
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(data).filePath(kOrganisation + QLatin1Char('/') + kWorkstation + QLatin1Char('/') + kFileName);
}

} // namespace haip::dicom
