// PolicyStore: where machine policy lives and how it is opened — on Windows the Group Policy key
// HKLM\SOFTWARE\Policies\HAIP\Workstation (QSettings' native registry format), on Linux the file
// /etc/haip/workstation.conf (INI, keys at the top level or under [General]). Both are writable
// only by administrators; the workstation never writes them. A .reg export can stand in for the
// registry anywhere (RegFileFormat).
#pragma once

#include <QSettings>
#include <QString>

#include <memory>

namespace haip::config {

QString windowsPolicyKey(); // HKEY_LOCAL_MACHINE\SOFTWARE\Policies\HAIP\Workstation
QString linuxPolicyFile(); // /etc/haip/workstation.conf

// This machine's policy (an empty QSettings if there is none).
std::unique_ptr<QSettings> openMachinePolicy();
// A policy from a file: a .reg export (RegFileFormat) or an INI file like the Linux one.
std::unique_ptr<QSettings> openPolicyFile(const QString &path);
// The workstation user's own settings (what the settings dialog writes).
std::unique_ptr<QSettings> openUserSettings();

} // namespace haip::config
