#include "audit/AuditEvent.h"

#include <array>

namespace haip::audit {

using namespace Qt::StringLiterals;

namespace {

struct TypeName
{
    AuditEventType type;
    const char *name;
};

// The record's "type" strings, one per kind (docs/audit.md lists them with their DICOM codes).
constexpr std::array<TypeName, 14> kTypeNames {{
    {AuditEventType::LoginSuccess, "login-success"},
    {AuditEventType::LoginFailure, "login-failure"},
    {AuditEventType::Logout, "logout"},
    {AuditEventType::Lock, "lock"},
    {AuditEventType::Unlock, "unlock"},
    {AuditEventType::CardInserted, "card-inserted"},
    {AuditEventType::CardRemoved, "card-removed"},
    {AuditEventType::Import, "import"},
    {AuditEventType::Deidentify, "deidentify"},
    {AuditEventType::Send, "send"},
    {AuditEventType::ResultReceived, "result-received"},
    {AuditEventType::Export, "export"},
    {AuditEventType::PolicyChange, "policy-change"},
    {AuditEventType::EmergencyAccess, "emergency-access"},
}};

QString lockReasonName(LockReason reason)
{
    switch (reason) {
    case LockReason::CardRemoved:
        return u"card-removed"_s;
    case LockReason::Idle:
        return u"idle"_s;
    case LockReason::Manual:
        return u"manual"_s;
    }
    return u"manual"_s;
}

QString actorOrSystem(const QString &actor)
{
    return actor.isEmpty() ? QString::fromLatin1(AuditEvent::kSystemActor) : actor;
}

} // namespace

QString auditEventTypeName(AuditEventType type)
{
    for (const TypeName &t : kTypeNames) {
        if (t.type == type)
            return QString::fromLatin1(t.name);
    }
    return {};
}

std::optional<AuditEventType> auditEventTypeFromName(const QString &name)
{
    for (const TypeName &t : kTypeNames) {
        if (name == QLatin1String(t.name))
            return t.type;
    }
    return std::nullopt;
}

QString auditOutcomeName(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Success:
        return u"success"_s;
    case AuditOutcome::MinorFailure:
        return u"minor-failure"_s;
    case AuditOutcome::SeriousFailure:
        return u"serious-failure"_s;
    case AuditOutcome::MajorFailure:
        return u"major-failure"_s;
    }
    return u"major-failure"_s;
}

AuditEvent::AuditEvent(AuditEventType type, const QString &actor)
    : m_type(type), m_time(QDateTime::currentDateTimeUtc()), m_actor(actorOrSystem(actor))
{
    m_data.insert(u"outcome"_s, auditOutcomeName(AuditOutcome::Success));
}

AuditEvent AuditEvent::loginSuccess(const QString &clinicianId)
{
    return AuditEvent(AuditEventType::LoginSuccess, clinicianId);
}

AuditEvent AuditEvent::loginFailure(const QString &claimedUser, const Error &reason)
{
    return AuditEvent(AuditEventType::LoginFailure, claimedUser).withOutcome(AuditOutcome::MinorFailure, reason);
}

AuditEvent AuditEvent::logout(const QString &clinicianId)
{
    return AuditEvent(AuditEventType::Logout, clinicianId);
}

AuditEvent AuditEvent::lock(const QString &clinicianId, LockReason reason)
{
    AuditEvent e(AuditEventType::Lock, clinicianId);
    e.m_data.insert(u"lockReason"_s, lockReasonName(reason));
    return e;
}

AuditEvent AuditEvent::unlock(const QString &clinicianId)
{
    return AuditEvent(AuditEventType::Unlock, clinicianId);
}

AuditEvent AuditEvent::cardInserted(const QString &readerName)
{
    AuditEvent e(AuditEventType::CardInserted, {});
    e.m_data.insert(u"reader"_s, readerName);
    return e;
}

AuditEvent AuditEvent::cardRemoved(const QString &readerName)
{
    AuditEvent e(AuditEventType::CardRemoved, {});
    e.m_data.insert(u"reader"_s, readerName);
    return e;
}

AuditEvent AuditEvent::import(const QString &clinicianId, const Pseudonym &study, int instances, qint64 bytes)
{
    AuditEvent e(AuditEventType::Import, clinicianId);
    e.m_data.insert(u"study"_s, study.text());
    e.m_data.insert(u"instances"_s, instances);
    e.m_data.insert(u"bytes"_s, bytes);
    return e;
}

AuditEvent AuditEvent::deidentify(const QString &clinicianId, const Pseudonym &study, int instances)
{
    AuditEvent e(AuditEventType::Deidentify, clinicianId);
    e.m_data.insert(u"study"_s, study.text());
    e.m_data.insert(u"instances"_s, instances);
    return e;
}

AuditEvent AuditEvent::send(const QString &clinicianId, const SendDetails &details)
{
    AuditEvent e(AuditEventType::Send, clinicianId);
    e.m_data.insert(u"service"_s, details.serviceId);
    if (!details.jobId.isEmpty())
        e.m_data.insert(u"jobId"_s, details.jobId);
    if (details.study)
        e.m_data.insert(u"study"_s, details.study->text());
    e.m_data.insert(u"bytes"_s, details.bytes);
    if (std::optional<Pseudonym> digest = Pseudonym::fromString(details.payloadSha256))
        e.m_data.insert(u"payloadSha256"_s, digest->text());
    return e;
}

AuditEvent AuditEvent::resultReceived(const QString &clinicianId,
                                      const QString &serviceId,
                                      const QString &jobId,
                                      qint64 bytes,
                                      const QString &resultSha256)
{
    AuditEvent e(AuditEventType::ResultReceived, clinicianId);
    e.m_data.insert(u"service"_s, serviceId);
    e.m_data.insert(u"jobId"_s, jobId);
    e.m_data.insert(u"bytes"_s, bytes);
    if (std::optional<Pseudonym> digest = Pseudonym::fromString(resultSha256))
        e.m_data.insert(u"payloadSha256"_s, digest->text());
    return e;
}

AuditEvent AuditEvent::exportStudy(const QString &clinicianId, const Pseudonym &study, int instances)
{
    AuditEvent e(AuditEventType::Export, clinicianId);
    e.m_data.insert(u"study"_s, study.text());
    e.m_data.insert(u"instances"_s, instances);
    return e;
}

AuditEvent AuditEvent::policyChange(const QString &actor, const QString &policyKey)
{
    AuditEvent e(AuditEventType::PolicyChange, actor);
    e.m_data.insert(u"policyKey"_s, policyKey);
    return e;
}

AuditEvent AuditEvent::emergencyAccess(const QString &userId, const QString &sessionId)
{
    AuditEvent e(AuditEventType::EmergencyAccess, userId);
    e.m_data.insert(u"sessionId"_s, sessionId);
    return e;
}

AuditEvent AuditEvent::withOutcome(AuditOutcome outcome, const Error &reason) const
{
    AuditEvent e = *this;
    e.m_data.insert(u"outcome"_s, auditOutcomeName(outcome));
    if (reason.code() != ErrorCode::None)
        e.m_data.insert(u"reason"_s, reason.codeName());
    else
        e.m_data.remove(u"reason"_s);
    return e;
}

AuditEvent AuditEvent::at(const QDateTime &time) const
{
    AuditEvent e = *this;
    e.m_time = time.toUTC();
    return e;
}

} // namespace haip::audit
