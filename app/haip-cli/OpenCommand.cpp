// haip-cli open: open a HAIP request envelope with the recipient's private key, or a response
// envelope with the requester's response key, streaming in constant memory.
//   haip-cli open --key KEY [--info TEXT] [--in FILE] [--out FILE]       < envelope > plaintext
//   haip-cli open --response-key KEY [--in FILE] [--out FILE]           < response > plaintext
// Chunks are written out as they verify; a failure (wrong key or info, damage, truncation)
// exits 1 with a JSON line on stderr, and whatever reached stdout must then be discarded
// (with --out the file is removed). Exit 2 on usage errors.
#include "CliOutput.h"
#include "Commands.h"
#include "EnvelopeArguments.h"
#include "crypto/EnvelopeReader.h"
#include "crypto/ResponseReader.h"

#include <QCommandLineParser>

namespace haip::cli {

using namespace Qt::StringLiterals;

int runOpen(const QStringList &arguments, CliOutput &)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption key(u"key"_s, u"recipient X25519 private key: base64 or @file"_s, u"key"_s);
    const QCommandLineOption info(u"info"_s, u"application info the envelope was sealed with"_s, u"text"_s);
    const QCommandLineOption responseKey(
        u"response-key"_s, u"open a response: the key from seal --response-key-out"_s, u"key"_s);
    const QCommandLineOption in(u"in"_s, u"read this file instead of stdin"_s, u"file"_s);
    const QCommandLineOption out(u"out"_s, u"write this file instead of stdout"_s, u"file"_s);
    parser.addOptions({key, info, responseKey, in, out});
    if (!parser.parse(QStringList {u"haip-cli open"_s} + arguments))
        return usageError(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"open: unexpected argument '%1'"_s.arg(parser.positionalArguments().front()));
    if (parser.isSet(key) == parser.isSet(responseKey))
        return usageError(u"open: give either --key KEY (a request) or --response-key KEY (a response)"_s);
    if (parser.isSet(responseKey) && parser.isSet(info))
        return usageError(u"open: --info applies to requests only"_s);

    std::optional<crypto::EnvelopeReader> requestReader;
    std::optional<crypto::ResponseReader> responseReader;
    if (parser.isSet(key)) {
        Result<crypto::PrivateKey> privateKey = privateKeyArgument(parser.value(key));
        if (!privateKey)
            return fail(privateKey.error(), 2);
        requestReader.emplace(std::move(*privateKey), parser.value(info).toUtf8());
    } else {
        Result<crypto::ResponseKey> responseKeyValue = responseKeyArgument(parser.value(responseKey));
        if (!responseKeyValue)
            return fail(responseKeyValue.error(), 2);
        responseReader.emplace(std::move(*responseKeyValue));
    }
    Result<StreamPair> streams = openStreams(parser.value(in), parser.value(out));
    if (!streams)
        return fail(streams.error(), 1);
    const Result<crypto::StreamTotals> opened = requestReader ? requestReader->openStream(*streams->in, *streams->out)
                                                              : responseReader->openStream(*streams->in, *streams->out);
    const Result<void> closed = closeStreams(*streams, opened.ok());
    if (!opened)
        return fail(opened.error().subject().isEmpty() ? opened.error().withSubject(streams->inName) : opened.error(),
                    1);
    if (!closed)
        return fail(closed.error(), 1);
    return 0;
}

} // namespace haip::cli
