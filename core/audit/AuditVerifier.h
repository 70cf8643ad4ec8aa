// AuditVerifier: checks an audit log's hash chain and says where it first breaks and how:
//   edited      a record's bytes changed (its hash no longer matches the next record's `prev`),
//               or it does not parse;
//   deleted     records are missing before this line (a gap in seq);
//   inserted    this line was not written by the log (nothing chains onto it);
//   reordered   this record belongs elsewhere in the log;
//   foreign     this record belongs to another log (another logId);
//   deleted-head the first record is not seq 1.
// An incomplete last line (a crash in the middle of a write) is not a failure: it is reported
// as incompleteTail. Limit: removing the newest complete records, or editing the very last one,
// leaves a shorter chain that is still valid — only a copy outside the machine (the forwarded
// events, which carry each record's hash) shows it. So does a rewrite of the whole chain from some
// record on, since the chain has no secret key.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace haip::audit {

enum class AuditProblem
{
    None,
    Edited,
    Deleted,
    Inserted,
    Reordered,
    Foreign,
    DeletedHead,
    Unreadable, // the file cannot be read at all
};
QString auditProblemName(AuditProblem problem); // "edited", "deleted-head"…

struct AuditVerification
{
    bool ok() const { return problem == AuditProblem::None; }

    AuditProblem problem = AuditProblem::None;
    qint64 line = 0; // 1-based line of the problem, 0 when ok
    QString detail; // technical, for people
    qint64 records = 0; // complete lines read
    QString logId;
    qint64 lastSeq = 0; // of the last complete record when ok
    QByteArray lastSha256; // hex, of the last complete record when ok
    bool incompleteTail = false;
    qint64 tailBytes = 0;

    // {"ok":true,"records":n,"logId":…,"lastSeq":…,"lastSha256":…,"incompleteTail":…} or
    // {"ok":false,"line":k,"problem":"edited","detail":…,"records":n,…}
    QJsonObject toJson() const;
};

class AuditVerifier
{
public:
    static AuditVerification verifyFile(const QString &path);
    static AuditVerification verifyBytes(const QByteArray &content);
};

} // namespace haip::audit
