// CommandOutput: how haip-platform's commands write — compact JSON lines on stdout (flushed at
// once, so a test reading the `serve` line sees it immediately), messages on stderr, and errors
// as {"error": codeName, "message": …, "detail": …} with exit code 1.
#pragma once

#include "common/Error.h"

#include <QJsonObject>
#include <QString>

namespace haip::server {

void printJson(const QJsonObject &object);
void printMessage(const QString &text);
int printError(const Error &error);
int printUsage(const QString &text); // returns 2

} // namespace haip::server
