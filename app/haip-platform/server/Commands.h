// The sub-commands of haip-platform, one file each. Each returns the process exit code:
// 0 success, 1 failure, 2 usage error. Machine-readable output is one JSON object per line on
// stdout (CommandOutput.h); messages for people go to stderr.
#pragma once

#include <QStringList>

namespace haip::server {

int runInit(const QStringList &arguments); // InitCommand.cpp
int runServe(const QStringList &arguments); // ServeCommand.cpp
int runOtp(const QStringList &arguments); // OtpCommand.cpp
int runWorker(const QStringList &arguments); // WorkerCommand.cpp
int runEmergencyCode(const QStringList &arguments); // EmergencyCodeCommand.cpp

} // namespace haip::server
