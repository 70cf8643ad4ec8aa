#include "CommandOutput.h"

#include <QJsonDocument>

#include <cstdio>

namespace haip::server {

void printJson(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void printMessage(const QString &text)
{
    const QByteArray line = text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

int printError(const Error &error)
{
    printJson({{QStringLiteral("error"), error.codeName()},
               {QStringLiteral("message"), error.message()},
               {QStringLiteral("detail"), error.detail()},
               {QStringLiteral("subject"), error.subject()}});
    printMessage(error.message());
    return 1;
}

int printUsage(const QString &text)
{
    printMessage(text);
    return 2;
}

} // namespace haip::server
