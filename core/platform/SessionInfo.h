// SessionInfo: who is signed in to the platform and until when — the clinician the platform
// named (POST /v1/auth/card, /otp) and the session certificate's times. Plain data.
#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace haip::platform {

struct ClinicianInfo
{
    QString id;
    QString nameJa;
    QString nameRomaji;
    QString profession;

    // Strict: "id" must be a non-empty string; names optional strings.
    static Result<ClinicianInfo> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

struct SessionInfo
{
    QString sessionId;
    ClinicianInfo clinician;
    QDateTime notAfter; // UTC, platform clock
    QDateTime renewAfter; // UTC, platform clock
    bool emergency = false; // opened by emergency access, without a card: shown and audited as such

    QJsonObject toJson() const;
};

} // namespace haip::platform
