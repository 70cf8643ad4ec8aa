// AuditEvent: one thing that happened on the workstation, as the audit trail records it — its
// kind, the UTC time, the actor (a clinician id or "system") and a few fields from a fixed set
// (service, pseudonymous study, job, bytes, digest, outcome, reason…). Events are made only by
// the factories below, which take typed values: there is no free-text field, a study is a
// Pseudonym, a reason is an error's stable code name. So no patient name or ID can enter.
#pragma once

#include "audit/Pseudonym.h"
#include "common/Error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace haip::audit {

enum class AuditEventType
{
    LoginSuccess,
    LoginFailure,
    Logout,
    Lock,
    Unlock,
    CardInserted,
    CardRemoved,
    Import,
    Deidentify,
    Send,
    ResultReceived,
    Export,
    PolicyChange,
    EmergencyAccess,
};

// "login-success", "card-removed"… (the record's "type"); fromName is its inverse.
QString auditEventTypeName(AuditEventType type);
std::optional<AuditEventType> auditEventTypeFromName(const QString &name);

// DICOM EventOutcomeIndicator: 0, 4, 8, 12.
enum class AuditOutcome
{
    Success,
    MinorFailure, // e.g. a wrong one-time password
    SeriousFailure, // the action did not complete
    MajorFailure, // e.g. a refused signature, a suspected attack
};
QString auditOutcomeName(AuditOutcome outcome);

enum class LockReason
{
    CardRemoved,
    Idle,
    Manual,
};

// Fields of a send: the platform service, what left (pseudonymous ids only) and how much.
struct SendDetails
{
    QString serviceId;
    QString jobId;
    std::optional<Pseudonym> study; // the de-identified study's UID, when known
    qint64 bytes = 0; // sealed payload size
    QString payloadSha256; // lowercase hex, optional
};

class AuditEvent
{
public:
    static constexpr const char *kSystemActor = "system";

    static AuditEvent loginSuccess(const QString &clinicianId);
    // The user id claimed at the failed attempt (empty when none was known yet).
    static AuditEvent loginFailure(const QString &claimedUser, const Error &reason);
    static AuditEvent logout(const QString &clinicianId);
    static AuditEvent lock(const QString &clinicianId, LockReason reason);
    static AuditEvent unlock(const QString &clinicianId);
    // The reader's name is the hardware's, never the card holder's.
    static AuditEvent cardInserted(const QString &readerName);
    static AuditEvent cardRemoved(const QString &readerName);
    static AuditEvent import(const QString &clinicianId, const Pseudonym &study, int instances, qint64 bytes);
    static AuditEvent deidentify(const QString &clinicianId, const Pseudonym &study, int instances);
    static AuditEvent send(const QString &clinicianId, const SendDetails &details);
    static AuditEvent resultReceived(const QString &clinicianId,
                                     const QString &serviceId,
                                     const QString &jobId,
                                     qint64 bytes,
                                     const QString &resultSha256);
    static AuditEvent exportStudy(const QString &clinicianId, const Pseudonym &study, int instances);
    // The policy key that changed (e.g. "PlatformUrl"), not its value.
    static AuditEvent policyChange(const QString &actor, const QString &policyKey);
    static AuditEvent emergencyAccess(const QString &userId, const QString &sessionId);

    // The same event with another outcome; a failure names the error's code, never its text.
    AuditEvent withOutcome(AuditOutcome outcome, const Error &reason = {}) const;
    // For tests and replays: the same event at another time (converted to UTC).
    AuditEvent at(const QDateTime &time) const;

    AuditEventType type() const { return m_type; }
    QString typeName() const { return auditEventTypeName(m_type); }
    const QDateTime &time() const { return m_time; }
    const QString &actor() const { return m_actor; }
    const QJsonObject &data() const { return m_data; }

private:
    AuditEvent(AuditEventType type, const QString &actor);

    AuditEventType m_type;
    QDateTime m_time;
    QString m_actor;
    QJsonObject m_data;
};

} // namespace haip::audit
