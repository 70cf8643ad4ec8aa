#include "config/PolicyStore.h"

#include "config/RegFileFormat.h"

namespace haip::config {

QString windowsPolicyKey()
{
    return QStringLiteral("HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\HAIP\\Workstation");
}

QString linuxPolicyFile()
{
    return QStringLiteral("/etc/haip/workstation.conf");
}

std::unique_ptr<QSettings> openMachinePolicy()
{
#ifdef Q_OS_WIN
    return std::make_unique<QSettings>(windowsPolicyKey(), QSettings::NativeFormat);
#else
    return std::make_unique<QSettings>(linuxPolicyFile(), QSettings::IniFormat);
#endif
}

std::unique_ptr<QSettings> openPolicyFile(const QString &path)
{
    if (path.endsWith(QStringLiteral(".reg"), Qt::CaseInsensitive))
        return std::make_unique<QSettings>(path, regFileFormat());
    return std::make_unique<QSettings>(path, QSettings::IniFormat);
}

std::unique_ptr<QSettings> openUserSettings()
{
    // The same file haip-workstation's default QSettings uses, whichever program asks.
    return std::make_unique<QSettings>(
        QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("HAIP"), QStringLiteral("haip-workstation"));
}

} // namespace haip::config
