#include "CliOutput.h"

#include <QJsonDocument>

#include <cstdio>

namespace haip::cli {

CliOutput::CliOutput() : m_out(stdout), m_err(stderr) { }

void CliOutput::json(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    m_out.flush();
}

void CliOutput::message(const QString &text)
{
    m_err << text << '\n';
    m_err.flush();
}

QJsonObject CliOutput::errorObject(const Error &error)
{
    QJsonObject o {{QStringLiteral("error"), error.codeName()}, {QStringLiteral("message"), error.message()}};
    if (!error.subject().isEmpty())
        o.insert(QStringLiteral("path"), error.subject());
    if (!error.detail().isEmpty())
        o.insert(QStringLiteral("detail"), error.detail());
    return o;
}

int CliOutput::usage(const QString &text)
{
    message(text);
    message(QStringLiteral("Run 'haip-cli --help' for the list of commands."));
    return 2;
}

} // namespace haip::cli
