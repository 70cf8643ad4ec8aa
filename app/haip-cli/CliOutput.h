// Where haip-cli writes: JSON lines to stdout for machines, human messages to stderr.
// Errors are JSON objects too, built from haip::Error so scripts see stable codes.
#pragma once

#include "common/Error.h"

#include <QJsonObject>
#include <QTextStream>

namespace haip::cli {

class CliOutput
{
public:
    CliOutput();

    // One compact JSON object per line, UTF-8.
    void json(const QJsonObject &object);
    // A human-readable message on stderr.
    void message(const QString &text);
    // {"path": subject, "error": codeName, "message": translated text, "detail": …}
    static QJsonObject errorObject(const Error &error);
    // Prints a usage error and returns exit code 2.
    int usage(const QString &text);

private:
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace haip::cli
