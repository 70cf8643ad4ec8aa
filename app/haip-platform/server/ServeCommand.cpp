// haip-platform serve --state DIR --listen 127.0.0.1:PORT: runs the platform API over TLS.
// Prints {"listening": "https://127.0.0.1:NNNN", "ca_spki_sha256": "<hex>"} once listening.
// The --*-seconds / --*-ms / rate options lower the documented defaults for tests.
#include "CommandOutput.h"
#include "Commands.h"
#include "PlatformServer.h"
#include "crypto/TlsPolicy.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace haip::server {

namespace {

bool parseListen(const QString &text, ServeOptions &options)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    QString host = text.left(colon);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    if (!ok || port > 65535 || address.isNull())
        return false;
    options.address = address;
    options.port = quint16(port);
    return true;
}

} // namespace

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    const auto opt = [&parser](const char *name, const char *help, const char *value) {
        parser.addOption({QLatin1String(name), QLatin1String(help), QLatin1String(value)});
    };
    opt("state", "State folder (made by init).", "DIR");
    opt("listen", "Address and port, e.g. 127.0.0.1:8443 (port 0: any free port).", "ADDR:PORT");
    opt("session-validity-seconds", "Lifetime of one session certificate (default 900).", "N");
    opt("max-session-seconds", "Maximum session length with renewals (default 43200).", "N");
    opt("challenge-validity-seconds", "Lifetime of a login challenge (default 60).", "N");
    opt("otp-lockout-seconds", "Lock-out after 5 wrong one-time passwords (default 300).", "N");
    opt("header-timeout-ms", "Time allowed for a request header / TLS handshake (default 10000).", "MS");
    opt("body-idle-timeout-ms", "Time allowed between body bytes (default 30000).", "MS");
    opt("keep-alive-timeout-ms", "Idle keep-alive connection lifetime (default 120000).", "MS");
    opt("public-rate", "Requests per second per address on public routes (default 5).", "R");
    opt("public-burst", "Burst on public routes (default 20).", "N");
    opt("api-rate", "Requests per second per clinician on session routes (default 50).", "R");
    opt("api-burst", "Burst on session routes (default 200).", "N");
    opt("lease-seconds", "Worker lease per claimed job (default 60).", "N");
    opt("fault-plan", "Inject faults described in FILE (client resilience tests only).", "FILE");
    parser.addOption({QStringLiteral("no-workers"), QStringLiteral("Do not start the service workers.")});
    parser.addOption({QStringLiteral("emergency-access"),
                      QStringLiteral("Allow emergency access without a card (user id + OTP + IT's one-time code).")});
    opt("emergency-minutes", "Length of an emergency session (default 30).", "N");
    if (!parser.parse(QStringList {QStringLiteral("serve")} + arguments) || !parser.isSet(QStringLiteral("state")))
        return printUsage(QStringLiteral("usage: haip-platform serve --state DIR --listen 127.0.0.1:PORT [options]"));

    ServeOptions options;
    options.auth.emergencyAccess = parser.isSet(QStringLiteral("emergency-access"));
    if (parser.isSet(QStringLiteral("listen")) && !parseListen(parser.value(QStringLiteral("listen")), options))
        return printUsage(QStringLiteral("--listen takes ADDRESS:PORT, e.g. 127.0.0.1:0"));
    bool allOk = true;
    const auto intValue = [&](const char *name, int &into) {
        if (!parser.isSet(QLatin1String(name)))
            return;
        bool ok = false;
        const int v = parser.value(QLatin1String(name)).toInt(&ok);
        if (!ok || v < 0)
            allOk = false;
        else
            into = v;
    };
    const auto doubleValue = [&](const char *name, double &into) {
        if (!parser.isSet(QLatin1String(name)))
            return;
        bool ok = false;
        const double v = parser.value(QLatin1String(name)).toDouble(&ok);
        if (!ok || v <= 0)
            allOk = false;
        else
            into = v;
    };
    intValue("session-validity-seconds", options.session.validitySeconds);
    intValue("max-session-seconds", options.session.maxSessionSeconds);
    intValue("challenge-validity-seconds", options.auth.challengeSeconds);
    int emergencyMinutes = options.auth.emergencySessionSeconds / 60;
    intValue("emergency-minutes", emergencyMinutes);
    options.auth.emergencySessionSeconds = qMax(1, emergencyMinutes) * 60;
    intValue("otp-lockout-seconds", options.otp.lockoutSeconds);
    intValue("header-timeout-ms", options.limits.headerTimeoutMs);
    intValue("body-idle-timeout-ms", options.limits.bodyIdleTimeoutMs);
    intValue("keep-alive-timeout-ms", options.limits.keepAliveTimeoutMs);
    doubleValue("public-rate", options.limits.publicRatePerSecond);
    doubleValue("public-burst", options.limits.publicBurst);
    doubleValue("api-rate", options.limits.apiRatePerSecond);
    doubleValue("api-burst", options.limits.apiBurst);
    intValue("lease-seconds", options.jobs.leaseSeconds);
    options.startWorkers = !parser.isSet(QStringLiteral("no-workers"));
    options.faultPlanPath = parser.value(QStringLiteral("fault-plan"));
    if (!allOk || options.jobs.leaseSeconds < 1)
        return printUsage(QStringLiteral("numeric options take non-negative numbers"));

    PlatformServer server(parser.value(QStringLiteral("state")), options);
    Result<quint16> port = server.start();
    if (!port)
        return printError(port.error());
    printJson({{QStringLiteral("listening"), server.api().baseUrl().toString()},
               {QStringLiteral("ca_spki_sha256"), crypto::TlsPolicy::pinToHex(server.caSpkiSha256())},
               {QStringLiteral("catalog_spki_sha256"), crypto::TlsPolicy::pinToHex(server.catalogSpkiSha256())}});
    return QCoreApplication::exec();
}

} // namespace haip::server
