// haip-cli catalog: the platform's signed service catalog, verified against the catalog pin of
// policy before anything is printed — one JSON line per service.
//   haip-cli catalog --session session.json --catalog-pin PIN
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "PlatformArguments.h"
#include "platform/JobClient.h"

#include <QJsonArray>

namespace haip::cli {

using namespace Qt::StringLiterals;

namespace {
QJsonObject serviceJson(const platform::CatalogService &s)
{
    return {{u"id"_s, s.id},
            {u"name"_s, QJsonObject {{u"ja"_s, s.name.ja}, {u"en"_s, s.name.en}}},
            {u"vendor"_s, s.vendor},
            {u"version"_s, s.version},
            {u"modalities"_s, QJsonArray::fromStringList(s.modalities)},
            {u"bodyParts"_s, QJsonArray::fromStringList(s.bodyParts)},
            {u"regulatory"_s, s.regulatoryStatus},
            {u"approvalNumber"_s, s.approvalNumber},
            {u"expectedTurnaroundSeconds"_s, s.expectedTurnaroundSeconds},
            {u"keyId"_s, s.keyId}};
}
} // namespace

int runCatalog(const QStringList &arguments, CliOutput &output)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption sessionOption(u"session"_s, u"saved session (haip-cli login)"_s, u"file"_s);
    const QCommandLineOption pinOption(u"catalog-pin"_s, u"SHA-256 of the catalog key's SPKI"_s, u"pin"_s);
    parser.addOptions({sessionOption, pinOption});
    if (!parser.parse(QStringList {u"haip-cli catalog"_s} + arguments))
        return usageError(parser.errorText());
    if (!parser.isSet(sessionOption) || !parser.isSet(pinOption))
        return usageError(u"catalog: --session and --catalog-pin are required"_s);
    Result<crypto::SpkiPin> pin = pinArgument(parser.value(pinOption));
    if (!pin)
        return fail(pin.error(), 2);
    Result<PlatformConnection> connection = connectWithSession(parser.value(sessionOption));
    if (!connection)
        return fail(connection.error(), 1);
    platform::JobClient jobs(*connection->api);
    jobs.fetchCatalog(*pin, [&output](Result<platform::Catalog> catalog) {
        if (!catalog)
            return finish(fail(catalog.error(), 1));
        for (const platform::CatalogService &s : catalog->services())
            output.json(serviceJson(s));
        finish(0);
    });
    return runUntilFinished();
}

} // namespace haip::cli
