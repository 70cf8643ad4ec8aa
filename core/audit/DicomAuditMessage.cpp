#include "audit/DicomAuditMessage.h"

#include <QJsonArray>

#include <array>

namespace haip::audit {

using namespace Qt::StringLiterals;

namespace {

// PS3.16 CID 400 "Audit Event ID" (DCM).
constexpr AuditCode kApplicationActivity {"110100", "DCM", "Application Activity"};
constexpr AuditCode kInstancesAccessed {"110103", "DCM", "DICOM Instances Accessed"};
constexpr AuditCode kInstancesTransferred {"110104", "DCM", "DICOM Instances Transferred"};
constexpr AuditCode kExport {"110106", "DCM", "Export"};
constexpr AuditCode kImport {"110107", "DCM", "Import"};
constexpr AuditCode kSecurityAlert {"110113", "DCM", "Security Alert"};
constexpr AuditCode kUserAuthentication {"110114", "DCM", "User Authentication"};
// PS3.16 CID 401 "Audit Event Type Code" (DCM).
constexpr AuditCode kLogin {"110122", "DCM", "Login"};
constexpr AuditCode kLogout {"110123", "DCM", "Logout"};
constexpr AuditCode kEmergencyOverrideStarted {"110127", "DCM", "Emergency Override Started"};
constexpr AuditCode kSecurityConfiguration {"110129", "DCM", "Security Configuration"};
// Events the standard has no type code for: this product's local scheme (PS3.16 8.2: "99…").
constexpr AuditCode kSessionLocked {"lock", "99HAIP", "Session Locked"};
constexpr AuditCode kSessionUnlocked {"unlock", "99HAIP", "Session Unlocked"};
constexpr AuditCode kCardInserted {"card-inserted", "99HAIP", "Smart Card Inserted"};
constexpr AuditCode kCardRemoved {"card-removed", "99HAIP", "Smart Card Removed"};
constexpr AuditCode kDeidentified {"deidentify", "99HAIP", "De-identified Copy Created"};
constexpr AuditCode kNone {nullptr, nullptr, nullptr};
// PS3.16 CID 402 "Audit Active Participant Role ID Code" (DCM).
constexpr AuditCode kSourceRole {"110153", "DCM", "Source Role ID"};
constexpr AuditCode kDestinationRole {"110152", "DCM", "Destination Role ID"};
// PS3.16 CID 404 "Audit Participant Object ID Type Code" (DCM).
constexpr AuditCode kStudyInstanceUid {"110180", "DCM", "Study Instance UID"};
constexpr AuditCode kJobId {"job-id", "99HAIP", "Platform Job ID"};

// One line per record type: EventID, EventActionCode, EventTypeCode (docs/audit.md).
constexpr std::array<AuditEventMapping, 14> kMappings {{
    {"login-success", kUserAuthentication, 'E', kLogin},
    {"login-failure", kUserAuthentication, 'E', kLogin},
    {"logout", kUserAuthentication, 'E', kLogout},
    {"lock", kUserAuthentication, 'E', kSessionLocked},
    {"unlock", kUserAuthentication, 'E', kSessionUnlocked},
    {"card-inserted", kUserAuthentication, 'E', kCardInserted},
    {"card-removed", kUserAuthentication, 'E', kCardRemoved},
    {"import", kImport, 'C', kNone},
    {"deidentify", kInstancesAccessed, 'C', kDeidentified},
    // The sender of a transfer reads (R); the receiver of a result creates (C) — A.5.3.4.
    {"send", kInstancesTransferred, 'R', kNone},
    {"result-received", kInstancesTransferred, 'C', kNone},
    {"export", kExport, 'R', kNone},
    {"policy-change", kSecurityAlert, 'E', kSecurityConfiguration},
    {"emergency-access", kSecurityAlert, 'E', kEmergencyOverrideStarted},
}};

// An unknown type still travels, as plain application activity.
constexpr AuditEventMapping kUnknown {"", kApplicationActivity, 'E', kNone};

QJsonObject coded(const AuditCode &c)
{
    return {{u"csd-code"_s, QLatin1String(c.code)},
            {u"codeSystemName"_s, QLatin1String(c.scheme)},
            {u"originalText"_s, QLatin1String(c.meaning)}};
}

// EventOutcomeIndicator (PS3.15 A.5.1): 0 success, 4 minor, 8 serious, 12 major failure.
int outcomeIndicator(const QString &outcome)
{
    if (outcome == u"success"_s)
        return 0;
    if (outcome == u"minor-failure"_s)
        return 4;
    if (outcome == u"serious-failure"_s)
        return 8;
    return 12;
}

QJsonObject participant(const QString &userId, bool requestor, const QString &accessPoint, const AuditCode &role)
{
    QJsonObject p {{u"UserID"_s, userId}, {u"UserIsRequestor"_s, requestor}};
    if (role.code)
        p.insert(u"RoleIDCode"_s, coded(role));
    if (!accessPoint.isEmpty()) {
        p.insert(u"NetworkAccessPointID"_s, accessPoint);
        p.insert(u"NetworkAccessPointTypeCode"_s, u"1"_s); // machine name
    }
    return p;
}

QJsonArray details(const QJsonObject &data)
{
    QJsonArray out;
    for (const char *key : {"bytes", "instances", "payloadSha256"}) {
        const QJsonValue v = data.value(QLatin1String(key));
        if (!v.isUndefined())
            out.append(QJsonObject {{u"type"_s, QLatin1String(key)},
                                    {u"value"_s, v.isString() ? v.toString() : QString::number(v.toInteger())}});
    }
    return out;
}

} // namespace

const AuditEventMapping *DicomAuditMessage::mappingFor(const QString &type)
{
    for (const AuditEventMapping &m : kMappings) {
        if (type == QLatin1String(m.type))
            return &m;
    }
    return nullptr;
}

QJsonObject DicomAuditMessage::fromRecord(const AuditRecord &record)
{
    const AuditEventMapping *found = mappingFor(record.type);
    const AuditEventMapping &m = found ? *found : kUnknown;
    const QJsonObject &data = record.data;

    QJsonObject identification {
        {u"EventID"_s, coded(m.eventId)},
        {u"EventActionCode"_s, QString(QLatin1Char(m.actionCode))},
        {u"EventDateTime"_s, record.time},
        {u"EventOutcomeIndicator"_s, outcomeIndicator(data.value(u"outcome"_s).toString())},
    };
    if (m.eventType.code)
        identification.insert(u"EventTypeCode"_s, QJsonArray {coded(m.eventType)});
    const QString reason = data.value(u"reason"_s).toString();
    if (!reason.isEmpty())
        identification.insert(u"EventOutcomeDescription"_s, reason);

    const bool transfer = qstrcmp(m.eventId.code, kInstancesTransferred.code) == 0;
    const bool sending = record.type == u"send"_s;
    QJsonArray participants {participant(
        record.actor, true, record.workstation, transfer ? (sending ? kSourceRole : kDestinationRole) : kNone)};
    const QString service = data.value(u"service"_s).toString();
    if (!service.isEmpty())
        participants.append(participant(service, false, {}, sending ? kDestinationRole : kSourceRole));

    QJsonArray objects;
    const QString study = data.value(u"study"_s).toString();
    if (!study.isEmpty()) {
        objects.append(QJsonObject {{u"ParticipantObjectID"_s, study},
                                    {u"ParticipantObjectTypeCode"_s, 2}, // system object
                                    {u"ParticipantObjectTypeCodeRole"_s, 3}, // report
                                    {u"ParticipantObjectIDTypeCode"_s, coded(kStudyInstanceUid)},
                                    {u"ParticipantObjectDetail"_s, details(data)}});
    }
    const QString job = data.value(u"jobId"_s).toString();
    if (!job.isEmpty()) {
        QJsonObject o {{u"ParticipantObjectID"_s, job},
                       {u"ParticipantObjectTypeCode"_s, 2}, // system object
                       {u"ParticipantObjectTypeCodeRole"_s, 20}, // job
                       {u"ParticipantObjectIDTypeCode"_s, coded(kJobId)}};
        if (study.isEmpty())
            o.insert(u"ParticipantObjectDetail"_s, details(data));
        objects.append(o);
    }

    QJsonObject message {
        {u"type"_s, record.type},
        {u"eventId"_s, u"%1:%2"_s.arg(record.logId).arg(record.seq)},
        {u"record"_s,
         QJsonObject {{u"seq"_s, record.seq},
                      {u"prev"_s, QString::fromLatin1(record.prev)},
                      {u"sha256"_s, QString::fromLatin1(record.sha256())}}},
        {u"EventIdentification"_s, identification},
        {u"ActiveParticipant"_s, participants},
        {u"AuditSourceIdentification"_s,
         QJsonObject {{u"AuditSourceID"_s, record.workstation},
                      {u"AuditSourceTypeCode"_s, QJsonArray {u"1"_s}}}}, // end-user interface
    };
    if (!objects.isEmpty())
        message.insert(u"ParticipantObjectIdentification"_s, objects);
    return message;
}

} // namespace haip::audit
