// The sub-commands of haip-cli, one file each. Every command returns the process exit code:
// 0 success, 1 failure of the work (some input failed), 2 usage error.
#pragma once

#include <QStringList>

namespace haip::cli {

class CliOutput;

using Command = int (*)(const QStringList &arguments, CliOutput &output);

struct CommandEntry
{
    const char *name;
    const char *summary; // one line for --help (English; the CLI's JSON is for machines)
    Command run;
};

int runInfo(const QStringList &arguments, CliOutput &output); // InfoCommand.cpp
int runPixels(const QStringList &arguments, CliOutput &output); // PixelsCommand.cpp
int runImport(const QStringList &arguments, CliOutput &output); // ImportCommand.cpp
int runPhantom(const QStringList &arguments, CliOutput &output); // PhantomCommand.cpp
int runBench(const QStringList &arguments, CliOutput &output); // BenchCommand.cpp
int runKeygen(const QStringList &arguments, CliOutput &output); // KeygenCommand.cpp
int runSeal(const QStringList &arguments, CliOutput &output); // SealCommand.cpp
int runOpen(const QStringList &arguments, CliOutput &output); // OpenCommand.cpp
int runRespond(const QStringList &arguments, CliOutput &output); // RespondCommand.cpp
int runLogin(const QStringList &arguments, CliOutput &output); // LoginCommand.cpp
int runLogout(const QStringList &arguments, CliOutput &output); // LogoutCommand.cpp
int runCatalog(const QStringList &arguments, CliOutput &output); // CatalogCommand.cpp
int runSubmit(const QStringList &arguments, CliOutput &output); // SubmitCommand.cpp
int runJobs(const QStringList &arguments, CliOutput &output); // JobsCommand.cpp
int runResult(const QStringList &arguments, CliOutput &output); // ResultCommand.cpp
int runAudit(const QStringList &arguments, CliOutput &output); // AuditCommand.cpp
int runDeid(const QStringList &arguments, CliOutput &output); // DeidCommand.cpp
int runConfig(const QStringList &arguments, CliOutput &output); // ConfigCommand.cpp

} // namespace haip::cli
