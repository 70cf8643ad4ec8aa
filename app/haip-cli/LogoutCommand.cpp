// haip-cli logout: ends the saved session on the platform (its certificates are revoked) and
// deletes the session file — also when the platform cannot be reached or has already ended the
// session, so the private key never outlives the command.
//   haip-cli logout --session s.json
#include "AuditTrail.h"
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "PlatformArguments.h"

#include <QFile>

namespace haip::cli {

using namespace Qt::StringLiterals;

int runLogout(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption sessionOption(u"session"_s, u"saved session (haip-cli login)"_s, u"file"_s);
    parser.addOptions({sessionOption});
    if (!parser.parse(QStringList {u"haip-cli logout"_s} + arguments))
        return usageError(parser.errorText());
    if (!parser.isSet(sessionOption))
        return usageError(u"logout: --session is required"_s);
    const QString path = parser.value(sessionOption);
    Result<PlatformConnection> connection = connectWithSession(path);
    if (!connection) {
        QFile::remove(path);
        return fail(connection.error(), 1);
    }
    platform::ApiReply *reply = connection->api->postJson(u"/v1/auth/logout"_s, {});
    const QString clinician = connection->session.info.clinician.id;
    QObject::connect(reply, &platform::ApiReply::finished, [reply, path, clinician, &output] {
        reply->deleteLater();
        recordAudit(audit::AuditEvent::logout(clinician).withOutcome(
            reply->result() ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure,
            reply->result() ? Error() : reply->result().error()));
        const bool removed = !QFile::exists(path) || QFile::remove(path);
        if (!reply->result()) {
            const Error e = reply->result().error();
            // Already over on the platform: the local end is all that was left to do.
            if (e.code() == ErrorCode::SessionExpired || e.code() == ErrorCode::AuthenticationRequired ||
                e.code() == ErrorCode::CertificateRejected) {
                output.json(
                    {{u"signedOut"_s, true}, {u"platform"_s, e.codeName()}, {u"sessionFileRemoved"_s, removed}});
                return finish(0);
            }
            return finish(fail(e, 1));
        }
        output.json({{u"signedOut"_s, true}, {u"sessionFileRemoved"_s, removed}});
        finish(removed ? 0 : 1);
    });
    return runUntilFinished();
}

} // namespace haip::cli
