#include "audit/AuditLocation.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QSysInfo>

namespace haip::audit {

using namespace Qt::StringLiterals;

QString defaultAuditLogPath()
{
    QString overridden = qEnvironmentVariable("HAIP_AUDIT_LOG");
    if (!overridden.isEmpty())
        return overridden;
    // AppDataLocation ends in the running program's name; the log is the workstation's.
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QDir organization = QFileInfo(appData).dir();
    return organization.filePath(u"haip-workstation/audit/audit.jsonl"_s);
}

QString defaultWorkstationId()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? u"workstation"_s : host;
}

} // namespace haip::audit
