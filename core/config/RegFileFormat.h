// RegFileFormat: a read-only QSettings format over a Windows registry export (.reg, "Windows
// Registry Editor Version 5.00" in UTF-16 or UTF-8, or REGEDIT4), holding the values of one key —
// by default the workstation's policy key. It lets the same policy code read what Group Policy
// writes to HKLM on Windows, from a file: IT can check a .reg before deploying it
// (`haip-cli config show --policy-file x.reg`), and the tests run the registry path on Linux.
// Value types: REG_SZ "text", REG_DWORD dword:hex → int, REG_MULTI_SZ hex(7): → QStringList,
// REG_EXPAND_SZ hex(2): → text (not expanded). Other keys and types are skipped.
#pragma once

#include "common/Result.h"

#include <QSettings>
#include <QString>
#include <QVariantMap>

namespace haip::config {

// The registered format (registered on first use; thread-safe).
QSettings::Format regFileFormat();

// The values under `key` (case-insensitive, e.g. HKEY_LOCAL_MACHINE\SOFTWARE\Policies\HAIP\Workstation)
// in the export's bytes; InvalidArgument for a malformed file.
Result<QVariantMap> parseRegExport(const QByteArray &bytes, const QString &key);

} // namespace haip::config
