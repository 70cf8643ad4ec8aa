// haip-cli: the headless face of the workstation for IT, scripts, tests and AI vendors.
// Every command writes machine-readable JSON lines on stdout.
#include "CliOutput.h"
#include "Commands.h"
#include "common/Library.h"
#include "common/Translations.h"

#include <QCoreApplication>

#include <array>

namespace haip::cli {
// Command table: name, summary, entry point. Commands are defined in <Name>Command.cpp.
static const std::array<CommandEntry, 18> kCommands {{
    {"info", "one JSON line per DICOM instance: identity, patient, image pixel module", &runInfo},
    {"pixels", "decode one frame to raw stored values", &runPixels},
    {"import", "index files, folders and DICOMDIRs into the local database", &runImport},
    {"phantom", "write a synthetic CT study with ground truth", &runPhantom},
    {"deid", "de-identify DICOM files (PS3.15 Annex E) into a folder", &runDeid},
    {"bench", "measure loading and decoding of a series", &runBench},
    {"keygen", "new X25519 envelope key pair (JSON)", &runKeygen},
    {"seal", "seal stdin into an envelope for a recipient key", &runSeal},
    {"open", "open an envelope (request or response) from stdin", &runOpen},
    {"respond", "seal a reply to the sender of a request envelope", &runRespond},
    {"login", "sign in to the platform (smart card + PIN + one-time password) and save the session", &runLogin},
    {"logout", "end the saved session on the platform and delete its file", &runLogout},
    {"catalog", "the platform's signed service catalog, verified against the pinned key", &runCatalog},
    {"submit", "seal DICOM files to a service, upload them resumably and create the job", &runSubmit},
    {"jobs", "the signed-in clinician's jobs", &runJobs},
    {"result", "download and open a job's sealed result", &runResult},
    {"audit", "verify the hash chain of the audit log: audit verify [FILE]", &runAudit},
    {"config", "show the effective configuration: IT policy over user settings over defaults", &runConfig},
}};
} // namespace haip::cli

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("haip-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("HAIP"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HAIP_VERSION));
    haip::LibraryScope library;
    haip::installTranslators(app);

    using namespace haip::cli;
    CliOutput output;
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h")) {
        output.message(QStringLiteral("usage: haip-cli <command> [options]\n\ncommands:"));
        for (const CommandEntry &c : kCommands)
            output.message(QStringLiteral("  %1  %2").arg(QLatin1String(c.name), -10).arg(QLatin1String(c.summary)));
        return args.isEmpty() ? 2 : 0;
    }
    if (args.front() == QLatin1String("--version")) {
        output.json({{QStringLiteral("program"), QStringLiteral("haip-cli")},
                     {QStringLiteral("version"), QStringLiteral(HAIP_VERSION)}});
        return 0;
    }
    const QString name = args.takeFirst();
    for (const CommandEntry &c : kCommands) {
        if (name == QLatin1String(c.name))
            return c.run(args, output);
    }
    return output.usage(QStringLiteral("unknown command '%1'").arg(name));
}
