// haip-cli login: signs a clinician in to the platform with a card and a one-time password and
// saves the session for the other platform commands (a 0600 session file, valid minutes).
//   haip-cli login --platform https://127.0.0.1:8443 --ca-pin PIN --reader [NAME]
//                  [--pin-fd N] [--otp-fd N | --otp CODE] --session session.json
//   haip-cli login … --card card.json --otp CODE …   (a card profile signing in software: tests)
// --reader: the card in a PC/SC reader (the only one holding a card when NAME is empty), as a PIV
// card or through --pkcs11-module (the card vendor's middleware). The PIN
// and the code are read from the descriptors given, else asked at the terminal without echo;
// --otp - reads the code from stdin. Prints {"signedIn", "sessionId", "notAfter", "session"}.
#include "AuditTrail.h"
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "PlatformArguments.h"
#include "SecretInput.h"
#include "auth/CardLogin.h"
#include "card/ReaderMonitor.h"
#include "platform/LoginSession.h"
#include "platform/SoftwareCardSigner.h"

#include <QTextStream>

namespace haip::cli {

using namespace Qt::StringLiterals;

namespace {

struct LoginTarget
{
    QUrl url;
    crypto::SpkiPin pin;
    QString sessionPath;
};

void saveAndReport(const LoginTarget &target, platform::LoginSession &session, CliOutput &output)
{
    platform::SessionFile file;
    file.platform = target.url;
    file.caPin = target.pin.digest();
    file.info = session.info();
    file.chain = session.certificateChain();
    Result<platform::SessionKey> key = platform::SessionKey::fromPkcs8Pem(session.key().pkcs8Pem().view());
    if (!key)
        return finish(fail(key.error(), 1));
    file.key = std::move(key).value();
    if (Result<void> saved = file.save(target.sessionPath); !saved)
        return finish(fail(saved.error(), 1));
    recordAudit(audit::AuditEvent::loginSuccess(session.info().clinician.id));
    output.json({{u"signedIn"_s, session.info().clinician.id},
                 {u"sessionId"_s, session.info().sessionId},
                 {u"notAfter"_s, session.info().notAfter.toString(Qt::ISODate)},
                 {u"session"_s, target.sessionPath}});
    finish(0);
}

// The code from --otp (or stdin with "-"), else from --otp-fd or the terminal.
Result<QString> oneTimePassword(const QString &given, int fd)
{
    if (given == u"-"_s) {
        QTextStream in(stdin);
        return in.readLine().trimmed();
    }
    if (!given.isEmpty())
        return given;
    Result<crypto::SecureBuffer> code = readSecret(u"One-time password: "_s, fd);
    if (!code)
        return code.error();
    return QString::fromLatin1(code->view());
}

int loginWithProfile(const LoginTarget &target, const QString &profile, const QString &code, CliOutput &output)
{
    Result<platform::SoftwareCardSigner> card = platform::SoftwareCardSigner::fromCardProfile(profile);
    if (!card)
        return fail(card.error(), 1);
    if (code.isEmpty())
        return usageError(u"login: --card takes --otp"_s);
    Result<QString> otp = oneTimePassword(code, -1);
    if (!otp)
        return fail(otp.error(), 2);
    platform::ApiClient api(platform::PlatformEndpoint {target.url, target.pin.digest(), {}});
    platform::LoginSession::Options options;
    options.maxOtpAttempts = 1; // one code given: a wrong one ends the command
    options.autoRenew = false;
    platform::LoginSession session(api, options);
    QObject::connect(&session, &platform::LoginSession::loginFailed, [&card](const Error &e) {
        recordAudit(audit::AuditEvent::loginFailure(card->clinicianId(), e));
        finish(fail(e, 1));
    });
    QObject::connect(&session, &platform::LoginSession::signedIn, [&] { saveAndReport(target, session, output); });
    session.login(*card, [code = *otp](const platform::OtpPrompt &, platform::OtpAnswer answer) { answer(code); });
    return runUntilFinished();
}

int loginWithReader(const LoginTarget &target,
                    const QString &reader,
                    const QString &pkcs11Module,
                    int pinFd,
                    const QString &code,
                    int otpFd,
                    CliOutput &output)
{
    card::ReaderMonitor monitor;
    auth::CardThread cardThread(pkcs11Module.isEmpty() ? auth::CardThread::pivOpener()
                                                       : auth::CardThread::pkcs11Opener(pkcs11Module));
    platform::ApiClient api(platform::PlatformEndpoint {target.url, target.pin.digest(), {}});
    platform::LoginSession::Options options;
    options.maxOtpAttempts = 1;
    options.autoRenew = false;
    platform::LoginSession session(api, options);
    auth::CardLogin login(monitor, cardThread, session);
    using Step = auth::CardLogin::Step;
    bool pinAsked = false;
    QObject::connect(&login, &auth::CardLogin::problem, [&](const Error &e) {
        recordAudit(audit::AuditEvent::loginFailure({}, e));
        // The command asks once: any failure ends it (a script retries with the tries left in mind).
        if (e.code() == ErrorCode::PinIncorrect)
            return finish(fail(Error(e.code(), u"tries left: %1"_s.arg(login.pinStatus().triesLeft)), 1));
        finish(fail(e, 1));
    });
    QObject::connect(&login, &auth::CardLogin::stepChanged, [&](Step step) {
        switch (step) {
        case Step::ServiceUnavailable:
        case Step::NoReader:
            return finish(fail(Error(ErrorCode::CardUnavailable, u"no smart-card reader"_s), 1));
        case Step::ChooseReader:
            if (reader.isEmpty())
                return finish(usageError(u"login: several readers hold a card (%1): name one with --reader"_s.arg(
                    login.readersWithCard().join(u", "_s))));
            return login.chooseReader(reader);
        case Step::NeedPin: {
            if (pinAsked)
                return;
            pinAsked = true;
            Result<crypto::SecureBuffer> pin = readSecret(
                u"PIN for %1 (%2 tries left): "_s.arg(login.identity().holderName).arg(login.pinStatus().triesLeft),
                pinFd);
            if (!pin)
                return finish(fail(pin.error(), 2));
            return login.submitPin(std::move(pin).value());
        }
        case Step::NeedOtp: {
            Result<QString> otp = oneTimePassword(code, otpFd);
            if (!otp)
                return finish(fail(otp.error(), 2));
            return login.submitOtp(*otp);
        }
        case Step::CardBlocked:
            return finish(fail(Error(ErrorCode::PinBlocked), 1));
        case Step::SignedIn:
            return saveAndReport(target, session, output);
        default:
            return;
        }
    });
    monitor.start();
    // Wait for the readers' first report, then follow the card (a reader named but empty waits).
    QObject::connect(
        &monitor, &card::ReaderMonitor::readersChanged, &login, [&] { login.start(); }, Qt::SingleShotConnection);
    QObject::connect(&monitor, &card::ReaderMonitor::serviceChanged, &login, [&](bool available, const Error &e) {
        if (!available)
            finish(fail(e, 1));
    });
    return runUntilFinished();
}

} // namespace

int runLogin(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption platformOption(u"platform"_s, u"platform URL"_s, u"url"_s);
    const QCommandLineOption pinOption(u"ca-pin"_s, u"SHA-256 of the platform CA's SPKI"_s, u"pin"_s);
    const QCommandLineOption readerOption(
        u"reader"_s, u"the PC/SC reader holding the card (empty: the only one)"_s, u"name"_s);
    const QCommandLineOption cardOption(u"card"_s, u"card profile (haip-vcard JSON), signing in software"_s, u"file"_s);
    const QCommandLineOption moduleOption(
        u"pkcs11-module"_s, u"reach the card through this PKCS#11 module (the card vendor's)"_s, u"path"_s);
    const QCommandLineOption pinFdOption(u"pin-fd"_s, u"read the card PIN from this descriptor"_s, u"fd"_s);
    const QCommandLineOption otpOption(u"otp"_s, u"one-time password, or - for stdin"_s, u"code"_s);
    const QCommandLineOption otpFdOption(u"otp-fd"_s, u"read the one-time password from this descriptor"_s, u"fd"_s);
    const QCommandLineOption sessionOption(u"session"_s, u"where to save the session"_s, u"file"_s);
    parser.addOptions({platformOption,
                       pinOption,
                       readerOption,
                       moduleOption,
                       cardOption,
                       pinFdOption,
                       otpOption,
                       otpFdOption,
                       sessionOption});
    if (!parser.parse(QStringList {u"haip-cli login"_s} + arguments))
        return usageError(parser.errorText());
    for (const QCommandLineOption &o : {platformOption, pinOption, sessionOption}) {
        if (!parser.isSet(o))
            return usageError(u"login: --%1 is required"_s.arg(o.names().front()));
    }
    if (parser.isSet(readerOption) == parser.isSet(cardOption))
        return usageError(u"login: give --reader (a smart card) or --card (a card profile)"_s);
    const QUrl url(parser.value(platformOption));
    if (!url.isValid() || url.scheme() != u"https"_s)
        return usageError(u"login: --platform takes an https:// URL"_s);
    Result<crypto::SpkiPin> pin = pinArgument(parser.value(pinOption));
    if (!pin)
        return fail(pin.error(), 2);
    const LoginTarget target {url, *pin, parser.value(sessionOption)};
    if (parser.isSet(cardOption))
        return loginWithProfile(target, parser.value(cardOption), parser.value(otpOption), output);

    auto descriptor = [&](const QCommandLineOption &o) {
        bool ok = false;
        const int fd = parser.value(o).toInt(&ok);
        return parser.isSet(o) ? (ok && fd >= 0 ? fd : -2) : -1;
    };
    const int pinFd = descriptor(pinFdOption);
    const int otpFd = descriptor(otpFdOption);
    if (pinFd == -2 || otpFd == -2)
        return usageError(u"login: --pin-fd and --otp-fd take a descriptor number"_s);
    return loginWithReader(
        target, parser.value(readerOption), parser.value(moduleOption), pinFd, parser.value(otpOption), otpFd, output);
}

} // namespace haip::cli
