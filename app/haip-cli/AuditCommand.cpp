// haip-cli audit verify [FILE]: checks the hash chain of an audit log (default: the
// workstation's, or $HAIP_AUDIT_LOG) and prints one JSON line — {"ok":true,"records":n,…} with
// exit code 0, or {"ok":false,"line":k,"problem":"edited"|"deleted"|"inserted"|"reordered"|
// "foreign"|"deleted-head",…} with exit code 1. An unreadable file is an error (exit 1).
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "audit/AuditLocation.h"
#include "audit/AuditVerifier.h"

#include <QCommandLineParser>

namespace haip::cli {

using namespace Qt::StringLiterals;

int runAudit(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addPositionalArgument(u"verify"_s, u"check the log's hash chain"_s, u"verify [FILE]"_s);
    if (!parser.parse(QStringList {u"haip-cli audit"_s} + arguments))
        return usageError(parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.front() != u"verify"_s || positional.size() > 2)
        return usageError(u"usage: haip-cli audit verify [FILE]"_s);
    const QString path = positional.size() == 2 ? positional.at(1) : audit::defaultAuditLogPath();
    const audit::AuditVerification v = audit::AuditVerifier::verifyFile(path);
    if (v.problem == audit::AuditProblem::Unreadable)
        return fail(Error(ErrorCode::FileUnreadable, v.detail, path), 1);
    QJsonObject line = v.toJson();
    line.insert(u"path"_s, path);
    output.json(line);
    return v.ok() ? 0 : 1;
}

} // namespace haip::cli
