// EmergencyCodes: one-time codes for a clinician whose card cannot be used — the emergency access
// the MHLW guideline (v6.0) asks for. IT issues one with `haip-platform emergency-code` after
// checking who is asking (by phone, in person); it is valid for minutes, opens one session, and
// is kept only as a SHA-256 digest. The file is read and written on every call, because codes
// are issued by a separate command while the server runs.
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QString>

namespace haip::server {

class EmergencyCodes
{
public:
    explicit EmergencyCodes(QString file);

    // A new 12-digit code for the clinician (replacing an unused one), valid `validMinutes`.
    Result<QString> issue(const QString &clinicianId, int validMinutes, const QDateTime &now);
    // Uses the clinician's code: AuthenticationFailed when there is none, it has expired or it
    // does not match (a wrong code does not spend the right one).
    Result<void> consume(const QString &clinicianId, const QString &code, const QDateTime &now);

private:
    QString m_file;
};

} // namespace haip::server
