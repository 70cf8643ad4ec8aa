// haip-cli login: signs a clinician in to the platform with a card and a one-time password and
// saves the session for the other platform commands (a 0600 session file, valid minutes).
//   haip-cli login --platform https://127.0.0.1:8443 --ca-pin PIN --card card.json --otp CODE
//                  --session session.json
// --card: a haip-vcard card profile (SoftwareCardSigner; PC/SC cards come with the card area).
// --otp -: read the code from stdin. Prints {"signedIn", "sessionId", "notAfter", "session"}.
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "PlatformArguments.h"
#include "platform/LoginSession.h"
#include "platform/SoftwareCardSigner.h"

#include <QTextStream>

namespace haip::cli {

using namespace Qt::StringLiterals;

int runLogin(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption platformOption(u"platform"_s, u"platform URL"_s, u"url"_s);
    const QCommandLineOption pinOption(u"ca-pin"_s, u"SHA-256 of the platform CA's SPKI"_s, u"pin"_s);
    const QCommandLineOption cardOption(u"card"_s, u"card profile (haip-vcard JSON)"_s, u"file"_s);
    const QCommandLineOption otpOption(u"otp"_s, u"one-time password, or - for stdin"_s, u"code"_s);
    const QCommandLineOption sessionOption(u"session"_s, u"where to save the session"_s, u"file"_s);
    parser.addOptions({platformOption, pinOption, cardOption, otpOption, sessionOption});
    if (!parser.parse(QStringList {u"haip-cli login"_s} + arguments))
        return usageError(parser.errorText());
    for (const QCommandLineOption &o : {platformOption, pinOption, cardOption, otpOption, sessionOption}) {
        if (!parser.isSet(o))
            return usageError(u"login: --%1 is required"_s.arg(o.names().front()));
    }
    const QUrl url(parser.value(platformOption));
    if (!url.isValid() || url.scheme() != u"https"_s)
        return usageError(u"login: --platform takes an https:// URL"_s);
    Result<crypto::SpkiPin> pin = pinArgument(parser.value(pinOption));
    if (!pin)
        return fail(pin.error(), 2);
    Result<platform::SoftwareCardSigner> card = platform::SoftwareCardSigner::fromCardProfile(parser.value(cardOption));
    if (!card)
        return fail(card.error(), 1);
    QString code = parser.value(otpOption);
    if (code == u"-"_s) {
        QTextStream in(stdin);
        code = in.readLine().trimmed();
    }

    platform::ApiClient api(platform::PlatformEndpoint {url, pin->digest(), {}});
    platform::LoginSession::Options options;
    options.maxOtpAttempts = 1; // one code given: a wrong one ends the command
    options.autoRenew = false;
    platform::LoginSession session(api, options);
    const QString sessionPath = parser.value(sessionOption);
    QObject::connect(&session, &platform::LoginSession::loginFailed, [](const Error &e) { finish(fail(e, 1)); });
    QObject::connect(&session, &platform::LoginSession::signedIn, [&](const platform::SessionInfo &info) {
        platform::SessionFile file;
        file.platform = url;
        file.caPin = pin->digest();
        file.info = info;
        file.chain = session.certificateChain();
        Result<platform::SessionKey> key = platform::SessionKey::fromPkcs8Pem(session.key().pkcs8Pem().view());
        if (!key)
            return finish(fail(key.error(), 1));
        file.key = std::move(key).value();
        if (Result<void> saved = file.save(sessionPath); !saved)
            return finish(fail(saved.error(), 1));
        output.json({{u"signedIn"_s, info.clinician.id},
                     {u"sessionId"_s, info.sessionId},
                     {u"notAfter"_s, info.notAfter.toString(Qt::ISODate)},
                     {u"session"_s, sessionPath}});
        finish(0);
    });
    session.login(*card, [code](const platform::OtpPrompt &, platform::OtpAnswer answer) { answer(code); });
    return runUntilFinished();
}

} // namespace haip::cli
